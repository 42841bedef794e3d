"""Round 39's two unseen false/missed shapes built synthetically, scored off and on.

    .venv/bin/python benchmarks/flags_senses39.py

Why: each shape has one dev member (batch 141's 41 -> 45 km beside "45 Minuten"; none for
the place prefix, met in a check batch that is never opened), so leave one batch out cannot
show what a rule does on the shape; this grid can.

* **Figures in two senses** (``figure_senses.FIGURE_SENSES``): a distance changed in a
  rewrite whose new value the other copy also tells as a duration ("rund 41 Kilometer …
  etwa 45 Minuten" / "rund 45 Kilometer und eine Dreiviertelstunde"), de and en, as one
  row and as batch 141's regrouped row with the duration's sentence left unpaired beside
  it; controls: the distance unchanged, and changed to a third value.  Wanted: the two
  distances flagged when changed, nothing else.
* **Place prefixes** (``check_place_prefixes.PLACE_PREFIXES``): "St. Alban", "Ste. Marie",
  "Mt. Hood", "Sankt Veit", "St Albans" … in de / en / fr rows, the other copy keeping the place,
  dropping the prefix, spelling it out or abbreviating it, naming another place, or
  changing a count beside it.  Wanted: no prefix ever flagged; a changed place flagged
  by its name word; the count flagged.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from itertools import product
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.core import check_place_prefixes, figure_senses  # noqa: E402
from workbench.core.checks import SEGMENT_BREAK, check_pair, page_tokens  # noqa: E402

_SENSES = {
    "de": ("Schwangere müssen ins Kantonsspital Linthbühl, das rund {a} Kilometer entfernt liegt.",
           "Mit dem Auto dauert die Fahrt etwa {b} Minuten, im Winter oft länger.",
           "Schwangere werden ins Kantonsspital Linthbühl fahren müssen, rund {c} Kilometer "
           "und eine Dreiviertelstunde Autofahrt entfernt."),
    "en": ("Expectant mothers will have to go to Linthbuehl hospital, some {a} km away.",
           "The drive takes about {b} minutes, longer in winter.",
           "Expectant mothers will have to travel to Linthbuehl hospital, some {c} kilometres "
           "and under an hour's drive away."),
}


def sense_cases() -> list[tuple[str, str, str, str, str, set[tuple[str, str]]]]:
    """(language, shape, left row, right row, left sentence beside, wanted flags)."""
    out = []
    for lang, (first, second, merged) in _SENSES.items():
        for a, b in ((41, 45), (30, 35), (52, 60), (18, 20)):
            for shape, c, wanted in (("changed to the duration's value", b,
                                      {("l", str(a)), ("r", str(b))}),
                                     ("unchanged", a, set()),
                                     ("changed to a third value", b + 7,
                                      {("l", str(a)), ("r", str(b + 7))})):  # fmt: skip
                left1, left2, right = first.format(a=a), second.format(b=b), merged.format(c=c)
                out.append((lang, shape + ", one row", left1 + SEGMENT_BREAK + left2, right, "",
                            wanted))
                out.append((lang, shape + ", regrouped, duration beside", left1, right, left2,
                            wanted))
    return out


def score_senses(cases: list) -> Counter:
    counts: Counter = Counter()
    for lang, _shape, left, right, beside, wanted in cases:
        texts = left.split(SEGMENT_BREAK) + ([beside] if beside else [])
        pages = (page_tokens(texts, lang), page_tokens([right], lang))
        near = (page_tokens([beside] if beside else [], lang), page_tokens([], lang))
        got = check_pair(left, right, left_lang=lang, right_lang=lang, confidence=0.9,
                         similarity=0.6, pages=pages, regrouped=True, beside=near)
        raised = {(s[0], t) for s, ts in got.get("numbers", {}).items() for t in ts}
        counts["rows"] += 1
        counts["true"] += len(raised & wanted)
        counts["false"] += len(raised - wanted)
        counts["missed"] += len(wanted - raised)
        counts["right"] += raised == wanted
    return counts


_PLACES = (("St.", "Alban"), ("St.", "Gallen"), ("St.", "Kolman"), ("St.", "Moritz"),
           ("Ste.", "Marie"), ("Mt.", "Hood"), ("Sankt", "Veit"), ("Sankt", "Pölten"),
           ("St", "Albans"))
_PREFIX_ROWS = {
    "de": "Die Bergrettung {p} rückte am Abend mit {n} Leuten aus.",
    "en": "Rescuers from {p} were called out in the evening with {n} volunteers.",
    "fr": "Les secouristes de {p} sont intervenus dans la soirée avec {n} bénévoles.",
}


def prefix_cases() -> list[tuple[str, str, str, str, set[tuple[str, str]]]]:
    """(language, edit, left row, right row, wanted flags)."""
    out = []
    for (lang, row), (prefix, name) in product(_PREFIX_ROWS.items(), _PLACES):
        place = f"{prefix} {name}"
        other = "Sankt" if prefix.startswith("St") else "St."
        edits = (("kept", place, 12, set()), ("prefix dropped", name, 12, set()),
                 ("prefix respelt", f"{other} {name}", 12, set()),
                 ("another place", "Kappelrode", 12,
                  {("names", "l", name), ("names", "r", "Kappelrode")}),
                 ("another saint", f"{prefix} Pankraz", 12,
                  {("names", "l", name), ("names", "r", "Pankraz")}),
                 ("count changed, prefix dropped", name, 15,
                  {("numbers", "l", "12"), ("numbers", "r", "15")}))  # fmt: skip
        for edit, right_place, n, wanted in edits:
            out.append((lang, edit, row.format(p=place, n=12), row.format(p=right_place, n=n),
                        wanted))
    return out


def score_prefixes(cases: list) -> Counter:
    counts: Counter = Counter()
    prefixes = {p.rstrip(".") for p, _ in _PLACES}
    for lang, _edit, left, right, wanted in cases:
        pages = (page_tokens([left], lang), page_tokens([right], lang))
        got = check_pair(left, right, left_lang=lang, right_lang=lang, confidence=0.9,
                         similarity=0.8, pages=pages)
        raised = {(k, s[0], t) for k, by in got.items() for s, ts in by.items() for t in ts}
        counts["rows"] += 1
        counts["prefix flagged"] += sum(t in prefixes for _, _, t in raised)
        counts["true"] += len(raised & wanted)
        counts["false"] += len(raised - wanted)
        counts["missed"] += len(wanted - raised)
    return counts


def main() -> int:
    load = os.getloadavg()
    print(f"# Round 39 synthetic shapes (machine load {load[0]:.1f}/{load[1]:.1f})\n")
    senses, prefixes = sense_cases(), prefix_cases()
    print("| shape | switch off | switch on |\n|---|---|---|")
    for label, module, name, cases, score in (
            ("figures in two senses", figure_senses, "FIGURE_SENSES", senses, score_senses),
            ("place prefixes", check_place_prefixes, "PLACE_PREFIXES", prefixes, score_prefixes)):
        cells = []
        for value in (False, True):
            setattr(module, name, value)
            c = score(cases)
            cells.append(", ".join(f"{k} {v}" for k, v in sorted(c.items())))
        setattr(module, name, False)
        print(f"| {label} ({len(cases)} rows) | {cells[0]} | {cells[1]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
