"""``workbench show`` counts rows from 1, as every view a person reads (round 37, webc37).

webb37 left it: its listing's ``pos`` column was the 0-based JSON position ("0" for the
headline) while the version page, the compare view, the story desk and the CLI's own facts,
QA and conflict lines say "row N" counting from 1.  The column is now ``row`` (position + 1),
so "row 3" on the CLI is row 3 on the page; ``--json`` keeps the 0-based ``position`` a
script reads, as the API does.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus


def _show(settings: Settings, *args: str) -> str:
    out = CliRunner().invoke(main, ["--database-url", settings.database_url, "show", *args])
    assert out.exit_code == 0, out.output
    return out.stdout


def test_the_listing_counts_rows_from_one(settings: Settings) -> None:
    vid = ingest_sample_corpus(settings)[0].version_id
    lines = _show(settings, str(vid)).splitlines()
    header = next(i for i, line in enumerate(lines) if line.split()[:2] == ["row", "role"])
    assert "pos" not in lines[header].split()
    data = json.loads(_show(settings, str(vid), "--json"))
    first = data["segments"][0]
    assert first["position"] == 0  # the JSON stays 0-based
    row = lines[header + 1].split()
    assert row[0] == "1" and row[1] == first["role"]


def test_a_role_filter_keeps_each_rows_number(settings: Settings) -> None:
    vid = ingest_sample_corpus(settings)[0].version_id
    data = json.loads(_show(settings, str(vid), "--json"))
    body = [s for s in data["segments"] if s["role"] == "body"]
    lines = _show(settings, str(vid), "--role", "body").splitlines()
    shown = [line.split()[0] for line in lines if line.split()[1:2] == ["body"]]
    assert shown == [str(s["position"] + 1) for s in body]
