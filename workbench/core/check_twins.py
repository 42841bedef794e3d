"""A figure a translation changed, told in rows the aligner did not link to each other.

Why: across languages a translator rewords the sentence that carries a count, so
the aligner often pairs it with a neighbour or leaves it alone, and ``check_pair``
(one row at a time) never sees the two figures together: "41 Verletzte" and "38
injured" sat in two rows (blind batch 8), "900" and "1,200" (batch 10), "3,6 %"
and "3.8%" in two unmatched sentences (batch 6). Over the whole pair the change
is plain: each figure is told nowhere in the other copy, and the two are of like
size. On the dev pairs such page-wide twins are the gold's changed figures (or
tokens it accepts either way) in translations of many writers; in one-language
pairs the row checks mostly find them, and any twins there added 4 false flags and
no true one on dev, so one language takes only twins of one unit word
(``UNIT_TWINS``: "17 депутатів" / "16 депутатів", a rewrite that told the vote in
rows the aligner did not link).

A count is bounded by its own sentence (round 14): when the row that tells it also
tells another figure the other copy never tells, the row is material the other
copy does not carry (an added paragraph of another outlet's reporting), and a count
of like size opposite is chance, not the same fact: "1.200 marchands … 9 millions
de visiteurs" against "1,000 records … $8,000" (batch 41, false on unseen pages),
"23 vehicles and around 120 helpers" against "17 громадян" (batch 27). Measures
(decimals on both sides) keep their twins: a decimal of like size is rarely chance
("3,6 %" against "3.8% … STOXX 600", batch 6).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from workbench.core.check_ages import count_apart
from workbench.core.check_echoes import unit_stems
from workbench.core.check_forms import durations
from workbench.core.check_numbers import quantities
from workbench.core.check_rounded import figures, same_count
from workbench.core.check_slots import with_slots

#: Like size: the larger figure at most this many times the smaller (align_figures' factor).
TWIN_FACTOR = 1.5
#: A count whose row tells another unmatched figure makes no twin (``benchmarks/flags_cv.py``
#: turns it off to measure it: leave-one-batch-out, check pooled).
BOUND_COUNTS = True
#: One-language pairs: a lone figure twins a lone figure of like size opposite only when a
#: word after each shares its stem (one unit: "270 000 km" / "280 000 km").  Alone it changed
#: no dev token (round 16); with ``UNIT_UNBOUND`` it ships (round 18, ``benchmarks/flags_cv.py
#: --switch unit_counts`` / ``unseen17``).
UNIT_TWINS = True
#: One-language unit twins are not bounded by their sentence: the shared unit word already
#: ties the two counts, where the bound exists for translations' counts of like size by
#: chance ("17 депутатів із 34" / "16 депутатів" in a rewrite's two unlinked rows, round 17's
#: unseen miss, dev b57).
UNIT_UNBOUND = True
#: A twin lands on a row below the confidence gate when that row holds both of its figures
#: (the aligner linked the two sentences, only unsurely; ``benchmarks/flags_cv.py`` switch).
TWIN_ROWS = True
#: Number words of 10 or more ("vingt-deux", "zweiundzwanzig") are figures for twins too
#: (round 17; ``benchmarks/flags_cv.py --switch twin_words``).
TWIN_WORDS = True
#: A twin lands on a one-sided row below the confidence gate when its other figure lands on
#: a row the checks ran on: a one-sided row is no link, so the gate that keeps flags off unsure
#: links does not apply to it (round 17; ``benchmarks/flags_cv.py --switch lone_rows``).
LONE_ROWS = True
#: A twin whose two figures both sit on one-sided rows below the gate lands on both: neither
#: row is a link, so no unsure pairing is flagged, and the page-wide twin is the only place
#: the changed figure can surface.  Round 19: the learned link decision (``align_decision``)
#: cut a neighbouring 2-3 link to its right 1-1 part and moved the unmatched rows' confidence
#: (.42 -> .37 for "3.8%"), so "3,6 %" / "3.8%" (batch 6) had no checked row left
#: (``benchmarks/flags_cv.py --switch lone_twins``).
LONE_TWINS = True
#: Two figures told roundly as one count are no twin ("44,6" / "knapp 45", "164" / "понад
#: 160"): the hedge a row check reads (``check_rounded.same_count``) holds over the pair too
#: (round 19; ``benchmarks/flags_cv.py --switch twin_hedges``).
TWIN_HEDGES = False
#: Two figures that both tell a duration (a time unit after each, ``check_forms.durations``)
#: are not bounded by their sentences: the unit ties the two counts, as one stem does for
#: ``UNIT_UNBOUND``, whatever the language ("around 25 minutes after departure" in a row
#: that also tells "187 passengers" / "nach rund 20 Minuten", round 20's unseen batch 68;
#: round 24, ``benchmarks/flags_cv.py --switch duration_twins``).
DURATION_UNBOUND = True
#: Two figures the words around them tell as counts of different things are no twins: an
#: age against a span ("à l'âge de 12 ans" / "nach 18 Jahren im Amt", blind57 once the
#: dateline cut lifted both one-sided rows over the gate) or two durations of different
#: time units (``core.check_ages``; round 39, ``benchmarks/flags_cv.py --switch twin_units``:
#: dev and check true / false unchanged, dev either-counted false 220 -> 218; with the
#: dateline gate it takes blind57's two false off).
TWIN_UNITS = True

Flags = dict[str, Any]  # a row's flags: "numbers" holds {side: [token, ...]}


def figure_twins(
    left: Sequence[str], right: Sequence[str], left_lang: str | None, right_lang: str | None,
    factor: float | None = None,
) -> list[tuple[str, str]]:  # fmt: skip
    """(left as written, right as written) of the figures each copy tells and the other
    never does, paired with one of like size: counts of 10 or more or measures
    (decimals) on both sides, within ``factor``; closest pairs first, each figure once.

    Figures in digits, and (``TWIN_WORDS``) number words of 10 or more ("Vingt-deux"
    against "23", batch 53; a smaller one is wording: "drei Landkreise"); years left out.
    A count whose row (either side's) tells another figure the other copy never tells makes no twin
    (the module's docstring says why), except in one language (``UNIT_UNBOUND``).  Empty
    for a one-language pair (unless ``UNIT_TWINS``: then only figures written before words
    of one stem), or when ``factor`` (``TWIN_FACTOR`` by default) is 0 (off).
    """
    factor = TWIN_FACTOR if factor is None else factor
    same = _base(left_lang) == _base(right_lang)
    if factor <= 0 or (same and not UNIT_TWINS):
        return []
    mine, theirs = _figures(left, left_lang), _figures(right, right_lang)
    left_values, right_values = set(mine.values()), set(theirs.values())
    lone = [(raw, v) for raw, v in mine.items() if v not in right_values]
    other = [(raw, w) for raw, w in theirs.items() if w not in left_values]
    bound = BOUND_COUNTS and not (same and UNIT_UNBOUND)
    crowded = (
        {a for a, _ in lone if bound and _crowded(left, a, left_lang, right_values)},
        {b for b, _ in other if bound and _crowded(right, b, right_lang, left_values)},
    )
    timed = (_timed(left, left_lang), _timed(right, right_lang)) if bound else (set(), set())
    found = sorted((max(v, w) / min(v, w), a, b) for a, v in lone for b, w in other
                   if _like(v, w, factor)
                   and (_measures(v, w) or not (a in crowded[0] or b in crowded[1])
                        or (a in timed[0] and b in timed[1]))
                   and (not same or _units(left, a, left_lang) & _units(right, b, right_lang))
                   and not (TWIN_HEDGES and _one_count(left, a, right, b, left_lang, right_lang))
                   and not (TWIN_UNITS and count_apart(left, a, right, b, left_lang, right_lang))
                   )  # fmt: skip
    used: tuple[set[str], set[str]] = (set(), set())
    out = []
    for _, a, b in found:
        if a not in used[0] and b not in used[1]:
            used[0].add(a)
            used[1].add(b)
            out.append((a, b))
    return out


def with_twins(
    rows: Sequence[tuple[str, str]], flags: Sequence[Flags], twins: list[tuple[str, str]],
    checked: Sequence[bool] | None = None, langs: tuple[str | None, str | None] = (None, None),
) -> list[Flags]:  # fmt: skip
    """``flags`` (one per row) with each twin figure added to the first row that holds it
    on its side, unless a row already flags it there.

    ``checked`` says which rows the checks may flag (a link below the confidence gate
    carries no flags): a twin only lands on such a row, or (``TWIN_ROWS``) on a row
    that holds both of its figures: the aligner linked the two sentences, unsurely,
    and the page-wide twin confirms it ("12 400" / "около 12,5 тыс." in a 3-3 row at
    confidence .15, round 14's unseen batch 44).  With ``LONE_ROWS`` a figure whose twin
    landed may also land on a one-sided row below the gate (no link, so nothing unsure
    is flagged): "23 Gemeinden" / "Vingt-deux communes" (batch 53); with ``LONE_TWINS`` a
    twin neither of whose figures landed lands on two one-sided rows, one a side, that hold
    them ("3,6 %" / "3.8%", batch 6, once the link decision moved the rows' confidence).
    Then a changed figure told in a left-only and a right-only row of one gap, one kind of
    figure on both (``check_slots``: a link the decision took apart, "72%" / "70 %").
    ``langs`` lets number words be found (``TWIN_WORDS``).
    """
    out = [dict(f) for f in flags]
    for pair in twins:
        both = [_holds(row[0], pair[0], langs[0]) and _holds(row[1], pair[1], langs[1])
                for row in rows]  # fmt: skip
        landed = []
        for at, token in enumerate(pair):
            side = ("left_only", "right_only")[at]
            if any(token in f.get("numbers", {}).get(side, []) for f in out):
                landed.append(True)
                continue
            ok = [checked is None or checked[k] or (TWIN_ROWS and both[k])
                  for k in range(len(rows))]  # fmt: skip
            landed.append(_land(out, rows, ok, at, token, langs[at]))
        if LONE_ROWS and checked is not None and landed.count(True) == 1:
            at = landed.index(False)
            lone = [not row[1 - at] for row in rows]  # one-sided rows of that side
            _land(out, rows, lone, at, pair[at], langs[at])
        elif LONE_TWINS and checked is not None and not any(landed):
            _land_lone(out, rows, pair, langs)
    return with_slots(rows, out, langs) if checked is not None else out


def _land_lone(out: list[Flags], rows: Sequence[tuple[str, str]], pair: tuple[str, str],
               langs: tuple[str | None, str | None]) -> None:  # fmt: skip
    """Both figures of ``pair`` on one-sided rows of their sides, or neither (in place).

    Only measures (decimals on both sides, "3,6 %" / "3.8%"): with no link between the
    two rows nothing but the figures ties them, and a decimal of like size is rarely
    chance, where counts of like size are ("18" / "12", "60" / "50" on dev b57 and b19).
    """
    lone = [[not row[1 - at] and _holds(row[at], pair[at], langs[at]) for row in rows]
            for at in (0, 1)]  # fmt: skip
    values = [_figures([r[at] for r, ok in zip(rows, lone[at], strict=True) if ok],
                       langs[at]).get(pair[at]) for at in (0, 1)]  # fmt: skip
    if None not in values and _measures(*values):  # type: ignore[arg-type]
        for at in (0, 1):
            _land(out, rows, lone[at], at, pair[at], langs[at])


def _land(out: list[Flags], rows: Sequence[tuple[str, str]], ok: Sequence[bool], at: int,
          token: str, lang: str | None) -> bool:  # fmt: skip
    """Add ``token`` to the first row ``ok`` allows whose side ``at`` holds it (in place)."""
    side = ("left_only", "right_only")[at]
    for k, row in enumerate(rows):
        if ok[k] and _holds(row[at], token, lang):
            numbers = {s: list(t) for s, t in out[k].get("numbers", {}).items()}
            numbers.setdefault(side, []).append(token)
            out[k] = {**out[k], "numbers": numbers}
            return True
    return False


def _one_count(
    left: Sequence[str], a: str, right: Sequence[str], b: str, left_lang: str | None,
    right_lang: str | None,
) -> bool:  # fmt: skip
    """Whether ``a`` and ``b``, read with the hedge before them where each copy writes them,
    can tell one count (``check_rounded.same_count``: "knapp 45" covers 44,6)."""
    mine = [f for text in left if _holds(text, a, left_lang) for f in figures(text, left_lang, [a])]
    theirs = [f for text in right if _holds(text, b, right_lang)
              for f in figures(text, right_lang, [b])]  # fmt: skip
    return any(same_count(x, y) for x in mine for y in theirs)


def _holds(text: str, token: str, lang: str | None = None) -> bool:
    return any(raw == token for raw, _ in quantities(text, lang)) if token in text else False


def _figures(texts: Sequence[str], lang: str | None) -> dict[str, float]:
    out: dict[str, float] = {}
    for text in dict.fromkeys(texts):
        for raw, value in quantities(text, lang):
            try:
                number = float(Decimal(value))
            except (InvalidOperation, ValueError):
                continue
            if not any(ch.isdigit() for ch in raw) and not (TWIN_WORDS and number >= 10):
                continue  # a small number word is wording ("drei Wochen"), not a figure
            if not (number.is_integer() and 1900 <= number <= 2099):
                out.setdefault(raw, number)
    return out


def _like(v: float, w: float, factor: float) -> bool:
    counts = v >= 10 and w >= 10
    low, high = min(v, w), max(v, w)
    return (counts or _measures(v, w)) and 0 < low < high <= factor * low


def _units(texts: Sequence[str], raw: str, lang: str | None) -> set[str]:
    """The stems of the words after ``raw`` wherever ``texts`` write it (``unit_stems``)."""
    return {stem for text in texts if _holds(text, raw, lang) for stem in unit_stems(text, raw)}


def _timed(texts: Sequence[str], lang: str | None) -> set[str]:
    """The figures ``texts`` write before a time unit ("25 minutes"), when
    ``DURATION_UNBOUND`` reads them as durations; else none."""
    if not DURATION_UNBOUND:
        return set()
    return {raw for text in dict.fromkeys(texts) for raw, _ in durations(text, lang)}


def _measures(v: float, w: float) -> bool:
    return not v.is_integer() and not w.is_integer()


def _crowded(texts: Sequence[str], raw: str, lang: str | None, told: set[float]) -> bool:
    """Whether a row telling ``raw`` also tells another figure (another value) that the
    other copy (its values ``told``) never tells."""
    for text in texts:
        if not _holds(text, raw, lang):
            continue
        figures = _figures([text], lang)
        own = figures.get(raw)
        if any(v != own and v not in told for v in figures.values()):
            return True
    return False


def _base(lang: str | None) -> str | None:
    return lang.split("-")[0].lower() if lang else None
