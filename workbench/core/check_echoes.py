"""A changed figure or dropped name that its copy tells again in another row.

Why: a copy tells its key fact more than once (the headline, the deck and the
body all say "146 багатоповерхівок"; a deck repeats the body's "Moldau und ...
Ukraine"), but the aligner links only one of those sentences to the other copy's
version, and the rest sit in rows that are one-sided ("removed"/"added") or
paired with a paraphrase that the similarity gate reads for replaced figures only.
``check_pair`` reads one row at a time, so the change is flagged once and its
repetitions never (round 15's dev misses: "146"/"150" in two unlinked headlines,
"19 Verletzte" in a headline paired with a sentence that has no count, "Moldau",
"Ukraine" in a one-sided deck). The flag gold counts every occurrence.

The evidence is the row that was flagged: the same token, written the same way on
the same side, is the same fact told again, provided the other copy tells it
nowhere (its value, or the name's key, is on no row of the other side) and the
row that repeats it is not a move's origin (the same sentence twice).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from workbench.core.anchors import WORD_RE, fold
from workbench.core.check_name_keys import _cyrillic, _keys, _matches, _name_key
from workbench.core.check_numbers import quantities
from workbench.core.check_repeats import capped_repeats
from workbench.core.check_retold import without_retold
from workbench.core.similarity import chrf

#: Repeat a row's flags onto the other rows of the same side that tell the token again
#: (``benchmarks/flags_cv.py --switch echoes``: leave-one-batch-out, check pooled).
ECHOES = True
#: A repeated figure only when its row flagged a figure on both sides (a replacement,
#: "19" -> "21"), not a one-sided count; names need no partner (a dropped name).
REPLACED_ONLY = True
#: A dropped name lands on a one-sided row only when that row retells the flagged row: their
#: chrF (``core.similarity``) at least this.  A deck that repeats a body sentence ("Die
#: Erdstöße waren bis nach Moldau und in die Ukraine zu spüren", 0.50) tells the same fact;
#: a tagline or another fact that merely names it again ("OC Media is reader-funded", 0.16;
#: "… the First Sunday of Advent" under a headline "… on eve of Advent", 0.30) does not
#: (round 22, ``benchmarks/flags_cv.py --switch name_echoes``; 0 lands every name, as before).
NAME_RETELLS = 0.4

Flags = dict[str, Any]
SIDES = (("left_only", 0), ("right_only", 1))


def with_echoes(
    rows: Sequence[tuple[str, str]], flags: Sequence[Flags], checked: Sequence[bool],
    told: Callable[[str, str, str, str, int], bool],
) -> list[Flags]:  # fmt: skip
    """``flags`` (one per row) plus each flagged number or name on every other row whose
    same side writes it again, when that row may carry it and the other copy tells it
    nowhere.

    ``checked[k]`` says whether row ``k`` is a link the checks read (confidence at the
    gate).  A figure lands on such a row or on a row with one side only, when it is
    written there with the same unit (a word after it shares its stem with one after
    the flagged figure: "146 багатоповерхівок" twice, not "40 поїздів" / "40 хв"); a
    name only on a one-sided row (a checked link that did not flag it had its reasons:
    the other copy tells it beside the row or in a compound) that retells the flagged
    row (``NAME_RETELLS``).
    ``told(kind, token, source, text, at)`` says whether ``text`` (the other copy's)
    tells the token that row text ``source`` of side ``at`` (0 left, 1 right) writes:
    numbers by value, names by key (``echoes``).
    """
    out = [dict(f) for f in flags]
    if not ECHOES:
        return out
    others = ([r[1] for r in rows if r[1]], [r[0] for r in rows if r[0]])
    for k, found in enumerate(flags):
        for kind, by_side in found.items():
            if kind not in ("numbers", "names"):
                continue
            if kind == "numbers" and REPLACED_ONLY and len(by_side) < 2:
                continue
            for side, at in SIDES:
                source = rows[k][at]
                for token in by_side.get(side, []):
                    if any(told(kind, token, source, text, at) for text in others[at]):
                        continue  # the other copy tells it somewhere: moved, not changed
                    for j, row in enumerate(rows):
                        if j == k or row[at] == source or _flagged(out[j], kind, side, token):
                            continue
                        if _carries(kind, row, checked[j]) and _again(kind, row[at], source, token):
                            out[j] = _add(out[j], kind, side, token)
    return out


def echoes(
    rows: Sequence[tuple[str, str]], flags: Sequence[Flags], checked: Sequence[bool],
    langs: tuple[str | None, str | None],
) -> list[Flags]:  # fmt: skip
    """``with_echoes`` with the checks' own reading of "told": a figure by its value (as
    read in its row, in its language), a name by its key (spelling variants, case forms),
    after the names a split sentence retells are taken off (``core.check_retold``); then
    each replaced figure on at most as many rows as the other copy tells its replacement
    (``core.check_repeats``)."""

    def told(kind: str, token: str, source: str, text: str, at: int) -> bool:
        if kind == "numbers":  # the value as read in its row ("874 Million" = 874000000)
            value = next((v for raw, v in quantities(source, langs[at]) if raw == token), token)
            return any(v == value for _, v in quantities(text, langs[1 - at]))
        return _matches(_name_key(token), _keys(text), slavic=_cyrillic(token))

    same = _base(langs[0]) == _base(langs[1])
    flags = without_retold(rows, flags, same)  # a name a split sentence tells again (round 32)
    return capped_repeats(rows, with_echoes(rows, flags, checked, told), langs)


def _base(lang: str | None) -> str | None:
    return lang.split("-")[0].lower() if lang else None


def _carries(kind: str, row: tuple[str, str], checked: bool) -> bool:
    """A row with one side only; for a figure also a confident link (a paraphrase row,
    whose checks only look for replaced figures)."""
    one_sided = not (row[0].strip() and row[1].strip())
    return one_sided or (kind == "numbers" and checked)


def _again(kind: str, text: str, source: str, token: str) -> bool:
    """Whether ``text`` writes ``token`` again as ``source`` does (a figure as read and
    with a unit word of one stem, a name as a whole word in a sentence like ``source``)."""
    if token not in text:
        return False
    if kind == "names":
        whole = re.search(r"(?<![\w'’-])" + re.escape(token) + r"(?![\w'’-])", text)
        return whole is not None and (not NAME_RETELLS or chrf(source, text) >= NAME_RETELLS)
    if not any(raw == token for raw, _ in quantities(text)):
        return False
    return bool(unit_stems(text, token) & unit_stems(source, token))


#: The words after a figure that may name its unit ("150 багатоквартирних будинків").
UNIT_WORDS = 3
#: Two unit words are one when they share this many first letters (inflection: Verletzte /
#: verletzt, будинків / будинки).
UNIT_STEM = 5


def unit_stems(text: str, token: str) -> set[str]:
    """The stems of the words right after each ``token`` in ``text``: three letters or
    more, or a two-letter symbol with no vowel ("km", "kg", "км"; not "de", "на")."""
    out: set[str] = set()
    for m in re.finditer(r"(?<![\w.,])" + re.escape(token) + r"(?![\w])", text):
        words = WORD_RE.findall(text[m.end() :])[:UNIT_WORDS]
        out |= {fold(w)[:UNIT_STEM] for w in words if len(w) >= 3 or _symbol(w)}
    return out


def _symbol(word: str) -> bool:
    return len(word) == 2 and not _VOWEL.search(word)


_VOWEL = re.compile(r"[aeiouyäöüéèàаеєиіїоуюяыэё]", re.I)


def _flagged(flags: Flags, kind: str, side: str, token: str) -> bool:
    return token in flags.get(kind, {}).get(side, [])


def _add(flags: Flags, kind: str, side: str, token: str) -> Flags:
    by_side = {s: list(t) for s, t in flags.get(kind, {}).items()}
    by_side.setdefault(side, []).append(token)
    return {**flags, kind: by_side}
