"""A duration told by its unit word alone: "годину" (an hour) against "40 хвилин".

Why: a rewrite may tell a duration with no figure at all ("an hour", "une demi-heure",
"eine Stunde", "півгодини"): the reader sees no number on that side, so a changed
duration ("40 хвилин" against "годину", round 16's unseen same-language rewrite) was
one-sided at best and nothing in a paraphrase row, and a duration told the same way
("trente minutes" / "une demi-heure") could be flagged as a lone figure.  Read in
minutes, both are plain: the same value is no change, a different one is.

Round 24 reads figures before time units as lengths too (``DURATION_VALUES``,
``changed_durations``): a paraphrase row's "about two weeks" against "ten days" is one
question answered twice, differently.

``DURATIONS`` was off from round 17 (``benchmarks/flags_cv.py --switch durations``: no dev
gold token was such a duration); on since round 33, when batch 116 (dev) held "bis zu 35
Minuten" / "jusqu'à une demi-heure", as a package with ``check_rough_words.HEDGED``
(``--switch rough33``; docs/align.md "Round 33 (flags33)").
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from workbench.core.check_forms import durations
from workbench.core.check_numbers import value_of
from workbench.core.check_rounded import Figure, figures, hedge_before, same_count

#: Read bare unit words as durations (off from round 17; on since round 33, with
#: ``check_rough_words.HEDGED``: ``flags_cv.py --switch rough33``).
DURATIONS = True
#: Two like durations in other figures or units in a paraphrase row are a change (round 24).
DURATION_VALUES = True
#: A duration word with a hedge of its own ("майже годину") against a figure hedged another
#: way ("rund 45 Minuten") is one length two writers told roughly: no flag (round 33; the
#: same hedge, or none, on both is a change as before: "bis zu 35 Minuten" / "une demi-heure").
HEDGED_WORDS = True
#: Two durations in two units this close (a share of the smaller) tell one length roundly.
ACROSS_UNITS = 0.1

# A unit word alone, by language: (pattern, minutes).  Half units first (they contain the
# whole unit's word).  A rate ("100 km an hour", "per hour", "pro Stunde", "на годину") is no
# duration: see ``_RATE``.
_BARE: dict[str, tuple[tuple[re.Pattern[str], int], ...]] = {
    "en": ((re.compile(r"\b(?P<unit>half an hour)\b", re.I), 30),
           (re.compile(r"\b(?:an|one) (?P<unit>hour)\b", re.I), 60)),
    "de": ((re.compile(r"\b(?:eine[rn]?\s+)?(?P<unit>halbe[n]?\s+Stunde)\b", re.I), 30),
           (re.compile(r"\beine[rn]?\s+(?P<unit>Stunde)\b", re.I), 60)),
    "fr": ((re.compile(r"\b(?:une\s+)?(?P<unit>demi-heure)\b", re.I), 30),
           (re.compile(r"\bune\s+(?P<unit>heure)\b(?!\s+et\s+demie)", re.I), 60)),
    "uk": ((re.compile(r"(?<!\w)(?P<unit>півгодини)(?!\w)", re.I), 30),
           (re.compile(r"(?<!\w)(?:одну\s+)?(?P<unit>годину)(?!\w)", re.I), 60)),
    "ru": ((re.compile(r"(?<!\w)(?P<unit>полчаса)(?!\w)", re.I), 30),
           (re.compile(r"(?<!\w)(?:один\s+)?(?P<unit>час)(?!\w)", re.I), 60)),
}  # fmt: skip
_RATE = re.compile(r"(?:\d\s*[^\W\d]{0,4}\.?\s*(?:per|pro|par|на|в)?\s*|\b(?:per|pro|par)\s+)$",
                   re.I)  # fmt: skip


def bare_durations(text: str, lang: str | None) -> list[tuple[str, Decimal]]:
    """(as written, minutes) of each duration told by a unit word with no figure; the word
    without its article ("demi-heure" of "une demi-heure"), as a flag names it."""
    table = _BARE.get((lang or "").split("-")[0].lower(), ())
    out: list[tuple[str, Decimal]] = []
    taken: list[range] = []
    for pattern, minutes in table:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 12) : m.start()]
            if any(m.start() in r for r in taken) or _RATE.search(before):
                continue
            taken.append(range(m.start(), m.end()))
            out.append((m.group("unit"), Decimal(minutes)))  # as the gold lists it: "demi-heure"
    return out


def duration_pairs(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None, paraphrase: bool = False,
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:  # fmt: skip
    """(told alike, changed) against the other side's bare durations: a one-sided duration
    figure the other side tells as the same duration in words is told alike; one it tells
    as another duration (within a factor of two in a paraphrase) is changed, with that word.
    Both empty when ``DURATIONS`` is off."""
    alike: dict[str, list[str]] = {}
    changed: dict[str, list[str]] = {}
    if not DURATIONS:
        return alike, changed
    sides = {"left_only": (left, left_lang, right, right_lang, "right_only"),
             "right_only": (right, right_lang, left, left_lang, "left_only")}  # fmt: skip
    for side, tokens in nums.items():
        mine, lang, theirs, their_lang, other = sides[side]
        spans = dict(durations(mine, lang))
        own_bare = {raw.casefold() for raw, _ in bare_durations(mine, lang)}
        told = {m for _, m in durations(theirs, their_lang)}
        hows = {f.raw: f.how for f in figures(mine, lang, list(spans))}
        for raw, minutes, how in _hedged_bare(theirs, their_lang):
            if raw.casefold() in own_bare or minutes in told:
                continue  # the same words on both sides, or the figure opposite tells it too
            for token in (t for t in tokens if t in spans):
                value = spans[token]
                if HEDGED_WORDS and how is not None and hows.get(token) != how:
                    alike.setdefault(side, []).append(token)  # two writers' rough lengths
                    continue
                if value == minutes:
                    alike.setdefault(side, []).append(token)
                elif not paraphrase or max(value, minutes) <= 2 * min(value, minutes):
                    for at, flag in ((side, token), (other, raw)):
                        if flag not in changed.get(at, []):
                            changed.setdefault(at, []).append(flag)
    return alike, changed


def _hedged_bare(text: str, lang: str | None) -> list[tuple[str, Decimal, str | None]]:
    """``bare_durations`` with the kind of hedge written before each ("майже годину":
    "nearly"; ``check_rounded.hedge_before``), None when it has none."""
    table = _BARE.get((lang or "").split("-")[0].lower(), ())
    starts = {m.group("unit").casefold(): m.start() for pattern, _ in table
              for m in pattern.finditer(text)}  # fmt: skip
    return [(raw, minutes, hedge_before(text, starts.get(raw.casefold(), 0)) or None)
            for raw, minutes in bare_durations(text, lang)]  # fmt: skip


def merged(nums: dict[str, list[str]], alike: dict[str, list[str]],
           changed: dict[str, list[str]]) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` less the figures told alike, with the changed ones (each once)."""
    out = {side: [t for t in tokens if t not in alike.get(side, [])]
           for side, tokens in nums.items()}  # fmt: skip
    for side, tokens in changed.items():
        out.setdefault(side, []).extend(t for t in tokens if t not in out[side])
    return {side: tokens for side, tokens in out.items() if tokens}


def changed_durations(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """A paraphrase row's one-sided duration figures, one a side, that tell durations of
    like size but different length, read in minutes: "about two weeks" / "ten days",
    "Sieben Stunden lang" / "nach sechs Stunden"; ``{}`` unless both sides hold one.

    Why: ``replaced_numbers`` takes counts under 10 for wording and compares figures
    as written (2 against 10), and ``counted_changes`` needs one noun on both sides, so a
    rewritten repair time (round 23's unseen batch 80, now dev) was no flag.  A time unit
    after both figures says what they count whatever the unit or language: within a factor
    of two (as ``replaced_numbers`` reads like size) they answer one question differently
    ("how long"); further apart they are different spans ("two hours" / "three days").
    Two durations one hedge lets tell one length ("knapp zwei Wochen" / "13,5 Tage",
    ``check_rounded.same_count`` on the ranges in minutes) are no change, nor two in other
    units within ``ACROSS_UNITS`` ("zwei Wochen" / "quinze jours", Text+Berg dev).
    """
    if not DURATION_VALUES or not nums.get("left_only") or not nums.get("right_only"):
        return {}
    mine = _spans(left, left_lang, nums["left_only"])
    theirs = _spans(right, right_lang, nums["right_only"])
    out: dict[str, list[str]] = {}
    for a, v, a_unit in mine:
        for b, w, b_unit in theirs:
            low, high = min(v, w), max(v, w)
            if 0 < low < high <= 2 * low and not _one_length(a, b, a_unit != b_unit):
                for side, token in (("left_only", a.raw), ("right_only", b.raw)):
                    if token not in out.get(side, []):
                        out.setdefault(side, []).append(token)
    return out


def _one_length(a: Figure, b: Figure, across: bool) -> bool:
    """Whether two durations (ranges in minutes) can tell one length: a hedge reaches the
    other (``same_count``) or, told in two units (``across``), they lie within
    ``ACROSS_UNITS`` of each other: a conversion is told roundly ("15 days" for two weeks,
    as French says "quinze jours"), as ``check_rounded`` reads "about" to a tenth."""
    if same_count(a, b):
        return True
    return across and max(a.low, b.low) <= (1 + ACROSS_UNITS) * min(a.high, b.high)


def _spans(text: str, lang: str | None, raws: list[str]) -> list[tuple[Figure, Decimal, float]]:
    """(the figure with the range its hedge allows, in minutes; its minutes as written; the
    minutes of its unit) of each listed figure of ``text`` written before a time unit."""
    told = {raw: minutes for raw, minutes in reversed(durations(text, lang)) if raw in raws}
    out = []
    for figure in figures(text, lang, list(told)):
        try:
            unit = float(told[figure.raw] / Decimal(value_of(figure.raw, lang)))
        except (InvalidOperation, ZeroDivisionError):
            continue
        ranged = replace(figure, low=figure.low * unit, high=figure.high * unit)
        out.append((ranged, told[figure.raw], unit))
    return out
