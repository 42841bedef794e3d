"""One segment of a page: the ``Seg`` record the segmenter makes and the page rules read.

Why a module of its own: ``segment`` cuts pages with the help of ``page_widgets`` (button
rows) and ``page_shapes`` (stamp lines), and both of those read ``Seg``; the record lives
below all three so no page module imports the segmenter back (round 40, layers40).
``segment`` re-exports it: ``from workbench.core.segment import Seg`` keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Seg:
    """One segment: ``text`` is ``source[start:end]``, no outer whitespace."""

    start: int
    end: int
    text: str
    separator: str
    paragraph: int
