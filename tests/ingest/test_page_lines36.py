"""The role passes stay linear on a page printed as one long line (round 36).

Why: a scraped article that is one paragraph is one printed line; each role pass
asked per segment whether it shares a line with the story (walking the line) and
how many of its words the rest of the story uses (uniting every other
sentence's words again), so a 376 kB one-paragraph page spent 20 s of CPU in
``assign_roles`` and twice the sentences took four times as long.
``core.page_lines`` answers both from counts made once; the answers are the
walks' (hypothesis below) and the roles of the dev pages are unchanged
(docs/web.md, "Round 36 (reliab36)").
"""

from __future__ import annotations

import cProfile
import pstats
import random

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.page_lines import line_sharers, others_cohesion, others_stems, shares_line
from workbench.core.page_shapes import _story_stems, cohesion, shapes
from workbench.core.roles import assign_roles
from workbench.core.segment import Seg, segment_text

WORDS = ["mayor", "council", "bridge", "river", "budget", "approved", "workers", "strike",
         "opened", "city", "said", "monday", "union", "the", "on", "new"]  # fmt: skip


def _segs(texts: list[str], breaks: list[bool], paragraphs: list[int]) -> list[Seg]:
    out, pos = [], 0
    for text, brk, para in zip(texts, breaks, paragraphs, strict=True):
        sep = "\n" if brk else " "
        out.append(Seg(pos, pos + len(text), text, sep, para))
        pos += len(text) + 1
    return out


@st.composite
def pages(draw: st.DrawFn) -> tuple[list[Seg], list[int]]:
    n = draw(st.integers(1, 14))
    texts = [" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))
             for _ in range(n)]  # fmt: skip
    breaks = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    paragraphs = sorted(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)))
    members = draw(st.lists(st.integers(0, n - 1), max_size=n))
    return _segs(texts, breaks, paragraphs), members


@given(pages())
def test_line_sharers_are_the_walks_answers(page: tuple[list[Seg], list[int]]) -> None:
    segs, members = page
    expected = {i for i in range(len(segs)) if shares_line(i, segs, members)}
    assert line_sharers(segs, members) == expected
    assert line_sharers(segs, set(members)) == expected


@given(pages(), st.lists(st.integers(0, 13), max_size=3), st.sampled_from(["index", "paragraph"]))
def test_others_stems_are_the_unions_answers(
    page: tuple[list[Seg], list[int]], base: list[int], key: str
) -> None:
    segs, members = page
    base = [b for b in base if b < len(segs)]
    sh = shapes(segs)
    group = list(range(len(segs))) if key == "index" else [s.paragraph for s in segs]
    used = others_stems(sh, base, members, group)
    coh = others_cohesion(sh, base, members, group)
    for k in range(len(segs)):
        others = [*base, *(j for j in members if group[j] != group[k])]
        story = _story_stems(sh, others)
        assert used(k) == sh[k].stems & story
        assert coh(k) == cohesion(sh[k], story)


def _text(sentences: int) -> str:
    """A titled article whose story is one paragraph (one printed line)."""
    rng = random.Random(sentences)
    body = " ".join(
        " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(sentences)
    )
    return f"Big page\n\n{body}"


def _calls(sentences: int) -> int:
    """Python and C function calls made to segment the page and decide its roles.

    A count, not a clock: the same on every machine and load (speed itself is
    measured in benchmarks/ingest_pathological.py, "one-paragraph story" row).
    """
    text = _text(sentences)
    profile = cProfile.Profile()
    profile.enable()
    segs = segment_text(text)[1]
    roles = assign_roles(segs, title="Big page")
    profile.disable()
    assert len(roles) > sentences
    return pstats.Stats(profile).total_calls


def test_a_one_paragraph_page_takes_linear_work() -> None:
    """8 times the sentences, 8 times the calls (7.99x now: 250 -> 2,000 sentences).

    The round-36 walks made it quadratic: with ``shares_line`` walked for every
    segment, 500 -> 4,000 sentences made 4.6 M -> 254 M calls (55x).  Until round
    42 this was a CPU-time ratio through the database, which a loaded PostgreSQL
    run pushed over its bound (14x); counting calls keeps the guard and drops the
    clock."""
    small, large = _calls(250), _calls(2000)
    assert large < 10 * small, (small, large)
