"""What the batched counts read of a bead scorer: the ``ScorerState`` protocol.

Why a module of its own: ``align_views`` (counts for many sentence pairs in one numpy
pass) and ``align_chance`` (chance levels) take the ``BeadScorer`` of ``align_scoring``
as an argument, and ``align_scoring`` imports both; typing that argument as the class
itself made three modules import one another (a circle, if only for the type checker).
The few fields they read are named here instead, below all three; ``BeadScorer`` has
them all (round 40, layers40).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from workbench.core.align_params import AlignParams
from workbench.core.align_profiles import SideProfiles
from workbench.core.align_split import SplitRows


class ScorerState(Protocol):
    """The fields of a ``BeadScorer`` that the batched counts and the chance levels read."""

    params: AlignParams
    views: list[tuple[SideProfiles, SideProfiles]]  # each view's profiles per side
    split_views: list[tuple[SplitRows, SplitRows]]  # each view's split n-gram rows
    _covers: dict[tuple[int, int, int, int], float]  # memo of ``coverage``
    _similar: dict[tuple[int, int, int, int], float]  # memo of ``similarity``

    @property
    def chances(self) -> list[np.ndarray]:
        """Each side's chance coverage per sentence, as arrays."""
        ...
