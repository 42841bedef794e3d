"""The compare view and the story desk count a move the same: once (round 36, webb36).

A move is two rows on the compare view: where the sentence stood (``moved to row N``) and
where it went (``moved here from row N``).  The banner counted rows ("↕ moved: 2") where
the story desk, for the same pair, counts moves at their origin ("moved 1").  The banner
now says the desk's number; the twin carries it as ``moves`` beside ``counts`` (rows per
status, what the filters page through), and the stored summary still counts rows.
"""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from workbench.config import Settings
from workbench.services.compare import compare_versions
from workbench.services.ingest_files import ingest_sample_corpus


def test_banner_counts_moves_as_the_desk_does(client: FlaskClient, settings: Settings) -> None:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    wire, later = ids["northwire-v1.txt"], ids["northwire-v2.json"]
    alignment = compare_versions(settings, wire, later).alignment_id
    story = client.get("/api/stories/harbour-bridge-closure?compute=all").get_json()["story"]
    (row,) = [v for v in story["versions"] if v["id"] == later]
    assert row["comparison"]["alignment_id"] == alignment
    desk = row["comparison"]["counts"]["moved"]
    twin = client.get(f"/api/alignments/{alignment}").get_json()
    assert twin["counts"]["moved"] == 2 * desk == 2  # rows: the origin and the landing
    assert twin["moves"] == desk
    page = client.get(f"/alignments/{alignment}").get_data(as_text=True)
    summary = re.search(r'<p class="summary">(.*?)</p>', page, re.S).group(1)  # type: ignore[union-attr]
    text = " ".join(re.sub(r"<[^>]+>", " ", summary).split())
    assert re.search(rf"↕ moved: {desk}\b", text), text
    assert re.search(r"= unchanged: 9\b", text), text  # other statuses: rows, as before
