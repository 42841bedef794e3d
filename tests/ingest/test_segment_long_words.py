"""Sentence splitting stays linear on very long words, and cuts where it always cut.

Two patterns of ``core.segment`` were tried at every letter of a word: a word of
20,000 letters took ~10-60 s to split (``_WORD_THEN_NUMBER`` in every language,
``_LAST_WORD`` in languages with registry abbreviations), so a text with a long
token (a pasted hash, a run of one letter) stalled an ingest.  They now start at a
word's first letter only, where their leftmost match always started: the
properties compare them with the unanchored patterns on short texts.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from workbench.core import segment
from workbench.core.segment import segment_text

_PLAIN_WORD_THEN_NUMBER = re.compile(r"([^\W\d_]{5,})\.(\s+)(?=\d)")
_PLAIN_LAST_WORD = re.compile(r"([^\W\d_][\w.]*)\.\s*$")
_TEXT = st.text(st.sampled_from("abΑβж5_. \n\t,!ü"), max_size=40)


@given(_TEXT)
@example("3.5kg. ")
@example("_abcde. 5")
@example("1abcdef. 5 ghijkl. 7")
def test_anchored_patterns_match_as_the_plain_ones(text: str) -> None:
    def spans(pattern: re.Pattern[str]) -> list[tuple[int, int, tuple[str | None, ...]]]:
        return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]

    assert spans(segment._WORD_THEN_NUMBER) == spans(_PLAIN_WORD_THEN_NUMBER)
    plain, anchored = _PLAIN_LAST_WORD.search(text), segment._LAST_WORD.search(text)
    assert (plain and plain.span(1)) == (anchored and anchored.span(1))


def test_a_very_long_word_splits_like_a_short_one() -> None:
    for lang in ("de", "el"):
        word = "Α" * 60_000
        _lead, segs = segment_text(f"Ζ {word}! και. Τέλος 5.\n", lang)
        assert "".join(s.text + s.separator for s in segs) == f"Ζ {word}! και. Τέλος 5.\n"
        assert any(word in s.text for s in segs)
