"""Helpers for the role tests: a plain-text page's role per segment text, and the story
and banner texts shared by the page header and page title tests."""

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


#: A dpa story of two paragraphs (Bergen storm) under the German header tests' titles.
STORY_DE = (
    "Bergen (dpa) - Ein Sturm mit Böen von bis zu 140 Kilometern pro Stunde hat in der Nacht "
    "zum Dienstag die Westküste Norwegens getroffen.\n"
    "Nach Angaben der Behörden waren am Morgen rund 40.000 Haushalte ohne Strom, vor allem "
    "in der Region um Bergen.\n"
    "\n"
    "Der Fährverkehr zwischen den Inseln wurde eingestellt, mehrere Straßen sind wegen "
    "umgestürzter Bäume gesperrt.\n"
    "Die Stromversorger rechnen damit, dass die Reparaturen bis zum Wochenende dauern.\n"
)

#: A cookie banner of two sentences, printed above or under an English title.
COOKIE_EN = (
    "We use cookies to give you the best experience on our website. "
    "By continuing to browse the site you agree to our use of cookies.\n"
)

#: The English story under the English header tests' titles.
STORY_EN = (
    "A storm with gusts of up to 140 km/h hit Norway's west coast overnight, leaving some "
    "40,000 homes without power, officials said on Tuesday.\n"
    "Ferry services between the islands around Bergen were suspended and several roads "
    "were closed by fallen trees.\n"
    "Utility crews expect the repairs to the power lines to last until the weekend.\n"
)
