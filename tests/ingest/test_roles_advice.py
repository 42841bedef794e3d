"""Advice to the reader inside the story is story, a site's box there is not.

``RoleParams.advice_stems``: a line that speaks to the reader ("If you bought one …,
check the serial number") between story sentences is the story's own advice when it
shares two or more content stems with the headline and the story's other sentences;
a newsletter or "continues below" box in the same place shares none.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with
from workbench.core.page_evidence import _advice
from workbench.core.page_shapes import shapes
from workbench.core.segment import segment_text

_HEAD = (
    "Skip to main content\n"
    "Gadgets\n"
    "Ardenvolt is recalling 380,000 power banks that can catch fire\n"
    "Check the serial number on the bottom of your PocketCell 20 Pro.\n"
    "by Dana Okafor-Reyes\n"
    "Nov 26, 2026, 1:47 PM EST\n"
)
_STORY = (
    "Ardenvolt, a Dutch accessory brand, is recalling about 380,000 PocketCell 20 Pro "
    "power banks sold across Europe.\n"
    "The problem shows up when the battery pack charges a phone while it is itself "
    "plugged into the wall.\n"
    "Ardenvolt says it knows of 14 overheating incidents, including three small fires.\n"
)
_ADVICE = (
    "If you bought one between September and December 2025, check the serial number "
    "printed on the bottom: units starting with 2509 through 2512 are affected."
)
_AFTER = (
    "The PocketCell 20 Pro was never officially sold in the US, though it has turned up "
    "on marketplaces.\n"
    "The recall was first posted to the EU's Safety Gate database on Wednesday.\n"
    "Most Popular\n"
)
_BOX = "Get breaking news and daily headlines delivered to your email inbox by signing up here."


def test_advice_between_story_sentences_that_tells_the_storys_words_is_story() -> None:
    text = _HEAD + _STORY + _ADVICE + "\n" + _AFTER
    assert roles_by_text(text)[_ADVICE] == "body"
    assert roles_with(text, advice_stems=0)[_ADVICE] == "other"


def test_a_site_box_between_story_sentences_stays_chrome() -> None:
    text = _HEAD + _STORY + _BOX + "\n" + _AFTER
    assert roles_by_text(text)[_BOX] == "other"


def test_advice_after_the_last_story_sentence_is_left_to_the_footer_rules() -> None:
    """Below the story the rule says nothing: the same line decides the same way on and off."""
    text = _HEAD + _STORY + _ADVICE + "\nMost Popular\n"
    assert roles_by_text(text)[_ADVICE] == roles_with(text, advice_stems=0)[_ADVICE]


_WORDS = ("serial", "number", "battery", "bottom", "printed", "refund", "charger", "phone")


@given(
    lines=st.lists(
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6), min_size=3, max_size=8
    ),
    least=st.integers(min_value=0, max_value=4),
    cut=st.integers(min_value=1, max_value=7),
)
def test_advice_is_only_ever_inside_the_story_and_tighter_with_a_higher_floor(
    lines: list[list[str]], least: int, cut: int
) -> None:
    """Never at or after the story's last kept sentence, never when off, monotone in the floor."""
    text = "\n".join(" ".join(words).capitalize() + "." for words in lines) + "\n"
    _, segs = segment_text(text, "en")
    sh = shapes(segs)
    kept = list(range(min(cut, len(segs))))
    told, tighter = _advice(sh, kept, (), least), _advice(sh, kept, (), least + 1)
    for k in range(len(segs)):
        assert not (told(k) and (least == 0 or k >= kept[-1]))
        assert not tighter(k) or told(k) or least == 0
