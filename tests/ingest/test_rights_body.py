"""A rights line read as a sentence is the site's footer (round 43 roles43,
``RoleParams.rights_body``, ``core.page_footer.rights_line``).

The shape of two dev pages of two batches (89 pershyi_zhytomyrskyi_uk, 157
skhid_podillia_ukrinform_uk): under the story and the site's teasers the page ends with the
line "Усі права захищено." (alone, or followed on its line by the reuse note), whose period
made the rules read it as a story sentence.  The page below is written for the repository.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with, rules_only
from workbench.core.page_footer import footer_tail, rights_line
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.segment import segment_text

TITLE = "У Гайсині закривається міська пекарня, без роботи залишаться 40 людей"
STORY = [
    "У Гайсині міська пекарня «Добрий хліб» припиняє роботу з першого січня.",
    "Про це повідомив директор підприємства Олег Савчук.",
    "За його словами, витрати на електроенергію за рік зросли майже вдвічі.",
    "Місцева влада обіцяє допомогти працівникам знайти нову роботу.",
]
TAIL = [
    "Читайте також: На Вінниччині відкрили новий пункт незламності",
    "Новини партнерів",
    "Як зекономити на опаленні взимку: поради енергетиків",
]
RIGHTS = "Усі права захищено."
REUSE = "Використання матеріалів дозволяється за умови посилання на «Гайсин Сьогодні»."


def _page(last_line: str) -> str:
    return "\n".join(["Гайсин Сьогодні Новини Економіка", TITLE, *STORY, *TAIL, last_line]) + "\n"


def test_the_rights_line_and_its_note_leave_the_story() -> None:
    """Off, the rights line and the reuse note on its line are body; on, the site's; the
    story above does not move."""
    text = _page(f"{RIGHTS} {REUSE}")
    with rules_only():
        off = roles_with(text, "uk", rights_body=False)
        on = roles_with(text, "uk", rights_body=True)
    assert off[RIGHTS] == "body" and off[REUSE] == "body"
    assert on[RIGHTS] == "other" and on[REUSE] == "other"
    assert all(on[s] == off[s] == "body" for s in STORY)
    assert {k: v for k, v in on.items() if k not in (RIGHTS, REUSE)} == {
        k: v for k, v in off.items() if k not in (RIGHTS, REUSE)
    }


def test_the_layer_keeps_it_out() -> None:
    """With the learned layer on (as shipped), the line alone at the page's end is chrome."""
    on = roles_with(_page(RIGHTS), "uk")
    assert on[RIGHTS] == "other"
    assert all(on[s] == "body" for s in STORY)


def test_a_story_sentence_quoting_the_phrase_stays() -> None:
    """Mid-line, or over more story than stands above it, the phrase is the story's."""
    quoted = "Автор книжки наголосив: усі права захищено, і копіювати текст заборонено."
    segs = list(segment_text(" ".join([STORY[0], quoted]), "uk")[1])
    assert not any(rights_line(segs, m) for m in range(len(segs)))
    text = "\n".join([STORY[0], RIGHTS, *STORY[1:]])
    segs = list(segment_text(text, "uk")[1])
    roles = ["body"] * len(segs)
    assert footer_tail(segs, roles, replace(DEFAULT_PARAMS, rights_body=True)) == roles


@given(st.sampled_from(["Усі права захищено.", "All rights reserved.", "Alle Rechte vorbehalten.",
                        "Tous droits réservés.", "Все права защищены."]),
       st.integers(min_value=1, max_value=3))  # fmt: skip
def test_a_rights_line_under_a_longer_story_is_chrome(phrase: str, n: int) -> None:
    """Whatever the language's phrase, a rights line under the story turns it and the body
    below it on its line ``other`` (on), and nothing moves off; the story stays."""
    text = "\n".join([*STORY[:n + 1], f"{phrase} Alle Rechte beim Verlag."]) + "\n"
    segs = list(segment_text(text, "uk")[1])
    roles = ["body"] * len(segs)
    on = footer_tail(segs, roles, replace(DEFAULT_PARAMS, rights_body=True))
    off = footer_tail(segs, roles, replace(DEFAULT_PARAMS, rights_body=False))
    assert off == roles
    first = next(m for m, s in enumerate(segs) if s.text == phrase)
    assert on[:first] == roles[:first] and set(on[first:]) == {"other"}


MENU_DE = "Handel & Gewerbe Industrie Finanzen Karriere Regionen"
TITLE_DE = "Sanierungsverfahren: Bäckerei Halmsteiner sperrt fast die Hälfte ihrer Filialen zu"
LINES_DE = [
    "Die Halmsteiner Backstuben GmbH mit Sitz in Traunwies hat ein Sanierungsverfahren "
    "beantragt, wie der Gläubigerschutzverband am Dienstag mitteilte.",
    "Von 28 Filialen sollen 11 bis Ende Jänner zusperren. 64 der 190 Beschäftigten verlieren "
    "ihren Arbeitsplatz.",
    "Werbung",
    "Die Verbindlichkeiten der Halmsteiner Backstuben summieren sich auf rund 7,2 Millionen "
    "Euro, betroffen sind 120 Gläubiger.",
]


def test_a_byline_keyword_opening_a_number_is_a_sentence() -> None:
    """``byline_number`` (round 43; the shape of 157 nordalpen_wirtschaft_de): "Von 28
    Filialen …" is no byline, so its line stays the story's; a real byline stays chrome."""
    text = "\n".join([MENU_DE, TITLE_DE, "Von Anna Berger", *LINES_DE]) + "\n"
    with rules_only():
        off = roles_with(text, "de", byline_number=False)
        on = roles_with(text, "de", byline_number=True)
    first = "Von 28 Filialen sollen 11 bis Ende Jänner zusperren."
    assert off[first] == "other" and on[first] == "body"
    assert on["64 der 190 Beschäftigten verlieren ihren Arbeitsplatz."] == "body"
    assert on["Von Anna Berger"] == off["Von Anna Berger"] == "other"


@given(st.sampled_from(["Von", "By", "Par", "Від", "Автор"]), st.integers(0, 999),
       st.sampled_from(["Anna Berger", "Jean Dupont", "Олена Коваль"]))  # fmt: skip
def test_a_number_after_a_byline_word_is_never_the_byline(word: str, n: int, name: str) -> None:
    """On, the keyword and a number is no byline, the keyword and a name still is; off, as
    START (both bylines)."""
    from workbench.core.page_shapes import chrome_shape, shapes

    on = replace(DEFAULT_PARAMS, byline_number=True)
    off = replace(DEFAULT_PARAMS, byline_number=False)
    numbered = list(segment_text(f"{word} {n} Filialen der Kette Halmsteiner", "de")[1])[0]
    named = list(segment_text(f"{word} {name}", "de")[1])[0]
    sn, sm = shapes([numbered])[0], shapes([named])[0]
    assert chrome_shape(named.text, sm, on) and chrome_shape(named.text, sm, off)
    assert not chrome_shape(numbered.text, sn, on)
    assert chrome_shape(numbered.text, sn, off) == (sn.caps >= 0.5)
