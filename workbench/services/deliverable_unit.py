"""One segment of a deliverable with the text chosen for it: the ``Unit`` record.

Why a module of its own: ``deliverables`` builds the units and renders them through
``xliff`` (XLIFF and TMX), which reads them; the record lives below both, so ``xliff``
no longer imports ``deliverables`` back (round 40, layers40).  ``deliverables``
re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Unit:
    """One segment of the deliverable with the text chosen for it."""

    segment: dict[str, Any]
    translation: dict[str, Any] | None  # the stored row into the target, if any
    text: str  # what the deliverable shows
    state: str  # approved | draft | machine | same_language | untranslated
    withheld: str | None = None  # the status of a translation ``approved_only`` left out
