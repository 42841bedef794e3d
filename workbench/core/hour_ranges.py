"""The near end of a range of hours: "von 14 bis 18 Uhr", "2 to 6 p.m.", "de 14 à 18 h".

Why: ``check_numbers`` leaves a clock time out of the figures ("18 Uhr", "6 p.m.", "à 18 h":
times are no quantities), but a range of hours writes its clock word after the far end only,
so its near end was read as a bare figure.  A copy that dropped the opening hours ("dienstags
und donnerstags nachmittags geöffnet") or wrote them in another notation ("von 14 Uhr bis 18
Uhr", "14:00-18:00", "2pm to 6pm") then told "14" on one side only: a false number flag (round
37's unseen batch 136, Südwest-Depesche -> Radio Rheinwelle, "geöffnet dienstags und
donnerstags von 14 bis 18 Uhr").  It is the hours' twin of ``core.day_ranges`` (the far end of
a range of days is a date).

A figure is the near end of a range of hours when a dash or a range word ("bis", "to", "till",
"à", "до", "по"; "and" / "und" / "і" / "и" only after "between" / "zwischen" / "між" /
"между") joins it to a clock time (an hour with its clock word: "Uhr", "a.m." / "p.m.", "h").
Both ends must be hours (0-24, minutes allowed), so "von 25 bis 270 Uhr" is no range and "8
to 10 people" keeps its figures (no clock word).
"""

from __future__ import annotations

import re

#: Read the near end of a range of hours as a clock time (``benchmarks/flags_cv.py --switch
#: hour_ranges``; round 38, flags38).  Shipped on as a product fix: its one false dev token
#: (b136) is its batch's alone, so leave one batch out ties (b44's "8 bis 17 Uhr" is told alike
#: on both sides), and the check pooled loses one false token and no true one.
HOUR_RANGES = True

_HOUR = r"(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?"
_CLOCK = r"(?:\s?Uhr\b|\s?[ap]\.\s?m\.|\s?pm\b|am\b|\s?[hH]\b)"  # "6 am Montag": no clock
_LINK = r"(?:\s*[-‐‑–—]\s*|\s+(?:bis|to|till|until|à|до|по)\s+)"
_BETWEEN = r"(?:between|zwischen|між|между|entre)\s+"
_AND = r"\s+(?:and|und|і|й|та|и|et)\s+"
_RANGE = re.compile(
    r"(?<![\w.,:])(?P<near>" + _HOUR + r")(?=" + _LINK + _HOUR + _CLOCK + r")",
    re.IGNORECASE,
)
_BETWEEN_RANGE = re.compile(
    r"\b" + _BETWEEN + r"(?P<near>" + _HOUR + r")(?=" + _AND + _HOUR + _CLOCK + r")",
    re.IGNORECASE,
)


def near_ends(text: str) -> list[tuple[int, int]]:
    """The spans of the figures of ``text`` that open a range of hours whose far end is a clock
    time (none when ``HOUR_RANGES`` is off): "14" in "von 14 bis 18 Uhr", "2" in "between 2 and
    6 p.m."."""
    if not HOUR_RANGES:
        return []
    spans = [m.span("near") for m in _RANGE.finditer(text)]
    spans += [m.span("near") for m in _BETWEEN_RANGE.finditer(text)]
    return sorted(set(spans))


def masked(text: str) -> str:
    """``text`` with the near end of each range of hours blanked (same length)."""
    for start, end in near_ends(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
