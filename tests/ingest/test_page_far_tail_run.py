"""A far tail that is one run of adjacent sentences, none the site's voice, stays the story's
(core.page_far_tail_run, round 37 rolesb37, ``RoleParams.far_tail_run``).  The page is written
for the repository in the shape of batches 116's linzer_tagespost_apa_de and 133's
linzer_tagesanzeiger_de: the story's last sentences printed under a "read also" block, naming
new things in words the story above never used."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with, rules_only
from workbench.core.page_far_tail import far_tail
from workbench.core.page_far_tail_run import far_tail_cut, story_run
from workbench.core.page_shapes import DEFAULT_PARAMS, shapes
from workbench.core.page_tail import site_voice
from workbench.core.segment import segment_text

STORY = (
    "Folk festival in Marlbeck cancelled after storm damage to the grounds\n"
    "By Anna Berger\n"
    "The organisers of the Marlbeck folk festival cancelled this summer's festival on Tuesday "
    "after a storm flooded the meadow and wrecked the main stage.\n"
    "The festival association said the meadow beside the river would not dry out before the "
    "festival weekend, and the stage could not be rebuilt in time.\n"
    "Tickets already sold for the festival remain valid for next summer, the association said, "
    "and buyers who cannot come then may ask for their money back.\n"
    "The mayor of Marlbeck called the cancellation a bitter blow for the town and its "
    "innkeepers, who had counted on the festival weekend.\n"
    "Read also\n"
    "Advertisement\n"
    "Storm warnings for the whole region\n"
    "River levels rise after heavy rain\n"
)
TAIL = [
    "Their losses are put at around 240,000 euros by the treasurer.",
    "Volunteers now hope for help from the provincial government in Linz.",
    "Founded in 2019, it drew guests from Bohemia and Bavaria last year.",
]
VOICED = [
    "If you read these lines, you share our wish for independent news.",
    "We depend on no shareholder and on no advertising whatsoever.",
    "Donations from thousands of readers keep this newsroom open.",
]

OFF = replace(DEFAULT_PARAMS, far_tail_run=0)
ON = replace(DEFAULT_PARAMS, far_tail_run=3)


def _page(tail: list[str], sep: str = "\n") -> str:
    return STORY + sep.join(tail) + "\n"


def test_the_storys_last_run_under_a_read_also_block_stays() -> None:
    with rules_only():
        off = roles_with(_page(TAIL), far_tail_run=0)
        on = roles_with(_page(TAIL), far_tail_run=3)
    assert all(off[s] == "other" for s in TAIL)  # the far tail cut it (round 29's rule)
    assert all(on[s] == "body" for s in TAIL)
    assert all(on[k] == off[k] for k in on if k not in TAIL)  # nothing else moves


def test_shipped_on() -> None:
    assert DEFAULT_PARAMS.far_tail_run == 3
    with rules_only():
        shipped = roles_with(_page(TAIL))
    assert all(shipped[s] == "body" for s in TAIL)


def test_a_run_speaking_as_the_site_is_still_cut() -> None:
    with rules_only():
        on = roles_with(_page(VOICED), far_tail_run=3)
    assert on[VOICED[1]] != "body"


def test_a_broken_or_short_run_is_still_cut() -> None:
    broken = _page([TAIL[0], "Share", TAIL[1], TAIL[2]])
    with rules_only():
        assert roles_with(broken, far_tail_run=3)[TAIL[0]] != "body"
        assert roles_with(_page(TAIL), far_tail_run=4)[TAIL[0]] != "body"  # 3 under 4


def test_the_guard_shapes() -> None:
    texts = ["A story sentence here.", "Another one follows here.", "And a third one.", "Share"]
    sh = shapes(segment_text("\n".join(texts), "en")[1])
    assert story_run(texts, sh, [0, 1, 2], 3)
    assert not story_run(texts, sh, [0, 1, 2], 0)  # off
    assert not story_run(texts, sh, [0, 1], 3)  # too short
    assert not story_run(texts, sh, [0, 1, 3], 3)  # a gap and a non-sentence


_LINES = st.lists(
    st.sampled_from([
        "The festival association said the meadow would not dry out in time for the weekend.",
        "Losses are estimated at around 240,000 euros.",
        "Volunteers hope for help from the provincial government.",
        "We depend on no shareholder and on no advertising whatsoever.",
        "Read also", "Advertisement", "Share", "Storm warnings for the whole region", "",
    ]),
    min_size=1, max_size=16,
)  # fmt: skip


@given(_LINES, st.integers(0, 5))
def test_the_guard_keeps_a_whole_far_tail_or_nothing(lines: list[str], run: int) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    sh, texts = shapes(segs), [s.text for s in segs]
    prose = [i for i, s in enumerate(segs) if sh[i].words >= 6]
    params = replace(DEFAULT_PARAMS, far_tail_lines=2, far_tail_words=0, far_tail_run=run)
    full = far_tail(texts, sh, prose, 2, params.far_tail_share, 0)
    cut = far_tail_cut(texts, sh, prose, params)
    assert cut in (full, [])
    if not run:
        assert cut == full  # off: round 29's rule as it was
    if full and not cut:  # kept: one run of adjacent unvoiced sentences, long enough
        assert len(full) >= run and full == list(range(full[0], full[-1] + 1))
        assert all(sh[k].terminal and sh[k].words >= 3 and not site_voice(texts[k]) for k in full)
