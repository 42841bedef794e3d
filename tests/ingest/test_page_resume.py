"""The story resumes after an appeal box set inside it (``core.page_resume``).

An appeal opened by its starter runs as a block to the next structural break; a page read
line by line has none, so a donation box between two story paragraphs took the rest of the
story.  The story has resumed at the first line after the box that is a running sentence,
not in the site's voice, sharing content words with the story above (``RoleParams.
appeal_resume``).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with
from workbench.core.page_resume import story_resumes
from workbench.core.segment import segment_text

_ABOVE = (
    "A magnitude 4.8 earthquake shook the Harwick valley early on Friday, damaging chimneys "
    "in three villages.\n"
    "The tremor struck at 03:12 at a depth of about ten kilometres, the national seismology "
    "service said.\n"
    "Police in Harwick said two residents were treated for minor injuries after roof tiles fell.\n"
)
_BOX = (
    "Enjoy reading the Valley Courier?\n"
    "Support independent local journalism without paywalls.\n"
    "Donate now\n"
)
_RESUMED = (
    "Engineers from the county will inspect the damaged houses in the villages on Saturday.\n"
    "About 60 residents spent the night in the Harwick school gym after the tremor.\n"
)
_TOP = "Home  News  Region\nEarthquake damages chimneys in Harwick valley\n"
_PAGE = _TOP + _ABOVE + _BOX + _RESUMED


def test_the_story_resumes_after_an_appeal_box_inside_it() -> None:
    roles = roles_by_text(_PAGE)
    for line in _RESUMED.splitlines():
        assert roles[line] == "body", line
    assert roles["Support independent local journalism without paywalls."] == "appeal"


def test_without_the_rule_the_box_takes_the_rest_of_the_story() -> None:
    roles = roles_with(_PAGE, appeal_resume=False, button_ends=False)  # both end this box
    assert roles[_RESUMED.splitlines()[0]] == "appeal"


def test_lines_in_the_sites_voice_after_the_box_stay_the_appeal() -> None:
    """What follows speaks to the reader: the box goes on, whatever words it shares."""
    voiced = (
        "Your donation keeps our reporters in the Harwick valley after every earthquake.\n"
        "We cannot report on the damaged villages without the support of readers like you.\n"
    )
    roles = roles_by_text(_PAGE.replace(_RESUMED, voiced))
    for line in voiced.splitlines():
        assert roles[line] == "appeal", line


def test_an_appeal_above_the_story_is_left_as_it_was() -> None:
    """No story above the box: nothing can resume, the block reads as before."""
    page = "Home  News  Region\n" + _BOX + _ABOVE
    assert roles_by_text(page) == roles_with(page, appeal_resume=False)


def test_a_sentence_off_the_storys_topic_does_not_resume_it() -> None:
    off_topic = "Gift memberships make a thoughtful present for friends and family this winter.\n"
    roles = roles_by_text(_PAGE.replace(_RESUMED, off_topic))
    assert roles[off_topic.strip()] == "appeal"


_LINES = [*_ABOVE.splitlines(), *_BOX.splitlines(), *_RESUMED.splitlines(), "Share  Print"]
_ROLES = st.sampled_from([None, "appeal", "other", "body"])


@given(
    st.lists(st.sampled_from(_LINES), min_size=1, max_size=14),
    st.lists(_ROLES, min_size=14, max_size=14),
    st.lists(st.booleans(), min_size=14, max_size=14),
)
def test_only_block_appeal_lines_at_or_after_a_resume_are_opened(
    lines: list[str], roles: list[str | None], own: list[bool]
) -> None:
    _, segs = segment_text("\n".join(lines) + "\n", "en")
    fixed, owned = roles[: len(segs)] + [None] * len(segs), own[: len(segs)] + [False] * len(segs)
    fixed, owned = fixed[: len(segs)], owned[: len(segs)]
    out = story_resumes(segs, fixed, owned)
    assert len(out) == len(fixed)
    for k, (before, after) in enumerate(zip(fixed, out, strict=True)):
        if after != before:  # the one change: a block's appeal line left open
            assert before == "appeal" and after is None and not owned[k]
            assert k > 0 and fixed[k - 1] == "appeal" or out[k - 1] is None
    assert story_resumes(segs, out, owned) == out  # opened lines are not read again
