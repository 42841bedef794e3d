"""A road's number is its name, not a figure: "(L 587)", "Т-1437", "Autobahn 6".

Why: a local rewrite drops or glosses a road's designation ("die Kohlenstraße (L 587)" /
"die Kohlenstraße"; "автодорогу Т-1437" / "a regional road"), and the number reader takes
its digits for a figure one copy lacks.  The flag gold's convention
(``about_fixture_end_to_end``) has called road numbers false since its first batches
("road numbers ('Н-09') … are false"; "'Autobahn 6' / 'une autoroute'"; "'(L 587)' dropped
…, 'Т-1437' dropped … for 'a regional road', as 'Landesstraße L 74' / 'une route
régionale'"): nothing a reader counts changed, the row's word diff shows the dropped label.

The rule (``ROAD_NUMBERS``) reads a number as a road's in two shapes only, so a model
name ("F-16", "Т-72"), a flight ("BF618") or a house number ("Hauptstraße 12") stays a
figure:

* a **road word** directly before it, with or without a class code ("Autobahn 6",
  "Landesstraße L 74", "Route 66", "highway 401", "route nationale 7", "трасі М-06",
  "автодорогу Т-1437");
* a **class code** (one to three capitals, Latin or Cyrillic: "L", "B", "A", "St", "Н",
  "Т", "RN") joined to it by a space or a hyphen, when the same text holds a road word
  anywhere ("… die Kohlenstraße (L 587) …", "… дорогу … Т-1437").

Such a number is left out of the row's one-sided figures on its side (both sides when both
hold road numbers: the convention calls a road number false whatever the other copy does).
"""

from __future__ import annotations

import re
from collections import Counter

#: Switch (round 41, flags41; ``flags_cv.py --switch road_numbers``): off — no dev row moves, so
#: leave one batch out cannot gain (docs/align.md "Round 41 (flags41)").
ROAD_NUMBERS = False

Flags = dict[str, list[str]]

#: Words naming a class of road, lower case (Cyrillic stems cover the case endings): a number
#: right after one is the road's ("Landesstraße 74", "Route 66"), not a street's house number
#: ("Hauptstraße 12": a named street is no class).
_CLASS_WORDS = (
    r"(?:bundes|landes|kreis|staats|schnell|land|gemeinde)stra(?:ß|ss)e|\w*autobahn\w*|highway"
    r"|motorway|freeway|expressway|interstate|route|autoroute|nationale|départementale"
    r"|автодорог\w*|автодороз\w*|трас\w*|шосе|шоссе|автомагістрал\w*|автомагистрал\w*"
)
#: Any word naming a road, a named street too ("Kohlenstraße"): a class code standing near one
#: is the road's ("die Kohlenstraße (L 587)", "дорогу Т-1437").
_ROAD_WORDS = (
    rf"{_CLASS_WORDS}|\w*stra(?:ß|ss)e\w*|road|дорог\w*|дороз\w*|магістрал\w*|магистрал\w*"
)
_ROAD = re.compile(rf"(?<!\w)(?:{_ROAD_WORDS})(?!\w)", re.IGNORECASE)
#: At most this many words between a road word and a class code it names.
NEAR = 1
_CODE = r"(?:[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ]?[A-ZА-ЯІЇЄҐ]?)"
_NUMBER = r"(\d{1,4}(?:[-‑–]\d{1,3})*)(?![\d,.]\d)"
#: A road word, then a number with or without its class code ("Autobahn 6", "трасі М-06").
_AFTER_WORD = re.compile(
    rf"(?<!\w)(?:{_CLASS_WORDS})[\s\u00a0]+\(?(?:{_CODE}[\s\u00a0‑-]?)?{_NUMBER}", re.IGNORECASE
)
#: A class code joined to its number by a space or a hyphen ("L 587", "Т-1437").
_CODED = re.compile(rf"(?<![\w.,])\(?{_CODE}[\s\u00a0]?[-‑]?[\s\u00a0]?{_NUMBER}(?![\w%])")


def road_numbers(text: str) -> list[str]:
    """The digit strings ``text`` writes as road numbers (each occurrence once)."""
    found = [m.group(1) for m in _AFTER_WORD.finditer(text)]
    roads = [m.span() for m in _ROAD.finditer(text)]
    if roads:
        spans = {m.span(1) for m in _AFTER_WORD.finditer(text)}
        found += [m.group(1) for m in _CODED.finditer(text)
                  if m.span(1) not in spans and _near(m.span(), roads, text)]  # fmt: skip
    return [digits for number in found for digits in re.findall(r"\d+", number)]  # "Т-14-37"


def _near(span: tuple[int, int], roads: list[tuple[int, int]], text: str) -> bool:
    """Whether a road word stands within ``NEAR`` words of the code at ``span``."""
    for start, end in roads:
        gap = text[end:span[0]] if end <= span[0] else text[span[1]:start]
        if len(gap.split()) <= NEAR:
            return True
    return False


def _plain_count(token: str, text: str) -> int:
    """How often ``token`` stands in ``text`` as a whole number."""
    return len(re.findall(rf"(?<![\d.,]){re.escape(token)}(?![\d]|[.,]\d)", text))


def without_road_numbers(left: str, right: str, nums: Flags) -> Flags:
    """``nums`` less one one-sided figure for each road number its side writes beyond the
    other side's (``ROAD_NUMBERS``; unchanged when off).  The flags are a multiset: "Autobahn
    6 … 6 Stunden" against "Autobahn …" keeps one '6', the hours."""
    if not ROAD_NUMBERS or not nums:
        return nums
    roads = (Counter(map(_bare, road_numbers(left))), Counter(map(_bare, road_numbers(right))))
    out: Flags = {}
    for side, tokens in nums.items():
        mine = roads[0] - roads[1] if side == "left_only" else roads[1] - roads[0]
        kept = []
        for token in tokens:
            if mine[_bare(token)] > 0:
                mine[_bare(token)] -= 1
            else:
                kept.append(token)
        if kept:
            out[side] = kept
    return out


def _bare(digits: str) -> str:
    """A road number as a value ("06" is 6, as the number reader writes it)."""
    return digits.lstrip("0") or "0"
