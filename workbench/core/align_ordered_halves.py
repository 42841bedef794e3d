"""A half beside a link, joined when its words fall in order in the rest of the link's sentence.

Why: a same-language rewrite joins two wire sentences into one or splits one into two, and
the joined sentence carries no mark of the join (round 26: colons, quotes and attribution
tails each explain a handful).  The *other page* shows where the cut is: when the link
``W : P`` leaves ``P``'s neighbour ``H`` unmatched and ``W`` is really ``P`` and ``H`` told as
one sentence, ``P``'s words fall in one part of ``W`` and ``H``'s in the rest, in the order of
the two sentences; the gold marks such a join as one 1-2 bead (``stories-dev`` README: N-M
beads).  A neighbour that only shares the story's topic scatters its words over ``W``, among
``P``'s, or repeats ``P``'s own; a headline or a crosshead summarises without order (round 27,
``rewrites27``: on the dev rewrites and copies, of 306 unmatched neighbours beside a link whose
whole side is one running-text sentence, the word gate below holds 4 sure and 1 possible half
of 12 and 2, and no wrong one; round 25's bag-of-words gates could not separate them).

The word gate, on content keys (words of 5+ letters cut to 5, whole numbers): reading ``W`` from
the side where ``P`` stands, every key only ``P`` holds comes before every key only ``H`` holds;
at least ``AlignParams.ordered_half_keys`` of ``W``'s words are keys only ``H`` holds; and ``H``
holds at least ``ordered_half_residual`` of the keys ``W`` holds beyond ``P``'s.  ``W`` and
``H`` must end like sentences (``align_fragments.ends_open``).  Then the glue model
(``align_confidence.link_probability``) must rate the joined link at least
``ordered_half_sure`` (honest confidence: without it batch 17's right join, rated 0, was shown
at .05 and failed ``test_align_calibration``, and it shifted the far halves' claim, which then
glued a detail to the lead's link at .88; the gate also drops batch 10's right join, rated .008).
Round 29 (``beads29``): a half whose keys lie *among* the partner's (the rewrite wove its figure
into the partner's clause) joins too when it carries a whole number the partner lacks and
``ordered_half_unordered`` of the sentence's rest (``half_shape``; its own glue gate
``ordered_half_woven_sure``): on the dev rewrites two sure joins and no other bead move.
Round 32 (``beads32``): an ordered half whose own keys in the sentence number at least
``AlignParams.ordered_half_strong`` skips the glue gate (``"strong"``): four or more words of the
neighbour's, told in its place after the partner's, are the join whatever the lengths.
Round 33 (``beads33``): such a join, which the glue gate refused, is marked with the link it grew
from (``join_ordered_halves_marked``) and its confidence is read from that evidence
(``align_calibration.strong_join_confidence``), not from the glue model it skipped; shipped at 4.
Only in a pair of one language compared directly; moves untouched, never across a role break,
one half per link, the grown side three sentences at most (``align_rejoin.MAX_SIDE``);
linear in the links.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from workbench.core.align_confidence import features, link_probability
from workbench.core.align_fragments import ends_open
from workbench.core.align_rejoin import MAX_SIDE, free_sentences, join_links
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

_TOKEN = re.compile(r"\w+")
#: a word this long is a content key (cut to this length: "verletzt" / "verletzten")
KEY_LETTERS = 5

Breaks = tuple[frozenset[int], frozenset[int]]
#: whether a whole number counts as a document-unique key of a half (round 38: 0, words only:
#: a figure has its own gates, the woven half and the figure twins, and a rewrite retells an
#: age or a count in other words, "51 Jahre alt" / "Der 51-Jährige", batch 52; a grid switch)
UNIQUE_FIGURES = 0
#: a link as its two sides' sentence indices
Link = tuple[tuple[int, ...], tuple[int, ...]]


def key_sequence(text: str) -> list[str | None]:
    """``text``'s words in order: a content key (5+ letters cut to 5, case-folded; a whole
    number as written) or ``None`` for a short word, so positions stay those of the text."""
    out: list[str | None] = []
    for word in _TOKEN.findall(text):
        if word.isdigit():
            out.append(word)
        elif len(word) >= KEY_LETTERS and not any(c.isdigit() for c in word):
            out.append(word.casefold()[:KEY_LETTERS])
        else:
            out.append(None)
    return out


def _keys(text: str) -> set[str]:
    return {k for k in key_sequence(text) if k}


def out_of_order(marks: Sequence[str]) -> int:
    """The fewest keys to strike from ``marks`` ("P" / "H", read from the partner's side) so
    that every "P" comes before every "H": 0 exactly when the half is told in order.

    Why (round 34, ``beads34``): a rewrite that joins two sentences often lifts one word of the
    second to the front ("Verdi will erreichen, dass … – derzeit seien es bis zu 28"): one key
    out of place refuses a half whose other keys follow the partner's in order."""
    best = late = marks.count("P")
    for mark in marks:
        late += 1 if mark == "H" else -1
        best = min(best, late)
    return best


def ordered_half(whole: str, part: str, half: str, half_after: bool, params: AlignParams) -> bool:
    """Whether ``half`` (told after ``part`` on its side when ``half_after``) tells the rest of
    ``whole`` in order: the module docstring's word gate (or woven in: ``half_shape``)."""
    return half_shape(whole, part, half, half_after, params) is not None


def half_shape(whole: str, part: str, half: str, half_after: bool, params: AlignParams,
               unique: frozenset[str] = frozenset()) -> str | None:  # fmt: skip
    """``"ordered"`` when ``half`` tells the rest of ``whole`` after ``part``'s keys,
    ``"woven"`` when its keys lie among ``part``'s but it holds at least
    ``ordered_half_unordered`` of the keys ``whole`` holds beyond ``part``'s, a whole number
    among them, else ``None``.

    Why woven (round 29): a rewrite that joins two wire sentences often weaves the second's
    figure into the first's clause ("erhöht … für rund 180.000 Haushalte um … Prozent"); the
    order test alone refuses it, while a half that *contains* most of what the sentence adds
    to its partner, a figure among it, is the join whatever the order (a half that only shares
    words, "seconds", "stage", is a neighbour telling the same race: batch 17).

    ``"strong"`` (round 32): an ordered half with at least ``ordered_half_strong`` keys of its
    own among the sentence's (``_half_of`` sets no glue gate for it).

    ``unique`` (round 38): the keys said in one sentence a side (``document_unique``); a half
    holding at least ``ordered_half_unique_keys`` of them among its own keys passes the key
    count and the residual share (a word the whole pair says only in the sentence and the
    half: batch 138's "Bergbehörde", one of four keys the merged sentence adds); the order
    and the glue gate still read it."""
    seq = key_sequence(whole)
    own, extra = _keys(part), _keys(half)
    marks = [("P" if k in own else "H") for k in seq if k and (k in own) != (k in extra)]
    if not half_after:
        marks.reverse()
    rare = _rare_enough(seq, own, extra, unique, params)
    if marks.count("H") < params.ordered_half_keys and not rare:
        return None
    rest = _keys(whole) - own
    shape, share = "ordered", params.ordered_half_residual
    if out_of_order(marks) > params.ordered_half_slack:
        if params.ordered_half_unordered < 0 or not any(k.isdigit() for k in rest & extra):
            return None  # a key only H holds before one only P holds, and no figure of its own
        shape, share = "woven", params.ordered_half_unordered
    if not rest or (len(rest & extra) < share * len(rest) and not rare):
        return None
    strong = params.ordered_half_strong
    told = len(_keys(whole) & extra - own)  # distinct keys: a word said twice is one
    return "strong" if shape == "ordered" and 0 < strong <= told else shape


def _rare_enough(seq: Sequence[str | None], own: set[str], extra: set[str],
                 unique: frozenset[str], params: AlignParams) -> bool:
    """Whether the half's own keys in ``seq`` hold ``ordered_half_unique_keys`` document-unique
    ones (< 1: never)."""
    need = params.ordered_half_unique_keys
    rare = {k for k in seq if k and k in extra and k not in own and k in unique
            and (UNIQUE_FIGURES or not k.isdigit())}
    return need > 0 and len(rare) >= need


def document_unique(texts: tuple[Sequence[str], Sequence[str]]) -> frozenset[str]:
    """The content keys said in exactly one sentence of each side: a word a pair's two texts
    each say once ties those two sentences (hunalign's hapax anchors), whatever its length."""
    counts = [Counter(k for text in side for k in _keys(text)) for side in texts]
    return frozenset(k for k, n in counts[0].items() if n == 1 and counts[1][k] == 1)


def join_ordered_halves(
    beads: list[Bead], texts: tuple[Sequence[str], Sequence[str]], scorer: BeadScorer,
    params: AlignParams, breaks: Breaks = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """Each link whose one-sentence side tells its partner and the partner's unmatched neighbour
    in order takes that neighbour in (``ordered_half``).  ``texts``: both sides' sentences of a
    pair of one language compared directly.  Off at ``AlignParams.ordered_half_keys`` < 1."""
    return join_ordered_halves_marked(beads, texts, scorer, params, breaks)[0]


def join_ordered_halves_marked(
    beads: list[Bead], texts: tuple[Sequence[str], Sequence[str]], scorer: BeadScorer,
    params: AlignParams, breaks: Breaks = (frozenset(), frozenset()),
) -> tuple[list[Bead], dict[Link, Link]]:  # fmt: skip
    """``join_ordered_halves`` and its strong joins: each joined link the glue gate would have
    refused and the strong reading took (``half_shape`` ``"strong"``), mapped to the link
    ``W : P`` it grew from.  Why: the glue model that the strong reading skips cannot rate the
    join either (round 32: batch 17's right join shown at .05), so the confidence is read from
    the strong reading's own evidence (``align_calibration.strong_join_confidence``)."""
    if params.ordered_half_keys < 1:
        return beads, {}
    free = free_sentences(beads)
    strong: dict[Link, Link] = {}
    unique = document_unique(texts) if params.ordered_half_unique_keys > 0 else frozenset()

    def find(bead: Bead, gone: set[int]) -> tuple[Bead, int] | None:
        found = _half_of(bead, texts, (scorer, params), breaks, (free, gone), unique)
        if found is None:
            return None
        joined, n, skipped = found
        if skipped:
            strong[(joined.left, joined.right)] = (bead.left, bead.right)
        return joined, n

    return join_links(beads, find), strong


def _half_of(
    bead: Bead, texts: tuple[Sequence[str], Sequence[str]],
    rated: tuple[BeadScorer, AlignParams], breaks: Breaks,
    free: tuple[dict[tuple[int, int], int], set[int]], unique: frozenset[str] = frozenset(),
) -> tuple[Bead, int, bool] | None:  # fmt: skip
    """The link grown by the first neighbour ``ordered_half`` accepts and the glue model rates
    at least ``ordered_half_sure``, that neighbour's bead index and whether only the strong
    reading let it in (a ``"strong"`` half the glue gate refused); ``None``: none passes."""
    scorer, params = rated
    for whole_side in (0, 1):
        whole, part = (bead.left, bead.right) if whole_side == 0 else (bead.right, bead.left)
        side = 1 - whole_side
        if len(whole) != 1 or len(part) >= MAX_SIDE or ends_open(texts[whole_side][whole[0]]):
            continue
        for x, after in ((part[-1] + 1, True), (part[0] - 1, False)):
            n = free[0].get((side, x))
            if n is None or n in free[1] or max(x, part[-1] if after else part[0]) in breaks[side]:
                continue
            half = texts[side][x]
            told = " ".join(texts[side][i] for i in part)
            whole_text = texts[whole_side][whole[0]]
            shape = None if ends_open(half) else half_shape(whole_text, told, half, after,
                                                            params, unique)  # fmt: skip
            if shape is None:
                continue
            grown = tuple(sorted((*part, x)))
            left, right = (whole, grown) if side == 1 else (grown, whole)
            joined = Bead(left, right, bead.score, f"{len(left)}-{len(right)}")
            sure = {"woven": params.ordered_half_woven_sure, "strong": -1.0}.get(
                shape, params.ordered_half_sure)  # fmt: skip
            glue = link_probability(features(joined, scorer), params)
            if glue >= sure:
                return joined, n, shape == "strong" and glue < params.ordered_half_sure
    return None
