"""Round 40's two flag shapes built synthetically, each rule scored off and on.

    .venv/bin/python benchmarks/flags_drops40.py

Why: each shape has at most one dev member (batch 145's 120 -> 150 firefighters for the
glued half; none on dev for the dropped city, met in a check batch that is never opened),
so leave one batch out cannot show what a rule does on the shape; this grid can.

* **A dropped place** (``check_drops.TOLD_DROPS``): a body sentence "Die Polizei in
  Stuttgart teilte mit, …" against the rewrite's "Die Polizei teilte mit, …" (de / en / fr,
  five cities, the city dropped on either side), the rewrite's page telling the city in
  its lead or not at all; controls: the city replaced by another (the old one told on the
  rewrite's page), and a count changed in the row beside the dropped city.  Wanted: a drop
  told elsewhere raises nothing (the gold's ``either``: a name a rewrite drops or tells in
  another sentence); an untold drop keeps its flag, as START; a replaced city and a changed
  count are flagged.
* **A changed figure in a split sentence's reworded half** (``glued_figures.GLUED_FIGURES``):
  the wire's "Die Feuerwehr war mit rund 120 Einsatzkräften vor Ort und schlug die Gaswolke
  mit einem Wasservorhang nieder." against the rewrite's "Rund 150 Feuerwehrleute aus dem
  ganzen Landkreis waren im Einsatz. Mit einem Wasservorhang drückten sie die Gaswolke
  nieder." (de / en, four pairs of counts, either side the split one); controls: the count
  unchanged, and a glued sentence whose figure is of unlike size (the plant's 850 staff).
  Wanted: both counts flagged when changed, nothing when unchanged.  The cost case — a
  glued sentence of its own with a like-sized figure beside a changed one — is counted
  apart ("cost"): its figure is raised with the rule on.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from itertools import product
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.core import check_drops, glued_figures  # noqa: E402
from workbench.core.checks import check_pair, page_tokens  # noqa: E402

_CITIES = ("Stuttgart", "Karlsruhe", "Freiburg", "Heilbronn", "Pforzheim")
_DROP_ROWS = {  # (row with the city, row without it, the rewrite's lead naming the city)
    "de": ("Die Polizei in {c} teilte am Montag mit, dass {n} Menschen verletzt wurden.",
           "Die Polizei teilte am Montag mit, dass {n} Menschen verletzt wurden.",
           "Bei einem Brand in einer Lagerhalle in {c} ist am Sonntag großer Schaden entstanden."),
    "en": ("Police in {c} said on Monday that {n} people had been injured.",
           "Police said on Monday that {n} people had been injured.",
           "A fire at a warehouse in {c} caused heavy damage on Sunday."),
    "fr": ("La police de {c} a indiqué lundi que {n} personnes avaient été blessées.",
           "La police a indiqué lundi que {n} personnes avaient été blessées.",
           "Un incendie dans un entrepôt de {c} a causé d'importants dégâts dimanche."),
}
_OTHER_LEAD = {
    "de": "Bei einem Brand in einer Lagerhalle ist am Sonntag großer Schaden entstanden.",
    "en": "A fire at a warehouse caused heavy damage on Sunday.",
    "fr": "Un incendie dans un entrepôt a causé d'importants dégâts dimanche.",
}

Case = tuple[str, str, str, str, list[str], list[str], set[tuple[str, str, str]]]


def drop_cases() -> list[Case]:
    """(language, shape, left row, right row, left page, right page, wanted flags)."""
    out: list[Case] = []
    for (lang, (full, short, lead)), city in product(_DROP_ROWS.items(), _CITIES):
        other = _CITIES[(_CITIES.index(city) + 1) % len(_CITIES)]
        told, untold = lead.format(c=city), _OTHER_LEAD[lang]
        shapes = (
            ("dropped, told in the rewrite's lead", short.format(n=3), told, set()),
            ("dropped, told nowhere else", short.format(n=3), untold, {("names", "l", city)}),
            ("replaced, the old city told in the lead", full.format(c=other, n=3), told,
             {("names", "l", city), ("names", "r", other)}),
            ("dropped and a count changed, told in the lead", short.format(n=4), told,
             {("numbers", "l", "3"), ("numbers", "r", "4")}),
        )  # fmt: skip
        source = full.format(c=city, n=3)
        for shape, row, rewrite_lead, wanted in shapes:
            left_page, right_page = [lead.format(c=city), source], [rewrite_lead, row]
            out.append((lang, shape + ", dropped on the right", source, row, left_page,
                        right_page, wanted))
            mirrored = {(k, "r" if s == "l" else "l", t) for k, s, t in wanted}
            out.append((lang, shape + ", dropped on the left", row, source, right_page,
                        left_page, mirrored))
    return out


_SPLIT = {  # (the wire's one sentence, the rewrite's reworded half, its kept half, a glued one)
    "de": ("Die Feuerwehr war mit rund {a} Einsatzkräften vor Ort und schlug die Gaswolke mit "
           "einem Wasservorhang nieder.",
           "Rund {b} Feuerwehrleute aus dem ganzen Landkreis waren im Einsatz.",
           "Mit einem Wasservorhang drückten sie die Gaswolke nieder.",
           "Das Werk beschäftigt rund {g} Menschen."),
    "en": ("The fire brigade was at the scene with around {a} personnel and knocked the gas "
           "cloud down with a water curtain.",
           "Around {b} firefighters from across the district were deployed.",
           "They knocked the gas cloud down with a water curtain.",
           "The plant employs around {g} people."),
}


def split_cases() -> list[Case]:
    """(language, shape, left row, right row, left page, right page, wanted flags)."""
    out: list[Case] = []
    for (lang, (wire, half, kept, glued)), (a, b) in product(
            _SPLIT.items(), ((120, 150), (40, 55), (300, 250), (12, 20))):  # fmt: skip
        shapes = (
            ("changed", wire.format(a=a), f"{half.format(b=b)} {kept}",
             {("numbers", "l", str(a)), ("numbers", "r", str(b))}),
            ("unchanged", wire.format(a=a), f"{half.format(b=a)} {kept}", set()),
            ("changed in the kept half, a glued sentence of unlike size",
             wire.format(a=a), f"{kept} {glued.format(g=a * 7)}", {("numbers", "l", str(a))}),
            ("cost: changed, a glued sentence of like size",
             wire.format(a=a), f"{kept} {glued.format(g=b)}", {("numbers", "l", str(a))}),
        )  # fmt: skip
        for shape, left, right, wanted in shapes:
            out.append((lang, shape + ", split on the right", left, right, [left], [right],
                        wanted))
            mirrored = {(k, "r" if s == "l" else "l", t) for k, s, t in wanted}
            out.append((lang, shape + ", split on the left", right, left, [right], [left],
                        mirrored))
    return out


def score(cases: list[Case]) -> dict[str, Counter]:
    """Counts per shape (the side suffix dropped) and overall."""
    out: dict[str, Counter] = {}
    for lang, shape, left, right, left_page, right_page, wanted in cases:
        pages = (page_tokens(left_page, lang), page_tokens(right_page, lang))
        got = check_pair(left, right, left_lang=lang, right_lang=lang, confidence=0.9,
                         similarity=0.8, pages=pages, regrouped=False)
        raised = {(k, s[0], t) for k, by in got.items() for s, ts in by.items() for t in ts}
        for key in (shape.rsplit(",", 1)[0], "all"):
            c = out.setdefault(key, Counter())
            c["rows"] += 1
            c["true"] += len(raised & wanted)
            c["false"] += len(raised - wanted)
            c["missed"] += len(wanted - raised)
    return out


def _cell(c: Counter) -> str:
    return f"{c['true']} / {c['false']} / {c['missed']}"


def main() -> int:
    load = os.getloadavg()
    print(f"# Round 40 synthetic shapes (machine load {load[0]:.1f}/{load[1]:.1f})\n")
    print("| shape (rows) | true / false / missed, switch off | switch on |\n|---|---|---|")
    for module, name, cases in ((check_drops, "TOLD_DROPS", drop_cases()),
                                (glued_figures, "GLUED_FIGURES", split_cases())):  # fmt: skip
        shipped = getattr(module, name)
        runs = []
        for value in (False, True):
            setattr(module, name, value)
            runs.append(score(cases))
        setattr(module, name, shipped)
        for key in [k for k in runs[0] if k != "all"] + ["all"]:
            print(f"| {name}: {key} ({runs[0][key]['rows']}) | {_cell(runs[0][key])} | "
                  f"{_cell(runs[1][key])} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
