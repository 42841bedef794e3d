"""A photo's caption above a dateline-led wire story (``RoleParams.dateline_captions``).

"Drohnenfabrik in der Oberpfalz eröffnet" / "26.11.2026 um 17:10 Uhr" / "Bei der Eröffnung
des Werks: Mitarbeiter montieren eine Abfangdrohne." / "Daniel Löwer/dpa" / "Eschenried
(dpa/lby) - Ein ukrainischer …": the caption read as the story's first sentence.  The dateline
says where the story starts and the credit under the line says it is a caption; a line above
a credit with no dateline under it is more often the story's own lead (the credit is the next
photo's), and two lines there are a deck and a caption.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with, rules_only
from workbench.core.page_dateline import dateline_caption
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.segment import segment_text

_TITLE = "Ukrainisch-deutsche Drohnenfabrik in der Oberpfalz eröffnet"
_STAMP = "26.11.2026 um 17:10 Uhr"
_CAPTION = "Bei der Eröffnung des Werks in Eschenried: Mitarbeiter montieren eine Abfangdrohne."
_CREDIT = "Daniel Löwer/dpa"
_STORY = (
    "Eschenried (dpa/lby) - Ein ukrainischer und ein deutscher Rüstungshersteller haben in der "
    "Oberpfalz eine gemeinsame Fabrik für Abfangdrohnen eröffnet.",
    "Das Werk im Gewerbegebiet von Eschenried gehört zu gleichen Teilen beiden Firmen.",
    "Ab dem Frühjahr sollen dort bis zu 1.500 Drohnen im Monat gebaut werden.",
    "Die Investition beläuft sich nach Unternehmensangaben auf rund 85 Millionen Euro.",
)


def _page(*above: str, story: tuple[str, ...] = _STORY) -> str:
    lines = ["PNP.de", "Passau Niederbayern Bayern Politik Wirtschaft Sport", _TITLE, _STAMP,
             *above, *story]  # fmt: skip
    return "\n".join(line for line in lines if line) + "\n"


def _on_off(text: str) -> tuple[dict[str, str], dict[str, str]]:
    with rules_only():  # the rule's own effect (the learned layer may mend lines too)
        return roles_by_text(text, "de"), roles_with(text, "de", dateline_captions=False)


def test_the_caption_and_its_credit_above_the_dateline_are_chrome() -> None:
    on, off = _on_off(_page(_CAPTION, _CREDIT))
    assert (off[_CAPTION], off[_CREDIT]) == ("body", "body")
    assert (on[_CAPTION], on[_CREDIT]) == ("other", "other")
    assert on[_STORY[0]] == on[_STORY[1]] == "body"


def test_the_shipped_pipeline_reads_the_caption_as_chrome() -> None:
    roles = roles_by_text(_page(_CAPTION, _CREDIT), "de")
    assert roles[_CAPTION] == "other"
    assert roles[_STORY[0]] == "body"


def test_dpa_place_alone_before_the_lead_opens_the_story_too() -> None:
    story = ("Eschenried. Ein ukrainischer und ein deutscher Rüstungshersteller haben eine "
             "gemeinsame Fabrik für Abfangdrohnen eröffnet.", *_STORY[1:])  # fmt: skip
    on, off = _on_off(_page(_CAPTION, _CREDIT, story=story))
    assert off[_CAPTION] == "body" and on[_CAPTION] == "other"
    assert on["Eschenried."] == "body"


def test_a_lead_over_a_credit_with_no_dateline_stays_the_story() -> None:
    story = ("Ein ukrainischer und ein deutscher Rüstungshersteller haben in der Oberpfalz eine "
             "gemeinsame Fabrik eröffnet.", *_STORY[1:])  # fmt: skip
    on, off = _on_off(_page(_CAPTION, _CREDIT, story=story))
    assert on == off


def test_two_lines_above_the_credit_are_left_alone() -> None:
    deck = "Nach langer Planung produziert das Werk nun in der Oberpfalz Drohnen für die Ukraine."
    on, off = _on_off(_page(deck, _CAPTION, _CREDIT))
    assert on == off


def test_a_line_with_no_credit_under_it_is_left_alone() -> None:
    on, off = _on_off(_page(_CAPTION, "Artikel teilen"))
    assert on == off


def test_the_pass_is_pure_and_off_is_the_identity() -> None:
    _, segs = segment_text(_page(_CAPTION, _CREDIT), "de")
    start = next(i for i, s in enumerate(segs) if s.text == _CAPTION)
    title = next(i for i, s in enumerate(segs) if s.text == _TITLE)
    roles = ["headline" if i == title else "other" if i < start else "body"
             for i in range(len(segs))]  # fmt: skip
    before = list(roles)
    assert dateline_caption(segs, roles, replace(DEFAULT_PARAMS, dateline_captions=False)) == roles
    on = dateline_caption(segs, roles, DEFAULT_PARAMS)
    assert roles == before  # a new list: the caller's roles are not changed
    changed = [segs[i].text for i in range(len(segs)) if on[i] != roles[i]]
    assert changed == [_CAPTION, _CREDIT]


@given(
    above=st.lists(
        st.sampled_from([_CAPTION, _CREDIT, "Artikel teilen", "Von Anna Schmidt", "Foto: dpa"]),
        max_size=3,
    ),
    lines=st.integers(min_value=1, max_value=len(_STORY)),
)
def test_the_rule_only_ever_moves_lines_above_the_story_out_of_it(
    above: list[str], lines: int
) -> None:
    """On and off differ only on lines above the dateline, which on become ``other``."""
    on, off = _on_off(_page(*above, story=_STORY[:lines]))
    order = list(on)
    for line, role in on.items():
        if role != off[line]:
            assert off[line] == "body" and role == "other"
            assert order.index(line) < order.index(_STORY[0])
