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

import random
import time

from hypothesis import given
from hypothesis import strategies as st

from workbench.config import Settings
from workbench.core.page_lines import line_sharers, others_cohesion, others_stems
from workbench.core.page_shapes import _story_stems, cohesion, shapes, shares_line
from workbench.core.segment import Seg
from workbench.services.ingest import ingest_bytes

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


def _page(sentences: int) -> bytes:
    """An HTML article whose story is one paragraph (one printed line)."""
    rng = random.Random(sentences)
    body = " ".join(
        " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(sentences)
    )
    return (
        "<html><head><title>Big page</title></head><body><article><h1>Big page</h1>"
        f"<p>{body}</p></article></body></html>"
    ).encode()


def _cpu(settings: Settings, sentences: int) -> float:
    data = _page(sentences)
    start = time.process_time()
    result = ingest_bytes(settings, data, filename=f"p{sentences}.html", outlet="Wire")
    assert result.segments > sentences
    return time.process_time() - start


def test_a_one_paragraph_page_is_ingested_in_linear_time(settings: Settings) -> None:
    """8 times the sentences, about 8 times the CPU: 500 -> 4,000 sentences took
    0.5 -> 13 s of CPU at START (quadratic), 0.4 -> 3 s now (load 14 on 2 cpus)."""
    _cpu(settings, 20)  # the language models and the database warm up
    small, large = _cpu(settings, 500), _cpu(settings, 4000)
    assert large < 12 * small + 1.0, (small, large)
