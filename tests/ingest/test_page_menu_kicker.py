"""A menu row or crumb trail right above the title is no kicker (core.page_menu_kicker, round 35
rolesb, ``RoleParams.menu_kicker_words``).  The pages are written for the repository, in the
shapes of 104's varosh_ru (a nav row naming the region), 111's kolo_news_uk (a crumb trail)
and 10's lessentiel_de (a real kicker, gold headline)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with, rules_only
from workbench.core.page_menu_kicker import crumb_trail, menu_kicker
from workbench.core.page_shapes import DEFAULT_PARAMS, shapes
from workbench.core.segment import lines_as_paragraphs, segment_text

ON = replace(DEFAULT_PARAMS, menu_kicker_words=3)
OFF = replace(DEFAULT_PARAMS, menu_kicker_words=0)

STORY_RU = (
    "27.12.2026 00:21\n"
    "В субботу вечером в Закарпатье произошло землетрясение магнитудой 4,9.\n"
    "Толчки зафиксировали в 21:47, эпицентр находился вблизи села Верхняя Тересвянка на "
    "глубине около десяти километров.\n"
    "Землетрясение ощутили в Ужгороде, Мукачеве, Хусте и Рахове, а также в приграничных "
    "районах Румынии и Венгрии.\n"
    "По данным спасателей, повреждены 47 жилых домов: во многих треснули стены.\n"
)
TITLE_RU = "Землетрясение магнитудой 4,9 в Закарпатье: повреждены 47 домов\n"
NAV = "Новости События Ужгород Закарпатье Интервью"
CRUMB = "Главная / Ужгород / Закарпатье"
KICKER = "Землетрясение в Закарпатье"


def _page(menu: str) -> str:
    return "Varosh\n" + menu + "\n" + TITLE_RU + STORY_RU


def _line_shape(text: str):
    segs = lines_as_paragraphs(list(segment_text(_page(text), "ru")[1]))
    sh = shapes(segs)
    j = next(i for i, s in enumerate(segs) if s.text == text)
    told = [i for i, s in enumerate(segs) if i > j + 2]
    return j, segs, sh, told


def test_crumb_trails() -> None:
    assert crumb_trail("Главная / Новости / Полтавщина")
    assert crumb_trail("Startseite › Wirtschaft › Logistik")
    assert not crumb_trail("Startseite › Wirtschaft")  # one separator: a kicker may print one
    assert not crumb_trail("Ukraine / Russia / Talks go on.")  # a sentence
    assert not crumb_trail("Erdbeben in Rumänien")


def test_menu_rows_and_crumbs_are_no_kickers_but_a_kicker_is() -> None:
    for text, menu in ((NAV, True), (CRUMB, True), (KICKER, False)):
        j, segs, sh, told = _line_shape(text)
        assert menu_kicker(j, segs, sh, told, ON) is menu, text
        assert not menu_kicker(j, segs, sh, told, OFF)  # off: never


def test_through_assign_roles_the_nav_row_leaves_the_headline() -> None:
    for menu in (NAV, CRUMB):
        off = roles_with(_page(menu), "ru", menu_kicker_words=0)
        on = roles_with(_page(menu), "ru", menu_kicker_words=3)
        assert off[menu] == "headline"  # round 35's START: the menu read as the kicker
        assert on[menu] == "other"
        assert on[TITLE_RU.strip()] == "headline"
        assert {k: v for k, v in on.items() if k != menu} == {
            k: v for k, v in off.items() if k != menu
        }
        assert roles_with(_page(menu), "ru") == on  # shipped: menu_kicker_words 3


def test_a_kicker_with_a_lower_case_word_stays() -> None:
    off = roles_with(_page(KICKER), "ru", menu_kicker_words=0)
    on = roles_with(_page(KICKER), "ru", menu_kicker_words=3)
    assert on == off


_ABOVE = [
    NAV,
    CRUMB,
    KICKER,
    "Новости Интервью",
    "Главная / Закарпатье",
    "Все новости",
    "Новости / События / Ужгород / Видео",
    "Ужгород Закарпатье Мукачево Хуст Рахов",
]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(_ABOVE), st.sampled_from([0, 3, 4, 5]))
def test_only_a_menu_line_above_the_title_moves_and_only_out_of_the_headline(line, least) -> None:
    with rules_only():
        off = roles_with(_page(line), "ru", menu_kicker_words=0)
        on = roles_with(_page(line), "ru", menu_kicker_words=least)
    moved = {k for k in on if on[k] != off[k]}
    assert moved <= {line}
    if moved:
        j, segs, sh, told = _line_shape(line)
        assert least > 0 and off[line] == "headline" and on[line] != "headline"
        assert crumb_trail(line) or all(w[0].isupper() for w in line.split())
