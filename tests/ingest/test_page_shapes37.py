"""A page's shapes are read from its text once, however many role passes ask (round 37).

Why: about fifteen role passes call ``page_shapes.shapes`` on the same page, and
each read every segment's words, sentence end and stems again: a quarter of
``assign_roles`` on a large multi-paragraph page.  What a shape reads of the text
alone is now kept per distinct text; the shapes are the same (hypothesis against
the formula of round 36) and the dev pages' roles are unchanged (docs/align.md,
"Round 37 (reliab37)").
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import page_shapes
from workbench.core.page_shapes import _EMOJI_END, _TERMINAL, _WORD, Shape, shapes, stems
from workbench.core.segment import Seg


def _reference(segs: list[Seg]) -> list[Shape]:
    """Round 36's ``shapes``, computed from scratch for every segment."""
    out = []
    for i, seg in enumerate(segs):
        words = _WORD.findall(seg.text)
        n = max(1, len(words))
        out.append(Shape(
            words=len(words),
            terminal=bool(_TERMINAL.search(seg.text) or _EMOJI_END.search(seg.text)),
            caps=sum(1 for w in words if w[0].isupper()) / n,
            lower=sum(1 for w in words if w[0].islower()) / n,
            starts_line=i == 0 or "\n" in segs[i - 1].separator or "\r" in segs[i - 1].separator,
            ends_line=i == len(segs) - 1 or bool(re.search(r"[\r\n]", seg.separator)),
            stems=stems(seg.text),
        ))  # fmt: skip
    return out


def _segs(texts: list[str], seps: list[str]) -> list[Seg]:
    out, pos = [], 0
    for text, sep in zip(texts, seps, strict=True):
        out.append(Seg(pos, pos + len(text), text, sep, 0))
        pos += len(text) + len(sep)
    return out


SEPARATORS = st.sampled_from([" ", "\n", "\r\n", "  ", "\n\n"])


@given(st.lists(st.tuples(st.text(min_size=1, max_size=40), SEPARATORS), max_size=12))
def test_shapes_are_the_formula_s(page: list[tuple[str, str]]) -> None:
    segs = _segs([t for t, _ in page], [s for _, s in page])
    assert shapes(segs) == _reference(segs)
    assert shapes(segs) == _reference(segs)  # the second time from what was kept


class _Counting:
    """``_WORD`` that counts the texts it reads."""

    def __init__(self) -> None:
        self.reads = 0

    def findall(self, text: str) -> list[str]:
        self.reads += 1
        return _WORD.findall(text)


def test_a_second_pass_over_a_page_reads_no_text_again(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [f"Sentence number {k} of the round thirty-seven page, read once." for k in range(300)]
    segs = _segs(texts, ["\n"] * len(texts))
    counting = _Counting()
    monkeypatch.setattr(page_shapes, "_WORD", counting)
    first = shapes(segs)
    after_first = counting.reads
    assert shapes(segs) == first
    assert counting.reads == after_first, "the second pass read the texts again"
