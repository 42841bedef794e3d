"""A changed figure in two one-sided rows of one gap: a link the aligner took apart.

Why: round 19's learned link decision (``align_decision``) reads a changed figure as
missing shared evidence (numbers are anchors and rare keys), so a link whose two
sides tell one figure slot with different values can come apart into two unmatched
rows, and no row check ever sees the two figures together.  Round 19's unseen
"roughly 72%" / "70 %" (an English-French paraphrase) was lost that way.  The page-wide
figure twins (``check_twins``) land whole numbers on one-sided rows only when one of
them already landed, because counts of like size in two unrelated one-sided rows meet
by chance ("18" / "12", "60" / "50" on dev b57 and b19).

What ties two one-sided rows here is the pair's own shape: both rows sit in one gap
(between the same two links, where a taken-apart link leaves its two sentences) and
both figures are one *kind* of figure, read off what is written beside them (the same
symbol: "72%" / "70 %", a currency sign; or the same unit word: "km", "Prozent").  A
figure of one copy that the other copy tells anywhere is no change and is left out.
Two languages only: the decision is scoped to them (``decision_scope`` 2), and a
one-language pair's rows are read together by the row checks and ``UNIT_TWINS``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from workbench.core.anchors import WORD_RE, fold
from workbench.core.check_echoes import UNIT_STEM, _symbol
from workbench.core.check_numbers import quantities
from workbench.core.units import unit_at

#: Switch (``benchmarks/flags_cv.py --switch slot_twins``, round 20).
SLOT_TWINS = True
#: Switch (``benchmarks/flags_cv.py --switch slot_units``, round 31): a figure's unit read by
#: the unit registry is its kind in every spelling ("38 Quadratmeter" / "40 m²": one area).
SLOT_UNITS = True

#: Like size: the larger figure at most this many times the smaller (``check_twins``' factor).
SLOT_FACTOR = 1.5

Flags = dict[str, Any]
Rows = Sequence[tuple[str, str]]


def slot_twins(rows: Rows, langs: tuple[str | None, str | None]) -> list[tuple[int, int, str, str]]:
    """(left row, right row, left figure as written, right figure as written) of every
    changed figure told in a left-only row and a right-only row of one gap.

    Both figures are told nowhere in the other copy, are of like size (``SLOT_FACTOR``)
    and share a kind (``figure_kind``); closest pairs first, each figure and row side once.
    Empty when switched off or for one language.
    """
    if not SLOT_TWINS or _base(langs[0]) == _base(langs[1]):
        return []
    told = (_values([r[0] for r in rows if r[0]], langs[0]),
            _values([r[1] for r in rows if r[1]], langs[1]))  # fmt: skip
    gaps = _gaps(rows)
    found = []
    for k, (left, right) in enumerate(rows):
        if not left or right:
            continue
        for j, (other, text) in enumerate(rows):
            if other or not text or gaps[j] != gaps[k]:
                continue
            found += [(max(v, w) / min(v, w), k, j, a, b)
                      for a, v in _figures(left, langs[0]).items() if v not in told[1]
                      for b, w in _figures(text, langs[1]).items() if w not in told[0]
                      if _like(v, w) and figure_kind(left, a) & figure_kind(text, b)]  # fmt: skip
    used: tuple[set[str], set[str]] = (set(), set())
    out = []
    for _, k, j, a, b in sorted(found):
        if a not in used[0] and b not in used[1]:
            used[0].add(a)
            used[1].add(b)
            out.append((k, j, a, b))
    return out


def with_slots(rows: Rows, flags: Sequence[Flags], langs: tuple[str | None, str | None]
               ) -> list[Flags]:  # fmt: skip
    """``flags`` with each slot twin's figures on its two rows, unless a row of that side
    already flags the figure."""
    out = [dict(f) for f in flags]
    for k, j, a, b in slot_twins(rows, langs):
        for at, row, token in ((0, k, a), (1, j, b)):
            side = ("left_only", "right_only")[at]
            if any(token in f.get("numbers", {}).get(side, []) for f in out):
                continue
            numbers = {s: list(t) for s, t in out[row].get("numbers", {}).items()}
            numbers.setdefault(side, []).append(token)
            out[row] = {**out[row], "numbers": numbers}
    return out


def figure_kind(text: str, raw: str) -> set[str]:
    """What kind of figure ``raw`` is where ``text`` writes it: the symbol right after it
    ("%", "‰", "°", "€") or a currency sign right before it ("$", "£"), and the stem of the
    word right after it (four letters or a unit symbol: "km", "Prozent", "millions"; not
    "des"); empty when nothing marks it."""
    out: set[str] = set()
    for m in re.finditer(r"(?<![\w.,])" + re.escape(raw) + r"(?!\w)", text):
        after, before = text[m.end() :].lstrip(), text[: m.start()].rstrip()
        if after and (after[0] in "%‰" or unicodedata.category(after[0])[0] == "S"):
            out.add(after[0])
        if before and unicodedata.category(before[-1]) == "Sc":
            out.add(before[-1])
        unit = unit_at(text[m.end() :]) if SLOT_UNITS else None
        if unit is not None:  # "Quadratmeter", "m²", "square metres": one unit in any spelling
            out.add(f"unit:{unit.name}")
        word = WORD_RE.match(after)  # the next word, only when no symbol stands between
        if word and (len(word.group(0)) >= 4 or _symbol(word.group(0))):
            out.add(fold(word.group(0))[:UNIT_STEM])
    return out


def _gaps(rows: Rows) -> list[int]:
    """Each row's gap: how many links (rows with both sides) come before it."""
    gap, out = 0, []
    for left, right in rows:
        gap += bool(left and right)
        out.append(gap)
    return out


def _figures(text: str, lang: str | None) -> dict[str, float]:
    """Figures written in digits (as written -> value), years left out."""
    out: dict[str, float] = {}
    for raw, value in quantities(text, lang):
        try:
            number = float(Decimal(value))
        except (InvalidOperation, ValueError):
            continue
        if any(ch.isdigit() for ch in raw) and not (number.is_integer()
                                                    and 1900 <= number <= 2099):  # fmt: skip
            out.setdefault(raw, number)
    return out


def _values(texts: Sequence[str], lang: str | None) -> set[float]:
    """Every value a copy tells (number words too: a figure told in words is told)."""
    out: set[float] = set()
    for text in texts:
        for _, value in quantities(text, lang):
            try:
                out.add(float(Decimal(value)))
            except (InvalidOperation, ValueError):
                continue
    return out


def _like(v: float, w: float) -> bool:
    low, high = min(v, w), max(v, w)
    return 0 < low < high <= SLOT_FACTOR * low


def _base(lang: str | None) -> str | None:
    return lang.split("-")[0].lower() if lang else None
