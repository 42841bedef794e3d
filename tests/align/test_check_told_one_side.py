"""One side of a number change (round 35, flagsb35; no rule, the mechanism pinned): a figure is
"told elsewhere" by its value alone (``check_told.moved_away``), so when the new copy tells the
old value beside the row in another sense ("Linie 14"), a change 14 -> 15 is flagged on the new
side only.  Keeping a dropped figure whenever the row's other side keeps one (a replacement)
raised 1 false token on dev (5 with ``either`` counted false) and found none; so it is left."""

from __future__ import annotations

from workbench.core.checks import check_pair, page_tokens

BOTH = {"numbers": {"left_only": ["14"], "right_only": ["15"]}}
OLD = "Die Linie hält künftig nur noch an 14 Haltestellen."
NEW = "Die Linie hält künftig nur noch an 15 Haltestellen."


def _flags(beside_new: str) -> dict:
    near = (page_tokens([], "de"), page_tokens([beside_new], "de"))
    return check_pair(OLD, NEW, left_lang="de", right_lang="de", beside=near, confidence=0.9,
                      similarity=0.9)  # fmt: skip


def test_a_changed_figure_flags_both_sides() -> None:
    assert _flags("Der Bus fährt weiter.") == BOTH


def test_the_old_value_told_beside_in_another_sense_leaves_the_new_side_only() -> None:
    assert _flags("Die Linie 14 fährt weiter.") == {"numbers": {"right_only": ["15"]}}


def test_a_clock_time_beside_is_no_value_told() -> None:
    assert _flags("Der erste Bus fährt um 14 Uhr.") == BOTH
