"""A name one copy drops from a row but tells again in a sentence of its own that retells it.

Why: round 32's dev false name tokens were names the other copy still tells, in a place the
row-by-row check does not look:

* **a split sentence** (``RETOLD``): a rewrite splits "Derevianko, whose previous best World
  Cup result was fifth …, becomes the first Ukrainian woman to win an individual World Cup
  race …" in two; the aligner pairs the sentence with the half that drops "World Cup", and
  the other half ("… the first Ukrainian woman in more than five years to win an individual
  IBU World Cup race …") sits in another row, paired with another sentence.  That other
  sentence retells the flagged row (chrF ``RETELLS`` or more) and writes the name: the name
  is moved, not dropped.  Headlines are compared as wholes (a headline is no retelling of a
  body sentence's name), and only one language is read (chrF needs one script);
* **a Title Case head** (``TITLE_HEADS``): "Data cable to Gotland damaged in Baltic Sea"
  against "Baltic Subsea Cable Severed Off Latvia …": in Title Case every word is
  capitalised, so the capital after "Baltic" does not say the name goes on as another
  one; the other copy names "Baltic" there and writes "Baltic Sea" elsewhere on its page.

Both are evidence a new pair shows (the other copy's own sentences), not words of a page.
Measured by ``benchmarks/flags_cv.py --switch retold`` (round 32).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from workbench.core.anchors import fold
from workbench.core.check_gate import title_case, title_like
from workbench.core.check_name_keys import _cyrillic, _keys, _matches, _name_key
from workbench.core.similarity import chrf

#: Switch (``flags_cv.py --switch retold``): drop a name another row's sentence retells.
RETOLD = True
#: Switch (``flags_cv.py --switch retold``): a Title Case row's capital ends no name.
TITLE_HEADS = True
#: The chrF (``core.similarity``) at which the other copy's sentence retells the flagged row:
#: 0.60 for the split sentence of batch 17; a true dropped name's row met at most 0.32 in
#: another body sentence of the other copy on the dev pairs ("US" / "Washington", stories-dev).
RETELLS = 0.5

Flags = dict[str, Any]
_SIDES = (("left_only", 0), ("right_only", 1))


def without_retold(
    rows: Sequence[tuple[str, str]], flags: Sequence[Flags], same: bool,
) -> list[Flags]:  # fmt: skip
    """``flags`` (one per row) less each name that a sentence of the other copy in another row
    writes while retelling the flagged row (its partner's sentence is not that other row)."""
    out = [dict(f) for f in flags]
    if not RETOLD or not same:
        return out
    for k, found in enumerate(flags):
        names = found.get("names")
        if not names or title_like(rows[k][0]) or title_like(rows[k][1]):
            continue
        kept: dict[str, list[str]] = {}
        for side, at in _SIDES:
            tokens = [t for t in names.get(side, []) if not _retold(rows, k, at, t)]
            if tokens:
                kept[side] = tokens
        if kept:
            out[k]["names"] = kept
        else:
            out[k].pop("names")
    return out


def _retold(rows: Sequence[tuple[str, str]], k: int, at: int, token: str) -> bool:
    """Whether a row other than ``k`` holds, on the other side, a sentence that writes
    ``token`` (by key) and retells row ``k``'s side ``at``."""
    source, partner = rows[k][at], rows[k][1 - at]
    key = _name_key(token)
    for j, row in enumerate(rows):
        text = row[1 - at]
        if j == k or not text or text == partner:
            continue
        if _matches(key, _keys(text), slavic=_cyrillic(token)) and chrf(source, text) >= RETELLS:
            return True
    return False


def without_title_heads(
    found: dict[str, list[str]], texts: tuple[str, str],
    pairs: tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]]],
) -> dict[str, list[str]]:  # fmt: skip
    """``found`` (one row's one-sided names) less a name's second word when the other side is
    Title Case, names its first word, and its page (``pairs``: each page's capitalised word
    and the word after it, folded) writes the two together elsewhere."""
    if not TITLE_HEADS:
        return found
    out: dict[str, list[str]] = {}
    for side, at in _SIDES:
        other = texts[1 - at]
        kept = [t for t in found.get(side, [])
                if not (title_case(other) and _head_told(texts[at], other, t, pairs[1 - at]))]
        if kept:
            out[side] = kept
    return out


def _head_told(text: str, other: str, token: str, pairs: frozenset[tuple[str, str]]) -> bool:
    """Whether ``text`` writes ``token`` after a capitalised head that ``other`` writes too,
    and ``pairs`` holds the head with ``token`` ("Baltic Sea")."""
    for m in re.finditer(r"([^\W\d_][\w'’-]*)\s+" + re.escape(token) + r"(?![\w'’-])", text):
        head = m.group(1)
        if not head[0].isupper() or (fold(head), fold(token)) not in pairs:
            continue
        if re.search(r"(?<![\w'’-])" + re.escape(head) + r"(?![\w'’-])", other):
            return True
    return False
