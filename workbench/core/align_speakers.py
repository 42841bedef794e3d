"""Names a side tells in many sentences, left out of the scorer's comparison views.

Why: a story attributes many sentences to one speaker ("…, sagte Verdi-Verhandlungsführer
Jens Albers.", "said X, the union's spokesman").  A sentence that shares only that name with
the other side is glued to whichever link the other side repeats it in (round 26: batches 3,
17, 65, 89), yet the name tells nothing about *which* sentence pairs with which.  A name
(``anchors.names``: a capital not at a sentence's start, a German common noun excepted) that
at least ``least`` sentences of a side hold is masked in every text of both sides before the
n-gram views are built, so the rest of the sentence has to carry the link.  A name told once
or twice still matches (the anchors keep every name either way).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from workbench.core.anchors import WORD_RE, names
from workbench.core.german_lexicon import is_common_noun


def repeated_names(texts: Sequence[str], least: int) -> frozenset[str]:
    """Names (not German common nouns) found in at least ``least`` of ``texts``."""
    counts = Counter(name for text in texts for name in set(names(text)))
    return frozenset(n for n, c in counts.items() if c >= least and not is_common_noun(n))


def mask(texts: Sequence[str], drop: frozenset[str]) -> list[str]:
    """``texts`` without the words in ``drop`` and the capitalised words right before one
    ("Jens Albers": the first name goes with the repeated family name).  A text that would be
    left blank is kept: a byline of the name alone still has its length and evidence."""
    if not drop:
        return list(texts)
    out = []
    for text in texts:
        tokens = list(WORD_RE.finditer(text))
        cut = [False] * len(tokens)
        for k in range(len(tokens) - 1, -1, -1):
            if tokens[k].group(0) in drop:
                cut[k] = True
            elif 0 < k < len(tokens) - 1 and cut[k + 1]:  # the text's first word: any capital
                between = text[tokens[k].end() : tokens[k + 1].start()]
                cut[k] = tokens[k].group(0)[0].isupper() and not between.strip()
        kept, at = [], 0
        for token, gone in zip(tokens, cut, strict=True):
            if gone:
                kept.append(text[at : token.start()])
                at = token.end()
        masked = re.sub(r"\s{2,}", " ", "".join(kept) + text[at:])
        out.append(masked if any(ch.isalnum() for ch in masked) else text)
    return out


def quiet_speakers(
    sides: Sequence[Sequence[str] | None], least: int
) -> list[Sequence[str] | None]:
    """Every side (originals and MT; ``None`` stays ``None``) with the names any side holds in
    at least ``least`` sentences masked (``least`` under 2: unchanged)."""
    if least < 2:
        return list(sides)
    drop = frozenset().union(*(repeated_names(s, least) for s in sides if s is not None))
    return [None if s is None else mask(s, drop) for s in sides]
