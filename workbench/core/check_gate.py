"""Which aligned rows the pair checks read at all, and which of them as headlines.

Why a module of its own: ``core.checks`` says what differs inside a row; whether a
row is worth checking (a confident pairing, an edit rather than a paraphrase) and
whether it is a headline (short, no sentence end, maybe Title Case) are questions
of their own, with thresholds chosen by cross-validation in
``benchmarks/roles_flags.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.anchors import WORD_RE
from workbench.core.statuses import UNCERTAIN_BELOW


@dataclass(frozen=True)
class FlagGate:
    """Which beads are checked at all: a wrongly paired or merely paraphrased bead
    would flag every name and number in it.

    Two separate questions: is the pairing right (the aligner's calibrated
    ``confidence``) and is it the same sentence edited rather than a paraphrase
    (the bead's ``similarity``; across languages it goes through MT and runs
    lower for the same content).  On the dev pairs, correct paraphrase beads had
    confidence up to 0.89 at similarity 0.28-0.31, the beads whose flags were
    true similarity 0.51-0.89 and confidence 0.81-0.94.  Headlines are short, so
    one changed name costs a rewritten headline much similarity: it has its own
    threshold.  The values are chosen by leave-one-pair-out and leave-one-set-out
    cross-validation over 23 pairs of 7 sets in ``benchmarks/roles_flags.py``
    (every fold chose confidence 0.3 and similarity 0.5; all but one 0.3 for headlines).
    The confidence is the ONE threshold ``core.statuses.UNCERTAIN_BELOW`` (0.4 since
    it was unified; 0.4 and 0.5 gave the same flags, 0.3 two more false ones): a row
    the compare service shows as ``uncertain`` is never checked.
    """

    confidence: float = UNCERTAIN_BELOW
    similarity: float = 0.5
    similarity_cross: float = 0.3
    similarity_title: float = 0.3  # same-language headlines (``title_like``)


def title_like(text: str) -> bool:
    """A headline or deck: at most 20 words and no sentence end (they carry few words
    each, so a rewritten headline that names another place scores low similarity)."""
    return len(text.split()) <= 20 and not re.search(r"[.!?…]['\"’”»)]*\s*$", text)


DEFAULT_GATE = FlagGate()


def similarity_gate(gate: FlagGate, same: bool, left: str, right: str) -> float:
    if not same:
        return gate.similarity_cross
    return gate.similarity_title if title_like(left) and title_like(right) else gate.similarity


def title_case(text: str) -> bool:
    """Whether most words of ``text`` (four or more) start upper-case, as headlines do."""
    words = [w for w in WORD_RE.findall(text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
