"""A title under a banner's sentences (``core.page_header``, ``RoleParams.banner_title``).

Seen on dev batches 12, 80 and 88 (round 26): a cookie notice, a paywall's register box
or a product promo printed above the title holds full sentences, so the story seemed to
start above its title, no title was found and the first nav row became the headline.
The pages here are invented in the shapes of those pages.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with
from workbench.core.page_header import below_title
from workbench.core.page_shapes import DEFAULT_PARAMS, RoleParams

TITLE = "Up to 90,000 trout may have escaped from Skye fish farm during Storm Brona"
BANNER = "Register for free to read more of the latest local news."
STORY = (
    "A fish farm company says up to 90,000 trout may have escaped from a site on Skye "
    "after Storm Brona broke up pens on Saturday night.\n"
    "Brona Seafarms said mooring lines on two pens at Rubha Beag failed as winds gusted "
    "to more than 80mph.\n"
    "Wild fisheries groups have called for an independent inquiry into the escape of the "
    "trout from the farm.\n"
    "The Scottish Government said inspectors would visit the Skye site this week.\n"
)


def page(under_title: str) -> str:
    return (
        "Home News Sport What's On Lifestyle Jobs Motoring Subscribe\n"
        f"{BANNER}\n"
        "It's easy and will only take a moment.\n"
        "Click here\n"
        f"{TITLE}\n"
        f"{under_title}"
        "Get the latest local news sent to your inbox Sign up\n"
        "\n" + STORY
    )


def test_the_title_under_a_register_banner_is_the_headline() -> None:
    """The banner's sentences above the title are chrome, the nav row is no headline."""
    roles = roles_by_text(page("By Staff Reporter\nPublished: 16:05, 29 November 2026\n"))
    assert roles[TITLE] == "headline"
    assert roles[BANNER] == "other"
    assert roles["Home News Sport What's On Lifestyle Jobs Motoring Subscribe"] == "other"
    assert roles["The Scottish Government said inspectors would visit the Skye site this week."] \
        == "body"


def test_without_the_rule_the_banner_passes_for_the_story_start() -> None:
    """The same page with the switch off: the title is lost (what the rule gives back)."""
    text = page("By Staff Reporter\nPublished: 16:05, 29 November 2026\n")
    roles = roles_with(text, banner_title=False)
    assert roles[TITLE] != "headline"


def test_a_crosshead_right_above_its_paragraph_is_no_title() -> None:
    """A story printed without its title: a short line between its sentences stays story."""
    text = (
        "Russia's army has once again sent North Korean soldiers into the Kursk region, "
        "the Ukrainian president said.\n"
        "New assaults have already taken place there and hundreds of soldiers were killed, "
        "he said in an evening address.\n"
        "North Korean soldiers back in Kursk\n"
        "According to him, the fighting on Russian territory keeps North Korean soldiers "
        "away from the front in Donbas.\n"
        "Sixty thousand Russian soldiers are held in the Kursk region, he said.\n"
    )
    roles = roles_by_text(text)
    assert roles["North Korean soldiers back in Kursk"] != "headline"


@given(
    st.lists(st.integers(0, 60), unique=True).map(sorted),
    st.sets(st.integers(0, 60), max_size=4),
    st.booleans(),
)
def test_below_title_keeps_the_sentences_under_the_title(
    prose: list[int], heads: set[int], on: bool
) -> None:
    params = RoleParams(banner_title=on) if on != DEFAULT_PARAMS.banner_title else DEFAULT_PARAMS
    out = below_title(prose, heads, params)
    assert set(out) <= set(prose) and out == sorted(out)
    if not on or not heads:
        assert out == prose
    else:
        assert out == [i for i in prose if i > min(heads)]
