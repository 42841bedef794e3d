"""A speaker renamed across the pair, whichever rows tell the two names ("Sprecherin Miriam
Heitzmann" / "Marion Heitzmann", two rows the aligner did not link one to one).

Why: ``check_first_names.swapped_first_names`` reads a German first name swapped under one
surname inside one row pair.  A rewrite retells its speakers in other sentences: round 37's
unseen batch 136 (Südwest-Depesche/dpa -> Radio Rheinwelle) named the initiative's spokeswoman
"Miriam Heitzmann" in a quote and the radio "Marion Heitzmann" in a sentence of its own, which
the aligner linked to another sentence at similarity .47 (a paraphrase row: only figures are
read there), so 'Marion' was never read against 'Miriam'.  A first name changed under one
surname is another person wherever the two rows sit, as a changed figure is (the figure twins
of ``check_twins``).

The rule runs the German swap on the two whole copies (every row's side joined): a first name
each copy writes before one surname, both listed first names, neither told by the other copy
anywhere.  Each such name is added to the first row the checks ran on (``checked``) whose side
holds it as a word, unless a row already flags it there.  German same-language pairs only, as
``FIRST_NAMES``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.check_first_names import _named, swapped_first_names
from workbench.core.check_name_keys import _keys, _matches, _name_key

#: Flag a first name swapped under one surname across the pair's rows (``benchmarks/flags_cv.py
#: --switch first_name_twins``; round 38, flags38).  Shipped on as a product fix: on dev it finds
#: b136's 'Marion' only (b119's and b130's swaps are found in their rows already), so leave one
#: batch out ties; the check pooled gains two true tokens and no false one.
FIRST_NAME_TWINS = True

#: Flag a surname changed under one first name across the pair's rows ("Sprecher Reinhard
#: Aigner" / "Reinhard Aichinger": round 43's unseen rewrite, now dev batch 162, where the aligner
#: left the quote free and glued the retelling to a headline row under the gate).  Round 44
#: (flags44): off, a study — on dev it raises 10 tokens, all true, 8 of them found in their rows
#: already, so it moves b162 only (+2 true) and leave one batch out ties
#: (``flags_cv.py --switch surname_twins``; docs/align.md "Round 44 (flags44)").
SURNAME_TWINS = False

Flags = dict[str, dict[str, list[str]]]


def name_twins(
    rows: Sequence[tuple[str, str]], flags: Sequence[Flags], checked: Sequence[bool],
    langs: tuple[str | None, str | None],
) -> list[Flags]:  # fmt: skip
    """``flags`` (one per row) with each first name swapped across the whole pair on the first
    checked row whose side holds it (none when the switch is off or the pair is not German)."""
    out = [dict(f) for f in flags]
    if not FIRST_NAME_TWINS or any((lang or "").split("-")[0].lower() != "de" for lang in langs):
        return out
    sides = [" ".join(row[at] for row in rows if row[at]) for at in (0, 1)]
    for at, names in enumerate(swapped_first_names(*sides)):
        for name in names:
            _attach(out, rows, checked, (at, name), anywhere=False)
    if SURNAME_TWINS:
        for at, names in enumerate(surname_swaps(*sides)):
            for name in names:
                _attach(out, rows, checked, (at, name), anywhere=True)
    return out


def _attach(out: list[Flags], rows: Sequence[tuple[str, str]], checked: Sequence[bool],
            named: tuple[int, str], anywhere: bool) -> None:  # fmt: skip
    """Add ``named`` (side index, name) to the first checked two-sided row whose side holds
    it, unless a row flags it already; ``anywhere``: else to the first row that holds it (a
    sentence the aligner left free or paired under the gate: the evidence is the pair's)."""
    at, name = named
    side = ("left_only", "right_only")[at]
    if any(name in f.get("names", {}).get(side, []) for f in out):
        return
    word = re.compile(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])")
    held = [k for k, row in enumerate(rows) if row[at] and word.search(row[at])]
    chosen = [k for k in held if checked[k] and rows[k][1 - at]] or (held if anywhere else [])
    if chosen:
        k = chosen[0]
        by_side = {s: list(t) for s, t in out[k].get("names", {}).items()}
        by_side.setdefault(side, []).append(name)
        out[k] = {**out[k], "names": by_side}


def surname_swaps(left: str, right: str) -> tuple[list[str], list[str]]:
    """Each side's surnames written after a listed German first name that the other side
    writes before another surname, neither surname told by the other side (name keys: an
    inflection or a spelling passes, ``check_name_keys._matches``)."""
    named = [_named(text) for text in (left, right)]
    keys = [_keys(text) for text in (left, right)]
    out: tuple[list[str], list[str]] = ([], [])
    for at in (0, 1):
        theirs = dict(named[1 - at])
        for first, after in named[at]:
            other = theirs.get(first)
            if other is None or _name_key(other) == _name_key(after):
                continue
            if not _matches(_name_key(after), keys[1 - at]) and after not in out[at]:
                out[at].append(after)
    return out
