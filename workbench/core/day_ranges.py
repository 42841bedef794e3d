"""The far end of a range of days: "25. bis 27. Juni", "June 25 to 27", "з 25 по 27 червня".

Why: ``check_numbers.quantities`` leaves a day out of the figures when a month or weekday
name stands beside it ("27. Juni", "June 25"), but a range writes its month beside one end
only, and which end depends on the notation: day first ("25. bis 27. Juni", "25-27 июня",
"du 25 au 27 juin") puts it after the second day, month first ("June 25 to 27", "June
25-27") before the first.  The other end was read as a bare figure, so a translation that
turned one notation into the other told "25" on one side and "27" on the other: two false
number flags (round 36's unseen batch 133, Donauwelle/APA -> Austria Ledger, "für 25. bis
27. Juni" / "planned for June 25 to 27").

A figure is the far end of a range when a dash or a range word ("bis", "to", "au", "по",
"and" ...) joins it to another day-sized figure; ``check_numbers`` then reads it as a date
when that partner stands beside a month name.  Both figures must be days (1-31), so a score
"3-1" or a count "von 25 bis 270" is no range of days.
"""

from __future__ import annotations

import re

#: Read the far end of a day range as a date (``benchmarks/flags_cv.py --switch day_ranges``;
#: round 37, flags37).
DAY_RANGES = True

# What joins the two days: a dash (spaced or not) or a range word, "bis zum", "to the".
_LINK = (
    r"(?:\s*[-‐‑–—]\s*|\s+(?:bis(?:\s+(?:zum|zur))?|to|till|until|through|thru|au|à|до|по"
    r"|and|und|et|і|й|та|и)\s+(?:the\s+)?)"
)
_SUFFIX = r"(?:st|nd|rd|th|er|\.|-?(?:го|е|я|ого))?"
_DAY_AFTER = re.compile(r"^" + _SUFFIX + _LINK + r"(?P<day>[0-3]?\d)(?!\d|[.,]\d)")
_DAY_BEFORE = re.compile(r"(?<![\w.,\-–])(?P<day>[0-3]?\d)" + _SUFFIX + _LINK + r"$")


def _day(raw: str) -> bool:
    return raw.isdigit() and len(raw) <= 2 and 1 <= int(raw) <= 31


def range_partners(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the days ``text[start:end]`` is joined to as the other end of a range
    (none when ``DAY_RANGES`` is off or the figure is no day): "25" in "25. bis 27. Juni"
    -> the span of "27"; "27" in "June 25 to 27" -> the span of "25"."""
    digits = re.match(r"\d*", text[start:end]).group(0)  # "27th": the ordinal's figure
    if not DAY_RANGES or not _day(digits):
        return []
    out: list[tuple[int, int]] = []
    after = _DAY_AFTER.match(text[end : end + 24])
    if after and _day(after.group("day")):
        out.append((end + after.start("day"), end + after.end("day")))
    before = _DAY_BEFORE.search(text, max(0, start - 24), start)  # sees behind its window
    if before and _day(before.group("day")):
        out.append(before.span("day"))
    return out
