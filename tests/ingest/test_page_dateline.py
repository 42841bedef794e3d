"""A deck found by the dateline that opens the wire story under it (``RoleParams.dateline_deck``).

"Tankschiff sitzt am Oberrhein fest – Schiffe stauen sich" / "Ein Tankschiff ist im Elsass auf
Grund gelaufen." / "Für die Rheinschifffahrt … hat das Folgen." / "Artikel verschenken Teilen" /
"Kembs (dpa) - Ein Tankschiff mit rund 2300 Tonnen Heizöl …": with no byline, stamp or blank
line under the deck, the deck read as the story's first lines.  The dateline says where the
story starts, so the full lines right under the title and above it are the deck; under a
byline or stamp the story itself starts, and a caption over its photo credit stays a caption.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with, rules_only
from workbench.core.page_dateline import opens_with_dateline

_TITLE = "Tankschiff sitzt am Oberrhein fest – Schiffe stauen sich"
_DECK = (
    "Ein Tankschiff ist im Elsass auf Grund gelaufen.",
    "Für die Rheinschifffahrt zwischen Basel und Breisach hat das Folgen.",
)
_STORY = (
    "Kembs (dpa) - Ein Tankschiff mit rund 2300 Tonnen Heizöl ist am Oberrhein bei Kembs auf "
    "Grund gelaufen.",
    "Die Schifffahrt zwischen Basel und Breisach ist seit dem Morgen gesperrt.",
    "Nach Angaben der Behörden tritt kein Heizöl aus, das Tankschiff liegt aber fest.",
    "Mehr als zwanzig Schiffe warten oberhalb und unterhalb der Stelle auf die Weiterfahrt.",
)


def _page(between: str = "Artikel verschenken Teilen", story: tuple[str, ...] = _STORY) -> str:
    lines = ["Startseite Politik Wirtschaft Sport Kultur", _TITLE, *_DECK, between, *story]
    return "\n".join(line for line in lines if line) + "\n"


def _on_off(text: str) -> tuple[dict[str, str], dict[str, str]]:
    with rules_only():  # the rule's own effect (the learned layer may mend lines too)
        return roles_by_text(text, "de"), roles_with(text, "de", dateline_deck=False)


def test_the_shipped_pipeline_keeps_the_deck_as_headline() -> None:
    roles = roles_by_text(_page(), "de")
    assert [roles[line] for line in _DECK] == ["headline", "headline"]
    assert roles[_STORY[0]] == "body"


def test_the_lines_between_title_and_dateline_are_the_deck() -> None:
    on, off = _on_off(_page())
    assert [on[line] for line in _DECK] == ["headline", "headline"]
    assert [off[line] for line in _DECK] == ["body", "body"]
    assert on[_STORY[0]] == off[_STORY[0]] == "body"


def test_a_story_without_a_dateline_keeps_its_lead() -> None:
    story = ("Ein Tankschiff mit rund 2300 Tonnen Heizöl liegt bei Kembs fest.", *_STORY[1:])
    on, off = _on_off(_page(story=story))
    assert on == off


def test_a_caption_over_its_photo_credit_is_no_deck() -> None:
    on, off = _on_off(_page("Foto: Patrick Seeger/dpa"))
    assert on == off


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Kembs (dpa) - Ein Tankschiff ist auf Grund gelaufen.", True),
        ("Freilassing/Wals – Ein Reisebus ist verunglückt.", True),
        ("GANDER, N.L. — A transatlantic flight made an unscheduled landing.", True),
        ("Явка составила 46,1 процента - заметно ниже, чем в первом туре.", False),
        ("Zelensky – who spoke on Sunday – said so.", False),
    ],
)
def test_a_dateline_names_its_place_with_a_bracket_slash_or_capitals(
    text: str, dated: bool
) -> None:
    assert opens_with_dateline(text) is dated


@given(text=st.text(alphabet=st.characters(blacklist_characters="-–—"), max_size=80))
def test_a_line_without_a_dash_opens_with_no_dateline(text: str) -> None:
    assert not opens_with_dateline(text)


@given(
    between=st.sampled_from(
        ["Artikel verschenken Teilen", "Foto: Patrick Seeger/dpa", "Von Anna Schmidt", ""]
    ),
    lines=st.integers(min_value=1, max_value=len(_STORY)),
)
def test_the_rule_only_ever_moves_lines_above_the_story_into_the_headline(
    between: str, lines: int
) -> None:
    """On and off differ only on lines above the dateline, which on become ``headline``."""
    on, off = _on_off(_page(between, _STORY[:lines]))
    order = list(on)
    for line, role in on.items():
        if role != off[line]:
            assert role == "headline" and order.index(line) < order.index(_STORY[0])
