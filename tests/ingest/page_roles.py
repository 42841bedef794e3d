"""One helper for the role tests: a plain-text page's role per segment text."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from workbench.core import role_model as rm
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.roles import assign_roles
from workbench.core.segment import segment_text


def roles_by_text(text: str, lang: str = "en") -> dict[str, str]:
    """Segment ``text`` as ``lang`` and map each segment's text to its role.

    Role tests assert on what a reader sees (the sentence), not on segment
    indices, so a segmenter change that keeps the sentences keeps the tests.
    """
    _, segs = segment_text(text, lang)
    return dict(zip((s.text for s in segs), assign_roles(segs), strict=True))


def roles_with(text: str, lang: str = "en", **params: int | bool) -> dict[str, str]:
    """``roles_by_text`` with some ``RoleParams`` fields changed: a rule off or at another limit."""
    _, segs = segment_text(text, lang)
    roles = assign_roles(segs, params=replace(DEFAULT_PARAMS, **params))
    return dict(zip((s.text for s in segs), roles, strict=True))


@contextmanager
def rules_only() -> Iterator[None]:
    """``assign_roles`` without the shipped learned correction: the rules' own labels.

    A test of what one rule does compares the rules with and without it; since round 15 the
    learned layer also turns body <-> other, so it may catch what a rule switched off misses.
    """
    keep = rm.shipped_model
    rm.shipped_model = lambda: None  # type: ignore[assignment]
    try:
        yield
    finally:
        rm.shipped_model = keep  # type: ignore[assignment]
