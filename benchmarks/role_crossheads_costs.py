"""Beads and flags with and without round 31's crosshead rule, on the pairs whose roles it moves.

    .venv/bin/python benchmarks/role_crossheads_costs.py [--shared DIR] [--no-beads]

Why: a role change must not cost beads or true flags (COMMON's rule: a bead loss > .005 or a
lost true flag vetoes it).  The rule (``core.page_crossheads``) moves a few lines of a few
pages; every other page keeps its roles, so its pairs keep their beads and flags (the path
is deterministic).  This finds the pages whose tool roles move (``page_gold.predict`` with the
rule off, ``crosshead_between=0``, and on, 6 words sharing a stem), then scores only the pairs
holding one: flags end to end (``flag_gold.end_to_end_pairs`` at the shipped gate, dev and
check pooled apart) and beads through the product path (``align_pairs.collect`` of the
batches holding one, the rule switched in process in ``core.roles``; tool roles).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from flags_robust import load_sets  # noqa: E402
from roles_flags import FLAG_CHECK_SETS, SHARED  # noqa: E402

from workbench.core import page_evidence  # noqa: E402
from workbench.core import page_title_slot as role_rules  # noqa: E402  (after_layer)
from workbench.core.page_shapes import DEFAULT_PARAMS, RoleParams  # noqa: E402
from workbench.testing.flag_gold import end_to_end_pairs, gated_items, precision_recall  # noqa: E402
from workbench.testing.page_gold import predict  # noqa: E402

OFF = replace(DEFAULT_PARAMS, crosshead_between=0)
ON = replace(DEFAULT_PARAMS, crosshead_between=6, crosshead_stems=1)


def _pr(s: dict) -> str:
    return f"{s['precision']:.3f} / {s['recall']:.3f} ({s['true']}/{s['false']}/{s['missed']})"


def flags(shared: Path, off: RoleParams = OFF, on: RoleParams = ON) -> set[str]:
    """Print the flags of the moved pairs off -> on; return the moved pages' set names
    (round 32's ``role_cut_tail_costs`` calls it with its own two points)."""
    gold, pages, groups, dev = load_sets(shared)
    everything = {**pages, **dev}
    moved = {n for n, p in everything.items() if predict(p, off) != predict(p, on)}
    print(f"pages whose roles move: {len(moved)} of {len(everything)}: {sorted(moved)}")
    keep = {k: [e for e in v if e["left"] in moved or e["right"] in moved]
            for k, v in gold.items() if k in ("end_to_end", "fixture_end_to_end")}  # fmt: skip
    print(f"flag pairs holding one: {sum(map(len, keep.values()))}\n")
    print("| flags (true / false / missed) | off | on |\n|---|---|---|")
    runs = []
    for params in (off, on):
        roles = lambda page, params=params: predict(page, params)  # noqa: E731
        pairs = end_to_end_pairs(keep, dev, groups=dict.fromkeys(dev, "stories-dev"), roles=roles)
        pairs += end_to_end_pairs(keep, pages, "fixture_end_to_end", groups, roles=roles)
        runs.append((gated_items(pairs), [p.group for p in pairs]))
    for label, check in (("dev", False), ("check", True)):
        cells = [
            precision_recall([i for i, g in zip(items, gs, strict=True)
                              if (g in FLAG_CHECK_SETS) == check])
            for items, gs in runs
        ]  # fmt: skip
        print(f"| {label}, moved pairs | {_pr(cells[0])} | {_pr(cells[1])} |")
    return {groups.get(n, "stories-dev") for n in moved}


def moved_beads(sets: set[str], off: RoleParams, on: RoleParams,
                patched: Callable[[RoleParams], AbstractContextManager[None]]) -> None:  # fmt: skip
    """Beads of the batches holding a moved page, tool roles, ``off`` -> ``on``.

    ``patched(params)`` switches the rule to ``params`` for the ingest in process (each cost
    benchmark patches its own rule); shared by the three role cost benchmarks.
    """
    import align_pairs as ap

    names = {"batch" + g.removeprefix("blind") if g.startswith("blind") else g for g in sets}
    roots = [r for r in ap.STORY_ROOTS + ap.CHECK_ROOTS if r.name in names]
    print(f"\nbeads: {', '.join(r.name for r in roots)}")
    ev = ap.load_eval()
    table = {}
    for label, params in (("off", off), ("on", on)):
        with patched(params):
            cases = ap.collect(roots)
        for case in cases:
            split = ap.split_of(case.set_name)
            table.setdefault((split, label), Counter()).update(ap.score_case(ev, case, "tool"))
    bead_table(ev, table)


def params_patch(module: object, name: str, at: int
                 ) -> Callable[[RoleParams], AbstractContextManager[None]]:  # fmt: skip
    """A ``moved_beads`` switch: while it is entered, ``module.name`` runs with the study's
    params in place of its positional argument ``at`` (how each rule receives ``RoleParams``).

    Why: the four role cost benchmarks each wrote this patch by hand, one lambda per arity.
    """

    @contextmanager
    def patched(params: RoleParams) -> Iterator[None]:
        shipped = getattr(module, name)

        def call(*args: object) -> object:
            return shipped(*args[:at], params, *args[at + 1:])

        setattr(module, name, call)
        try:
            yield
        finally:
            setattr(module, name, shipped)

    return patched


_crossheads = params_patch(role_rules, "crosshead_lines", 3)


def beads(sets: set[str]) -> None:
    """Beads of the batches holding a moved page, tool roles, the rule off -> on."""
    moved_beads(sets, OFF, ON, _crossheads)


def bead_table(ev: object, table: dict[tuple[str, str], Counter]) -> None:
    """Print beads P / R per split, off against on (shared with ``role_cut_tail_costs``)."""
    print("| split | off: P / R (right, found) | on |\n|---|---|---|")
    for split in sorted({s for s, _ in table}):
        cells = []
        for label in ("off", "on"):
            c = table[(split, label)]
            m = ev.pair_metrics(c)
            right, found = f"{c['bead_correct']}/{c['judged']}", f"{c['bead_found_sure']}/"
            cells.append(f"{ev.fmt(m['beadP'], 3)} / {ev.fmt(m['beadR'], 3)} "
                         f"({right}, {found}{c['gold_sure']})")  # fmt: skip
        print(f"| {split} | {cells[0]} | {cells[1]} |")


def run(title: str, moved_flags: Callable[[Path], set[str]],
        moved_beads: Callable[[set[str]], None]) -> int:  # fmt: skip
    """The command line both cost benchmarks share: flags of the moved pairs, then beads."""
    parser = argparse.ArgumentParser(description=title)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--no-beads", action="store_true")
    args = parser.parse_args()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# {title} (load {loads})\n")
    moved_sets = moved_flags(args.shared)
    if not args.no_beads:
        moved_beads(moved_sets)
    return 0


def point_main(title: str, off: RoleParams, on: RoleParams, rule: Callable) -> int:
    """One role rule's cost benchmark from its two points and its in-process switch: the
    moved pairs' flag table, then their beads (the glue every ``role_*_costs.py`` shares)."""
    return run(title, lambda shared: flags(shared, off, on),
               lambda sets: moved_beads(sets, off, on, rule))  # fmt: skip

def switch_main(field: str, title: str, module: object = page_evidence,
                name: str = "find_headlines", at: int = 4) -> int:  # fmt: skip
    """A true/false ``RoleParams`` switch's cost benchmark, ``field`` off -> on (all else
    shipped), switched for the ingest through ``module.name``'s argument ``at`` (by default the
    title search, ``core.page_evidence.find_headlines``, whose fifth argument is the params).

    Why: round 40's ``role_ticker_bar_costs`` and round 41's ``role_near_title_costs`` were one
    script but for the field's name; each is now its docstring and one call (round 41, mend41).
    """
    off, on = (replace(DEFAULT_PARAMS, **{field: value}) for value in (False, True))
    return point_main(title, off, on, params_patch(module, name, at))


def main() -> int:
    return run("Crossheads between story sentences: beads and flags off -> on", flags, beads)

if __name__ == "__main__":
    raise SystemExit(main())
