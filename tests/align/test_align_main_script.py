"""``align_blind.main_script`` counted per distinct character (round 40) names the script
the letter-by-letter count named, ties included (the first script met wins both ways)."""

from __future__ import annotations

import unicodedata
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core.align_blind import main_script
from workbench.core.similarity import normalize_for_similarity

_CHARS = st.sampled_from(list("abcé ßЖжΩωअआ日本ქართ1,.-_ ") + ["\u0301", "\U0001d538", "ﬁ"])
_TEXTS = st.lists(st.lists(_CHARS, max_size=12).map("".join), max_size=8)


def _letter_by_letter(texts: list[str]) -> str:
    """The definition before round 40: each letter of each normalised text named in turn."""
    counter: Counter[str] = Counter()
    for text in texts[:500]:
        for c in normalize_for_similarity(text):
            if c.isalpha():
                counter[unicodedata.name(c, "UNKNOWN ?").split()[0]] += 1
    return counter.most_common(1)[0][0] if counter else ""


@settings(max_examples=200, deadline=None)
@given(texts=_TEXTS)
@example(texts=["ab", "अआ"])  # a tie: the script met first wins
@example(texts=["अआ", "ab"])
@example(texts=["", "1 2"])  # no letter at all
def test_main_script_is_the_letter_count(texts: list[str]) -> None:
    assert main_script(texts) == _letter_by_letter(texts)
