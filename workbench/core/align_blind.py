"""When the comparison cannot see: fill gaps by sentence lengths (Gale-Church).

Why: the aligner links two sentences only when their character n-grams beat
chance.  Across scripts with no machine translation and no transliteration (a
language the workbench has no model for), almost nothing is shared but
numbers, so the DP leaves most sentences unmatched and the result is far
worse than the 1993 length-only baseline, which the issue forbids.  Hunalign
faces the same situation without a dictionary and falls back on lengths;
here, when the pair is *blind* (its links show almost no evidence above
chance), each gap between two links is aligned on lengths alone and its
length-fitting beads become links.  The confident ones then teach the
in-document word table (``align_lexicon``) of the second pass.

Blindness is a property of the document pair, not of one sentence, and needs
two things: the sides write in different scripts (after the Cyrillic and
Greek transliteration), and the links show almost no evidence.  Two unrelated
texts in one script: their lack of evidence means "unrelated",
and they stay unlinked.  In a same-language rewrite an added paragraph has no
partner either, but the links around it carry strong evidence, so its gap is
left alone.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

from workbench.core.align_gc import GC_PRIORS, _banded
from workbench.core.align_repair import Bead, _bead_evidence
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.align_views import prefetch_links
from workbench.core.similarity import normalize_all

#: ``brief_share`` from which a pair compared without MT counts as one language
SAME_LANGUAGE = 0.4


def main_script(texts: Sequence[str]) -> str:
    """The Unicode script most of the letters are written in, after transliteration.

    Cyrillic and Greek come out Latin (``anchors.transliterate``), so a pair
    across scripts is one the n-gram comparison cannot see: Latin against
    Georgian, Arabic, Hebrew, Han...
    """
    counter: Counter[str] = Counter()
    # a sample is enough to tell the script; each distinct character named once (round 40),
    # in order of first occurrence, so the scripts meet the counter in the order the
    # letters do and ties go the same way as letter by letter
    chars = Counter("".join(normalize_all(texts[:500])))
    for c, count in chars.items():
        if c.isalpha():
            counter[unicodedata.name(c, "UNKNOWN ?").split()[0]] += count
    return counter.most_common(1)[0][0] if counter else ""


def word_share(left: Sequence[str], right: Sequence[str]) -> float:
    """Share of each side's word tokens (numbers aside) found anywhere on the other side (min).

    Two copies or rewrites in one language share most of their words (.5-1 on
    the dev pairs); two languages compared directly share names and little
    else (under .3, Ukrainian and Russian included).
    """
    return min(share for _, share in _shares(left, right))


def brief_share(left: Sequence[str], right: Sequence[str]) -> float:
    """Share of the shorter side's word tokens (numbers aside) found on the other side.

    Why not ``word_share``: a brief copy keeps three sentences of a long text
    verbatim, so all of its words are on the long side while most of the long
    side's words are not in the brief; the minimum then called the pair two
    languages and the cross-language glue checks let dropped neighbours glue on.
    """
    return min(_shares(left, right))[1]


def _shares(left: Sequence[str], right: Sequence[str]) -> list[tuple[int, float]]:
    """(word tokens, share found on the other side) for each side."""
    counts = []
    for texts in (left, right):  # each distinct word counted once (same sums as per token)
        found = Counter(" ".join(normalize_all(texts[:500])).split())
        counts.append({w: c for w, c in found.items() if not w.isdigit()})
    shares = []
    for mine, other in ((counts[0], counts[1]), (counts[1], counts[0])):
        total = sum(mine.values())
        found = sum(c for w, c in mine.items() if w in other)
        shares.append((total, found / total if total else 0.0))
    return shares


def mt_informative(
    source: Sequence[str], mt: Sequence[str], other: Sequence[str], floor: float
) -> bool:
    """Whether ``mt`` brings ``source`` closer to ``other`` than ``source`` already is.

    Why: the evaluation and a fresh install run with generated stand-in models
    that copy the text unchanged, and a wrong or failing engine does the same;
    aligning through such an "MT" is aligning the originals, minus the no-MT
    path's own means (the learnt word table, the blind fallback across scripts).
    Real MT raises the share of words found on the other side from .28 to
    .74-.84 on the Text+Berg dev pair; a copy raises it by nothing and the
    stand-in English-German word list by about .1.  ``floor`` (``AlignParams.mt_gain``)
    is chosen by ``benchmarks/align_cv.py``; a floor of 0 or less always keeps MT.
    """
    if floor <= 0:
        return True
    return word_share(mt, other) - word_share(source, other) >= floor


def is_blind(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> bool:
    """True when the pair's links carry too little lexical evidence to be trusted alone.

    The median evidence of the 1-1 links (unmatched sentences count as links
    with no evidence) is compared with ``params.blind_evidence``: same-language
    copies and translations through MT sit far above it, a comparison across
    scripts without MT near zero.
    """
    if params.blind_evidence <= 0:
        return False
    ones = [(b.left[0], b.right[0]) for b in beads if len(b.left) == len(b.right) == 1]
    prefetch_links(scorer, ones)  # the 1-1 links' coverages counted at once (same floats)
    values = []
    for bead in beads:
        if bead.left and bead.right:
            values.extend([_bead_evidence(bead, scorer)] * len(bead.left))
        else:
            values.extend([0.0] * len(bead.left))
    if not values:
        return False
    values.sort()
    return values[len(values) // 2] < params.blind_evidence


def fill_blind_gaps(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """Align every run of unmatched sentences (and weak links) of a blind pair on lengths."""
    beads = _weak_links_dissolved(beads, scorer, params)
    result: list[Bead] = []
    k = 0
    while k < len(beads):
        run = k
        while run < len(beads) and (not beads[run].left or not beads[run].right):
            run += 1
        if run == k:
            result.append(beads[k])
            k += 1
            continue
        gap = beads[k:run]
        left = sorted(x for bead in gap for x in bead.left)
        right = sorted(x for bead in gap for x in bead.right)
        if left and right:
            result.extend(_length_beads(left, right, scorer, params))
        else:
            result.extend(gap)
        k = run
    return result


def _length_beads(
    left: list[int], right: list[int], scorer: BeadScorer, params: AlignParams
) -> list[Bead]:
    """Gale-Church on one gap (the document's length ratio); misfitting links stay unmatched."""
    lengths_left = [scorer.left_len[k] for k in left]
    lengths_right = [scorer.right_len[k] for k in right]
    width = max(len(left), len(right)) + 2
    path, _ = _banded(lengths_left, lengths_right, scorer.ratio, width)
    out: list[Bead] = []
    for lids, rids in path:
        ids_l = tuple(left[x] for x in lids)
        ids_r = tuple(right[x] for x in rids)
        contiguous = _contiguous(ids_l) and _contiguous(ids_r)
        if ids_l and ids_r and contiguous and (len(ids_l), len(ids_r)) in GC_PRIORS:
            i, a, j, b = ids_l[0], len(ids_l), ids_r[0], len(ids_r)
            fits = scorer.length_cost(i, a, j, b) <= params.blind_length_cost
            if fits and _bead_evidence(Bead(ids_l, ids_r, 0.0, ""), scorer) > params.glue_evidence:
                out.append(Bead(ids_l, ids_r, round(scorer.similarity(i, a, j, b), 4), f"{a}-{b}"))
                continue
        out.extend(Bead((x,), (), 0.0, "1-0") for x in ids_l)
        out.extend(Bead((), (x,), 0.0, "0-1") for x in ids_r)
    return out


def _weak_links_dissolved(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """Links without clear evidence become unmatched: in a blind pair they are guesses.

    A stray shared number or short token links two sentences far from where
    the lengths put them; kept, it would leave unbalanced gaps on both sides.
    """
    out: list[Bead] = []
    for bead in beads:
        if bead.left and bead.right and _bead_evidence(bead, scorer) < params.blind_keep:
            out.extend(Bead((x,), (), 0.0, "1-0") for x in bead.left)
            out.extend(Bead((), (x,), 0.0, "0-1") for x in bead.right)
        else:
            out.append(bead)
    return out


def _contiguous(ids: tuple[int, ...]) -> bool:
    return all(b == a + 1 for a, b in zip(ids, ids[1:], strict=False))


def compared_directly(
    left: Sequence[str], right: Sequence[str], left_mt: Sequence[str] | None,
    right_mt: Sequence[str] | None, params: AlignParams,
) -> tuple[Sequence[str] | None, Sequence[str] | None, bool]:  # fmt: skip
    """The MTs worth reading, and whether the pair is one language compared directly.

    An MT that shares no more words with the other side than its source does carries
    no translation (a copy model, a wrong language pair): align as if there were none.
    """
    if left_mt is not None and not mt_informative(left, left_mt, right, params.mt_gain):
        left_mt = None
    if right_mt is not None and not mt_informative(right, right_mt, left, params.mt_gain):
        right_mt = None
    same = left_mt is None and right_mt is None and brief_share(left, right) >= SAME_LANGUAGE
    return left_mt, right_mt, same
