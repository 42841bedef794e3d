"""Sentence alignment: monotonic banded dynamic programming plus repair passes.

Beads: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1, 1-0 and 0-1 from the DP
(``workbench.core.align_dp``, linear in document length), larger ones from the
repair passes.  Bead gains (``workbench.core.align_scoring``) combine lexical
coverage (chrF++-style character and word n-grams, one side replaced by its
machine translation across languages) above the chance level of the same
documents, a Gale-Church length cost, anchors that survive translation (numbers,
transliterated names) and a small cost per extra sentence.  Unmatched sentences
(1-0/0-1) gain nothing, so a pair is only linked when it beats chance.

After the DP, local repairs in the spirit of Bleualign's gap filling: a lone
deletion facing a lone insertion between the same links is paired (a free
rewrite); an unmatched sentence takes back the end sentence glued to a
neighbouring link when the lengths then fit better; an unmatched fragment joins
a neighbouring link whose score it raises.  Finally deletions matching
insertions elsewhere are marked as moves.
Last, a logistic model learnt from the dev gold (``align_decision``) keeps each
link of a two-language pair whole, cuts it to a part or takes it apart.

Everything here is pure: lists of strings in, ``Bead`` dataclasses out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from workbench.core.align_blind import (
    compared_directly,
    fill_blind_gaps,
    is_blind,
    main_script,
)
from workbench.core.align_calibration import strong_join_confidence, with_confidence
from workbench.core.align_chain import ChainKeys, anchor_chain
from workbench.core.align_confidence import (
    dissolve_weak_links,
    shed_weak_ends,
    split_at_breaks,
    split_glued,
)
from workbench.core.align_decision import decide_links, decision_levels
from workbench.core.align_dp import banded_dp, coarse_path, refined_band
from workbench.core.align_far_halves import join_far_halves
from workbench.core.align_figures import figures_memo
from workbench.core.align_fragments import ends_open, tidy_links
from workbench.core.align_free_joins import free_steps
from workbench.core.align_gap_twins import pair_gap_twins
from workbench.core.align_inputs import scorer_views
from workbench.core.align_key_joins import key_join_halves
from workbench.core.align_key_moves import key_move_twins
from workbench.core.align_ladder import parse_ladder, to_ladder
from workbench.core.align_late_sandwich import pair_late_sandwiches
from workbench.core.align_late_twins import rejoin_then_twins_marked
from workbench.core.align_lengths import LengthMemo
from workbench.core.align_lexicon import (
    gloss_words,
    identity_share,
    invert,
    learn_lexicon,
    prefix_lexicon,
    sentence_words,
)
from workbench.core.align_link_steps import link_steps
from workbench.core.align_moves import move_steps
from workbench.core.align_partition import split_glued_pairs
from workbench.core.align_profiles import KeepingBuilder, paused_gc
from workbench.core.align_rare import Keys, rare_keys, shed_unshared_ends
from workbench.core.align_ratio import link_ratio
from workbench.core.align_repair import (
    Bead,
    _bead_evidence,
    absorb_orphans,
    link_anchor_gaps,
    pair_sandwiches,
    repair_boundaries,
)
from workbench.core.align_scoring import BEAD_SHAPES, AlignParams, BeadScorer
from workbench.core.align_xlang_cut import cut_doubtful
from workbench.core.similarity import ProfileBuilder

__all__ = [
    "BEAD_SHAPES",
    "AlignParams",
    "Bead",
    "align",
    "align_scored",
    "anchor_chain",
    "parse_ladder",
    "repair_boundaries",
    "to_ladder",
]


def align(
    left: Sequence[str],
    right: Sequence[str],
    *,
    left_mt: Sequence[str] | None = None,
    right_mt: Sequence[str] | None = None,
    params: AlignParams | None = None,
    left_breaks: Iterable[int] = (),
    right_breaks: Iterable[int] = (),
    leads: tuple[int, int] | None = None,
) -> list[Bead]:
    """Align two sentence lists.

    ``left_mt`` is the machine translation of ``left`` into ``right``'s language
    (compared with ``right``); ``right_mt`` the reverse.  Given both, the two
    comparisons are averaged; given one, the missing direction is glossed
    through that MT's own word table (``align_lexicon.reverse_view``) and
    averaged in; given neither, the sides are compared directly
    (same language), after which a word table learnt from the pair itself
    glosses each side when the two turn out to be in different languages.
    ``left_breaks``/``right_breaks``: indices ``k`` where sentence ``k`` starts a
    new unit (a headline ends, the body starts); no bead holds ``k-1`` and ``k``.
    ``leads``: each side's first running-text sentence, when the caller knows it
    (``align_groups``; ``core.align_leads``).
    """
    params = params or AlignParams()
    breaks = (frozenset(left_breaks), frozenset(right_breaks))
    with paused_gc(), figures_memo():  # align_profiles.paused_gc: why; align_figures (round 39)
        return _confident(left, right, (left_mt, right_mt), params, breaks, leads)


def _confident(left, right, mts, params: AlignParams, breaks, leads=None) -> list[Bead]:
    """``align_scored`` plus confidences.

    Why a function of its own: its frame (the scorer, its views and caches)
    is gone when ``paused_gc`` switches the collector back on, so the
    collection the aligner's allocations have made due finds only the beads.
    """
    direct = compared_directly(left, right, mts[0], mts[1], params)  # once: align_scored's too
    beads, scorer = align_scored(
        left, right, left_mt=mts[0], right_mt=mts[1], params=params, breaks=breaks, leads=leads,
        direct=direct,
    )  # fmt: skip
    same = direct[2]
    if max(decision_levels(params, same)) >= 0:
        beads = decide_links(left, right, beads, scorer, params, same)  # core/align_decision
    keys = rare_keys(left, right, params) if same else None  # one language compared directly
    beads, strong = rejoin_then_twins_marked(
        beads, (keys, scorer, same), params, breaks, (left, right), mts
    )
    if not same:  # align_late_sandwich (round 41): a lone pair left between two links; off
        beads = pair_late_sandwiches(beads, scorer, breaks)
        beads = pair_gap_twins(beads, scorer, (left, right), breaks)  # round 42; on (round 44)
    beads = free_steps(beads, scorer, breaks, same)  # align_free_joins (round 42): ships off
    beads = key_join_halves(beads, keys, scorer, breaks)  # align_key_joins (round 43)
    beads = key_move_twins(beads, keys, scorer)  # align_key_moves (round 44): far free twins
    cut = (len(left) > 1 and ends_open(left[-1]), len(right) > 1 and ends_open(right[-1]))
    beads = with_confidence(beads, scorer, params, cut)
    beads = strong_join_confidence(beads, strong, scorer, params, cut)  # their own evidence
    beads = join_far_halves(beads, (left, right), keys, params, (leads, breaks))  # far_halves
    two_languages = mts[0] is not None or mts[1] is not None  # the caller's pages differ
    return cut_doubtful(beads, two_languages)  # align_xlang_cut (round 40): ships off


def align_scored(
    left: Sequence[str],
    right: Sequence[str],
    *,
    left_mt: Sequence[str] | None = None,
    right_mt: Sequence[str] | None = None,
    params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
    ratio: float | None = None,
    leads: tuple[int, int] | None = None,
    direct: tuple[Sequence[str] | None, Sequence[str] | None, bool] | None = None,
) -> tuple[list[Bead], BeadScorer]:
    """``align`` without confidences, plus the scorer of the final pass (for calibration).

    ``ratio``: the length ratio to expect; by default the documents', and when the
    pair's confident links show another (a cut or brief side, ``align_ratio``) the
    pair is aligned once more with theirs.  ``leads``: as in ``align``.
    ``direct``: ``compared_directly`` of these sides and MTs when the caller has it
    (``align`` needs it too; counting both sides' words twice was 1-2 % of a call).
    """
    for name, mt, ref in (("left_mt", left_mt, left), ("right_mt", right_mt, right)):
        if mt is not None and len(mt) != len(ref):
            raise ValueError(f"{name} has {len(mt)} lines, expected {len(ref)}")
    if direct is None:
        direct = compared_directly(left, right, left_mt, right_mt, params)
    left_mt, right_mt, same = direct
    if not same:  # AlignParams.one_language_move_*: an MT's words need move_gain, absorb_evidence
        params = replace(params, one_language_move_gain=-1.0, one_language_move_absorb=-1.0)
    else:  # one language compared directly sees every word: no anchor outweighs the others
        params = replace(params, anchor_pinned_weight=1)
    views_left, views_right = scorer_views(left, right, left_mt, right_mt, params, same)
    lexicon = left_mt is None and right_mt is None and params.lexicon_passes > 0
    builder = KeepingBuilder(left, right) if lexicon else ProfileBuilder()
    scorer = BeadScorer(left, right, views_left, views_right, params, builder=builder,
                        ratio=ratio)  # fmt: skip
    if lexicon and not same:  # word-table passes will follow: they read its length costs back
        scorer.length_memo = LengthMemo(scorer.ratio, params.length_variance)
    chain = ChainKeys(getattr(builder, "grams", None))  # the passes' chains share their sides
    rare = rare_keys(left, right, params) if same else None  # core/align_rare
    beads, blind = _align_views(
        scorer, views_left[0], views_right[0], params, breaks, weak_links=same, chain=chain,
        moves=not lexicon, rare=rare,
    )  # fmt: skip
    if lexicon:
        beads, scorer = _lexicon_pass(
            left, right, (beads, scorer, blind), params, breaks, builder, weak_links=same,
            chain=chain, rare=rare,
        )  # fmt: skip
    if ratio is None and (found := link_ratio(beads, scorer)) is not None:
        return align_scored(left, right, left_mt=left_mt, right_mt=right_mt, params=params,
                            breaks=breaks, ratio=found, leads=leads, direct=direct)  # fmt: skip
    beads = link_anchor_gaps(beads, scorer, breaks)
    beads = tidy_links(beads, scorer, params, (left, right))
    has_mt = left_mt is not None or right_mt is not None
    steps = link_steps(beads, scorer, params, (left, right), leads, same, has_mt, breaks)
    return steps, scorer


def _align_views(
    scorer: BeadScorer,
    first_left: Sequence[str],
    first_right: Sequence[str],
    params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]],
    blind: bool | None = None,
    *,
    weak_links: bool = False,
    chain: ChainKeys | None = None,
    moves: bool = True,
    rare: Keys | None = None,
) -> tuple[list[Bead], bool]:
    """One full alignment pass (DP plus repairs) with the given scorer.

    ``first_left``/``first_right``: the scorer's first view, where unique
    shared word bigrams bend the coarse band (``anchor_chain``).
    ``blind``: whether lexical evidence cannot see this pair (``align_blind``);
    ``None`` decides from this pass's DP links.  Returned for the next pass.
    ``weak_links``: the pair is one language compared directly, where a link
    far weaker than the pair's typical link is two different sentences
    (``align_confidence.dissolve_weak_links``).  ``chain``: the call's ``ChainKeys``.
    ``moves``: end with the move steps (``align_moves.move_steps``); a pass that may only
    teach the next word table leaves them to whichever pass turns out last.
    ``rare``: a one-language pair's rare shared keys (``align_rare``): glued ends come off.
    """
    n, m = scorer.counts
    coarse = coarse_path(scorer, n, m, params, anchor_chain(first_left, first_right, chain))
    if params.local_offsets:
        scorer.localize(coarse, n, m)
    lo, hi = refined_band(coarse, n, m, params.refine)
    path = banded_dp(n, lo, hi, BEAD_SHAPES, scorer)
    beads = [
        Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), round(sim, 4), f"{a}-{b}")
        for i, a, j, b, sim in path
    ]
    beads = split_at_breaks(beads, scorer, params, breaks)  # before the glue checks judge them
    beads = repair_boundaries(pair_sandwiches(beads, scorer, params, breaks), scorer)
    if blind is None:
        blind = is_blind(beads, scorer, params) and (
            main_script(first_left) != main_script(first_right)
        )
    if blind:
        beads = fill_blind_gaps(beads, scorer, params)
    while True:  # an absorbed orphan makes the next one in a run adjacent to a link
        count = len(beads)
        beads = absorb_orphans(beads, scorer, params)
        if len(beads) == count:
            break
    glue = params
    if min(n, m) >= params.long_glue_min:  # a long document pair (AlignParams.long_glue_doubt)
        glue = replace(params, glue_doubt=params.long_glue_doubt)
    beads = split_glued(split_at_breaks(beads, scorer, params, breaks), scorer, glue)
    if weak_links and not blind:
        beads = dissolve_weak_links(beads, scorer, params)
        beads = shed_unshared_ends(beads, rare, scorer, params.one_language_rare_below)
        beads = split_glued_pairs(beads, scorer, params)
    elif not blind:
        beads = shed_weak_ends(beads, scorer, params)
    return (move_steps(beads, scorer, params, breaks, rare) if moves else beads), blind


def _lexicon_pass(
    left: Sequence[str],
    right: Sequence[str],
    first: tuple[list[Bead], BeadScorer, bool],
    params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]],
    builder: KeepingBuilder,
    *,
    weak_links: bool = False,
    chain: ChainKeys | None = None,
    rare: Keys | None = None,
) -> tuple[list[Bead], BeadScorer]:
    """Realign (no MT) through a word table learnt from the first pass's confident 1-1 links.

    The table glosses each side into the other's language and both directions
    are compared.  Skipped when the table maps words mostly to themselves (one
    language on both sides: direct comparison already sees every shared word).
    With MT in one direction, a table learnt from the first pass's links
    helped one dev configuration and hurt two; the MT's own table
    (``reverse_view``) is used there instead.  The originals'
    profiles (``builder``) and anchor sets come from the first pass.  A blind
    pair (the first pass aligned its gaps on lengths) learns from every 1-1
    link and stays blind: the table is too noisy for the second pass's links
    to stand alone; its table also pairs word beginnings (``prefix_lexicon``).
    ``weak_links``: the pair is one language (as in the first pass), so the
    second pass dissolves weak links too; without it a rewrite whose table
    was not skipped kept the glued end sentences the first pass had removed.
    A pass after the first relearns the table from its predecessor's links,
    but only from ``lexicon_min_pairs`` of them: a short story pair offers
    4-8 links, where a relearnt table is noise that undid right links.
    A table learnt from that many links marks a long document pair that is
    one text in two languages (a translation, where nearly every sentence has
    a partner), and its glosses cover a true partner's words only partly: such
    a pass links on a margin of ``lexicon_margin`` instead of ``margin``.
    Each pass leaves out the move steps; the last one run (the first pass's
    when no table is learnt) gets them here, with its scorer (``align_moves.move_steps``).
    The originals' words are split once (``align_lexicon.sentence_words``, round 44; for one
    language when a table is kept): each pass counts and glosses the same words.
    """
    beads, scorer, blind = first
    anchors, known = (scorer.left_anchors, scorer.right_anchors), scorer.anchor_memo
    words = None if weak_links else sentence_words(left, right)  # one language: no table kept
    for again in range(params.lexicon_passes):
        floor = -1.0 if blind else params.lexicon_evidence
        pairs = [
            (b.left[0], b.right[0])
            for b in beads
            if b.kind == "1-1" and _bead_evidence(b, scorer) > floor
        ]
        if again and len(pairs) < params.lexicon_min_pairs:
            break
        table = learn_lexicon(left, right, pairs, words=words)
        if len(table) < 10 or identity_share(table) > 0.5:
            break
        words = words or sentence_words(left, right)
        memo = getattr(scorer, "length_memo", None)  # align_lengths: the same cells' costs
        scorer.release()  # the previous pass's caches and profiles are not needed any more
        reverse, size = invert(table), params.blind_prefix
        prefixes = prefix_lexicon(left, right, pairs, size) if blind and size > 0 else {}
        back = invert(prefixes)
        views_left = [[gloss_words(w, table, prefixes, size) for w in words[0]], left]
        views_right = [right, [gloss_words(w, reverse, back, size) for w in words[1]]]
        glossed = params  # a table from many links: a long translation, where most sentences link
        if len(pairs) >= params.lexicon_min_pairs:
            glossed = replace(params, margin=params.lexicon_margin)
        scorer = BeadScorer(
            left, right, views_left, views_right, glossed, builder=builder, anchors=anchors,
            ratio=scorer.ratio, anchor_rows=scorer.anchor_rows,
        )  # fmt: skip
        scorer.anchor_memo = known  # the same texts' keys (align_anchor_relink)
        if memo is not None:
            memo.passed_on()
            scorer.length_memo = memo
        beads, blind = _align_views(
            scorer, views_left[0], views_right[0], params, breaks, blind or None,
            weak_links=weak_links, chain=chain, moves=False, rare=rare,
        )  # fmt: skip
    beads = move_steps(beads, scorer, params, breaks, rare)  # the last pass's, with its scorer
    builder.forget()
    scorer.length_memo = None  # the passes are over: free the kept costs
    return beads, scorer
