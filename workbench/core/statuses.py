"""The pair statuses of a comparison: ONE registry, read by every layer.

Why one module: the compare service decides a status, the summary counts
every status, the CLI prints the counts, the web filter bar lists them with a
symbol and a translated label, the export schema names them.  Adding a status
is one ``Status(...)`` line here (plus its de/ru/uk translations); nothing else
lists statuses by hand.

Labels are English message ids marked with ``N_`` so Babel extracts them
(``workbench/web/babel.cfg``); the web translates them at render time.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:  # noqa: N802  (Babel's conventional marker name)
    """Mark ``message`` for extraction without translating it here (core has no i18n)."""
    return message


#: THE confidence threshold of a link (``Bead.confidence``, calibrated: the chance
#: the pairing is right).  Below it a row is ``uncertain`` and is not checked for
#: flags (``core.checks.FlagGate.confidence`` reads this constant), so no flagged
#: row is ever uncertain.  0.4 among 0.3, 0.4 and 0.5: 0.4 and 0.5 give the same
#: flags on the flag gold (P .79 / R .79; 0.3: .75 / .79), and 0.5 makes right
#: story-pair links uncertain (.4-.5: 2 of 2 with right links).  Re-checked with the
#: calibrated confidence (round 6): held out, links under .4 are right 36-46% of the
#: time; flags are the same at .4-.6.  Figures: docs/align.md "One confidence threshold".
UNCERTAIN_BELOW = 0.4

@dataclass(frozen=True)
class Status:
    """One status: its stored name, a non-colour symbol, a label, what it means."""

    name: str
    symbol: str
    label: str
    meaning: str
    is_change: bool = True  # listed before the non-changes in filter bars


REGISTRY: tuple[Status, ...] = (
    Status("unchanged", "=", N_("unchanged"),
           "same text (same language; rows stored before issue 16 also across languages)",
           is_change=False),
    Status("changed", "~", N_("changed"), "the text differs"),
    Status("added", "+", N_("added"), "only in the right version"),
    Status("removed", "−", N_("removed"), "only in the left version"),
    Status("moved", "↕", N_("moved"), "an added or removed sentence found elsewhere"),
    Status("cosmetic", "≈", N_("cosmetic"),
           "differs only in quotes, apostrophes, dashes, spaces or case"),
    Status("equivalent", "≡", N_("equivalent"),
           "across languages: no number, name or quotation differs", is_change=False),
    Status("differs", "≠", N_("differs"),
           "across languages: a number, name or quotation differs (see the flags)"),
    Status("uncertain", "?", N_("uncertain"),
           f"a pairing the aligner is less than {UNCERTAIN_BELOW:.0%} sure of (its confidence is"
           " shown); it carries no flags"),
)  # fmt: skip

BY_NAME: dict[str, Status] = {status.name: status for status in REGISTRY}
#: Stored names, in registry order (summaries, schemas, the CLI).
STATUSES: tuple[str, ...] = tuple(status.name for status in REGISTRY)
#: Display order: changes first, then what did not change.
DISPLAY_ORDER: tuple[str, ...] = tuple(
    s.name for s in sorted(REGISTRY, key=lambda s: not s.is_change)
)


def status(name: str) -> Status:
    """The registered status ``name`` (``KeyError`` for an unknown one: a bug, not input)."""
    return BY_NAME[name]
