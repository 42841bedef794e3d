"""Synthetic edits: every dev sentence's duration told in another time unit, or changed.

    .venv/bin/python benchmarks/flags_unit_forms.py [--shared DIR]

Why (round 36, flagsb36): the web lane saw "at least ten days" against "two weeks" flagged
as the number change ten -> two, and the brief asks that one quantity restated in another
unit ("48 Stunden" / "zwei Tage", "14 days" / "two weeks") is no change while "ten days" /
"two days" is.  The flag gold holds no such restatement on dev that is flagged (the counts
are in docs/align.md "Round 36 (flagsb36)"), so leave one batch out cannot choose a rule;
this asks what the duration reading does on the whole class.  Each figure of a dev page
sentence (fixtures, dev batches, stories-dev; never a check batch) written before a time
unit is rewritten as the same length in another unit, in digits ("told": days -> hours,
hours -> minutes, weeks -> days; minutes -> hours when they divide), and as its count moved
by one in its own unit ("changed").  Each edit is checked against its original
(``check_pair``, one language, no gate) with ``duration_spans.WHOLE_WORDS`` off and on: a
flag on a "told" edit is false, none on a "changed" one a miss.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from flags_robust import dev_pages  # noqa: E402
from roles_flags import SHARED  # noqa: E402

from workbench.core import duration_spans  # noqa: E402
from workbench.core.check_forms import durations  # noqa: E402
from workbench.core.check_numbers import value_of  # noqa: E402
from workbench.core.checks import check_pair  # noqa: E402

#: Minutes of each unit and how each language writes it after a figure (genitive plural
#: in uk/ru, read by the same stems as any other form).
UNITS = {1: {"en": "minutes", "de": "Minuten", "fr": "minutes", "uk": "хвилин", "ru": "минут"},
         60: {"en": "hours", "de": "Stunden", "fr": "heures", "uk": "годин", "ru": "часов"},
         1440: {"en": "days", "de": "Tage", "fr": "jours", "uk": "днів", "ru": "дней"},
         10080: {"en": "weeks", "de": "Wochen", "fr": "semaines", "uk": "тижнів",
                 "ru": "недель"}}  # fmt: skip
_SMALLER = {60: 1, 1440: 60, 10080: 1440}
_UNIT_WORD = re.compile(r"[\s\u00a0-]*[^\W\d_]+")


def _other_unit(minutes: Decimal, unit: int) -> int | None:
    """The unit the same length is told in: the next larger one it divides, else the smaller."""
    larger = [u for u in sorted(UNITS) if u > unit and minutes % u == 0]
    return larger[0] if larger else _SMALLER.get(unit)


def edits(text: str, lang: str) -> list[tuple[str, str]]:
    """(kind, edited sentence) for each duration of ``text`` whose figure is a whole number."""
    out = []
    for raw, minutes in durations(text, lang):
        try:
            count = Decimal(value_of(raw, lang))
        except (ArithmeticError, ValueError, TypeError):
            continue
        if count <= 0 or count != count.to_integral() or minutes % count:
            continue
        unit = int(minutes / count)
        at = duration_spans.place_of(text, raw)
        word = _UNIT_WORD.match(text, at + len(raw)) if at >= 0 else None
        other = _other_unit(minutes, unit)
        if word is None or other is None or unit not in UNITS:
            continue
        head, tail = text[:at], text[word.end():]
        told = f"{head}{int(minutes / other)} {UNITS[other][lang]}{tail}"
        changed = f"{head}{int(count) + 1} {UNITS[unit][lang]}{tail}"
        out += [("told", told), ("changed", changed)]
    return out


def _flagged(left: str, right: str, lang: str) -> bool:
    return "numbers" in check_pair(left, right, left_lang=lang, right_lang=lang)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# Durations told in another unit (machine load {load[0]:.1f}/{load[1]:.1f})\n")
    counts: Counter = Counter()
    sets: dict[str, set[str]] = {}
    for group, page in dev_pages(args.shared):
        for seg, lang in zip(page.segs, page.langs, strict=True):
            base = (lang or "").split("-")[0]
            if base not in UNITS[1]:
                continue
            found: dict[str, str] = {}
            for on in (False, True):  # the edits the reader finds with the switch on
                duration_spans.WHOLE_WORDS = on
                found |= dict((edited, kind) for kind, edited in edits(seg.text, base))
            for edited, kind in found.items():
                sets.setdefault(kind, set()).add(group)
                counts[(kind, "n")] += 1
                for on in (False, True):
                    duration_spans.WHOLE_WORDS = on
                    counts[(kind, on)] += _flagged(seg.text, edited, base)
    duration_spans.WHOLE_WORDS = False
    print("| edit | sentences | dev sets | flagged, whole words off | flagged, on |")
    print("|---|---|---|---|---|")
    for kind in ("told", "changed"):
        print(f"| {kind} | {counts[(kind, 'n')]} | {len(sets.get(kind, ()))} "
              f"| {counts[(kind, False)]} | {counts[(kind, True)]} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
