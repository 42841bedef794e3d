"""The dev paraphrases' missed and wrong beads in round 37's classes, by batch.

    .venv/bin/python benchmarks/align_para_classes.py --cache PICKLE [--roles tool|gold] \\
        [--kinds paraphrase] [--set FIELD=VALUE] [--list]

Why: a cross-language paraphrase (a shorter report in another language, names dropped,
sentences merged, figures hedged) is read through the stand-in MT, which copies the source
unchanged: the only evidence it leaves across languages is what survives a copy, figures and
names (``anchors.anchor_keys`` with spelled numbers).  So each missed sure bead is put in the
first class that fits, by what the output holds and what the two sides' anchors say:

* ``gate hides``: found, but shown ``uncertain`` (the confidence gate);
* ``role / cut off``: a gold span out of the story the aligner saw;
* ``merged read as its 1-1 core``: a gold N-M of which the output links a part;
* ``unmatched, the MT tells it``: the two sides share a figure or a name the aligner reads,
  yet the bead is not output (the aligner's);
* ``hedged figure``: both sides hold figures and share none ("близько 2800" / "Nearly
  3,000"), or the source's figure is told in words ("4 тисяч" / "several thousand");
  ``(near)`` when two of the figures are within a factor 1.5;
* ``name dropped``: the source holds a name (not sentence-initial) the other side lacks;
* ``stand-in MT``: nothing above: no shared anchor, no figure or name to blame.

A wrong judged bead is ``part of a gold bead`` (the merged pair's core: counted with the
merges), or else by ``align_xlang_wrong``'s classes, and whether its two sides share an anchor
(the link was made on a figure or name, or on lengths and position alone).  Each class counts
its batches: a class with members in one batch is no class.  Check batches are never read.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_study  # noqa: E402
import align_xlang_wrong  # noqa: E402

from workbench.core.align_figures import figures  # noqa: E402
from workbench.core.anchors import anchor_keys, name_key, names, spelled_number_keys  # noqa: E402

Pair = align_misses.Pair


def side_text(side: align_pairs.Side, spans: frozenset[int]) -> str:
    """The segments holding ``spans``, joined in page order."""
    return " ".join(t for t, s in zip(side.texts, side.spans, strict=True) if s & spans)


def keys(text: str) -> frozenset[str]:
    """The anchors the aligner reads in ``text``: figures (digits, spelled) and name keys."""
    return anchor_keys(text) | spelled_number_keys(text)


def near(left: list[float], right: list[float]) -> bool:
    """Whether some figure of one side is within a factor 1.5 of one of the other's."""
    return any(0 < min(a, b) and max(a, b) <= 1.5 * min(a, b) for a in left for b in right)


def anchor_class(left: str, right: str) -> str:
    """The class of a missed bead the output does not partly hold (module docstring)."""
    lk, rk = keys(left), keys(right)
    if lk & rk:
        return "unmatched, the MT tells it"
    lf, rf = figures(left), figures(right)  # quantities: small counts too, no dates or years
    if lf and rf:
        return "hedged figure" + (" (near)" if near(lf, rf) else "")
    if lf and HEDGE_WORDS.search(right):
        return "hedged figure (in words)"
    if {name_key(n) for n in names(left)} - {k[1:] for k in rk}:
        return "name dropped"
    return "stand-in MT"


#: a figure told in words on the paraphrase's side ("several thousand", "more than a million")
HEDGE_WORDS = re.compile(
    r"\b(several|dozens?|hundreds|thousands?|millions?|billions?|a few|weeks?|plusieurs|"
    r"dizaines|centaines|milliers?|mehrere|Dutzende?|Hunderte|Tausende?|Million(en)?)\b|"
    r"\b(десятк|сотн|тисяч|тысяч|кілька|несколько|мільйон|миллион)",
    re.IGNORECASE,
)


def missed_classes(
    case: align_pairs.PairCase, roles: str, params: object
) -> list[tuple[str, Pair]]:
    """Each missed (or hidden) sure bead of ``case`` with its class."""
    found = align_misses.misses(case, roles, params)  # type: ignore[arg-type]
    sure = [b for b in case.gold["beads"] if b["type"] == "sure"]
    out = []
    for bead, name in zip(sure, found, strict=True):
        pair = (frozenset(bead["left"]), frozenset(bead["right"]))
        if name == "found":
            continue
        if name == "found, uncertain":
            out.append(("gate hides", pair))
        elif name.startswith("role"):
            out.append(("role / cut off", pair))
        elif "N-M" in name and (name.startswith("split") or name.startswith("partial")):
            out.append(("merged read as its 1-1 core", pair))
        else:
            cls = anchor_class(side_text(case.left, pair[0]), side_text(case.right, pair[1]))
            out.append((cls + (" [N-M]" if "N-M" in name else ""), pair))
    return out


def wrong_classes(
    case: align_pairs.PairCase, roles: str, params: object
) -> list[tuple[str, Pair]]:
    """Each wrong judged bead with its class and whether its sides share an anchor."""
    out = []
    for name, bead in align_xlang_wrong.wrong_beads(case, roles, params):
        if name == "part of a gold bead":
            out.append(("merged read as its 1-1 core", bead))
            continue
        shared = keys(side_text(case.left, bead[0])) & keys(side_text(case.right, bead[1]))
        out.append((f"{name}, " + ("on a shared anchor" if shared else "no shared anchor"), bead))
    return out


def table(title: str, rows: dict[str, list[str]]) -> None:
    print(f"\n{title}\n| class | beads | batches | by batch |\n|---|---:|---:|---|")
    for name, sets in sorted(rows.items(), key=lambda kv: -len(kv[1])):
        by = Counter(sets)
        spread = ", ".join(f"{s.removeprefix('batch')} {n}" for s, n in sorted(by.items()))
        print(f"| {name} | {len(sets)} | {len(by)} | {spread} |")


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "paraphrase", "one line per bead")
    if study is None:
        return
    args, params = study.args, study.params
    missed: dict[str, list[str]] = defaultdict(list)
    wrong: dict[str, list[str]] = defaultdict(list)
    for case, _kind in study.cases():
        both = ((missed, missed_classes(case, args.roles, params), "missed"),
                (wrong, wrong_classes(case, args.roles, params), "wrong"))  # fmt: skip
        for into, rows, tag in both:
            for name, bead in rows:
                into[name].append(case.set_name)
                if args.list:
                    print(f"  {case.set_name:8} {case.name[:40]:40} {tag:6} {name:34} "
                          f"L{sorted(bead[0])} R{sorted(bead[1])}")  # fmt: skip
    table(f"missed sure beads ({sum(map(len, missed.values()))})", missed)
    table(f"wrong judged beads ({sum(map(len, wrong.values()))})", wrong)


if __name__ == "__main__":
    main()
