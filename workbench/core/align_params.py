"""The aligner's tunable parameters, in one frozen dataclass.

Why a module of its own: every pass of the aligner (scoring, repair, moves, confidence, the
no-MT word table) reads them, and each default carries the cross-validation that chose it
(benchmarks/align_cv.py), so they are read together.  ``core.align_scoring`` re-exports it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class AlignParams:
    """Tunable weights; defaults are chosen from first principles, not one dev file."""

    margin: float = 0.03  # coverage above chance needed before linking pays off
    # prior for linking a sentence that shows any evidence (align_cv.py: .05 won every fold
    # over .08 and .11; .11 made weak links outbid merges and unmatched sentences)
    link_bonus: float = 0.05
    link_evidence: float = 0.05  # coverage above chance that earns the link bonus
    merge_cost: float = 0.08  # per sentence beyond 1-1 in a bead
    length_weight: float = 0.02  # per nat of Gale-Church length cost
    length_variance: float = 6.8  # Gale-Church s^2
    anchor_weight: float = 0.15  # bonus for anchor Dice when both sides have anchors
    weight_power: float = 1.0  # sentences shorter than the median count less
    local_offsets: tuple[int, ...] = (-8, -6, -5, 5, 6, 8)  # chance measured this far off the path
    default_chance: float = 0.15  # chance coverage when a document is too short to measure it
    band: int = 10  # initial half-width of the coarse band
    refine: int = 3  # half-width of the fine band around the coarse path
    sandwich_length_cost: float = 3.0  # max Gale-Church cost to pair a lone del/ins
    absorb_evidence: float = 0.3  # coverage above chance to attach an orphan to its neighbour
    absorb_max_side: int = 5  # largest side an absorbed bead may reach
    absorb_length_gain: float = 0.5  # nats of length cost an orphan must save (align_cv.py)
    # a 1-1 sharing a pinned anchor keeps out an orphan sharing no anchor with its other side
    # and covered below this (0: off; round 24 xlang24b, align_pairs_cv.py)
    absorb_pinned_keep: float = 0.3
    absorb_sim_drop: float = math.inf  # an orphan may lower the link's similarity this much
    move_gain: float = 0.2  # similarity above chance for an unmatched pair to be a move
    max_move_pairs: int = 250_000  # cap on deletion x insertion comparisons
    move_link_evidence: float = 0.2  # a 1-1 link this weak may be broken for a move
    swap_similarity: float = 0.5  # Dice each sentence of an out-of-order N-N bead needs
    # every sentence of an N-M bead needs coverage above its chance level, within the chance
    # estimate's noise (align_cv.py: stricter levels cost Text+Berg links, gained nothing)
    glue_evidence: float = -0.1
    glue_doubt: float = 0.5  # below this link probability, an end sentence at chance splits off
    # below this link probability a multi-sentence link is dissolved (benchmarks/align_cv.py)
    glue_confidence: float = 0.05
    # which 1-1 a doubted multi-sentence link keeps (align_confidence._best_one_to_one): 0 the
    # likeliest, 1 the most similar clearing glue_confidence (round 21: align_cv.py chose 0 in
    # every fold; round 26's core_by_evidence below is the fix that carried; docs/align.md)
    core_by_similarity: float = 0.0
    # 1: the likeliest core gives way to an allowed 1-1 whose words beat it on both the mean and
    # the weakest sentence's evidence, so length cost alone no longer picks the partner (round
    # 26, seg26: the quote cut's lost flag, align_confidence._evidence_core; every
    # align_pairs_cv fold and align_cv's dev sets chose it, docs/align.md)
    core_by_evidence: float = 1.0
    # logistic link probability (align_confidence.link_probability, used by the glue checks
    # and as one feature of the reported confidence): bias, mean evidence, weakest evidence,
    # length cost; fitted once (round 3, 9f9caf2) on the aligner's dev links, so any 1-1 starts
    # near .89; not refit (round 10's better-ranking refit, align_pair_model.py, did not carry)
    confidence: tuple[float, float, float, float] = (2.08, -8.88, 11.57, -0.52)
    # no-MT mode: realignments through a word table learnt in-document; a pass after the
    # first needs lexicon_min_pairs confident links (align_cv.py: a second pass gains on
    # Text+Berg and cipher; on story pairs, which learn from 4-8 links, it lost batches 5, 6)
    lexicon_passes: int = 2
    lexicon_evidence: float = 0.0  # coverage above chance of a 1-1 link the table learns from
    # a pair whose median sentence evidence is below this is "blind" (across scripts, no MT):
    # its gaps are aligned on lengths (align_blind.py; chosen by benchmarks/align_cv.py)
    blind_evidence: float = 0.05
    blind_keep: float = 0.1  # in a blind pair, links with less evidence are realigned on lengths
    blind_length_cost: float = 3.0  # max Gale-Church cost (nats) of a link made on lengths alone
    # one language compared directly: a link with less evidence is dissolved (align_cv.py)
    weak_link_evidence: float = 0.1
    # two nearby links whose sentences match better crosswise by this much become moves
    cross_gain: float = 0.1
    # MT sharing fewer extra words with the other side than this is ignored (align_blind.py)
    mt_gain: float = 0.05
    # across languages, in a pair whose median sentence evidence is below cross_glue_scope,
    # an end sentence of a many-sided link needs this evidence (-1: off; align_confidence.py)
    cross_glue_evidence: float = 0.1
    cross_glue_scope: float = 0.08
    # MT in one direction only: add the other direction glossed through the MT's own word
    # table (align_lexicon.reverse_view; chosen by benchmarks/align_cv.py)
    mt_reverse_view: bool = True
    # the reported confidence: bias and one weight per align_calibration.CALIBRATION_FEATURES
    # (fitted by benchmarks/align_confidence_fit.py, leave-one-group-out checked)
    calibration: tuple[float, ...] = (0.211, -0.074, 0.844, -0.845, 1.365, -1.292, 0.624, 1.895)
    # a word-table pass after the first needs this many confident 1-1 links to learn from
    # (align_cv.py: 10, 20 and 30 tie on every dev set; 20 is the middle of that plateau)
    lexicon_min_pairs: int = 20
    # a word-table pass that learnt from lexicon_min_pairs links (a long translation without
    # MT) links on this margin (align_cv.py: -.03 to -.12 all gain on Text+Berg parts and
    # cipher; no story pair learns from that many links)
    lexicon_margin: float = -0.05
    # an unmatched sentence's confidence (that it has no counterpart): bias and one weight per
    # align_calibration.UNMATCHED_FEATURES (benchmarks/align_confidence_fit.py; refit in round
    # 8 on the beads of the ratio/anchor-gap aligner with batches 12-15 and 17: left-out story
    # batches and the check batches 16+18 both score better by log-loss and Brier)
    unmatched_calibration: tuple[float, ...] = (-1.282, -0.118, 6.276, -0.570, -0.344, 0.734)
    # an n-gram found in more than this share of a view's sentences (both sides) is left out
    # of every coverage, in a document pair of at least frequent_min sentences
    # (align_views.frequent_ids: an IDF-like cut; story pairs keep all; align_cv.py)
    frequent_share: float = 0.3
    frequent_min: int = 100
    # glue_doubt in a document pair of at least frequent_min sentences on both sides (a long
    # translation: chance is measured on many sentences and nearly every sentence has a
    # partner, so a many-sided link the DP chose is rarely glue; align_cv.py round 8: .2 in
    # sample and in every story fold, .4 / 0 with Text+Berg / cipher left out; .5 = off)
    long_glue_doubt: float = 0.2
    # the least sentences both sides need for long_glue_doubt (align_cv.py round 9: the
    # 6-part Text+Berg cut, 78-92 sentences a side, gains like the long pairs did; story
    # pairs, which peel glued ends at the general level, stay below it)
    long_glue_min: int = 60
    # a fragment (a line not ending like a sentence: a credit, byline, label) at the end of a
    # many-sided link comes off below this evidence, in pairs under long_glue_min sentences a
    # side (align_fragments.py: page chrome let into the story; -1: off)
    fragment_evidence: float = 0.1
    # a 2-2 link whose two diagonal 1-1 links show this evidence on each sentence is split into
    # them, in pairs under long_glue_min sentences a side (align_fragments.split_pairs; -1: off)
    pair_split_evidence: float = 0.04
    # a blind pair's word table also pairs the first blind_prefix letters of words, for words
    # the table lacks (align_lexicon.prefix_lexicon; 0: off; align_cv.py round 10)
    blind_prefix: int = 4
    # a side's last sentence cut off by the capture (align_fragments.ends_open) and left
    # unmatched links to the other side's first unmatched sentence of its gap at this evidence,
    # in two-language pairs under long_glue_min sentences a side (align_cut_ends.py; -1: off;
    # align_pairs_cv.py round 11, grid -1/-.04/0/.05: -.04 in all 21 folds, tool and gold roles)
    cut_link_evidence: float = -0.04
    # two unmatched sentences of a one-language pair whose one-sided figures pair up (a count
    # the rewrite changed: align_figures.twins) link at this evidence, in order or as a move,
    # in pairs under long_glue_min sentences a side (align_figures.py; -1: off)
    figure_link_evidence: float = 0.05
    # the same figure twins, looked at again after the decision and the rejoin set sentences
    # free (core/align_late_twins.py; -1: off; round 23, align_pairs_cv.py grid off/0/.05/.1/.2,
    # tool roles: 0-.2 give the same beads, on in 46 of 46 folds, dev rewrites left out .844 /
    # .812 -> .845 / .816; .05, the first look's floor; docs/align.md)
    late_figure_evidence: float = 0.05
    # an unmatched neighbour of a link whose one-sided figure twins one only the link's other
    # side tells (a half the rewrite split off and changed the count in) joins the link when it
    # is covered at least this far above chance (core/align_figure_halves.py; -1: off; round 25,
    # align_pairs_cv.py grid off/-.1/0/.1/.2, tool roles: 0 in 49 of 49 folds, dev rewrites left
    # out .852 / .834 -> .858 / .840, check pooled unchanged; docs/align.md)
    figure_half_evidence: float = 0.0
    # the joined link's glue-model probability (-1: no gate; grid -1/.2/.3/.4/off: .2 in 49 of 49
    # folds, -1 to .3 the same beads; without it a right gold-span join showed confidence .075)
    figure_half_sure: float = 0.2
    # the anchor twins of a two-language pair (anchor_link_cost), looked at again after the
    # decision set sentences free, at this length cost (nats; core/align_late_twins.py; -1:
    # off; round 24, align_pairs_cv.py grid off/2/3/5, tool roles: 2 in 45 of 47 folds, dev
    # paraphrases left out .700/.546 -> .694/.557, translations .940/.882 -> .938/.882;
    # docs/align.md)
    late_anchor_link_cost: float = 2.0
    # an unmatched sentence of a two-language pair whose unique anchors two unmatched
    # neighbours of the other side split between them (each holds one the other lacks) links
    # both as one 1-2 / 2-1 bead when its length cost is at most this (nats), after the late
    # twins, and the anchor join (anchor_join_cost) runs once more at this bar
    # (core/align_anchor_halves.py, align_late_twins.late_anchor_halves; -1: off; round 31,
    # beads31, align_pairs_cv.py grid -1/inf: inf in 62 of 62 folds, dev left out .886/.851 ->
    # .887/.852, paraphrases .654/.556 -> .658/.562, but check pooled lost 6 sure beads: off,
    # a study; docs/align.md "Round 31 (beads31)")
    anchor_halves_cost: float = -1.0
    # documents under this many sentences a side (story pages) also anchor on weekday and month
    # names, one key per day or month in every content language (core/calendar_anchors.py; 0:
    # off; align_pairs_cv.py round 12, grid 0/100: 100 in all 23 folds, tool and gold roles)
    calendar_anchor_max: int = 100
    # a link of the whole pair between one side's headline-group line (a deck, a crosshead)
    # under its title and the other side's running text, at this confidence or more and surer
    # than what aligning each group alone made of its sentences, moves those lines into the
    # text group: both sides tell that text, one as its deck (core/align_groups.py; -1: off;
    # align_pairs_cv.py round 13, grid off/0/.5/.7/.9: on in all 25 folds with tool roles,
    # 0-.7 give the same beads; with gold roles no bead changes)
    deck_link_confidence: float = 0.5
    # two unmatched sentences of a two-language pair sharing an anchor no other sentence of
    # either document holds link, in order or as a move, when their Gale-Church length cost is
    # at most this (nats), in pairs under long_glue_min sentences a side (align_anchor_moves.py;
    # -1: off; round 13 kept it off for one wrong check link; round 16, 31 dev batches:
    # align_pairs_cv.py chose 3 in 30 folds, tool and gold roles; check pooled P -.003, R =)
    anchor_link_cost: float = 3.0
    # a 1-1 link of a two-language pair whose two sentences share no such anchor gives up one
    # sentence to an unmatched sentence that shares one with it, when that pair's length cost
    # is at most this (nats) and its words are covered better (align_anchor_moves.py; -1: off;
    # align_pairs_cv.py round 13, grid -1/2/3/5: 3 in 24 of 25 folds with tool roles)
    anchor_reseat_cost: float = 3.0
    # a 1-1 link of a two-language pair takes in its unmatched neighbour when only that
    # neighbour (not the link's own sentence) holds an anchor that the link's other sentence
    # alone holds on its side, and the 2-1 / 1-2 bead's length cost is at most this (nats),
    # under long_glue_min sentences a side (align_anchor_joins.py; -1: off; round 17: 2 and
    # at most the 1-1's cost, the anchor unique on both sides; round 23, align_pairs_cv.py
    # grids 2/4/8/16/no bar, tool roles: no length bar in 43 of 45 folds; docs/align.md)
    anchor_join_cost: float = math.inf
    # the two anchor passes above (twins, joins) also read word beginnings of this many
    # letters that one sentence of each side of a two-language page pair holds, words of
    # more letters, folded across scripts: cognates (core/align_cognates.py; 0: off; round
    # 18, align_pairs_cv.py grid off/4/5/6, 35 folds: 5 in 34, 6 in one)
    cognate_prefix: int = 5
    # in the DP's anchor Dice of a two-language page pair (under long_glue_min sentences a
    # side), an anchor one sentence of each document alone holds (anchors.unique_anchors)
    # counts this many times in the overlap, once in the sizes: a rare shared figure or
    # name outbids a common one (align_views.anchor_rows; 1: every anchor alike; round 22,
    # align_pairs_cv.py grid 1/2/3/4/5, tool roles: 3 in all 43 folds; docs/align.md)
    anchor_pinned_weight: int = 3
    # a gap of one or two unmatched sentences a side between two links of a two-language page
    # pair, each link supported by evidence of at least gap_order_support or a shared
    # anchor, is paired in order when every pair's length cost is at most this (nats)
    # and each pair shows words above chance or a shared anchor (core/align_gap_order.py;
    # -1: off; round 18, align_pairs_cv.py grid off/1/2/3, 35 folds: 2 in 34, 1 in one)
    gap_order_cost: float = 2.0
    gap_order_support: float = 0.1
    # the two leads (each side's first whole running-text sentence, align_groups names where
    # the running text starts) of a two-language pair under long_glue_min sentences a side link
    # when both are unmatched and their words are covered this far above chance, or when one
    # is unmatched and the other's 1-1 link further down covers less (core/align_leads.py;
    # -1: off; align_pairs_cv.py round 14, grid off/-.5/0/.05: on in all 27 folds, tool and
    # gold roles; -.5 and 0 give the same beads)
    lead_link_evidence: float = 0.0
    # in a two-language pair compared without MT, under long_glue_min sentences a side, when
    # at least this share of the aligner's links lies on Gale-Church's path, the 1-1 beads of
    # that path whose sentences are both unmatched in one gap link (core/align_length_path.py;
    # -1: off; round 15, grid off/1/.9/.8/.7/.6: .6 in all 29 batch folds over gold-span and
    # tool-role product pairs, see docs/align.md)
    length_path_agreement: float = 0.6
    # in a pair of one language compared directly, two unmatched sentences pair as a move at
    # this gain (-1: move_gain; breaking a link for a move still needs move_gain): a rewrite
    # that moved a sentence rewords part of it, and seen directly its words show less gain
    # than move_gain asks of an MT's (align_moves._move_pairs; align_pairs_cv.py round 15,
    # grid off/.05/.08/.1/.12/.15 on main 189d0f8's roles: .12 in 28 of 29 folds (at .08-.1 a
    # batch-17 copy also gains a wrong move), dev rewrites left out .843 / .777 -> .852 / .812)
    one_language_move_gain: float = 0.12
    # in a pair of one language compared directly, an unmatched neighbour joins a move when the
    # move's other side covers it this far above chance and the move scores higher with it
    # (-1: absorb_evidence): a rewrite splits or joins what it moves and rewords the other half
    # (align_moves._belongs; align_pairs_cv.py round 16, grid off/0/.05/.1/.15/.2/.25 on main
    # 2990759's roles: .05-.25 give the same beads, 0 loses batch 9; .15, the plateau's middle)
    one_language_move_absorb: float = 0.15
    # a one-language pair compared directly also counts its long words' first letters
    # (this many; 0: off) and spelled numbers' digits (1: on) as words (align_stems, round 16:
    # align_pairs_cv grid 0/4/5/6 x longer 0/7/9, tool roles: rewrites gain in sample, not
    # left out (.826/.792 -> .821/.792), so off; docs/align.md)
    one_language_prefix: int = 0
    one_language_numbers: int = 0
    one_language_prefix_longer: int = 0  # only words longer than this (compounds)
    # in a pair of one language compared directly, a many-sided link sheds each end sentence
    # that shares no rare key with its other side: a word's first (and with _ends, last) this
    # many letters (words of 4+ letters) or a number, found in at most one_language_rare_most
    # sentences of each side (0: off; core/align_rare.py; align_pairs_cv.py round 17, grid
    # off / 5 x most 1,2,3 x ends 0,1, tool roles: 5/2/1 in 30 of 31 folds, dev rewrites left
    # out .826 / .790 -> .835 / .799; docs/align.md)
    one_language_rare_prefix: int = 5
    one_language_rare_most: int = 2
    one_language_rare_ends: int = 1
    one_language_rare_below: float = 0.5  # an end this far above chance stays (round 17)
    # in a pair of one language compared directly, a link of 2+ sentences a side is cut in two
    # (in order, or crossed: the weaker part left to the move steps) when no sentence loses
    # more than this of its coverage above chance (core/align_partition.py; -1: off; round 18,
    # align_pairs_cv.py grid off/.05/.08/.1/.12/.15, tool and gold roles; docs/align.md)
    one_language_split_loss: float = 0.1
    # the learned decision on each link (core/align_decision.py, weights align_decision.json,
    # fitted by benchmarks/align_decision_fit.py): a link whose best candidate the model rates
    # below keep_below comes apart, a part rated part_gain above its whole replaces it (-1:
    # off); scope 1 one-language pairs compared directly, 2 two-language pairs, 3 both.
    # Round 19, leave one batch out on the dev pairs (tool roles): two languages chose keep .3
    # in 31 of 37 folds (translations .945/.870 -> .952/.868, paraphrases .666/.515 ->
    # .692/.519); one language traded recall for precision (rewrites .831/.798 -> .849/.786)
    # and joins were chosen in no fold, so scope 2 ships with joins off; docs/align.md.
    # Round 20: scope 3, one-language pairs with the levels below
    decision_keep_below: float = 0.3
    decision_part_gain: float = 0.0
    decision_join_gain: float = -1.0  # a link joined to an unmatched neighbour (-1: off)
    decision_scope: int = 3
    # one-language pairs have their own model (align_decision_one.json) and levels (round 20,
    # fitted on the one-language dev pairs alone): a link is only ever cut to a part rated above
    # it, never taken apart (keep -1), as every taking apart cost recall left out (rewrites
    # .827/.788 -> .848/.773 chosen on F1, .828/.781 keeping recall where chosen); parts only,
    # 36 of 37 folds part gain 0: rewrites .827/.788 -> .830/.792, copies unchanged
    one_language_decision_keep_below: float = -1.0
    one_language_decision_part_gain: float = 0.0
    # in a pair of one language compared directly, after the decision, a link takes in the
    # unmatched sentence beside it when that sentence holds at least this many rare keys
    # (align_rare) that the link's other side holds, its own sentences lack and no other
    # sentence of the other side holds: the other half of a sentence the rewrite split or
    # joined (core/align_rejoin.py; 0: off; round 21, align_pairs_cv.py grid 0/1/2/3/4/5 x
    # evidence 0/.1/.2, tool roles: 3 / 0 in 41 of 41 folds, dev rewrites left out .841/.804
    # -> .844/.811; 1-2 keys glue right 1-1s, 4 loses a bead; ungated, a dev true flag was
    # lost (145 -> 144) and a right joined link showed confidence .075, so the joined link's
    # glue-model probability must reach _sure (grid -1/.3/.5/.7: .5 in 40 of 41 folds, LOBO
    # rewrites .844/.811, flags unchanged on dev; docs/align.md)
    one_language_rejoin_keys: int = 3
    one_language_rejoin_evidence: float = 0.0  # the half's own coverage above chance
    one_language_rejoin_sure: float = 0.5  # the joined link's glue-model probability (-1: off)
    # in a pair of one language compared directly, after the confidences, an unmatched sentence
    # not beside a link joins the link of the other side's lead when that lead alone holds at
    # least this many of its rare keys (align_rejoin's claim): a detail the rewrite moved into
    # its lead, a gold bead with a gap (core/align_far_halves.py; 0: off; round 22,
    # align_pairs_cv.py grid 0/3/4/5/6, tool roles: 4 in 43 of 43 folds, dev rewrites left out
    # .845 / .811 -> .851 / .821; docs/align.md)
    one_language_far_keys: int = 4
    # in a pair of one language compared directly, after the decision, an unmatched neighbour
    # of a move's end joins the move when at least this many of its rare keys are claimed by
    # the move's other side (align_rejoin's claim and gates): a moved sentence the rewrite
    # split or joined on the way (core/align_move_halves.py; 0: off; round 24, align_pairs_cv.py
    # grid 0/2/3 x sure .5/.4/.3/-1, tool roles: 2 / .4 in 46 of 47 folds, dev rewrites left out
    # .852 / .823 -> .858 / .830, no wrong join at any point; docs/align.md)
    one_language_move_rejoin_keys: int = 2
    one_language_move_rejoin_sure: float = 0.4  # the joined move's glue-model probability
    # in a two-language pair, the same rejoin (core/align_rejoin.py, its gates) on the rare keys
    # of the MT view (one side's MT against the other side): a translation's 2-1 the aligner
    # found as a 1-1 and an unmatched sentence (core/align_late_twins.py; 0: off; round 24,
    # align_pairs_cv.py grid 0/1/2/3, tool roles: 1 in 47 of 48 folds, LOBO all .895/.844 ->
    # .895/.845, translations .946/.895 unchanged, check pooled unchanged; docs/align.md)
    translation_rejoin_keys: int = 1
    # a link of one sentence on a side takes in the unmatched neighbour on that side when the
    # partner's mean coverage above chance rises by at least _gain with it and the neighbour is
    # covered _evidence above chance: the other half of a sentence joined or split
    # (core/align_half_cover.py; < 0: off; round 25, docs/align.md).  In a pair of one language
    # compared directly the neighbour must also hold _keys rare keys only the partner holds
    # (0: off there: at 1 dev rewrites gained 5 beads left out, check rewrites lost 4)
    half_cover_gain: float = 0.01
    half_cover_evidence: float = 0.15
    half_cover_keys: int = 0
    # a link whose one-sentence side tells its partner and then the partner's unmatched neighbour
    # (or the neighbour, then the partner) takes that neighbour in: at least _keys words of the
    # sentence are content keys only the neighbour holds, all after the partner's own, and the
    # neighbour holds _residual of the keys the sentence holds beyond the partner's
    # (core/align_ordered_halves.py; one language compared directly; < 1: off; round 27,
    # align_pairs_cv.py grid keys 0/2/3 at sure .2 (honest confidence: test_align_calibration),
    # tool roles: keys 2 in 53 of 53 folds, LOBO rewrites .853/.835 -> .858/.840, all
    # .887/.851 -> .888/.852, check pooled +1/+1 beads; flags unchanged; docs/align.md)
    ordered_half_keys: int = 2
    ordered_half_residual: float = 0.3
    ordered_half_sure: float = 0.2  # the joined link's glue-model probability (-1: no gate)
    # a woven half (its keys among the partner's, not after them) is still a half when it holds
    # a whole number the partner lacks and at least _unordered of the keys the sentence holds
    # beyond the partner's, and the joined link's glue-model probability is at least
    # _woven_sure (< 0: off / no gate; round 29, beads29: align_pairs_cv.py grid
    # -1/.3/.5 x .2/-1, tool roles; docs/align.md "Round 29 (beads29)")
    ordered_half_unordered: float = 0.3
    ordered_half_woven_sure: float = -1.0
    # an ordered half with at least _strong keys of its own in the sentence, all after (or
    # before) the partner's, needs no glue gate: the glue model reads lengths and coverage and
    # rates an uneven 2-1 low however clearly the words fall in two parts (0: off; rounds 32-33,
    # beads32/33: a strong join rated from its own evidence, align_calibration.strong_join_
    # confidence; 4 in 65 of 66 folds; docs/align.md "Round 33 (beads33)")
    ordered_half_strong: int = 4
    # an ordered half may have this many of the sentence's keys out of place (the fewest keys
    # struck so that the partner's all come first: align_ordered_halves.out_of_order); a
    # rewrite lifts one word of the joined sentence to its front (round 34, beads34; 0: off,
    # the strict order of rounds 27-33; docs/align.md "Round 34 (beads)")
    ordered_half_slack: int = 0
    # a half with fewer than _keys keys of its own still joins when this many of them are said
    # in no other sentence of either side (round 38, beads38: a study, 0 off; docs/align.md)
    ordered_half_unique_keys: int = 0
    # a link that has already taken in a half on the far sentence's side still rivals the lead
    # in align_far_halves' tie, by the claim of its best single sentence: the tie reads the
    # same whichever half joined first (round 32, beads32b: batch 17, where the strong half's
    # join removed the rival; 0: off, grown links are no rivals; with the strong gate off it
    # moves no dev bead; round 33, beads33: shipped with the strong gate, docs/align.md
    # "Round 33 (beads33)")
    far_half_grown_rival: int = 1
    # in a two-language pair, after the word rejoins, a 1-1 link takes in its unmatched
    # neighbour when the joined bead's Gale-Church length cost is at most _cost nats and at
    # least _gain nats below the 1-1's (core/align_length_halves.py; < 0: off; round 27,
    # align_pairs_cv.py grid off/3/5/8 x 2 nats, tool roles: 5 in 51 of 53 folds, LOBO
    # translations .953/.915 -> .957/.921, check pooled +1 bead; docs/align.md)
    length_half_gain: float = 5.0
    length_half_cost: float = 2.0
    # the same length halves in a pair of one language, after the ordered halves, at this gain
    # (same _cost; < 0: off): the split read as its 1-1 whose half the words do not tell
    # (round 34, beads34: a study; docs/align.md "Round 34 (beads)")
    one_language_length_half_gain: float = -1.0
    # in a two-language pair, after the length halves, the same join at this lower gain for a
    # half the other side's words (MT view, word table) cover at least _floor above chance
    # (core/align_length_halves.join_evidence_halves; < 0: off; round 36, beadsb36: a study)
    evidence_half_gain: float = -1.0
    evidence_half_floor: float = 0.1
    # in a pair of one language compared directly, two neighbouring 1-1 links join into one 2-2
    # when a side's second sentence shares at least this many content keys with the other
    # side's first (beyond its own first's and its partner's) and more than the weaker link
    # shares with its partner: a rewrite moved the sentences' boundary (core/align_regroup.py;
    # < 1: off; round 35, beads35: align_pairs_cv.py grid 0/2/3/4/5, 2-5 tie in every fold,
    # LOBO rewrites .861/.844 -> .866/.846, check +1 sure bead; docs/align.md "Round 35")
    regroup_cross_keys: int = 3
    # a 1-1 link whose sides disagree on telling a quote moves to the unmatched neighbour of
    # its non-quote side that tells one (core/align_quotes.py; 0: off, 1: two-language pairs
    # only, 2: every pair; round 36, beads36: 1 in 71 of 71 folds; docs/align.md)
    quote_neighbour_relink: int = 1
    # a 2-2 whose crosswise pairs share this many content keys each, its straight pairs fewer, is
    # a link and a move, one language (core/align_unswap.py; < 1: off; round 36, beadsc36: a study)
    unswap_cross_keys: int = 0
    # free neighbours of one link's two ends sharing this many keys link (core/align_link_
    # neighbours.py; < 0: off; _scope 1 moves, 2 links, 3 crossed too; round 37, beads37: a study)
    link_neighbour_keys: int = -1
    link_neighbour_scope: int = 2
    # figure halves and twins in a two-language pair, like size within the factor (a hedged
    # figure; align_late_twins.xlang_figures; -1: off; round 37, beadsb37: LOBO 73 of 73 folds)
    xlang_figure_evidence: float = 0.0
    xlang_figure_factor: float = 1.1
    # no-figure 1-1 to a free neighbour sharing one (align_anchor_relink; 0 off, 1 xlang; beadsb38)
    anchor_neighbour_relink: int = 1
