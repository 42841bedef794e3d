"""The reordered misses of the dev rewrites and paraphrases, by sub-shape and by language.

    .venv/bin/python benchmarks/align_reorder_shapes.py --cache PICKLE [--roles tool|gold] \\
        [--kinds rewrite,paraphrase] [--set FIELD=VALUE] [--list]

Why (round 36, ``beadsc36``): round 36's count put 69 missed sure beads in 42 batches in the
``reordered`` class (a gold bead that crosses another gold bead: the rewrite told them in the
other order), and a rule is written against one shape, not the class.  Each missed sure gold
bead of the dev pairs of ``--kinds`` that crosses another gold bead is put in one sub-shape,
by what the gold does:

* ``paragraph moved``: another gold bead, in order with it, crosses the same gold beads (a
  block of two or more sentences moved together);
* ``adjacent swap``: it crosses one gold bead only, its neighbour on both sides;
* ``moved far``: any other crossing (a sentence moved over two or more).

and by what the output holds (``align_misses.cause``, and ``with its crosser`` when one output
bead holds parts of it and of a gold bead it crosses: the swap read as one 2-2).  Each row
counts beads and batches in one-language pairs (rewrites: the words are the evidence) and in
pairs of two languages (paraphrases: the stand-in MT's copy).  Check batches are never read.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_study  # noqa: E402

Pair = align_misses.Pair


def _crossing(a: Pair, b: Pair) -> bool:
    """Whether ``b`` lies before ``a`` on one side and after it on the other."""
    return bool(a[0] and a[1] and b[0] and b[1]) and (
        (max(b[0]) < min(a[0]) and min(b[1]) > max(a[1]))
        or (min(b[0]) > max(a[0]) and max(b[1]) < min(a[1])))  # fmt: skip


def sub_shape(bead: Pair, gold: list[Pair]) -> str | None:
    """The gold sub-shape of a reordered ``bead`` (``None`` when it crosses no gold bead)."""
    crossers = [g for g in gold if g != bead and _crossing(bead, g)]
    if not crossers:
        return None
    same = [g for g in gold if g != bead and not _crossing(bead, g)
            and {c for c in gold if c != g and _crossing(g, c)} == set(crossers)]  # fmt: skip
    if same:
        return "paragraph moved"
    if len(crossers) == 1:
        return "adjacent swap"
    return "moved far"


def output_reading(bead: Pair, gold: list[Pair], output: list[Pair], story: Pair) -> str:
    """What the output holds for a missed reordered ``bead``."""
    crossers = [g for g in gold if g != bead and _crossing(bead, g)]
    for out in output:
        if out[0] and out[1] and any(
            out[0] & bead[0] and out[1] & bead[1] and out[0] & c[0] and out[1] & c[1]
            for c in crossers
        ):
            return "one bead with its crosser"
    return align_misses.cause(bead, output, story).rsplit(" ", 1)[0]


def rows(case: align_pairs.PairCase, roles: str, params: object) -> list[tuple[str, str, Pair]]:
    """(sub-shape, output reading, bead) for each missed sure reordered bead of ``case``."""
    _, output = align_pairs.case_beads(case, roles, params=params)
    story = tuple(
        frozenset().union(*(side.spans[k] for k in align_pairs._story(side, roles)))
        for side in (case.left, case.right)
    )
    gold = [(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]]
    found = set(output)
    out = []
    for b in case.gold["beads"]:
        bead = (frozenset(b["left"]), frozenset(b["right"]))
        if b["type"] != "sure" or bead in found:
            continue
        shape = sub_shape(bead, gold)
        if shape is not None:
            out.append((shape, output_reading(bead, gold, output, story), bead))  # type: ignore[arg-type]
    return out


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "rewrite,paraphrase", "one line per bead")
    if study is None:
        return
    for case, kind in study.cases():
        lang = "one" if kind in ("rewrite", "copy") else "two"
        for shape, reading, bead in rows(case, study.args.roles, study.params):
            for key in ((shape, reading, lang), (shape, "all", lang), ("all", "all", lang)):
                study.count(key, case)
            if study.args.list:
                print(f"  {case.set_name:8} {kind[:5]:5} {case.name[:40]:40} {shape:15} "
                      f"{reading:26} L{sorted(bead[0])} R{sorted(bead[1])}")
    print(f"\n{','.join(study.kinds)}: missed sure beads that cross another gold bead "
          "(beads, batches)\n| sub-shape | output holds | one language | two languages |\n"
          "|---|---|---:|---:|")  # fmt: skip
    for shape, reading in sorted({(s, r) for s, r, _ in study.table}):
        cells = [study.cells((shape, reading, x), ", ") for x in ("one", "two")]
        print(f"| {shape} | {reading} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
