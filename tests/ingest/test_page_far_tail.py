"""The site's prose far below the story (core.page_far_tail, round 29).

A story, then several printed lines of chrome (a photo's caption and credit, a related
link, a prompt), then the site's own sentences that tell nothing of the story: those are
no story.  A story going on after its caption tells its own words again and stays; a
feed repeating its separator between posts stays whole; a short story going on after a
widget stays whatever its words (round 30: too few words above the gap to tell by).
Pages written for the repository.
"""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with, rules_only
from workbench.core.page_far_tail import far_tail, gap_lines
from workbench.core.page_shapes import DEFAULT_PARAMS, shapes
from workbench.core.segment import segment_text

STORY = (
    "Heating prices in Marlbeck will rise by a fifth from January, the town's utility said\n"
    "By Anna Berger\n"
    "The municipal utility of Marlbeck said on Tuesday that district heating prices would rise "
    "by 21 percent from January for its 14,000 customers.\n"
    "The utility blamed higher gas prices and unpaid bills from last winter for the increase.\n"
    "Tenants' groups in Marlbeck called the heating increase unacceptable and planned a "
    "protest in front of the town hall on Friday.\n"
    "The mayor said the town would look for money in its budget to soften the price rise.\n"
    "About 3,000 households in the old town are still waiting for new meters, a spokeswoman "
    "for the utility added on Wednesday.\n"
    "Photo: Tenants in front of the Marlbeck town hall on Monday.\n"
    "Agency\n"
    "Read also: Millions of households struggle with energy bills\n"
    "Did you like this article?\n"
)
BOX = (
    "All texts written by the Eastfield Review are available under a free licence for "
    "republication.\n"
    "The Eastfield Review is a small non-profit service supporting journalism on local "
    "government.\n"
)
GOES_ON = (
    "The Marlbeck utility said heating customers could spread the price rise over twelve "
    "monthly payments.\n"
)


#: The rule on with round 30's guard (the least words of the story above the gap), whether
#: shipped on or not: these tests are of the rule's shape.
ON = {"far_tail_lines": 3, "far_tail_words": DEFAULT_PARAMS.far_tail_words or 80}


def test_the_sites_box_past_the_chrome_is_no_story() -> None:
    with rules_only():
        on = roles_with(STORY + BOX, **ON)
        off = roles_with(STORY + BOX, far_tail_lines=0)
    box = BOX.splitlines()[1]
    assert off[box] == "body"  # the rule off: the story ran on to the box
    assert on[box] == "other"
    assert on["The utility blamed higher gas prices and unpaid bills from last winter for the "
              "increase."] == "body"  # fmt: skip


def test_a_story_going_on_after_its_caption_stays() -> None:
    with rules_only():
        roles = roles_with(STORY + GOES_ON, **ON)
    assert roles[GOES_ON.strip()] == "body"


#: Round 29's counter-example (tests/ingest/test_roles_pages.py): a short story whose last
#: sentences share no five-letter stem with its first ones.
SHORT = [
    "The city council approved a new tram line to the harbour on Tuesday evening.",
    "Councillors voted 31 to 24 in favour of the plan after a long debate.",
    "Opponents had argued that the tram line would damage the old market square.",
    "The regional government will pay most of the cost of the tram line, officials said.",
    "Construction of the tram line is due to start in the autumn, the mayor said.",
]


def test_a_short_story_going_on_after_a_widget_stays() -> None:
    for cut in (3, 4):
        text = "\n".join(["Council approves harbour tram line", *SHORT[:cut],
                          "Follow", "Follow", "Follow", *SHORT[cut:]]) + "\n"  # fmt: skip
        with rules_only():
            guarded = roles_with(text, **ON)
            unguarded = roles_with(text, far_tail_lines=3, far_tail_words=0)
        assert all(guarded[s] == "body" for s in SHORT)
        assert unguarded[SHORT[-1]] == "other"  # round 29's cut: the shape the guard stops


def test_a_feed_repeating_its_separator_stays_whole() -> None:
    post = ("Marlbeck town council\n"
            "The heating network of Marlbeck failed on Tuesday night in the northern district.\n"
            "Repair crews from the utility worked through the night on the broken main.\n"
            "4.1K 09:12\n")  # fmt: skip
    last = ("Marlbeck town council\n"
            "Schools will stay closed on Thursday and Friday because their classrooms are cold.\n"
            "Parents can ask for emergency care at the central primary school.\n"
            "3.2K 11:40\n")  # fmt: skip
    text = post + post.replace("Tuesday", "Wednesday") + last
    _, segs = segment_text(text, "en")
    sh = shapes(segs)
    prose = [i for i, s in enumerate(segs) if s.text.endswith(".")]
    assert far_tail([s.text for s in segs], sh, prose, 2, 0.5) == []


_LINES = st.lists(
    st.sampled_from([
        "The utility said heating prices in Marlbeck would rise by a fifth.",
        "Tenants protested against the heating price rise in front of the town hall.",
        "We depend on no shareholder and on no advertising whatsoever.",
        "Photo: Agency", "Read also", "Did you like this article?", "Share", "",
    ]),
    min_size=1, max_size=14,
)  # fmt: skip


@given(_LINES, st.integers(0, 5), st.floats(0.0, 1.0), st.integers(0, 120))
def test_far_tail_is_a_smaller_suffix_of_the_prose_past_a_gap(lines, gap, share, least) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    sh = shapes(segs)
    prose = [i for i, s in enumerate(segs) if sh[i].words >= 8]
    tail = far_tail([s.text for s in segs], sh, prose, gap, share, least)
    if not gap:
        assert tail == []
    if tail:
        j = len(prose) - len(tail)
        assert tail == prose[j:] and j > 0
        assert gap_lines(sh, prose[j - 1], prose[j]) >= gap
        above = sum(sh[k].words for k in prose[:j])
        assert sum(sh[k].words for k in tail) < above and above >= least


_SENTENCES = st.lists(st.sampled_from([*SHORT,
    "Tenants protested against the heating price rise in front of the town hall.",
    "Shops in the old town will stay open until midnight during the festival week.",
]), min_size=2, max_size=6, unique=True)  # fmt: skip
_WIDGETS = st.lists(st.sampled_from(["Follow", "Share", "Advertisement", "Read more"]),
                    min_size=3, max_size=6)  # fmt: skip


@given(_SENTENCES, _WIDGETS, st.integers(1, 5))
def test_a_story_too_short_to_tell_by_is_never_cut(story, widgets, cut) -> None:
    """Whatever its sentences' words, a story of fewer words than the guard's keeps every
    role it has with the rule off, widgets inside it or not (round 29's rule cut its end)."""
    words = sum(len(line.split()) for line in story)
    assume(words < ON["far_tail_words"])
    cut = min(cut, len(story) - 1)
    text = "\n".join(["Council approves harbour tram line", *story[:cut], *widgets,
                      *story[cut:]]) + "\n"  # fmt: skip
    with rules_only():
        assert roles_with(text, **ON) == roles_with(text, far_tail_lines=0)
