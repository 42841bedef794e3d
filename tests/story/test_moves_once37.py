"""A move is counted once everywhere a count of moves is shown (round 37, web37).

At START the compare view's banner and its twin's ``moves`` counted a moved sentence once
(at its origin, as the story desk), while the stored summary, the CLI's ``compare`` line,
``workbench alignments`` and the exports said "moved 2" for the same pair: a move is two
rows (where the sentence stood and where it went).  One rule now
(``compare_pairs.count_moves``): the summary carries ``moves`` beside the rows per status
(``moved`` stays the rows, what the filters page through), and every line that names a
number of moves prints ``moves``.  A summary stored before round 37 has no ``moves``: it is
counted from the stored rows when read.
"""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlmodel import Session

from workbench.cli import main
from workbench.config import Settings
from workbench.services.compare import compare_versions
from workbench.services.export import export_alignment
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.store.db import get_engine
from workbench.store.models import Alignment
from workbench.web import create_app


def _pair(settings: Settings) -> tuple[int, int, int]:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    wire, later = ids["northwire-v1.txt"], ids["northwire-v2.json"]
    return wire, later, compare_versions(settings, wire, later).alignment_id


def test_summary_cli_and_exports_count_moves_as_the_banner(settings: Settings) -> None:
    wire, later, alignment = _pair(settings)
    twin = create_app(settings).test_client().get(f"/api/alignments/{alignment}").get_json()
    assert twin["moves"] == 1 and twin["counts"]["moved"] == 2
    summary = twin["alignment"]["summary"]
    assert summary["moves"] == 1 and summary["moved"] == 2  # moves, and rows per status
    document = json.loads(export_alignment(settings, alignment, "json"))
    assert document["alignment"]["summary"]["moves"] == 1
    lines = export_alignment(settings, alignment, "jsonl").splitlines()
    head = json.loads(lines[0])
    assert head["alignment"]["summary"]["moves"] == 1
    runner = CliRunner()
    base = ["--database-url", settings.database_url]
    listed = runner.invoke(main, [*base, "alignments"])
    assert listed.exit_code == 0 and "moved 1," in listed.output, listed.output
    again = runner.invoke(main, [*base, "compare", str(wire), str(later)])
    assert again.exit_code == 0 and "moved 1," in again.output, again.output
    as_json = json.loads(runner.invoke(main, [*base, "compare", str(wire), str(later),
                                              "--json"]).output)  # fmt: skip
    assert as_json["summary"]["moves"] == 1


def test_a_summary_stored_before_is_counted_from_its_rows(settings: Settings) -> None:
    wire, later, alignment = _pair(settings)
    with Session(get_engine(settings.database_url)) as session:
        row = session.get(Alignment, alignment)
        assert row is not None
        row.summary = {k: v for k, v in row.summary.items() if k != "moves"}
        session.add(row)
        session.commit()
    twin = create_app(settings).test_client().get(f"/api/alignments/{alignment}").get_json()
    assert twin["alignment"]["summary"]["moves"] == 1
    assert compare_versions(settings, wire, later).summary["moves"] == 1
    listed = CliRunner().invoke(main, ["--database-url", settings.database_url, "alignments"])
    assert "moved 1," in listed.output, listed.output
