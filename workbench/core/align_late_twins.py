"""Twins a late step set free, paired again before the confidences are set.

Why: ``align_figures.link_figure_twins`` pairs two unmatched sentences of a one-language
pair that tell one figure changed ("rund 40 Millionen Euro" / "rund 45 Millionen Euro"),
but it runs inside ``align_scored``, before the steps that take links apart afterwards:
the learned decision's parts (``align_decision.decide_links``) and the rejoin
(``align_rejoin``).  When the DP glued the changed-figure sentence into a 2-2 with its
neighbour and the decision then cut that link to its better part, both twins are left
unmatched and nothing looks at them again: the unseen batch 75 of round 22 (a Vienna
tabloid's rewrite of an APA story) missed its sure bead "Die Aktion koste das Unternehmen
nach eigenen Angaben rund 40 Millionen Euro." / "Die Aktion lässt sich der Händler rund
45 Millionen Euro kosten." that way, and with it the true flag on 40 -> 45.

The same rule, at its own evidence floor (``AlignParams.late_figure_evidence``), runs once
more on the beads the late steps left: no new kind of evidence, only a second look at
sentences the pipeline freed after the first one.  The confidences (``with_confidence``)
are computed afterwards, on the links as they stand.  Only in pairs of one language
compared directly, as the first look.

Round 24: the same second look for two-language pairs, with their own twin rule
(``align_anchor_moves.link_anchor_twins``: two unmatched sentences that alone share a
figure, name or cognate on both sides), at ``AlignParams.late_anchor_link_cost``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from workbench.core.align_anchor_halves import link_anchor_halves
from workbench.core.align_anchor_joins import join_anchor_neighbours
from workbench.core.align_anchor_moves import link_anchor_twins
from workbench.core.align_anchor_relink import relink_anchors
from workbench.core.align_clause_halves import join_clause_halves
from workbench.core.align_cognates import cognate_keys
from workbench.core.align_cut_halves import join_cut_halves
from workbench.core.align_figure_halves import join_figure_halves
from workbench.core.align_figures import link_figure_twins
from workbench.core.align_half_cover import join_covered_halves
from workbench.core.align_length_halves import join_evidence_halves, join_length_halves
from workbench.core.align_link_neighbours import link_neighbours
from workbench.core.align_merge_halves import join_merge_halves
from workbench.core.align_move_halves import rejoin_move_halves
from workbench.core.align_ordered_halves import Link, join_ordered_halves_marked
from workbench.core.align_quotes import relink_quotes
from workbench.core.align_rare import Keys, rare_keys
from workbench.core.align_regroup import regroup_links
from workbench.core.align_rejoin import rejoin_halves
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.align_unswap import unswap_links


def rejoin_then_twins(
    beads: list[Bead], found: tuple[Keys | None, BeadScorer, bool], params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]], texts: tuple[Sequence[str], Sequence[str]],
    mts: tuple[Sequence[str] | None, Sequence[str] | None] = (None, None),
) -> list[Bead]:  # fmt: skip
    """``rejoin_then_twins_marked``'s beads."""
    return rejoin_then_twins_marked(beads, found, params, breaks, texts, mts)[0]


def rejoin_then_twins_marked(
    beads: list[Bead], found: tuple[Keys | None, BeadScorer, bool], params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]], texts: tuple[Sequence[str], Sequence[str]],
    mts: tuple[Sequence[str] | None, Sequence[str] | None] = (None, None),
) -> tuple[list[Bead], dict[Link, Link]]:  # fmt: skip
    """``align_rejoin.rejoin_halves`` and its claim for moves (``align_move_halves``), the
    halves a link's partner covers (``align_half_cover``, round 25) and a changed figure claims
    (``align_figure_halves``, one language), then the twins they and the decision left
    unmatched, then the halves a link's one-sentence side tells in order after its partner
    (``align_ordered_halves``, one language, round 27); across languages, last, the halves the
    lengths alone ask for (``align_length_halves``, round 27).  ``mts``: the pair's MT
    (``align``'s), read for a two-language pair's rejoin (``translation_rejoin``).

    ``found``: the pair's rare keys (``align_rare.rare_keys``), its scorer and whether one
    language is compared directly (``align``'s ``same``: figure twins, off at
    ``late_figure_evidence`` <= -1; else anchor twins, ``late_anchor_twins``); ``breaks``:
    each side's role breaks (the rejoin never crosses one; a twin link is 1-1); ``texts``:
    both sides' sentences.  Returned with the ordered halves' strong joins (round 33:
    ``align_ordered_halves.join_ordered_halves_marked``; none across languages).
    """
    keys, scorer, same = found
    if not same:
        beads = translation_rejoin(beads, scorer, params, breaks, (texts, mts))
    beads = rejoin_halves(beads, keys, scorer, params, breaks)
    beads = rejoin_move_halves(beads, keys, scorer, params, breaks)  # align_move_halves
    beads = join_covered_halves(beads, keys, scorer, params, breaks)  # align_half_cover
    if not same:  # lengths last: an anchor twin is stronger evidence for a free sentence
        beads = late_anchor_twins(beads, scorer, params, texts)
        beads = late_anchor_halves(beads, scorer, params, breaks, texts)
        beads = xlang_figures(beads, scorer, params, breaks, texts)  # round 37 (on at 0)
        beads = join_length_halves(beads, scorer, params, breaks)  # align_length_halves
        beads = join_cut_halves(beads, scorer, params, breaks, texts)  # round 40 (beads40)
        beads = join_merge_halves(beads, scorer, params, breaks, texts)  # round 39 (beadsb39): off
        beads = join_evidence_halves(beads, scorer, params, breaks)  # round 36: off
        beads = relink_quotes(beads, texts, params, breaks, same)  # align_quotes (round 36)
        known = getattr(scorer, "anchor_memo", None)  # its anchor keys, read back (round 39)
        return relink_anchors(beads, texts, params, breaks, same, known), {}  # round 38 (at 1)
    beads = join_figure_halves(beads, scorer, params, texts, breaks)  # align_figure_halves
    floor = params.late_figure_evidence
    if floor > -1:
        beads = link_figure_twins(beads, scorer, replace(params, figure_link_evidence=floor), texts)
    beads = join_clause_halves(beads, texts, breaks)  # round 39 (beadsc39: at 1)
    beads, strong = join_ordered_halves_marked(beads, texts, scorer, params, breaks)
    beads = regroup_links(beads, texts, params, breaks)  # align_regroup (round 35: on at 3)
    beads = unswap_links(beads, texts, params)  # align_unswap (round 36, beadsc36: off)
    beads = link_neighbours(beads, texts, scorer, params, breaks)  # round 37, beads37: off
    if params.one_language_length_half_gain >= 0:  # round 34 (beads34): a study, off
        lengths = replace(params, length_half_gain=params.one_language_length_half_gain)
        beads = join_length_halves(beads, scorer, lengths, breaks)  # grows 1-1 links only
    beads = relink_quotes(beads, texts, params, breaks, same)  # align_quotes (at 2)
    known = getattr(scorer, "anchor_memo", None)
    return relink_anchors(beads, texts, params, breaks, same, known), strong  # round 38 (at 2)


def xlang_figures(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]], texts: tuple[Sequence[str], Sequence[str]],
) -> list[Bead]:  # fmt: skip
    """A two-language pair's hedged figures: one language's figure halves, then figure twins.

    Why (round 37, beadsb37): a paraphrase hedges the figures it keeps ("близько 2800" /
    "Nearly 3,000", "1,8 метра" / "nearly 2 metres"), so the number anchor breaks and the
    stand-in MT, a copy, leaves no other evidence; the one-language steps' like-size twins
    (``align_figures.twins``) read the figure itself.  At ``AlignParams.xlang_figure_evidence``
    as both steps' evidence floor (-1: off; shipped 0, the one-language halves' floor), the
    like size tightened to ``AlignParams.xlang_figure_factor`` (1.1: a hedge rounds, and a
    paraphrase's other figure of like size is another fact: "4 тисяч відвідувачів" / "Nearly
    3,000 tickets"; at 1.2 dev leave one batch out lost, ``docs/align.md`` "Round 37").
    """
    floor, factor = params.xlang_figure_evidence, params.xlang_figure_factor
    if floor <= -1:
        return beads
    loose = replace(params, figure_half_evidence=floor, figure_link_evidence=floor)
    if XLANG_FIGURE_HALVES:
        beads = join_figure_halves(beads, scorer, loose, texts, breaks, factor)
    return link_figure_twins(beads, scorer, loose, texts, factor)


#: 0: ``xlang_figures`` links twins only, no halves (a grid switch of round 37's study)
XLANG_FIGURE_HALVES = 1


def late_anchor_twins(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    texts: tuple[Sequence[str], Sequence[str]],
) -> list[Bead]:  # fmt: skip
    """A two-language pair's anchor twins (``align_anchor_moves.link_anchor_twins``) once more.

    Why: the first look runs inside ``align_scored``, while the decision's links still hold
    one of the two sentences a unique figure, name or cognate pins together; when the
    decision then takes that link apart, both twins stand unmatched and nothing looks at
    them again (round 24, ``benchmarks/align_xlang_misses.py``: of the dev paraphrases' sure
    beads whose sides share an anchor and are not linked, 16 of 30 have both sides
    unmatched at the end).  Same rule, keys and bars (cognates included), at its own length
    bar ``AlignParams.late_anchor_link_cost`` (-1: off).
    """
    cost = params.late_anchor_link_cost
    if cost < 0:
        return beads
    cognates = cognate_keys(*texts, params.cognate_prefix)
    return link_anchor_twins(beads, scorer, replace(params, anchor_link_cost=cost), cognates)


def late_anchor_halves(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]], texts: tuple[Sequence[str], Sequence[str]],
) -> list[Bead]:  # fmt: skip
    """A two-language pair's halves pinned by anchors, looked at after the decision.

    Why (round 31, beads31): the decision and the rejoins leave a sentence the other side
    split in two either wholly unmatched, its halves holding different parts of its anchors
    (``align_anchor_halves``: the twins see a tie and link neither), or linked to one half
    with the other unmatched beside it, the anchor join (``align_anchor_joins``, run before
    the decision) having been undone or never offered.  Both, at one length bar
    ``AlignParams.anchor_halves_cost`` (-1: off): the halves first, then the anchor join once
    more with the keys and gates of its first look (cognates, breaks).
    """
    cost = params.anchor_halves_cost
    if cost < 0 or min(scorer.counts) >= params.long_glue_min:  # both steps' own gate
        return beads
    beads = link_anchor_halves(beads, scorer, params, breaks)
    cognates = cognate_keys(*texts, params.cognate_prefix)
    return join_anchor_neighbours(beads, scorer, replace(params, anchor_join_cost=cost),
                                  cognates, breaks)  # fmt: skip


def translation_rejoin(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]],
    sides: tuple[tuple[Sequence[str], Sequence[str]], tuple[Sequence[str] | None, ...]],
) -> list[Bead]:  # fmt: skip
    """A two-language pair's 2-1 found as a 1-1 and an unmatched sentence, joined back.

    Why: the biggest miss class left in the dev translations (round 24, seg24: 13 ``split /
    partial`` beads in 12 batches) is a sentence one side split in two, linked to one half
    while the other half stays unmatched beside the link.  ``align_rejoin``'s claim reads
    rare keys that only the link's other side holds; on the raw texts of two languages few
    words are shared, so the keys are taken on the MT view (one side's MT against the
    other side's text), where the half's own words show.  Same gates as the one-language
    rejoin (never glue, glue-model probability), at ``AlignParams.translation_rejoin_keys``
    (0: off).  ``sides``: both sides' sentences and their MT (``align``'s ``mts``).
    """
    need = params.translation_rejoin_keys
    (left, right), (left_mt, right_mt) = sides
    if need < 1 or (left_mt is None and right_mt is None):
        return beads
    view = (left_mt, right) if left_mt is not None else (left, right_mt)
    keys = rare_keys(view[0], view[1], params)  # type: ignore[arg-type]
    return rejoin_halves(beads, keys, scorer, replace(params, one_language_rejoin_keys=need),
                         breaks)  # fmt: skip
