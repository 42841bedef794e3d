"""Word beginnings and spelled numbers as extra words of a one-language comparison.

Why: a same-language rewrite rewords a sentence with other forms of its words
("Kühllastwagen" / "Kühllaster", "Bussen" / "Busse", "приїхали" / "приїхав") and
writes a figure as a word ("дев'яти" / "9").  Character n-grams see part of an
inflected word, but a paraphrased sentence shares few whole words, so its
coverage can stay below the evidence level.  Each word longer than ``prefix``
letters is followed (at the text's end) by its first ``prefix`` letters, and
each number written as a word (``anchors.spelled_number_keys``, every reader)
by its digits, so the n-gram profiles count a shared beginning or value as one
more shared word.  Nothing is listed per language; a word equal to its own
beginning adds nothing (profiles are sets), and the cost is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.anchors import spelled_number_keys

_WORD_RE = re.compile(r"[^\W\d_]+")  # letters only: digits are whole words already


def with_stems(text: str, prefix: int, numbers: bool, longer: int = 0) -> str:
    """``text`` followed by the first ``prefix`` letters of its words longer than ``prefix``
    and ``longer`` and by its spelled numbers' digits (``prefix`` 0: no beginnings;
    ``text`` itself when nothing is added)."""
    extra = []
    if prefix > 0:
        floor = max(prefix, longer)
        extra = [w[:prefix] for w in _WORD_RE.findall(text) if len(w) > floor]
    if numbers:
        extra.extend(sorted(key[1:] for key in spelled_number_keys(text)))
    return f"{text} {' '.join(extra)}" if extra else text


def stem_views(texts: Sequence[str], prefix: int, numbers: bool, longer: int = 0) -> list[str]:
    """``with_stems`` of every text (the comparison view of a one-language side)."""
    return [with_stems(t, prefix, numbers, longer) for t in texts]
