"""A ``FIELD=VALUE`` text of a benchmark's ``--grid`` / ``--set`` read in the shipped value's type.

Why: the grids read a value as ``type(shipped)(text)``, and ``bool("False")`` is ``True``, so
a true/false field given ``False`` (or ``0``, ``off``) was scored on, and a grid over it never
tested the switch off (round 41, mend41).  Every parser of ``AlignParams`` / ``RoleParams``
values in ``benchmarks/`` reads them here; a word that is not a boolean, or a text not of the
field's number type, stops the run with one ``Error:`` line instead of a silent wrong point.
A name that is no field stops the same way (``shipped_field``; round 42: ``--shown`` of
``align_confidence_fit.py`` ended in a ``TypeError`` traceback from ``dataclasses.replace``).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

TRUE_WORDS = frozenset({"1", "true", "on", "yes"})
FALSE_WORDS = frozenset({"0", "false", "off", "no"})


def shipped_field(params: Any, name: str) -> Any:
    """The shipped value of the dataclass field ``name`` of ``params`` (``AlignParams()``,
    ``RoleParams()``); a name that is no field stops with one ``Error:`` line.

    Why one place: four benchmarks repeated this check and one lacked it (its unknown field
    reached ``replace`` and ended in a traceback)."""
    if name not in {f.name for f in fields(params)}:
        raise SystemExit(f"Error: {type(params).__name__} has no field {name!r}")
    return getattr(params, name)


def typed(name: str, shipped: Any, text: str) -> Any:
    """``text`` as a value of ``shipped``'s type (``name`` only says which field is wrong)."""
    if isinstance(shipped, bool):
        word = text.strip().lower()
        if word in TRUE_WORDS | FALSE_WORDS:
            return word in TRUE_WORDS
        raise SystemExit(f"Error: {name} takes true or false (1/0, on/off), not {text!r}")
    kind = type(shipped).__name__
    if not isinstance(shipped, int | float | str):  # a tuple would be read letter by letter
        raise SystemExit(f"Error: {name} is a {kind}; a grid sets numbers and true/false only")
    try:
        return type(shipped)(text)
    except ValueError:
        raise SystemExit(f"Error: {name} takes {kind} values, not {text!r}") from None
