"""A support button above the story (core.page_menu_buttons, round 34 roles34): a menu's
"Donate" item is chrome, a banner that speaks (a sentence, the site's voice) stays the appeal
down to its button.  The pages are written for the repository, in the shapes of batches 96
and 122 (a banner over the masthead) and 14/15 (a lone button under the nav bar)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with
from workbench.core.page_menu_buttons import menu_buttons
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.roles import _appeal_button, _fixed_roles, normalise
from workbench.core.segment import lines_as_paragraphs, segment_text

ON = replace(DEFAULT_PARAMS, voiced_boxes=True)
OFF = replace(DEFAULT_PARAMS, voiced_boxes=False)

STORY = (
    "Зсув у Соколиці-Гірській: дорогу засипало, людей евакуювали\n\n"
    "Марія Гнатюк 27 березня 2027 17:05\n\n"
    "Близько 250 метрів автодороги у Соколиці-Гірській засипало зсувом ґрунту, повідомили в "
    "суботу в обласній адміністрації.\n"
    "Із будинків на вулиці Лісовій вивели 26 мешканців, зокрема сімох дітей; ніхто не "
    "постраждав.\n"
)
BANNER = "Громада ТБ працює завдяки глядачам.\nПідтримайте нас Підтримати\n\n"
MENU = "ГРОМАДА ТБ Ефір Новини Відео\n\n"
LONE = "Громада ТБ\nЕфір  Новини  Відео  Спорт\nПідтримати\n\n"


def _button(text: str) -> bool:
    return _appeal_button(normalise(text))


def _fixed(text: str, params) -> tuple[list, list[str | None]]:
    segs = lines_as_paragraphs(list(segment_text(text, "uk")[1]))
    fixed = _fixed_roles(segs, [None] * len(segs), [False] * len(segs))
    return segs, menu_buttons(segs, fixed, params, _button)


def test_a_banner_that_speaks_stays_the_appeal_only_with_the_switch() -> None:
    segs, on = _fixed(BANNER + MENU + STORY, ON)
    assert segs[0].text.startswith("Громада ТБ працює") and segs[1].text.startswith("Підтримайте")
    assert on[:2] == ["appeal", "appeal"]
    _, off = _fixed(BANNER + MENU + STORY, OFF)
    assert off[1] == "other"


def test_a_lone_button_under_the_nav_bar_stays_a_menu_item() -> None:
    for params in (ON, OFF):
        segs, out = _fixed(LONE + STORY, params)
        k = next(i for i, s in enumerate(segs) if s.text == "Підтримати")
        assert out[k] == "other"


def test_a_button_in_a_wide_gapped_nav_row_is_the_menus() -> None:
    text = "News  War  Politics  Society  Support us\n" + STORY
    segs, on = _fixed(text, ON)
    _, off = _fixed(text, OFF)
    assert on == off


def test_through_assign_roles_the_banner_is_appeal_when_on() -> None:
    text = BANNER + MENU + STORY
    on = roles_with(text, "uk", voiced_boxes=True)
    off = roles_with(text, "uk", voiced_boxes=False)
    assert on["Громада ТБ працює завдяки глядачам."] == "appeal"
    assert on["Підтримайте нас Підтримати"] == "appeal"
    assert off["Підтримайте нас Підтримати"] == "other"
    assert {k: v for k, v in on.items() if v != "appeal"} == {
        k: v for k, v in off.items() if on[k] != "appeal"
    }


@given(st.lists(st.sampled_from([BANNER, MENU, LONE, "Підтримати\n", "Donate  Sign in\n"]),
                min_size=1, max_size=4))  # fmt: skip
def test_the_switch_only_keeps_appeal_lines_above_the_story(parts: list[str]) -> None:
    text = "".join(parts) + "\n" + STORY
    segs, on = _fixed(text, ON)
    _, off = _fixed(text, OFF)
    fixed = _fixed_roles(segs, [None] * len(segs), [False] * len(segs))
    for k, (a, b) in enumerate(zip(off, on, strict=True)):
        if a != b:  # the switch only gives back what the words fixed: the appeal, or None
            assert b in ("appeal", None) and fixed[k] in ("appeal", None)
            assert segs[k].text not in STORY
