"""A changed figure or dropped name its copy tells again in another row (round 16).

Invented sentences in the shape of round 15's dev misses (batches 10, 19, 27): the
headline or deck repeats the body's figure or place, the aligner links only the body
sentence, and the repetition sits in a one-sided row or a paraphrase row.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_echoes, check_repeats
from workbench.core.check_echoes import echoes

UK = [
    ("Удар по котельні: без тепла 146 будинків", ""),
    ("", "Котельня після атаки: без опалення 150 будинків"),
    ("Без тепла залишилися 146 будинків і дві школи.", "Без опалення 150 будинків і дві школи."),
]
FLAGGED = {"numbers": {"left_only": ["146"], "right_only": ["150"]}}


def test_a_replaced_figure_told_again_in_a_one_sided_headline_is_flagged_there() -> None:
    flags = [{}, {}, FLAGGED]
    out = echoes(UK, flags, [False, False, True], ("uk", "uk"))
    assert out[0] == {"numbers": {"left_only": ["146"]}}
    assert out[1] == {"numbers": {"right_only": ["150"]}}
    assert out[2] == FLAGGED
    assert flags[0] == {}  # the input is left as it was


def test_a_figure_the_other_copy_tells_anywhere_or_with_another_unit_is_no_echo() -> None:
    told = [*UK[:2], UK[2], ("", "Раніше повідомляли про 146 будинків.")]
    out = echoes(told, [{}, {}, FLAGGED, {}], [False, False, True, False], ("uk", "uk"))
    assert out[0] == {}  # 146 is told by the other copy: moved, not changed
    other_unit = [("Рух відновили о 4 год 146 хв.", ""), *UK[1:]]
    out = echoes(other_unit, [{}, {}, FLAGGED], [False, False, True], ("uk", "uk"))
    assert out[0] == {}  # "146 хв" is not "146 будинків"


def test_a_one_sided_count_does_not_echo_but_a_dropped_name_does_on_one_sided_rows() -> None:
    rows = [
        ("Die Erdstöße waren bis nach Moldau zu spüren.", ""),
        ("Die Erdstöße waren auch in Moldau zu spüren, 12 Menschen verletzt.",
         "Die Erdstöße waren bis Bukarest zu spüren."),
        ("In Moldau blieb es ruhig.", "In der Region blieb es ruhig."),
    ]  # fmt: skip
    flags = [{}, {"names": {"left_only": ["Moldau"]}, "numbers": {"left_only": ["12"]}}, {}]
    out = echoes(rows, flags, [False, True, True], ("de", "de"))
    assert out[0] == {"names": {"left_only": ["Moldau"]}}
    assert out[2] == {}  # a checked link that did not flag the name had its reasons


BODY = (
    "Rioni TV's director told OC Media that the channel had been paying off the debt "
    "in monthly instalments under an agreement with the commission."
)
OTHER = "She said the station had been paying off the debt under an agreement with the regulator."


def test_a_dropped_name_lands_only_on_a_row_that_retells_its_row() -> None:
    """Round 22 (dev b65, b71): a tagline or another fact that names the outlet again
    is no echo of the row that dropped it; a deck that repeats the sentence is."""
    rows = [
        ("OC Media is reader-funded.", ""),
        (BODY, OTHER),
        ("Rioni TV's director told OC Media that the debt was being paid off.", ""),
    ]
    flags = [{}, {"names": {"left_only": ["OC"]}}, {}]
    out = echoes(rows, flags, [False, True, False], ("en", "en"))
    assert out[0] == {}  # names it, tells something else
    assert out[2] == {"names": {"left_only": ["OC"]}}  # retells the flagged sentence


def test_name_retells_off_lands_every_name_as_before(monkeypatch) -> None:
    monkeypatch.setattr(check_echoes, "NAME_RETELLS", 0.0)
    rows = [("OC Media is reader-funded.", ""), (BODY, OTHER)]
    out = echoes(rows, [{}, {"names": {"left_only": ["OC"]}}], [False, True], ("en", "en"))
    assert out[0] == {"names": {"left_only": ["OC"]}}


def test_a_move_origin_repeating_the_flagged_sentence_is_no_echo() -> None:
    rows = [(UK[2][0], ""), *UK[1:]]
    out = echoes(rows, [{}, {}, FLAGGED], [False, False, True], ("uk", "uk"))
    assert out[0] == {}


def test_the_compare_rows_show_the_echo_on_the_one_sided_headlines() -> None:
    from workbench.core.align_repair import Bead
    from workbench.services.compare_pairs import pair_rows
    from workbench.store.models import Segment

    def segs(texts: list[str], first: int) -> list[Segment]:
        return [
            Segment(id=first + k, version_id=1, position=k, start=0, end=len(t), text=t, lang="uk")
            for k, t in enumerate(texts)
        ]

    left, right = [UK[0][0], UK[2][0]], [UK[1][1], UK[2][1]]
    beads = [
        Bead((0,), (), 0.0, "1-0", confidence=0.3),
        Bead((), (0,), 0.0, "0-1", confidence=0.3),
        Bead((1,), (1,), 0.8, "1-1", confidence=0.9),
    ]
    rows = pair_rows(beads, segs(left, 1), segs(right, 11), None, ("uk", "uk"))
    assert rows[2].flags["numbers"] == FLAGGED["numbers"]
    assert rows[0].flags == {"numbers": {"left_only": ["146"]}}
    assert rows[1].flags == {"numbers": {"right_only": ["150"]}}
    assert [r.status for r in rows] == ["removed", "added", "changed"]


def test_off_changes_nothing(monkeypatch) -> None:
    monkeypatch.setattr(check_echoes, "ECHOES", False)
    assert echoes(UK, [{}, {}, FLAGGED], [False, False, True], ("uk", "uk")) == [{}, {}, FLAGGED]


_WORDS = st.sampled_from(["146", "150", "будинків", "Київ", "Moldau", "шкіл", "2", "і", "у"])
_TEXT = st.lists(_WORDS, max_size=6).map(" ".join)
_ROWS = st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=5)


@given(_ROWS, st.data())
def test_echoes_only_add_flagged_tokens_the_row_writes(rows, data) -> None:
    flags = [
        data.draw(st.sampled_from([{}, FLAGGED, {"names": {"left_only": ["Moldau"]}}]))
        for _ in rows
    ]
    checked = data.draw(st.lists(st.booleans(), min_size=len(rows), max_size=len(rows)))
    check_repeats.REPEATS = False  # the echoes alone; the cap takes away (test_check_repeats)
    try:
        out = echoes(rows, flags, checked, ("uk", "uk"))
    finally:
        check_repeats.REPEATS = True
    assert len(out) == len(rows)
    raised = {(kind, side, t) for f in flags for kind, s in f.items() for side, ts in s.items()
              for t in ts}  # fmt: skip
    for row, before, after in zip(rows, flags, out, strict=True):
        for kind, sides in before.items():  # nothing taken away
            for side, tokens in sides.items():
                assert after[kind][side][: len(tokens)] == tokens
        for kind, sides in after.items():
            for side, tokens in sides.items():
                added = tokens[len(before.get(kind, {}).get(side, [])) :]
                text = row[0] if side == "left_only" else row[1]
                assert all((kind, side, t) in raised and t in text for t in added)
                assert len(set(tokens)) == len(tokens)  # each token once a row
