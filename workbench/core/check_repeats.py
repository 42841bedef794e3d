"""A replaced figure is flagged as often as the other copy tells its replacement.

Why: a copy tells its key figure more than once (headline, deck, body), and each
telling lands in a row of its own.  ``check_pair`` flags a figure in a headline
against a headline that tells none, ``check_echoes`` repeats a replaced figure onto
the other rows that write it again; both count the same change once more for every
telling on ONE side.  But a change is a figure told differently by the two copies:
where one copy tells "8.4 seconds" twice and the other "8.6sec" once, one telling
of 8.4 stands against nothing comparable (a row whose other side has no figure, or
a one-sided row).  Round 28's unseen false flags were all such numbers; on the dev
batches four false tokens of four batches were this repetition ("8.4" / "8.6",
"220" / "214", "45" / "40", a third "180" / two "200"), while the flags of a
figure both copies repeat ("146" / "150" in two unlinked headlines and in the body,
"19" / "21" twice) are true: the gold counts a change as often as both copies
tell it.

So the evidence is the pair itself: a figure that some row flags against a figure
on the other side (a replacement) is kept on at most as many rows as the other
copy has rows telling one of its replacements; the surplus goes first from the rows
whose other side tells no replacement, last rows first.  A figure never flagged
against another (an added or dropped fact) is left alone, and so is one whose
replacement no row reads back as a figure (told as a duration or in a unit): no
evidence either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workbench.core.check_numbers import quantities

#: Cap each replaced figure's flags at the other copy's tellings of its replacement
#: (``benchmarks/flags_cv.py --switch repeats``, round 29).
REPEATS = True

Flags = dict[str, Any]
SIDES = (("left_only", 0), ("right_only", 1))


def capped_repeats(
    rows: Sequence[tuple[str, str]], flags: Sequence[Flags],
    langs: tuple[str | None, str | None],
) -> list[Flags]:  # fmt: skip
    """``flags`` (one per row) with each replaced figure on at most as many rows as the
    other copy has rows telling one of the figures it was flagged against."""
    out = [dict(f) for f in flags]
    if not REPEATS:
        return out
    for side, at in SIDES:
        for token, partners in _replacements(rows, flags, side, langs[1 - at]).items():
            telling = [_tells(row[1 - at], langs[1 - at], partners) for row in rows]
            if not any(telling):
                continue  # the replacement is read otherwise (a duration, a twin's unit)
            tellings = len({row[1 - at] for row, t in zip(rows, telling, strict=True) if t})
            surplus = sum(_count(f, side, token) for f in out) - tellings
            for j in _removal_order(out, side, token, telling):
                if surplus <= 0:
                    break
                out[j] = _removed(out[j], side, token)
                surplus -= 1
    return out


def _replacements(
    rows: Sequence[tuple[str, str]], flags: Sequence[Flags], side: str, lang: str | None
) -> dict[str, set[str]]:
    """Each figure of ``side`` that a row flags together with figures of the other side,
    and the values of those other-side figures (read in their row, ``lang``) over all such
    rows ("zwei" and "2" are one replacement)."""
    other, at = ("right_only", 1) if side == "left_only" else ("left_only", 0)
    found: dict[str, set[str]] = {}
    for row, f in zip(rows, flags, strict=True):
        nums = f.get("numbers", {})
        if nums.get(side) and nums.get(other):
            values = {v for raw, v in quantities(row[at], lang) if raw in nums[other]}
            for token in nums[side]:
                found.setdefault(token, set()).update(values or set(nums[other]))
    return found


def _tells(text: str, lang: str | None, partners: set[str]) -> bool:
    """Whether ``text`` tells one of the values ``partners`` (as the checks read a figure)."""
    return bool(text.strip()) and any(v in partners for _, v in quantities(text, lang))


def _removal_order(out: list[Flags], side: str, token: str, telling: list[bool]) -> list[int]:
    """The rows holding ``token`` on ``side``: those whose other side tells no replacement
    first, each group last row first (a headline or the first telling keeps its flag)."""
    holding = [j for j, f in enumerate(out) if _count(f, side, token)]
    return sorted(holding, key=lambda j: (telling[j], -j))


def _count(flags: Flags, side: str, token: str) -> int:
    return flags.get("numbers", {}).get(side, []).count(token)


def _removed(flags: Flags, side: str, token: str) -> Flags:
    """``flags`` less one ``token`` of ``side``'s numbers (empty lists and kinds dropped)."""
    nums = {s: list(t) for s, t in flags.get("numbers", {}).items()}
    nums[side].remove(token)
    nums = {s: t for s, t in nums.items() if t}
    rest = {k: v for k, v in flags.items() if k != "numbers"}
    return {**rest, "numbers": nums} if nums else rest
