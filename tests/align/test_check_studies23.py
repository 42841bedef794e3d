"""Round 23: round 22's unseen false flags (batches 75, 76, now dev) as shapes.

Why: a dpa copy's headline told "zwei Feuerwehrleute verletzt" where the other copy's headline
told the residents' windows, while both bodies told the two firefighters word for word; the
figure is one headline's pick, not a changed fact.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_counted
from workbench.core.check_counted import headline_figures
from workbench.core.checks import check_pair, page_tokens

HEAD_LEFT = "Großbrand in Batterielager: Anwohner sollen Fenster geschlossen halten"
HEAD_RIGHT = "Hollerbeck: Großbrand in Batterielager – zwei Feuerwehrleute verletzt"
BODY = "Bei dem Brand sind zwei Feuerwehrleute leicht verletzt worden."


def _headlines(left_page: list[str]) -> dict:
    pages = (page_tokens(left_page, "de"), page_tokens([HEAD_RIGHT, BODY], "de"))
    return check_pair(HEAD_LEFT, HEAD_RIGHT, left_lang="de", right_lang="de", pages=pages,
                      regrouped=False)  # one headline against one


def test_the_shipped_switch_is_on() -> None:
    assert check_counted.HEADLINE_TOLD and not check_counted.HEADLINE_FIGURES


def test_a_headline_figure_the_other_page_tells_elsewhere_is_no_change() -> None:
    assert _headlines([HEAD_LEFT, BODY]) == {}


def test_a_headline_figure_the_other_page_never_tells_stays_a_flag() -> None:
    other = "Bei dem Brand wurde niemand verletzt."
    assert _headlines([HEAD_LEFT, other]) == {"numbers": {"right_only": ["zwei"]}}


def test_without_the_switch_the_told_figure_is_flagged(monkeypatch) -> None:
    monkeypatch.setattr(check_counted, "HEADLINE_TOLD", False)
    assert _headlines([HEAD_LEFT, BODY]) == {"numbers": {"right_only": ["zwei"]}}


def test_a_replaced_headline_figure_stays_a_flag_though_the_page_tells_it() -> None:
    nums = {"left_only": ["30"], "right_only": ["40"]}
    told = (frozenset({"40"}), frozenset({"30"}))
    assert headline_figures(nums, True, told, ("uk", "uk")) == nums


@given(st.integers(min_value=11, max_value=10**6), st.booleans())
def test_only_told_values_leave_a_headline_row(value: int, told_there: bool) -> None:
    nums = {"left_only": [str(value)]}
    told = (frozenset(), frozenset({str(value)} if told_there else {str(value + 1)}))
    got = headline_figures(nums, True, told, ("en", "en"))
    assert got == ({} if told_there else nums)
    assert headline_figures(nums, False, told, ("en", "en")) == nums  # body rows: untouched
