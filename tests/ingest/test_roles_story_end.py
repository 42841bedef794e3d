"""The story's last paragraph and last line: a bio opener the story tells, a cut fragment.

``RoleParams.bio_name_untold``: a closing paragraph opened by a name printed above the
story is a bio only when the story never tells that name.  ``RoleParams.cut_line_words``:
on a visibly cut page, a fragment on a story sentence's own line is that story's.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with
from workbench.core.page_blocks import closing_box
from workbench.core.page_shapes import DEFAULT_PARAMS, shapes
from workbench.core.segment import segment_text

_FLIGHT = (
    "Dublin-bound flight diverted to Canada after smoke alert\n\n"
    "Newstalk 12.04 27 Nov 2026\n\n"
    "Passengers at Dublin Airport.\n"
    "Picture by: Alamy.com\n\n"
    "Passengers on a flight from Toronto to Dublin spent the night in a small Canadian town.\n\n"
    "Flight 714 was due to land at Dublin Airport at 10.55am this morning, the airline said.\n\n"
    "It instead landed in Gander shortly before midnight after a smoke warning in its hold.\n\n"
    "No one was hurt and the airline said a faulty sensor appears to have caused the alert.\n\n"
)
_ADVICE = (
    "Dublin Airport advised anyone meeting passengers off the flight to check with the airline."
)


def test_a_last_paragraph_opened_by_a_name_the_story_told_is_story() -> None:
    """ "Dublin Airport advised …": the caption above names it, but so does the story."""
    text = _FLIGHT + _ADVICE + "\n\nShare this article\n"
    assert roles_by_text(text)[_ADVICE] == "body"
    assert roles_with(text, bio_name_untold=False)[_ADVICE] == "other"


def test_a_bio_opened_by_the_bylines_name_the_story_never_tells_stays_chrome() -> None:
    text = (
        "By Karin Olsen  27 Nov 2026\n\n"
        + _FLIGHT.split("\n\n", 4)[4]
        + "Karin Olsen is a transport reporter at the Harbour Courier. She lives in Cork.\n\n"
        "Share this article\n"
    )
    roles = roles_by_text(text)
    assert roles["Karin Olsen is a transport reporter at the Harbour Courier."] == "other"
    assert roles["She lives in Cork."] == "other"


_NAMES = ("Karin Olsen", "Dublin Airport", "Anna Berg", "Harbour Courier")
_STORY = (
    "Passengers on a flight from Toronto spent the night in a small Canadian town on Friday.",
    "The plane had been due to land in the morning, the airline said in a statement.",
    "It landed in Gander shortly before midnight after a smoke warning in the cargo hold.",
    "No one was hurt and a faulty sensor appears to have caused the alert, officials said.",
)


@given(
    name=st.sampled_from(_NAMES),
    told=st.sampled_from(_NAMES),
    where=st.integers(min_value=0, max_value=len(_STORY) - 1),
    tell=st.booleans(),
)
def test_the_rule_only_ever_keeps_a_paragraph_in_the_story(
    name: str, told: str, where: int, tell: bool
) -> None:
    """With the rule on, the box is the same or none; none whenever the story tells the name."""
    story = list(_STORY)
    if tell:
        story[where] = story[where].rstrip(".") + f", {told} said."
    last = f"{name} wrote that the airline would pay for the hotel rooms of all passengers."
    text = f"Photo: {name}\n\n" + "\n\n".join(story) + f"\n\n{last}\n"
    _, segs = segment_text(text, "en")
    sh = shapes(segs)
    prose = [k for k, s in enumerate(segs) if s.text in story or s.text == last]
    fixed = [None] * len(segs)
    on = closing_box(segs, sh, fixed, prose, set(), DEFAULT_PARAMS)
    off = closing_box(segs, sh, fixed, prose, set(), replace(DEFAULT_PARAMS, bio_name_untold=False))
    assert on in (off, frozenset())
    if tell and told == name:
        assert on == frozenset()


_CUT_PAGE = (
    "Harbour tram line approved after long dispute\n\n"
    "The city council approved a new tram line to the harbour on Tuesday after a long dispute.\n\n"
    "The tram line will cost 240 million euros and open in 2029, the council said.\n\n"
)
_LINE = "About 30 cargo ships were waiting above and below the site on Friday afternoon. "


def test_a_short_cut_fragment_on_a_story_sentences_line_is_story() -> None:
    """ "… rund 30 Frachtschiffe. Die Versorgung d": the capture cut the next sentence."""
    for cut in ("Supplies o", "Supplies of t"):
        assert roles_by_text(_CUT_PAGE + _LINE + cut)[cut] == "body", cut
        assert roles_with(_CUT_PAGE + _LINE + cut, cut_line_words=4)[cut] == "other", cut


def test_a_short_cut_fragment_on_a_line_of_its_own_or_a_whole_page_stays_out() -> None:
    """A line of its own may open a box ("Subscribe t"); a page saved whole shows no cut."""
    for text in (_CUT_PAGE + _LINE.rstrip() + "\nSupplies o", _CUT_PAGE + _LINE + "Supplies o\n"):
        assert roles_by_text(text)["Supplies o"] != "body"


@given(words=st.integers(min_value=1, max_value=5), limit=st.integers(min_value=1, max_value=4))
def test_a_cut_fragment_on_its_own_line_does_not_depend_on_the_line_limit(
    words: int, limit: int
) -> None:
    cut = " ".join(["the"] * (words - 1) + ["supp"]).capitalize()
    text = _CUT_PAGE + _LINE.rstrip() + "\n" + cut
    assert roles_with(text, cut_line_words=limit)[cut] == roles_with(text, cut_line_words=4)[cut]
