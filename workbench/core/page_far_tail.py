"""Sentences far below the story, past a run of chrome, that tell nothing of it.

Why (round 29, ``benchmarks/role_losses.py --story``): the largest class of characters
taken into the story below its end, across many dev batches, is the site's own prose
printed under the story after its chrome: an appeal box's sentences after the caption,
the credit, a "read also" link and a "did you like it?" prompt (reporterre), a licence
or mission line after the tags and a contact box (cleanenergywire), a blog disclaimer
after a list of other dispatches (mediapart), a registration prompt after the related
links (fuldaerzeitung), a legal notice after the most-read list (rferl).  The page
evidence reads them as sentences, so the story ran on to them.  Their shape, on any
site: several printed lines with no story sentence between them and the story's last
block above, and few of their content words (pooled) that the block used.  A story
that goes on after a photo's caption and credit or a related link tells its own events
again (a name, a place, a figure's noun), so it shares words; the gap alone never
decides.  A feed of posts (a Telegram channel) repeats its separator (the channel's
name, a stamp) between every post: a gap that repeats a line of an earlier gap inside
the story is a separator, not the story's end.

Round 29 shipped it off (``RoleParams.far_tail_lines`` 0): it won leave one dev set out, but
a story whose last sentences share no five-letter stem with its first ones, after a widget
inside it, was cut too.  Round 30 (roles30): wherever it cut a story (that property test's
three or four sentences, 39 and 54 words above the widget; informator and svoi city on the
dev pages with the learned layer off, 41 and 52 words), the story above the gap was a few
short sentences; on every dev page where it took the site's prose, the story above held 81
words or more.  Few shared stems are no evidence on few words: a short story's next
sentence may name new things (the cost, the start of works) in words its first sentences
never used.  So the story above the gap must hold at least ``min_words`` words
(``RoleParams.far_tail_words``, 80) before a tail sharing nothing with it is read as the
site's; so guarded, the rule ships on (docs/ingest.md, round 30).  Pure: indices, texts
and shapes in, out.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_shapes import Shape, _story_stems


def gap_lines(sh: Sequence[Shape], a: int, b: int) -> int:
    """Printed lines that start strictly between segments ``a`` and ``b``."""
    return sum(1 for k in range(a + 1, b) if sh[k].starts_line)


def tail_share(sh: Sequence[Shape], tail: Sequence[int], story: frozenset[str]) -> float | None:
    """Share of the tail's content stems (pooled) the story uses; None: too few to tell."""
    found = _story_stems(sh, tail)
    if len(found) < 2:
        return None
    return len(found & story) / len(found)


def _words(sh: Sequence[Shape], run: Sequence[int]) -> int:
    return sum(sh[k].words for k in run)


def _repeats(texts: Sequence[str], start: int, a: int, b: int) -> bool:
    """A line between ``a`` and ``b`` printed before, between ``start`` and ``a``."""
    seen = {" ".join(t.split()) for t in texts[start:a]}
    return any(" ".join(texts[k].split()) in seen for k in range(a + 1, b))


def far_tail(
    texts: Sequence[str],
    sh: Sequence[Shape],
    prose: Sequence[int],
    lines: int,
    share: float,
    min_words: int = 0,
) -> list[int]:
    """The prose after the first gap of at least ``lines`` printed lines whose tail shares
    at most ``share`` of its content stems with the story's block right above the gap.

    The block is the prose since the previous such gap (a banner's sentence about the site
    above the title shares the site's words with the site's box below).  The tail is the
    smaller part (in words): the story after a banner shares nothing with the banner.
    ``lines`` 0 switches the rule off; a tail with too few words to tell stays, and so
    does a tail below a story of fewer than ``min_words`` words (too few to tell by).
    """
    if not lines or len(prose) < 2:
        return []
    block = 0  # where the block above the gap starts, in ``prose``
    for j in range(len(prose) - 1):
        a, b = prose[j], prose[j + 1]
        if gap_lines(sh, a, b) < lines or _repeats(texts, prose[0], a, b):
            continue
        tail, above = prose[j + 1 :], _words(sh, prose[: j + 1])
        found = tail_share(sh, tail, _story_stems(sh, prose[block : j + 1]))
        told = above >= min_words and found is not None and found <= share
        if _words(sh, tail) < above and told:
            return list(tail)
        block = j + 1
    return []
