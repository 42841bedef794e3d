"""What the dev rewrites lose, by what the rewrite did: wrong beads and missed beads apart.

    .venv/bin/python benchmarks/align_rewrite_classes.py --cache PICKLE [--roles tool|gold] \\
        [--kinds rewrite] [--set FIELD=VALUE] [--list]

Why: ``align_misses`` classes a missed sure bead by what the *output* holds (unmatched, glued,
split) and ``align_xlang_wrong`` a wrong bead likewise; neither says what the *rewrite* did to
the story, and a rule is written against an edit (round 28, issue 16 item 1).  Each missed
sure bead (recall) and each wrong judged bead (precision) of the dev pairs of ``--kinds``
(product path: ``align_pairs``, stand-in MT, moves as landing rows) is put in the first of:

* ``cut off`` (round 30, missed beads only): a side holds its page's last gold body sentence
  and that sentence ends no sentence (the capture was cut inside it: "Das Gesamtjahr fällt
  für die P"), whatever the output did with it (often ``role``: the roles read it as chrome);
* ``role``: a side outside the story the aligner saw, or outside the gold body (a crosshead
  or a line one page prints, read as chrome or as story);
* ``gap``: a missed gold bead whose sentences are not next to each other (a detail moved
  into the lead: no monotonic alignment outputs it);
* ``split / joined``: a missed N-M gold bead, or a wrong bead that lies inside one (a
  sentence the rewrite cut in two or two it joined);
* ``added, glued``: a wrong bead holding a gold bead and more, or a side the gold leaves
  unmatched; a missed 1-1 found inside a larger bead (a sentence one page adds, glued on);
* ``reordered``: the gold bead crosses another gold bead (the rewrite told them in the
  other order), for a wrong bead any gold bead it touches;
* ``changed number``: a 1-1 gold bead (for a wrong bead, its own two sides) whose sides
  both tell figures and not the same ones (a fact the rewrite changed);
* ``reworded``: none of these (a 1-1 told in other words, unmatched or paired elsewhere).

Each class counts its beads and its batches (the leave-one-batch-out unit).  Check batches
are never read.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_study  # noqa: E402
import align_xlang_wrong  # noqa: E402

Pair = align_misses.Pair
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def figures(case: align_pairs.PairCase, side: int, spans: frozenset[int]) -> set[str]:
    """The figures as written in the segments of ``side`` that hold any of ``spans``."""
    page = (case.left, case.right)[side]
    return {f for k, held in enumerate(page.spans) if held & spans
            for f in _FIGURE.findall(page.texts[k])}  # fmt: skip


def crosses(bead: Pair, gold: list[Pair]) -> bool:
    """Whether another gold bead lies before ``bead`` on one side and after it on the other."""
    (left, right) = bead
    return any(
        (max(g[0]) < min(left) and min(g[1]) > max(right))
        or (min(g[0]) > max(left) and max(g[1]) < min(right))
        for g in gold if g[0] and g[1] and g != bead
    )  # fmt: skip


def changed_number(case: align_pairs.PairCase, bead: Pair, one_to_one: bool = True) -> bool:
    """Whether both sides of a 1-1 (any bead: ``one_to_one`` false) tell figures and not the
    same ones."""
    if one_to_one and (len(bead[0]) != 1 or len(bead[1]) != 1):
        return False
    lf, rf = figures(case, 0, bead[0]), figures(case, 1, bead[1])
    return bool(lf) and bool(rf) and lf != rf


#: a sentence's end: a stop, a question or exclamation mark or an ellipsis, then closing quotes
_ENDS = re.compile(r"[.!?…][\"'»”“’)\]]*\s*$")


def cut_off(case: align_pairs.PairCase, bead: Pair) -> bool:
    """Whether a side of ``bead`` holds its page's last gold body span and the segments holding
    that span end no sentence (a capture cut inside its last sentence)."""
    for page, body, spans in ((case.left, case.body[0], bead[0]),
                              (case.right, case.body[1], bead[1])):  # fmt: skip
        if body and max(body) in spans:
            text = " ".join(t for t, held in zip(page.texts, page.spans, strict=True)
                            if max(body) in held)  # fmt: skip
            if text and not _ENDS.search(text):
                return True
    return False


def missed_class(case: align_pairs.PairCase, bead: Pair, why: str, gold: list[Pair]) -> str:
    """The rewrite class of one missed sure gold bead (see the module docstring)."""
    if cut_off(case, bead):
        return "cut off"
    if why.startswith("role"):
        return "role"
    if why.endswith("(gap)"):
        return "gap"
    if "N-M" in why:
        return "split / joined"
    if why.startswith("inside a larger bead"):
        return "added, glued"
    if crosses(bead, gold):
        return "reordered"
    return "changed number" if changed_number(case, bead) else "reworded"


def wrong_class(case: align_pairs.PairCase, bead: Pair, why: str, gold: list[Pair]) -> str:
    """The rewrite class of one wrong judged bead (see the module docstring)."""
    if why == "role":
        return "role"
    if why == "part of a gold bead":
        return "split / joined"
    if why in ("glued", "told by one side"):
        return "added, glued"
    if any(crosses(g, gold) for g in gold if g[0] & bead[0] or g[1] & bead[1]):
        return "reordered"
    return "changed number" if changed_number(case, bead) else "reworded"


def classes(case: align_pairs.PairCase, roles: str, params: object
            ) -> list[tuple[str, str, Pair]]:  # fmt: skip
    """(``missed`` or ``wrong``, class, bead) for each missed sure and wrong bead of ``case``."""
    gold = [(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]]
    sure = [(frozenset(b["left"]), frozenset(b["right"]))
            for b in case.gold["beads"] if b["type"] == "sure"]  # fmt: skip
    out = [("missed", missed_class(case, bead, why, gold), bead)
           for bead, why in zip(sure, align_misses.misses(case, roles, params), strict=True)
           if not why.startswith("found")]  # fmt: skip
    out += [("wrong", wrong_class(case, bead, why, gold), bead)
            for why, bead in align_xlang_wrong.wrong_beads(case, roles, params)]  # fmt: skip
    return out


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "rewrite", "one line per bead")
    if study is None:
        return
    args, kinds, table, batches = study.args, study.kinds, study.table, study.batches
    figured: Counter = Counter()  # beads of a class whose sides tell different figures
    for case, _ in study.cases():
        for what, name, bead in classes(case, args.roles, study.params):
            study.count((what, name), case)
            figured[what, name] += changed_number(case, bead, one_to_one=False)
            if args.list:
                print(f"  {case.set_name:8} {case.name[:44]:44} {what:6} {name:15} "
                      f"L{sorted(bead[0])} R{sorted(bead[1])}")
    print(f"\n{','.join(kinds)} (figures: of the beads, how many tell different figures on "
          "their two sides)\n| class | missed sure: beads | batches | figures | wrong: beads | "
          "batches | figures |\n|---|---:|---:|---:|---:|---:|---:|")  # fmt: skip
    for name in sorted({n for _, n in table}, key=lambda n: -len(batches["missed", n]
                                                                 | batches["wrong", n])):
        print(f"| {name} | {table['missed', name]} | {len(batches['missed', name])} "
              f"| {figured['missed', name]} | {table['wrong', name]} "
              f"| {len(batches['wrong', name])} | {figured['wrong', name]} |")
    total = {w: sum(v for (x, _), v in table.items() if x == w) for w in ("missed", "wrong")}
    figs = {w: sum(v for (x, _), v in figured.items() if x == w) for w in ("missed", "wrong")}
    print(f"| all | {total['missed']} | | {figs['missed']} | {total['wrong']} | | "
          f"{figs['wrong']} |")


if __name__ == "__main__":
    main()
