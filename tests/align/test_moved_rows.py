"""A moved sentence keeps its pairing everywhere: stored rows, JSON twin, export, TMX, story.

Why: the aligner returns a move as two half beads tied by ``move_to``.  A
reader needs to see what moved where *and* what changed on the way (here a
year edited in a paragraph moved to the end): the landing row carries both
sentences, their diff and their flags; the origin row marks the place left.
"""

from __future__ import annotations

import json

import pytest
from lxml import etree

from workbench.config import Settings
from workbench.core.story import Row, summarise
from workbench.services.compare import alignment_detail, compare_versions
from workbench.services.export import export_alignment
from workbench.services.ingest import ingest_bytes
from workbench.web import create_app

MOVED_OLD = "The bridge was built in 1974 and last renovated in 2011."
MOVED_NEW = "The bridge was built in 1974 and last renovated in 2012."
V1 = [
    "Storm damage shuts the harbour bridge in Port Elden",
    "",
    "Engineers closed the Harbour Bridge in Port Elden on Sunday night after a storm surge.",
    "About 42,000 vehicles cross the bridge every day, the transport authority said.",
    MOVED_OLD,
    "Ferries will run every 20 minutes between the northern and southern quays.",
    "Local businesses warned that the closure could cost them dearly.",
    "Mayor Jonas Feld has called an emergency council meeting for Tuesday.",
]
V2 = [*V1[:4], *V1[5:], MOVED_NEW]


def _ingest(settings: Settings, lines: list[str], name: str) -> int:
    data = "\n".join(lines).encode("utf-8")
    return ingest_bytes(settings, data, filename=name, outlet="Northwire", article="bridge",
                        url=f"https://example.org/{name}",
                        captured_at="2026-03-02T08:00:00Z").version_id  # fmt: skip


@pytest.fixture
def moved(settings: Settings) -> int:
    left, right = _ingest(settings, V1, "v1.txt"), _ingest(settings, V2, "v2.txt")
    return compare_versions(settings, left, right, roles=None).alignment_id


def _moves(pairs: list[dict]) -> tuple[dict, dict]:
    rows = [p for p in pairs if p["status"] == "moved"]
    assert len(rows) == 2
    origin = next(p for p in rows if not p["right_segment_ids"])
    landing = next(p for p in rows if p["right_segment_ids"])
    return origin, landing


def test_landing_row_carries_the_link_its_diff_and_flags(settings: Settings, moved: int) -> None:
    detail = alignment_detail(settings, moved)
    origin, landing = _moves(detail["pairs"])
    assert origin["move_to"] == landing["position"] and landing["move_to"] == origin["position"]
    assert origin["left_text"] == MOVED_OLD and origin["right_text"] == ""
    assert landing["left_segment_ids"] == origin["left_segment_ids"]
    assert (landing["left_text"], landing["right_text"]) == (MOVED_OLD, MOVED_NEW)
    assert landing["kind"] == "1-1" and origin["kind"] == "1-0"
    assert [-1, "2011"] in landing["diff_ops"] and [1, "2012"] in landing["diff_ops"]
    assert landing["flags"]["numbers"] == {"left_only": ["2011"], "right_only": ["2012"]}
    assert 0 < landing["edit_ratio"] < 0.2
    assert detail["summary"]["moved"] == 2  # rows: the origin marker and the landing


def test_export_json_and_tmx_keep_the_moved_pair(settings: Settings, moved: int) -> None:
    document = json.loads(export_alignment(settings, moved, "json"))
    rows = [p for p in document["pairs"] if p["status"] == "moved"]
    landing = next(p for p in rows if p["right"]["segment_ids"])
    assert landing["left"]["text"] == MOVED_OLD and landing["right"]["text"] == MOVED_NEW
    assert landing["left"]["segment_ids"] and landing["move_to"] is not None
    lines = [json.loads(x) for x in export_alignment(settings, moved, "jsonl").splitlines()]
    assert [p for p in lines if p["type"] == "pair" and p["status"] == "moved"] == [
        {"type": "pair", "alignment_id": moved, **p} for p in rows]  # the same shape, line by line
    units = etree.fromstring(export_alignment(settings, moved, "tmx").encode("utf-8"))
    segs = [[seg.text for seg in tu.iter("seg")] for tu in units.iter("tu")]
    assert [MOVED_OLD, MOVED_NEW] in segs  # before: a moved sentence was absent from TMX
    statuses = [tu.find("prop[@type='x-status']").text for tu in units.iter("tu")]
    assert statuses.count("moved") == 1  # once per move, not once per row


def test_story_counts_a_move_once_and_reports_its_changed_fact() -> None:
    rows = [
        Row(0, "unchanged", [1], [11], "A.", "A."),
        Row(1, "moved", [2], [], MOVED_OLD, "", {}),
        Row(2, "unchanged", [3], [12], "B.", "B."),
        Row(3, "moved", [2], [13], MOVED_OLD, MOVED_NEW,
            {"numbers": {"left_only": ["2011"], "right_only": ["2012"]}}),
    ]  # fmt: skip
    digest = summarise(rows, same_language=True)
    assert digest["counts"]["moved"] == 1 and digest["counts"]["verbatim"] == 2
    assert digest["counts"]["added"] == 0
    (fact,) = digest["facts"]
    assert (fact["reference"], fact["version"], fact["position"]) == (["2011"], ["2012"], 3)


def test_compare_page_and_json_twin_show_where_it_moved(settings: Settings, moved: int) -> None:
    client = create_app(settings).test_client()
    pairs = client.get(f"/api/alignments/{moved}").get_json()["alignment"]["pairs"]
    origin, landing = _moves(pairs)
    assert landing["left_text"] == MOVED_OLD and landing["right_text"] == MOVED_NEW
    page = client.get(f"/alignments/{moved}").get_data(as_text=True)
    assert f"moved to row {landing['position'] + 1}" in page  # rows count from 1 (webb37)
    assert f"moved here from row {origin['position'] + 1}" in page
    assert "<del>2011</del>" in page and "<ins>2012</ins>" in page


def test_move_links_gives_the_landing_its_origin_and_keeps_positions() -> None:
    from workbench.core.align_moves import move_links
    from workbench.core.align_repair import Bead

    beads = [
        Bead((0,), (0,), 1.0, "1-1"),
        Bead((1,), (), 0.6, "1-0", move_to=3),
        Bead((2,), (1,), 1.0, "1-1"),
        Bead((), (2,), 0.6, "0-1", move_to=1),
        Bead((3,), (), 0.0, "1-0"),
    ]
    rows = move_links(beads)
    assert rows[3] == Bead((1,), (2,), 0.6, "1-1", move_to=1)
    assert [rows[k] for k in (0, 1, 2, 4)] == [beads[k] for k in (0, 1, 2, 4)]
    assert move_links(rows) == rows  # a landing that already carries its link stays as it is
