"""A line at the story's end that names the site is the site's own (core.page_named).

Four dev writers' pages (batches 9, 31, 33, 40) end their story with a line of the site
naming itself in the third person: "Download the VOCM app …", "Download the RTL Today
app …", "Newsletter BFM Alsace Recevez …", "… газети «Волинь-нова» …"; no "you" or "we"
told them apart and they were read as the story's last sentence.  The story names its
outlet too ("As Lux Today reported, …"): on the story's topic, and inside the story, it
stays.  The pages here are invented.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from workbench.core import page_named
from workbench.core.page_named import mentions_site

STORY = (
    "Outside the gates of the rolling mill in Esch on Tuesday morning, the mood among "
    "workers was grim after the company announced its plans to cut jobs.\n"
    "\"We have given everything to this plant, and now we are the ones who pay,\" said one "
    "machine operator who has worked at the mill for twenty years.\n"
    "Unions called the job cuts at the mill unacceptable and asked the minister to step in.\n"
    "A meeting of the unions with the mill's management is planned for Thursday in Esch.\n"
)
HEAD = "Lux Today\nLive Radio Menu\n\nEsch mill hands react to job cuts\n\n"
PROMO = "Download the Lux Today app for local news, weather and traffic on the go."


def _off(text: str) -> dict[str, str]:
    page_named.NAMED_TAIL = False
    try:
        return roles_by_text(text)
    finally:
        page_named.NAMED_TAIL = True


def test_an_app_promotion_naming_the_site_after_the_story_is_not_story() -> None:
    text = HEAD + STORY + "\n" + PROMO + "\n"
    assert _off(text)[PROMO] == "body"  # the rule off: read as the story's last line
    roles = roles_by_text(text)
    assert roles[PROMO] == "other"
    assert roles["A meeting of the unions with the mill's management is planned for "
                 "Thursday in Esch."] == "body"  # fmt: skip


def test_the_story_citing_the_site_keeps_its_sentences() -> None:
    """The story names its outlet too: a source mid-story, however few of the story's words
    it shares, and a closing line recalling the story's own news (batch 4's "As Ukrinform
    reported, on May 14, Ukraine returned 205 defenders …")."""
    source = "Lux Today learned this from two union members.\n"
    recalled = ("As Lux Today reported, the company announced on Monday that the rolling "
                "mill in Esch will cut jobs, and the unions called it unacceptable.")  # fmt: skip
    text = HEAD + STORY.replace("\n", "\n" + source, 1) + "\n" + recalled + "\n"
    roles = roles_by_text(text)
    assert roles[source.strip()] == "body"
    assert roles[recalled] == "body"


def test_a_page_without_a_masthead_is_unchanged() -> None:
    text = "Esch mill hands react to job cuts\n\n" + STORY + "\n" + PROMO + "\n"
    assert roles_by_text(text) == _off(text)


_NAME = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=8)
_WORDS = st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=6), max_size=5)


@given(_NAME, _WORDS, _WORDS)
def test_the_name_is_found_as_words_of_its_own(name: str, before: list, after: list) -> None:
    line = " ".join([*before, name, *after])
    assert mentions_site(line, name)
    assert mentions_site(f"«{name}»", name)
    assert mentions_site(line.lower(), name)  # printed in another case


@given(_NAME, st.text(alphabet="abcdefghij0123456789", min_size=1, max_size=4))
def test_a_longer_word_is_another_word(name: str, glued: str) -> None:
    assert not mentions_site(f"the {name}{glued} app", name)
    assert not mentions_site(f"the {glued}{name} app", name)


def test_a_name_of_several_words_is_found_across_spacing_and_hyphens() -> None:
    assert mentions_site("газети «Волинь-нова» за 2 грудня", "Волинь-нова")
    assert mentions_site("Newsletter BFM  Alsace Recevez", "BFM Alsace")
    assert not mentions_site("BFM reported from Alsace", "BFM Alsace")
