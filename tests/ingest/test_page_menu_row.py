"""A support button ending a nav row printed with single spaces (core.page_menu_buttons,
round 35 roles35, ``RoleParams.menu_row_words``): the button's own "us" does not make the
row a banner.  The pages are written for the repository, in the shapes of 126's
dnister_daily_ukrinform_en (the row), 57's rubryka_en (a lone "Support us" under the nav bar,
gold ``appeal``) and 122's hromada_tv_uk (a banner whose words ahead of the button are
lower-case)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with
from workbench.core.page_menu_buttons import _items_ahead, menu_buttons
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.roles import _appeal_button, _fixed_roles, normalise
from workbench.core.segment import lines_as_paragraphs, segment_text

ROWS = replace(DEFAULT_PARAMS, voiced_boxes=True, menu_row_words=3)
NO_ROWS = replace(DEFAULT_PARAMS, voiced_boxes=True, menu_row_words=0)

STORY = (
    "Vinnytsia region tile factory to shut, 640 workers to lose jobs\n"
    "30.04.2027 19:12 Ukrinform\n"
    "The Keramkrai ceramic tile factory in the town of Bilokamianka will halt production on "
    "June 1, leaving 640 people without work.\n"
    "Director Andrii Kravets said the owner could no longer absorb losses caused by high gas "
    "prices.\n"
)
ROW = "DNISTER DAILY UA | EN\nNews Economy Regions War Culture Support us\n"
LONE = "Rubryka\nSolutions Communities Education Health War Ukrainian\nSupport us\nNews\n"
BANNER = "Громада ТБ працює завдяки глядачам.\nПідтримайте нас Підтримати\n"


def _button(text: str) -> bool:
    return _appeal_button(normalise(text))


def _fixed(text: str, params) -> tuple[list, list[str | None]]:
    segs = lines_as_paragraphs(list(segment_text(text, "en")[1]))
    fixed = _fixed_roles(segs, [None] * len(segs), [False] * len(segs))
    return segs, menu_buttons(segs, fixed, params, _button)


def test_the_items_ahead_of_the_button() -> None:
    assert _items_ahead("News Economy Regions War Culture Support us", _button, 3)
    assert not _items_ahead("News Economy Regions War Culture Support us", _button, 0)
    assert not _items_ahead("War Culture Support us", _button, 3)  # two items: too few
    assert not _items_ahead("Support us", _button, 3)
    assert not _items_ahead("Підтримайте нас Підтримати", _button, 3)
    assert not _items_ahead("Read Our Daily News. Support us", _button, 3)  # a sentence ends
    assert not _items_ahead("News Economy Regions War Culture", _button, 3)  # no button


def test_a_nav_row_ending_in_the_button_is_the_menus() -> None:
    segs, rows = _fixed(ROW + STORY, ROWS)
    k = next(i for i, s in enumerate(segs) if s.text.startswith("News Economy"))
    assert rows[k] == "other"
    _, no_rows = _fixed(ROW + STORY, NO_ROWS)
    assert no_rows[k] == "appeal"  # round 34: the button's own "us" spoke


def test_a_lone_button_and_a_banner_stay_the_appeal() -> None:
    for text in (LONE + STORY, BANNER + STORY):
        segs, rows = _fixed(text, ROWS)
        _, no_rows = _fixed(text, NO_ROWS)
        assert rows == no_rows
        assert "appeal" in rows


def test_through_assign_roles_by_default() -> None:
    out = roles_with(ROW + STORY, "en")
    assert out["News Economy Regions War Culture Support us"] == "other"
    before = roles_with(ROW + STORY, "en", menu_row_words=0)
    assert before["News Economy Regions War Culture Support us"] == "appeal"
    assert {k: v for k, v in out.items() if not k.startswith("News Econ")} == {
        k: v for k, v in before.items() if not k.startswith("News Econ")
    }


_ITEMS = ["News", "Economy", "War", "Support us", "Donate", "we", "Help", "us.", "Sign"]


@given(st.lists(st.sampled_from(_ITEMS), min_size=1, max_size=7), st.integers(0, 5))
def test_rows_only_take_appeal_away_from_a_row_with_enough_items(words, least) -> None:
    text = "Site\n" + " ".join(words) + "\n" + STORY
    segs, no_rows = _fixed(text, NO_ROWS)
    _, rows = _fixed(text, replace(NO_ROWS, menu_row_words=least))
    row = any(_items_ahead(s.text, _button, least) for s in segs)
    for a, b in zip(no_rows, rows, strict=True):
        if a != b:  # a run holding a row's button is the menu's, as a wide-gapped row's
            assert a == "appeal" and b in ("other", None) and least > 0 and row
