"""Why the aligner misses gold beads: each missed sure bead of the dev pairs, by kind and cause.

    .venv/bin/python benchmarks/align_misses.py --cache PICKLE [--roles tool|gold] \\
        [--set one_language_move_gain=-1] [--kinds rewrite,paraphrase] [--list]

Why: a rule is only worth writing for a cause that holds many misses in many
batches.  Each sure gold bead the product path (``align_pairs``: segments, roles,
groups, stand-in MT, moves as their landing rows) does not output is put in one
class, read from the output beads that hold its gold spans:

* ``role``: a gold span of it is not in the story the aligner saw (page roles);
* ``inside a larger bead``: one output bead holds it and more (glue);
* ``both unmatched``: every sentence of it is unmatched on both sides;
* ``one unmatched``: one side unmatched, the other linked elsewhere;
* ``split / partial``: the output links parts of it (a gold 2-1 found as a 1-1 and an
  unmatched sentence, or cut across two links);
* ``linked elsewhere``: both sides linked, to other sentences.

A found bead whose row the reader sees ``uncertain`` (confidence under
``statuses.UNCERTAIN_BELOW``) is counted ``found, uncertain``: ``eval.py`` scores it as found,
but the reader is told not to trust it (issue 16: honest confidence).

A class gets `` (gap)`` when the gold bead's sentences are not next to each other on a side
(a detail from further down joined to the lead), which no monotonic alignment outputs.

Each class is split by the gold bead's shape (1-1 or N-M).  Check batches
(``align_devsets.CHECK_SETS``) are never read here.  ``--set`` scores other
``AlignParams`` values (e.g. a before/after pair of runs).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
from field_values import shipped_field, typed  # noqa: E402

from workbench.core.align_moves import move_links  # noqa: E402
from workbench.core.align_scoring import AlignParams  # noqa: E402
from workbench.core.statuses import UNCERTAIN_BELOW  # noqa: E402

Pair = tuple[frozenset[int], frozenset[int]]


def cause(gold: Pair, output: list[Pair], story: Pair) -> str:
    """The class of one missed sure bead (see the module docstring)."""
    left, right = gold
    if not (left <= story[0] and right <= story[1]):
        return "role"
    lb = {n for n, b in enumerate(output) if b[0] & left}
    rb = {n for n, b in enumerate(output) if b[1] & right}
    shape = "1-1" if len(left) == len(right) == 1 else "N-M"
    if len(lb) == 1 and lb == rb:
        bead = output[next(iter(lb))]
        name = "inside a larger bead" if bead[0] >= left and bead[1] >= right else "partial"
    elif all(not output[n][1] for n in lb) and all(not output[n][0] for n in rb):
        name = "both unmatched"
    elif all(not output[n][1] for n in lb) or all(not output[n][0] for n in rb):
        name = "one unmatched"
    elif lb & rb:
        name = "split / partial"
    else:
        name = "linked elsewhere"
    return f"{name} {shape}"


def misses(case: align_pairs.PairCase, roles: str, params: AlignParams) -> list[str]:
    """The class of each sure gold bead of ``case`` the aligner misses ("found" if found)."""
    beads, output = align_pairs.case_beads(case, roles, params=params)
    sure_of = {bead: row.confidence for bead, row in zip(output, move_links(beads), strict=True)}
    story = tuple(
        frozenset().union(*(side.spans[k] for k in align_pairs._story(side, roles)))
        for side in (case.left, case.right)
    )
    found = set(output)
    out = []
    for bead in case.gold["beads"]:
        if bead["type"] != "sure":
            continue
        gold = (frozenset(bead["left"]), frozenset(bead["right"]))
        if gold in found:
            out.append("found" if sure_of[gold] >= UNCERTAIN_BELOW else "found, uncertain")
            continue
        name = cause(gold, output, story)  # type: ignore[arg-type]
        out.append(name + (" (gap)" if has_gap(case, gold, roles) else ""))
    return out


def has_gap(case: align_pairs.PairCase, gold: Pair, roles: str) -> bool:
    """Whether the gold bead's sentences are not next to each other on a side (round 16).

    A rewrite joins a detail from further down to its lead (gold ``L[3, 6] : R[1]``): no
    monotonic alignment, and no repair step, outputs such a bead, so it is missed by
    construction, whatever the evidence.  Positions are the story's segments in order.
    """
    for side, spans in ((case.left, gold[0]), (case.right, gold[1])):
        at = [n for n, k in enumerate(align_pairs._story(side, roles)) if side.spans[k] & spans]
        if at and at[-1] - at[0] + 1 > len(at):
            return True
    return False


def parse_set(items: list[str]) -> AlignParams:
    """``FIELD=VALUE`` items as ``AlignParams``; a ``module.CONSTANT`` of ``workbench.core``
    (a compare-time switch, ``align_partners.TAIL_LINES=2``) is set for the whole run."""
    values = {}
    for item in items:
        name, _, value = item.partition("=")
        if "." in name:
            module = importlib.import_module(f"workbench.core.{name.partition('.')[0]}")
            constant = name.partition(".")[2]
            setattr(module, constant, typed(name, getattr(module, constant), value))
            continue
        values[name] = typed(name, shipped_field(AlignParams(), name), value)
    return replace(AlignParams(), **values)


ALL_KINDS = "copy,rewrite,translation,paraphrase"


def study_args(description: str, kinds: str, list_help: str) -> argparse.Namespace | None:
    """The options every miss study over ``align_pairs``' cached cases takes, parsed.

    Why one place: the studies (misses, joins, wrong beads, steps) read the same cache with
    the same roles, ``--set`` and kind filter; ``None`` (after saying so) when the shared
    scorer is absent, since every study needs its gold.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cache", type=Path, help="align_pairs.py --cache's pickle")
    parser.add_argument("--roles", choices=("tool", "gold"), default="tool")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    parser.add_argument("--kinds", default=kinds)
    parser.add_argument("--list", action="store_true", help=list_help)
    args = parser.parse_args()
    if not align_pairs.EVAL.exists():
        print(f"no scorer at {align_pairs.EVAL}: nothing to do")
        return None
    return args


def dev_cases(cache: Path | None, kinds: list[str]) -> Iterator[tuple[object, str]]:
    """(case, kind) of ``align_pairs``' cached dev cases of ``kinds``: the check sets are
    never read, so every miss study filters the cache the same way in one place."""
    for case in align_pairs.cached_cases(cache):
        kind = align_pairs.pair_kind(case)
        if case.set_name not in align_pairs.CHECK_SETS and kind in kinds:
            yield case, kind


StepCounts = Callable[[object], Counter]


def tally_steps(args: argparse.Namespace, kinds: list[str], counts: StepCounts) -> tuple[
    dict[str, Counter], dict[tuple[str, str, str], set[str]]
]:  # fmt: skip
    """Each dev pair's (step, what) counts summed by kind, with the batches each holds.

    Why shared: ``align_merge_undo`` and ``align_xlang_steps`` read the dev pairs the same
    way and differ only in what they count per pair; ``--list`` prints each sure line."""
    total: dict[str, Counter] = defaultdict(Counter)
    batches: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for case, kind in dev_cases(args.cache, kinds):
        for (step, what), count in counts(case).items():
            total[kind][step, what] += count
            batches[kind, step, what].add(case.set_name)  # type: ignore[attr-defined]
            if args.list and what.startswith("sure"):
                name = case.name[:40]  # type: ignore[attr-defined]
                print(f"  {case.set_name:8} {kind[:5]} {name:40} {step} {what} {count}")  # type: ignore[attr-defined]
    return total, batches

def main() -> None:
    args = study_args(__doc__.split("\n")[0], ALL_KINDS, "one line per missed bead")
    if args is None:
        return
    params = parse_set(args.set)
    kinds = args.kinds.split(",")
    table: Counter = Counter()
    for case, kind in dev_cases(args.cache, kinds):
        for name in misses(case, args.roles, params):
            table[kind, name] += 1
            if args.list and not name.startswith("found"):
                print(f"  {case.set_name:8} {kind[:5]:5} {case.name[:44]:44} {name}")
    for kind in kinds:
        total = sum(v for (k, _), v in table.items() if k == kind)
        rows = sorted(((v, n) for (k, n), v in table.items() if k == kind), reverse=True)
        print(f"{kind}: {total} sure beads, " + ", ".join(f"{n} {v}" for v, n in rows))


if __name__ == "__main__":
    main()
