"""Round 20: a changed figure in two one-sided rows of one gap (``core/check_slots.py``).

Why: round 19's learned link decision took apart the link holding "roughly 72%" against
"70 %" (an English-French paraphrase, unseen batch 63/64): two one-sided rows, no row check
saw the two figures together, and the page-wide twins land counts only beside a figure that
already landed.  Two one-sided rows in one gap whose figures are one kind (the same symbol
or unit written beside them) are where a taken-apart link left its sentences.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_slots
from workbench.core.check_slots import figure_kind, slot_twins, with_slots
from workbench.core.check_twins import with_twins

LINK = ("Le ministère a confirmé la grève.", "The ministry confirmed the strike.")
EN = "Roughly 72% of teachers walked out, the unions said."
FR = "Environ 70 % des enseignants ont cessé le travail, selon les syndicats."
LANGS = ("en", "fr")


def test_the_shipped_switch_is_on() -> None:
    assert check_slots.SLOT_TWINS


def test_a_taken_apart_link_flags_both_figures() -> None:
    rows = [LINK, (EN, ""), ("", FR), LINK]
    assert slot_twins(rows, LANGS) == [(1, 2, "72", "70")]
    got = with_slots(rows, [{}] * 4, LANGS)
    assert got == [{}, {"numbers": {"left_only": ["72"]}}, {"numbers": {"right_only": ["70"]}}, {}]


def test_with_twins_lands_the_slot_with_no_page_twin() -> None:
    rows = [LINK, (EN, ""), ("", FR)]
    got = with_twins(rows, [{}, {}, {}], [], [True, False, False], LANGS)
    assert got[1] == {"numbers": {"left_only": ["72"]}}
    assert got[2] == {"numbers": {"right_only": ["70"]}}


def test_a_link_between_the_rows_keeps_them_apart() -> None:
    assert slot_twins([(EN, ""), LINK, ("", FR)], LANGS) == []


def test_a_figure_the_other_copy_tells_is_no_change() -> None:
    rows = [(EN, ""), ("", FR), ("", "Le taux était de 72 % l'an dernier.")]
    assert slot_twins(rows, LANGS) == []


def test_figures_of_two_kinds_are_no_slot() -> None:
    rows = [("Roughly 72 teachers walked out.", ""), ("", FR)]
    assert slot_twins(rows, LANGS) == []


def test_one_language_is_left_to_the_row_checks() -> None:
    rows = [(EN, ""), ("", "About 70% of teachers walked out.")]
    assert slot_twins(rows, ("en", "en")) == []


def test_the_switch_off_finds_nothing(monkeypatch) -> None:
    monkeypatch.setattr(check_slots, "SLOT_TWINS", False)
    assert slot_twins([(EN, ""), ("", FR)], LANGS) == []


def test_an_already_flagged_figure_is_not_repeated() -> None:
    rows = [LINK, (EN, ""), ("", FR)]
    flags = [{"numbers": {"left_only": ["72"]}}, {}, {}]
    got = with_slots(rows, flags, LANGS)
    assert got == [flags[0], {}, {"numbers": {"right_only": ["70"]}}]


def test_figure_kind_reads_symbols_units_and_currency() -> None:
    assert figure_kind("Roughly 72% of them", "72") == {"%"}
    assert "%" in figure_kind("environ 70 % des", "70")
    assert figure_kind("rund 40 km entfernt", "40") >= {"km"}
    assert "$" in figure_kind("a fine of $300 was paid", "300")
    assert figure_kind("72 des enseignants", "72") == set()  # a short word is no unit


@given(st.integers(1, 500), st.integers(1, 500), st.sampled_from(["%", " %", " km"]),
       st.booleans())
def test_slot_exactly_when_values_differ_within_the_factor(
    a: int, b: int, unit: str, apart: bool
) -> None:
    left, right = f"Il y avait {a}{unit} de plus.", f"There were {b}{unit} more."
    rows = [(left, ""), LINK, ("", right)] if apart else [(left, ""), ("", right)]
    got = slot_twins(rows, ("fr", "en"))
    like = a != b and max(a, b) <= check_slots.SLOT_FACTOR * min(a, b)
    in_years = 1900 <= a <= 2099 or 1900 <= b <= 2099
    assert bool(got) == (like and not apart and not in_years)
    if got:
        k, j, x, y = got[0]
        assert (rows[k][0], rows[j][1]) == (left, right) and (x, y) == (str(a), str(b))


def test_the_compare_rows_flag_a_taken_apart_link() -> None:
    from workbench.core.align import Bead
    from workbench.services.compare_pairs import pair_rows
    from workbench.store.models import Segment

    def segs(texts: list[str], first: int, lang: str) -> list[Segment]:
        return [Segment(id=first + k, version_id=1, position=k, start=0, end=len(t), text=t,
                        lang=lang) for k, t in enumerate(texts)]  # fmt: skip

    beads = [Bead((0,), (0,), 0.6, "1-1", confidence=0.9),
             Bead((1,), (), 0.0, "1-0", confidence=0.3),
             Bead((), (1,), 0.0, "0-1", confidence=0.3)]  # fmt: skip
    rows = pair_rows(beads, segs([LINK[0], FR], 1, "fr"), segs([LINK[1], EN], 11, "en"), None,
                     ("fr", "en"))  # fmt: skip
    assert rows[1].flags["numbers"] == {"left_only": ["70"]}
    assert rows[2].flags["numbers"] == {"right_only": ["72"]}
    assert [r.status for r in rows][1:] == ["removed", "added"]
