"""The checks' gate reads the lead's row with its kept-apart dateline rejoined (beads39)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import align_dateline_gate as gate
from workbench.core import align_inner
from workbench.core.align_dateline_gate import dateline_gate, fronts, gate_of, rejoined
from workbench.core.align_repair import Bead
from workbench.services.compare_pairs import pair_rows
from workbench.store.models import Segment

# blind89's shape (beadse38): a dpa copy and a radio rewrite; the lead's 2-2 row holds a
# changed figure (180 -> 200).  Without "Varelbruch (dpa) -" the aligner rates the row .25
# (under the gate's .40); the same row with the dateline in front is rated .52.
LEFT = ["Varelbruch (dpa) -", "Rund 180 Operationen werden verschoben.",
        "Im Klinikverbund streiken die Pflegekräfte."]  # fmt: skip
RIGHT = ["Rund 200 planbare Operationen werden abgesagt.", "Der Ausstand trifft den Klinikverbund."]
KEEP = ([1, 2], [0, 1])
APART = Bead((0, 1), (0, 1), 0.57, "2-2", confidence=0.25)
REJOINED = Bead((0, 1), (0, 1), 0.55, "2-2", confidence=0.52)


def _on(monkeypatch) -> None:
    monkeypatch.setattr(align_inner, "DATELINES_APART", True)
    monkeypatch.setattr(gate, "DATELINE_GATE", True)


def _segments(texts: list[str], first_id: int) -> list[Segment]:
    return [Segment(id=first_id + k, version_id=1, position=k, text=t, role="body")
            for k, t in enumerate(texts)]  # fmt: skip


def test_lead_row_crosses_the_gate_only_apart(monkeypatch):
    _on(monkeypatch)
    seen = []

    def run(lt, rt):
        seen.append((lt, rt))
        return [REJOINED]

    scores = dateline_gate([APART], (LEFT, RIGHT), KEEP, run)
    assert seen == [(["Varelbruch (dpa) - Rund 180 Operationen werden verschoben.", LEFT[2]],
                     RIGHT)]  # fmt: skip
    assert gate_of(APART, scores) == (0.52, 0.55)
    left, right = _segments(LEFT[1:], 1), _segments(RIGHT, 10)
    shown = pair_rows([APART], left, right, None, ("de", "de"))
    gated = pair_rows([APART], left, right, None, ("de", "de"), scores)
    assert not shown[0].flags and shown[0].status == "uncertain"  # .25: never checked
    numbers = gated[0].flags["numbers"]
    assert numbers["left_only"] == ["180"] and numbers["right_only"] == ["200"]
    # the row's sentences are the aligner's; it shows the numbers its checks read
    assert (gated[0].left_segment_ids, gated[0].right_segment_ids) == ([1, 2], [10, 11])
    assert (gated[0].confidence, gated[0].score, gated[0].status) == (0.52, 0.55, "changed")


def test_off_or_no_dateline_runs_nothing(monkeypatch):
    def run(lt, rt):
        raise AssertionError("no second alignment")

    assert dateline_gate([APART], (LEFT, RIGHT), KEEP, run) == {}  # the switch off
    _on(monkeypatch)
    assert dateline_gate([APART], (LEFT, RIGHT), ([0, 1, 2], [0, 1]), run) == {}  # compared
    assert dateline_gate([APART], (LEFT[1:], RIGHT), ([0, 1], [0, 1]), run) == {}  # none


def test_a_row_the_second_alignment_groups_otherwise_keeps_its_numbers(monkeypatch):
    _on(monkeypatch)
    other = [Bead((0,), (0,), 0.6, "1-1", confidence=0.9), Bead((1,), (1,), 0.5, "1-1")]
    scores = dateline_gate([APART], (LEFT, RIGHT), KEEP, lambda lt, rt: other)
    assert gate_of(APART, scores) == (0.25, 0.57)


WORDS = st.sampled_from(["Die Flut stieg.", "Zwei Boote sanken.", "Kembs (dpa) -",
                         "BERLIN (AP) —", "Es regnete weiter.", "Varelbruch (dpa) -"])  # fmt: skip


@given(st.lists(WORDS, min_size=1, max_size=8), st.data())
def test_rejoined_keeps_every_line_and_adds_only_datelines(texts, data):
    shipped = align_inner.DATELINES_APART
    align_inner.DATELINES_APART = True
    try:
        keep = sorted(data.draw(st.sets(st.integers(0, len(texts) - 1), min_size=1)))
        front = fronts(texts, keep)
        out = rejoined(texts, keep, front)
    finally:
        align_inner.DATELINES_APART = shipped
    assert len(out) == len(keep)
    for pos, k in enumerate(keep):
        if pos in front:
            assert out[pos] == f"{texts[k - 1]} {texts[k]}" and k - 1 not in keep
        else:
            assert out[pos] == texts[k]


@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_rows_holding_no_lead_read_their_own_numbers(c1, s1, c2, s2):
    row = Bead((1,), (1,), s1, "1-1", confidence=c1)
    twin = Bead((1,), (1,), s2, "1-1", confidence=c2)
    assert gate_of(row, gate.gate_scores([row], ({0: 0}, {}), [twin])) == (c1, s1)
    lead = Bead((0,), (0,), s1, "1-1", confidence=c1)
    moved = Bead((0,), (0,), s2, "1-1", confidence=c2)
    assert gate_of(lead, gate.gate_scores([lead], ({0: 0}, {}), [moved])) == (c2, s2)


def _service_rows(settings, batch: str, story: str, pages: tuple[str, str]) -> list[dict]:
    import json
    from pathlib import Path

    from workbench.services.compare import alignment_detail, compare_versions
    from workbench.services.ingest import ingest_bytes

    gold = Path(__file__).resolve().parents[1] / "data" / "story-pairs" / batch
    ids = []
    for page in pages:
        meta = json.loads((gold / "gold-spans" / f"{story}__{page}.json").read_text("utf-8"))
        data = (gold / "pages" / meta["file"]).read_bytes()
        ids.append(ingest_bytes(settings, data, filename=Path(meta["file"]).name,
                                outlet=meta["outlet"]).version_id)  # fmt: skip
    return alignment_detail(settings, compare_versions(settings, *ids).alignment_id)["pairs"]


def test_the_compare_service_keeps_the_aligners_rows(settings, tmp_path, monkeypatch):
    """blind89's dpa copy -> radio rewrite through ingest and the compare service, the cut and
    the dateline apart, the gate off and on (each in its own database: the switch is no part
    of the stored result's fingerprint): the same rows, and no row shown ``uncertain``
    carries a flag."""
    from dataclasses import replace

    from workbench.core import segment
    from workbench.store.migrate import upgrade

    _on(monkeypatch)
    monkeypatch.setattr(segment, "DATELINE_SEGMENTS", True)
    (tmp_path / "other").mkdir()
    other = replace(settings, database_url=f"sqlite:///{tmp_path / 'other' / 'wb.db'}")
    upgrade(other.database_url)
    seen = []
    scores = gate.gate_scores
    monkeypatch.setattr(gate, "gate_scores", lambda *a: seen.append(a[1]) or scores(*a))
    runs = []
    for on, where in ((False, settings), (True, other)):
        monkeypatch.setattr(gate, "DATELINE_GATE", on)
        runs.append(_service_rows(where, "batch89", "jadebogen-nurses-strike-2026-12-01",
                                  ("nordsee_zeitung_dpa_de", "radio_bremen_de")))  # fmt: skip
    texts = [[(r["left_text"], r["right_text"]) for r in rows] for rows in runs]
    assert seen and any(seen[0])  # the dpa lead's "Varelbruch (dpa) -" was kept apart
    assert texts[0] == texts[1] and any(t[0] and t[1] for t in texts[1])
    assert not any(r["flags"] for r in runs[1] if r["status"] == "uncertain")
