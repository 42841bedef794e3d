"""Synthetic edits: every dev sentence's measure told in its readers' other unit, rounded.

    .venv/bin/python benchmarks/flags_conversions.py [--shared DIR]

Why: the flag gold holds one unit conversion (batch 88's "80mph" / "130 km/h"), so leave one
batch out cannot choose ``check_conversions`` (one batch gains, the others tie).  This
benchmark asks whether the check carries to the whole class: each measure of every dev page
sentence (fixtures, dev batches, stories-dev; never a check batch) is rewritten as an outlet
for other readers would, in the other system's unit (km <-> miles, km/h <-> mph, m <-> feet,
kg <-> pounds, t <-> tons, ha <-> acres, l <-> gallons, °C <-> °F; round 27 adds, counted
apart, m³ <-> cubic feet, their flows per second, mm / l/m² <-> inches, tonnes a day or a
year <-> tons, barrels a day <-> m³ a day; round 28 adds hectolitres <-> gallons, cubic yards
<-> m³, and every flow told again with its time after a substance, "cubic feet of water per
second": "told (substance)") converted and rounded to two significant figures ("told"),
and, to measure that no real change is let through, with the value first moved up by
``CHANGE`` ("changed") or moved by one in its own unit ("same unit").  Each edited sentence
is checked against its original (``check_pair``, one language) with the check off and on: a
flag on a "told" edit is false, none on a changed one a miss.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from flags_robust import dev_pages  # noqa: E402
from roles_flags import SHARED  # noqa: E402

from workbench.core import check_conversions  # noqa: E402
from workbench.core.check_conversions import Measure, measures  # noqa: E402
from workbench.core.checks import check_pair  # noqa: E402
from workbench.core.units import BY_NAME, from_base, in_base, unit_pattern  # noqa: E402

#: A real change: the value moved up by this share (two units at least: "-2°C" / "-2.4°C" is
#: one rounded Fahrenheit figure) before it is converted.
CHANGE = Decimal("0.2")
#: Each unit's counterpart in the other system and how each language writes it.
OTHER = {"km": "mile", "mile": "km", "km/h": "mph", "mph": "km/h", "m": "ft", "ft": "m",
         "kg": "lb", "lb": "kg", "t": "ton", "ton": "t", "ha": "acre", "acre": "ha",
         "l": "gal", "gal": "l", "C": "F", "F": "C",
         "m3": "cuft", "cuft": "m3", "m3/s": "cuft/s", "cuft/s": "m3/s", "mm": "in",
         "in": "mm", "l/m2": "in", "t/yr": "ton/yr", "ton/yr": "t/yr", "t/d": "ton/d",
         "ton/d": "t/d", "bbl/d": "m3/d", "m3/d": "bbl/d", "hl": "gal", "cuyd": "m3"}  # fmt: skip
WRITTEN = {
    "km": {"ru": "км", "uk": "км", "*": "km"}, "m": {"ru": "м", "uk": "м", "*": "m"},
    "mile": {"en": "miles", "de": "Meilen", "fr": "milles", "ru": "миль", "uk": "миль"},
    "km/h": {"ru": "км/ч", "uk": "км/год", "*": "km/h"}, "mph": {"*": "mph"},
    "ft": {"en": "feet", "de": "Fuß", "fr": "pieds", "ru": "футов", "uk": "футів"},
    "kg": {"ru": "кг", "uk": "кг", "*": "kg"},
    "lb": {"en": "pounds", "de": "Pfund", "fr": "livres", "ru": "фунтов", "uk": "фунтів"},
    "t": {"en": "tonnes", "de": "Tonnen", "fr": "tonnes", "ru": "тонн", "uk": "тонн"},
    "ton": {"en": "tons"}, "ha": {"ru": "га", "uk": "га", "*": "ha"},
    "acre": {"en": "acres", "de": "Acres", "fr": "acres", "ru": "акров", "uk": "акрів"},
    "l": {"en": "litres", "de": "Liter", "fr": "litres", "ru": "литров", "uk": "літрів"},
    "gal": {"en": "gallons", "de": "Gallonen", "fr": "gallons", "ru": "галлонов", "uk": "галонів"},
    "C": {"*": "°C"}, "F": {"*": "°F"},
    "m3": {"en": "cubic metres", "de": "Kubikmeter", "fr": "mètres cubes", "ru": "кубометров",
           "uk": "кубометрів"},
    "cuft": {"en": "cubic feet", "de": "Kubikfuß", "fr": "pieds cubes",
             "ru": "кубических футов", "uk": "кубічних футів"},
    "m3/s": {"en": "cubic metres per second", "de": "Kubikmeter pro Sekunde",
             "fr": "mètres cubes par seconde", "ru": "куб. м/с", "uk": "кубометрів на секунду"},
    "cuft/s": {"en": "cubic feet per second", "de": "Kubikfuß pro Sekunde",
               "fr": "pieds cubes par seconde", "ru": "кубических футов в секунду",
               "uk": "кубічних футів на секунду"},
    "mm": {"ru": "мм", "uk": "мм", "*": "mm"},
    "in": {"en": "inches", "de": "Zoll", "fr": "pouces", "ru": "дюймов", "uk": "дюймів"},
    "t/yr": {"en": "tonnes a year", "de": "Tonnen pro Jahr", "fr": "tonnes par an",
             "ru": "тонн в год", "uk": "тонн на рік"},
    "ton/yr": {"en": "tons a year"}, "ton/d": {"en": "tons a day"},
    "t/d": {"en": "tonnes a day", "de": "Tonnen pro Tag", "fr": "tonnes par jour",
            "ru": "тонн в сутки", "uk": "тонн на добу"},
    "bbl/d": {"en": "barrels a day", "de": "Barrel pro Tag", "fr": "barils par jour",
              "ru": "баррелей в сутки", "uk": "барелів на добу"},
    "m3/d": {"en": "cubic metres a day", "de": "Kubikmeter pro Tag", "fr": "mètres cubes par jour",
             "ru": "кубометров в сутки", "uk": "кубометрів на добу"},
}  # fmt: skip
#: Round 28 (units28): what a flow carries, told between its amount and its time.
SUBSTANCE = {"en": " of water", "de": " Wasser", "fr": " d'eau", "ru": " воды", "uk": " води"}
_TIME = re.compile(r" (?:per|a|pro|par|в|на) \w+$")
#: The units round 27 (units27) added, counted apart: volumes, flows, rain and yields.
NEW = frozenset({"m3", "cuft", "m3/s", "cuft/s", "mm", "in", "l/m2", "t/yr", "ton/yr", "t/d",
                 "ton/d", "bbl/d", "m3/d"})  # fmt: skip
#: The units round 28 (units28) added, counted apart.
NEW28 = frozenset({"hl", "cuyd"})
_COMMA = frozenset({"de", "fr", "ru", "uk"})


def _round(value: Decimal, figures: int = 2) -> Decimal:
    if value == 0:
        return value
    return value.quantize(Decimal(1).scaleb(value.adjusted() - figures + 1), ROUND_HALF_UP)


def _written(value: Decimal, lang: str) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if lang in _COMMA else text


def edits(text: str, lang: str, m: Measure) -> dict[str, str]:
    """The sentence with ``m`` told converted ("told"), changed then converted ("changed") and
    changed in its own unit ("same unit"); empty when the language cannot write the unit."""
    target = OTHER.get(m.unit.name)
    spelled = WRITTEN.get(target or "", {})
    word = spelled.get(lang, spelled.get("*"))
    at = text.find(m.raw)
    unit = unit_pattern(lang).match(text, at + len(m.raw)) if at >= 0 else None
    if target is None or word is None or unit is None:
        return {}
    head, tail = text[:at], text[unit.end() :]

    def told(value: Decimal) -> str:
        other = _round(from_base(in_base(value, m.unit), BY_NAME[target]))
        return f"{head}{_written(other, lang)} {word}{tail}"

    moved = m.value + max(abs(m.value) * CHANGE, Decimal(2))
    same = f"{head}{_written(m.value + 1, lang)}{text[at + len(m.raw) : unit.end()]}{tail}"
    found = {"told": told(m.value), "changed": told(moved), "same unit": same}
    time = _TIME.search(word) if m.unit.dimension.endswith("/time") else None
    if time is not None:  # "cubic feet per second" -> "cubic feet of water per second"
        word = word[: time.start()] + SUBSTANCE[lang] + word[time.start() :]
        found |= {"told (substance)": told(m.value), "changed (substance)": told(moved)}
    return found


def _flagged(left: str, right: str, lang: str) -> bool:
    return "numbers" in check_pair(left, right, left_lang=lang, right_lang=lang)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    chosen = dev_pages(args.shared)
    counts: Counter = Counter()
    sets: dict[str, set[str]] = {}
    for group, page in chosen:
        for seg, lang in zip(page.segs, page.langs, strict=True):
            base = (lang or "").split("-")[0]
            for m in measures(seg.text, base) if base else ():
                for kind, edited in edits(seg.text, base, m).items():
                    kind += " (round 27 units)" if m.unit.name in NEW else ""
                    kind += " (round 28 units)" if m.unit.name in NEW28 else ""
                    sets.setdefault(kind, set()).add(group)
                    for on in (False, True):
                        check_conversions.CONVERSIONS = on
                        counts[(kind, on)] += _flagged(seg.text, edited, base)
                    counts[(kind, "n")] += 1
    check_conversions.CONVERSIONS = True
    print("| edit | sentences | dev sets | flagged, check off | flagged, check on |")
    print("|---|---|---|---|---|")
    for kind in [k + new for new in ("", " (round 27 units)", " (round 28 units)")
                 for k in ("told", "changed", "same unit", "told (substance)",
                           "changed (substance)")]:  # fmt: skip
        if not counts[(kind, "n")]:
            continue
        n = counts[(kind, "n")]
        print(f"| {kind} | {n} | {len(sets.get(kind, ()))} | {counts[(kind, False)]} "
              f"| {counts[(kind, True)]} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
