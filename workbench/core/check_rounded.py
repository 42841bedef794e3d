"""Rounded figures: "more than 400" and "at least 412" can tell one count.

Why a module of its own: ``core.checks`` flags a figure one copy has and the
other lacks.  Copies from different sources round a count their own way
("mehr als 400" / "At least 412", "environ 130 km" / "128 km", "More than 200" /
"rund 210", "більш ніж на 1%" / "1.2%"): a reader wants a changed figure
flagged, not a count told roundly.  Seen on the flag dev pairs of four writers
(blind batches 9, 10, 18, 21), always judged not a change.

Each figure is read as the range its wording allows: an exact figure is a
point; "about X" covers what rounds to X at its last written digit (210 ->
205..215, 2,300 -> 2,250..2,350); "more than X" reaches from X to the next step
of X's order ("over 30" -> 30..40, "mehr als 400" -> 400..500), "less than X" as far
down; "at least X" from X on; "nearly X" up to X.  A figure one side has only and a figure the other
side has only are the same count when at least one of them is approximate and
their ranges meet; two figures rounded the same way ("over 30" / "over 40",
"rund 2.300" / "rund 2.400", "more than 10,000" / "more than 11,000") are a changed
figure.  Percentages only meet percentages.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from workbench.core.check_numbers import quantities

# Wordings that put a figure above, at least at, about or just below the count; the
# marker stands right before the figure (a currency sign may come between).
_ABOVE = (
    r"more than|over|above|upwards of|in excess of|mehr als|über|gut|plus de|понад"
    r"|більш(?:е)? ніж(?: на)?|більше|свыше|более(?: чем)?(?: на)?|больше(?: чем)?(?: на)?"
)
_AT_LEAST = (
    r"at least|mindestens|wenigstens|au moins|щонайменше|принаймні|не менше(?: ніж)?"
    r"|не менее|как минимум|по меньшей мере"
)
_ABOUT = (
    r"about|around|approximately|roughly|an estimated|some|circa|ca\.|rund|etwa|ungefähr|zirka"
    r"|environ|quelque|près de|autour de|близько|приблизно|орієнтовно|около|примерно|порядка"
)
_NEARLY = (
    r"nearly|almost|close to|just under|fast|knapp|beinahe|nahezu|annähernd|presque|майже|почти"
    r"|без малого"
)
_BELOW = (
    r"less than|fewer than|under|below|weniger als|unter|moins de|менше(?: ніж)?|менш ніж"
    r"|менее(?: чем)?|меньше(?: чем)?"
)
_MARKER = re.compile(
    r"(?<!\w)(?:(?P<above>" + _ABOVE + r")|(?P<least>" + _AT_LEAST + r")|(?P<about>" + _ABOUT
    + r")|(?P<nearly>" + _NEARLY + r")|(?P<below>" + _BELOW + r"))\s+(?:[$€£₴₽]\s?)?$",
    re.IGNORECASE,
)  # fmt: skip
_PERCENT = re.compile(r"\s?(?:%|per ?cent|prozent|pour ?cent|процент|відсот)", re.I)


@dataclass(frozen=True)
class Figure:
    """One figure as written: the range of counts its wording allows."""

    raw: str
    low: float
    high: float
    how: str | None  # the marker's kind ("above", "least", "about", "nearly", "below") or None
    percent: bool


def figure_range(value: Decimal, how: str | None) -> tuple[float, float]:
    """The counts ``value`` allows when written with the marker kind ``how``.

    ``how`` is ``"above"``, ``"least"``, ``"about"``, ``"nearly"``, ``"below"`` or None
    (exact).
    The step of "about" is the place of the last non-zero digit (2,300 -> 100,
    210 -> 10, 1.2 -> 0.1), at most a tenth of the figure's order ("about 10,000"
    -> 9,500..10,500); "more than" goes up one order of the figure (400 -> 500), "less
    than" down one (500 -> 400).
    Open ends are pulled in by a hair so that "over 30" and "over 40" do not meet.
    """
    number = float(value)
    if number <= 0 or how is None:
        return number, number
    order = 10.0 ** math.floor(math.log10(number))
    step = min(10.0 ** value.normalize().as_tuple().exponent, order / 10)
    hair = min(step, order) * 1e-6
    if how == "above":
        return number + hair, number + order - hair
    if how == "least":
        return number, number + order - hair
    if how == "about":
        return number - step / 2, number + step / 2 - hair
    if how == "below":
        return number - order + hair, number - hair
    return number - step, number  # nearly


def figures(text: str, lang: str | None, raws: list[str]) -> list[Figure]:
    """The listed figures of ``text`` (as ``quantities`` writes them) with their ranges."""
    out: list[Figure] = []
    seen: dict[str, int] = {}
    for raw, value in quantities(text, lang):
        if raw not in raws:
            continue
        at = _nth(text, raw, seen.get(raw, 0))
        seen[raw] = seen.get(raw, 0) + 1
        try:
            number = Decimal(value)
        except (InvalidOperation, ValueError):
            continue
        if not number.is_finite():
            continue
        how = hedge_before(text, at) if at >= 0 else None
        low, high = figure_range(number, how)
        percent = at >= 0 and bool(_PERCENT.match(text, at + len(raw)))
        out.append(Figure(raw, low, high, how, percent))
    return out


def hedge_before(text: str, at: int) -> str | None:
    """The kind of the hedge written right before ``text[at:]`` ("rund 12,5" -> "about")."""
    marker = _MARKER.search(text[max(0, at - 30) : at])
    return marker.lastgroup if marker else None


def _nth(text: str, raw: str, n: int) -> int:
    """Where the ``n``-th ``raw`` stands as a figure of its own ("20" is not in "2026")."""
    found = [m.start() for m in re.finditer(r"(?<![\w.,])" + re.escape(raw) + r"(?![\d])", text)]
    return found[n] if n < len(found) else (found[0] if found else -1)


def same_count(a: Figure, b: Figure) -> bool:
    """Whether two one-sided figures can tell one count: one is approximate, ranges meet.

    Two figures rounded the same way ("more than 10,000" / "more than 11,000",
    "environ 9 000" / "environ 10 000") are a changed figure, whatever their ranges.
    """
    return (
        (a.how is not None or b.how is not None)
        and a.how != b.how
        and a.percent == b.percent
        and max(a.low, b.low) <= min(a.high, b.high)
    )


def without_rounded(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` (one-sided figures per side) less the pairs that tell one count roundly."""
    mine = figures(left, left_lang, nums.get("left_only", []))
    theirs = figures(right, right_lang, nums.get("right_only", []))
    dropped: dict[str, list[str]] = {"left_only": [], "right_only": []}
    used: set[int] = set()
    for a in mine:
        k = next((k for k, b in enumerate(theirs) if k not in used and same_count(a, b)), None)
        if k is not None:
            used.add(k)
            dropped["left_only"].append(a.raw)
            dropped["right_only"].append(theirs[k].raw)
    out: dict[str, list[str]] = {}
    for side, tokens in nums.items():
        kept = list(tokens)
        for raw in dropped.get(side, []):
            kept.remove(raw)
        if kept:
            out[side] = kept
    return out


#: A paraphrase row's two hedged figures that cannot tell one count are a replaced figure,
#: whatever their size ("близько 1,5" / "понад 2" гектари; round 18's unseen miss):
#: ``benchmarks/flags_cv.py --switch hedges``.
HEDGES = False


def contradicting_hedges(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """The one-sided figures, one a side, that both copies hedge ("about", "more than")
    and whose ranges do not meet, within a factor of two of each other: each copy tells
    the amount roughly, and the two roughly told amounts contradict.

    ``check_numbers.replaced_numbers`` reads a paraphrase row's small counts as wording
    ("two men" / "three women"); a hedge says the figure is an amount, not wording.
    Two figures rounded the same way ("over 30" / "over 40") count too (``same_count``
    never joins them).
    """
    if not HEDGES:
        return {}
    mine = [f for f in figures(left, left_lang, nums.get("left_only", [])) if f.how]
    theirs = [f for f in figures(right, right_lang, nums.get("right_only", [])) if f.how]
    out: dict[str, list[str]] = {}
    for a in mine:
        for b in theirs:
            low, high = sorted((max(a.low, 1e-9), max(b.low, 1e-9)))
            if (a.percent == b.percent and high <= 2 * low
                    and max(a.low, b.low) > min(a.high, b.high)):  # fmt: skip
                for side, raw in (("left_only", a.raw), ("right_only", b.raw)):
                    if raw not in out.setdefault(side, []):
                        out[side].append(raw)
    return out
