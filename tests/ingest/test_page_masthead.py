"""The site's name is never the title (core.page_tail.is_masthead, RoleParams.masthead).

A masthead of short words is title-shaped and may share a word with the story: RTL
Today's page (batch 33) took "RTL Today" for the title when its real title shared no
5-letter stem with the story; a council's Telegram channel (batch 29) prints its name
over every post and the name, which the posts repeat, was taken for the title and its
repeats.  The pages here are invented.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with
from workbench.core.page_tail import is_masthead, site_name
from workbench.core.roles import assign_roles
from workbench.core.segment import segment_text

STORY = (
    "Outside the gates of the rolling mill in Esch on Tuesday morning, the mood among "
    "workers was grim after the company announced its plans.\n"
    "\"We have given everything to this plant, and now we are the ones who pay,\" said one "
    "machine operator who has worked there for twenty years.\n"
    "Unions called the decision unacceptable and asked the minister to step in today.\n"
    "A meeting with management is planned for Thursday afternoon in the capital.\n"
)
TITLE = "'Nobody told us': Esch mill hands react to cuts"


def test_a_short_masthead_sharing_a_word_is_not_taken_for_the_title() -> None:
    text = (
        "Lux Today\n"
        "Live Radio Menu\n"
        "News Luxembourg Business Sports\n"
        f"{TITLE}\n"
        "Lux Today Updated: 01.12.2026 10:04\n"
        "\n" + STORY
    )
    # the rule off (and round 41's near_title, which finds the title right above the stamp
    # on its own): the masthead won
    before = roles_with(text, masthead=False, near_title=False)
    assert before["Lux Today"] == "headline"
    roles = roles_by_text(text)
    assert roles["Lux Today"] == "other"
    assert roles[TITLE] == "headline"
    assert roles["A meeting with management is planned for Thursday afternoon in the capital."] == (
        "body"
    )


def test_a_channel_name_over_every_post_is_no_headline() -> None:
    post = "Dorf Council"
    text = (
        f"{post}\n"
        "@dorf_council\n"
        "4.9K subscribers 1.3K photos\n"
        f"{post}\n"
        "Heating main burst on Factory Street at night, most of the town is without heating.\n"
        "Repair crews of the council are on site, more details later.\n"
        "6.2K 04:26\n"
        f"{post}\n"
        "Schools of the council stay closed until Monday while the heating is repaired.\n"
        "Kindergartens are closed as well.\n"
        "5.8K 07:15\n"
    )
    assert roles_with(text, masthead=False)[post] == "headline"  # the rule off
    roles = roles_by_text(text)
    assert roles[post] != "headline"
    assert roles["Kindergartens are closed as well."] == "body"


def test_a_page_opening_with_a_short_title_keeps_it() -> None:
    """Three words on the first line look like a site's name, but a title is not printed
    again alone or opening a stamp, though its story repeats its words."""
    title = "Esch mill closes"
    lead = "The Esch mill closes on Friday, the company said.\n"
    text = f"{title}\nDecember 1, 2026\n\n{lead}" + STORY
    _, segs = segment_text(text, "en")
    assert site_name(segs) == title
    assert not is_masthead(title, segs)
    assert roles_by_text(text)[title] == "headline"


_WORD = st.text(st.characters(whitelist_categories=("Lu", "Ll")), min_size=3, max_size=9)


@given(st.lists(_WORD, min_size=1, max_size=3), st.integers(1, 3))
def test_the_site_name_repeated_anywhere_is_never_a_headline(name_words, repeats) -> None:
    """Whatever the name, printed on top and over posts, none of its lines is a headline."""
    name = " ".join(w.capitalize() for w in name_words)
    post = (
        f"{name}\n"
        f"The {name_words[0].lower()} council said the heating main on Factory Street burst "
        "at night and crews are repairing it.\n"
    )
    text = f"{name}\nMenu  Search\n" + post * repeats
    _, segs = segment_text(text, "en")
    roles = assign_roles(segs)
    for seg, role in zip(segs, roles, strict=True):
        if is_masthead(seg.text, segs):
            assert role != "headline"
