"""One row numbering for users: rows count from 1 (round 37, webb37).

web37 left it: the version page (the CAT view) numbered its rows from 0 ("0" for the
headline), the compare view's "moved to row", the story desk's facts, the CLI's facts and
the XLIFF conflict messages said "row N" on the same 0-based numbering, while the compare
view's change counter ("1 / 7") counts from 1, as a journalist does.  Now every number a
reader sees is the position + 1 (the version page, its textarea labels, the compare view,
the story desk and CLI facts, a segment's history, the QA table, XLIFF conflicts on the
page and the CLI, and the XLIFF ``resname`` a CAT tool shows, ``segment-N``, so "row 6"
and "segment-6" still agree).  What a program reads stays 0-based: the JSON ``position``,
the ``#pair-N`` anchors and ``?at=N``.
"""

from __future__ import annotations

import re

from click.testing import CliRunner

from tests.align.test_moved_rows import _moves, moved  # noqa: F401  (a fixture)
from workbench.cli import main
from workbench.config import Settings
from workbench.services.deliverables import export_translation
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.web import create_app

STORY = "harbour-bridge-closure"


def test_the_version_page_counts_from_one(settings: Settings) -> None:
    ids = [r.version_id for r in ingest_sample_corpus(settings)]
    client = create_app(settings).test_client()
    page = client.get(f"/versions/{ids[0]}?target=de").get_data(as_text=True)
    rows = re.findall(r'<tr id="seg-\d+"[^>]*>\s*<td>(\d+)</td>', page)
    assert rows[:3] == ["1", "2", "3"], rows[:3]
    assert 'aria-label="Translation of segment 1"' in page
    body = str(export_translation(settings, ids[0], "de", "xliff")[0])
    assert 'resname="segment-1"' in body and 'resname="segment-0"' not in body


def test_moved_rows_and_story_facts_count_from_one(settings: Settings, moved: int) -> None:  # noqa: F811
    client = create_app(settings).test_client()
    pairs = client.get(f"/api/alignments/{moved}").get_json()["alignment"]["pairs"]
    origin, landing = _moves(pairs)
    page = client.get(f"/alignments/{moved}").get_data(as_text=True)
    assert f'href="#pair-{landing["position"]}">moved to row {landing["position"] + 1}<' in page
    assert f"moved here from row {origin['position'] + 1}<" in page


def test_story_facts_count_from_one_on_the_page_and_the_cli(settings: Settings) -> None:
    ingest_sample_corpus(settings)
    client = create_app(settings).test_client()
    story = client.get(f"/api/stories/{STORY}?compute=all").get_json()["story"]
    facts = [f for v in story["versions"] for f in (v.get("comparison") or {}).get("facts", [])]
    assert facts
    page = client.get(f"/stories/{STORY}").get_data(as_text=True)
    shown = re.findall(r'\?at=(\d+)#pair-\d+">row (\d+)</a>', page)
    assert shown and all(int(row) == int(at) + 1 for at, row in shown), shown
    out = CliRunner().invoke(main, ["--database-url", settings.database_url, "story", STORY])
    assert out.exit_code == 0, out.output
    cli_rows = sorted(int(n) for n in re.findall(r"\(row (\d+)\)", out.output))
    assert cli_rows == sorted(f["position"] + 1 for f in facts)
