"""The link steps that follow the aligner's passes, by kind of pair.

Kept apart from ``align`` (the passes) so that the order of the steps, which
differs between one language compared directly and pairs seen through MT or
across languages, reads in one place.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.align_anchor_joins import join_anchor_neighbours
from workbench.core.align_anchor_moves import link_anchor_twins, reseat_anchor_links
from workbench.core.align_cognates import cognate_keys
from workbench.core.align_cut_ends import link_cut_ends
from workbench.core.align_figures import link_figure_twins
from workbench.core.align_gap_order import link_gap_order
from workbench.core.align_leads import link_leads
from workbench.core.align_length_path import link_length_path
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer


def link_steps(
    beads: list[Bead],
    scorer: BeadScorer,
    params: AlignParams,
    sides: tuple[Sequence[str], Sequence[str]],
    leads: tuple[int, int] | None,
    same: bool,
    has_mt: bool,
    breaks: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
) -> list[Bead]:
    """The link steps after the passes, which differ by whether one language is compared.

    One language compared directly sees a stub's words, so it gets no link by order
    alone, only figure twins (``link_figure_twins``); across languages or through MT
    a paraphrase adds figures of its own, so figure twins are not paired there and the
    cut-end, anchor, lead, length and gap-order steps run instead.
    ``breaks``: each side's break indices (``align``); the one step that joins a
    sentence to a link (``join_anchor_neighbours``) keeps off them.
    """
    if same:
        return link_figure_twins(beads, scorer, params, sides)
    beads = link_cut_ends(beads, scorer, params, sides)
    cognates = cognate_keys(*sides, params.cognate_prefix)  # core/align_cognates
    beads = link_anchor_twins(beads, scorer, params, cognates)
    beads = reseat_anchor_links(beads, scorer, params)
    led = link_leads(beads, scorer, params, sides, leads)
    if not has_mt:  # no MT: lengths the word links confirm (the leads' link is by position)
        led = link_length_path(led, scorer, params, sides, votes=beads)
    beads = led
    beads = join_anchor_neighbours(beads, scorer, params, cognates, breaks)
    return link_gap_order(beads, scorer, params)  # core/align_gap_order
