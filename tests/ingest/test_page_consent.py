"""Consent boxes anywhere on a page (core.page_consent): the site asking about cookies.

Pages invented for the repository: a consent text printed below the story and a video
player's consent line inside it, in the site's voice; a story about cookies stays story.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from tests.ingest.page_roles import roles_with as _roles
from workbench.core.page_consent import consent_lines
from workbench.core.roles import ROLES
from workbench.core.segment import segment_text

STORY = (
    "Floods close the border crossing at Tiszabecs\n\n"
    "Heavy rain overnight flooded the road to the Tiszabecs border crossing, the regional "
    "police said on Tuesday.\n\n"
    "{mid}\n\n"
    "Trucks were sent to the crossing at Záhony, about forty kilometres to the west, where "
    "waiting times reached six hours.\n\n"
    "Engineers expect the water to recede by Thursday, the road authority said in a statement.\n"
    "{end}"
)
PLAYER = "Video: To play this video you must allow external content in your cookie settings."
TAIL = (
    "\nWe and our partners process personal data by setting cookies and reading device "
    "identifiers. Data are also passed to partners in third countries.\n"
    "You can withdraw your choice at any time.\n"
    "Change settings\n"
)


def test_a_consent_box_below_the_story_and_a_players_consent_line_are_other() -> None:
    """The rules take the cookie sentence; the rest of its line was left in the story."""
    page = STORY.format(mid=PLAYER, end=TAIL)
    before, after = _roles(page, consent_box=False), roles_by_text(page)
    assert before["Data are also passed to partners in third countries."] == "body"
    for text in (PLAYER, "Data are also passed to partners in third countries.",
                 "You can withdraw your choice at any time.", "Change settings"):  # fmt: skip
        assert after[text] == "other", text
    assert after["Engineers expect the water to recede by Thursday, the road authority said "
                 "in a statement."] == "body"  # fmt: skip


def test_a_story_about_cookies_stays_story() -> None:
    told = "The regulator fined the retailer for setting cookies without asking its customers."
    quoted = "“We never set cookies without consent,” the retailer said in a statement."
    roles = roles_by_text(STORY.format(mid=f"{told} {quoted}", end=""))
    assert roles[told] == "body"
    assert roles[quoted] == "body"


_LINES = st.lists(
    st.sampled_from(["We use cookies to improve the site.", "Manage cookies", "It rained.",
                     "You can change this at any time.", "The road reopened on Thursday.",
                     "Cookies were set, the regulator said.", "Accept all", ""]),
    min_size=1, max_size=10,
)  # fmt: skip


@given(_LINES, st.lists(st.sampled_from(ROLES), min_size=20, max_size=20))
def test_consent_lines_only_take_body_segments_out(lines, labels) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    roles = labels[: len(segs)]
    out = consent_lines(segs, roles)
    assert consent_lines(segs, roles, False) == list(roles)
    for before, after in zip(roles, out, strict=True):
        if before != after:
            assert (before, after) == ("body", "other")
    assert consent_lines(segs, out) == out  # a second pass changes nothing more


def test_a_read_more_link_on_the_consent_line_is_the_boxs_and_elsewhere_stays_residue() -> None:
    box = "\nWe use cookies to make this site work better.  Learn more  Accept\n"
    roles = roles_by_text(STORY.format(mid=PLAYER, end=box))
    assert roles["Learn more  Accept"] == "other"
    roles = roles_by_text(STORY.format(mid=PLAYER, end="\nRead more\n"))
    assert roles["Read more"] == "link_residue"
