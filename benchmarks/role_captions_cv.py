"""A caption above a dateline-led story (``RoleParams.dateline_captions``): leave one set out.

    .venv/bin/python benchmarks/role_captions_cv.py [--shared DIR] [--json FILE] [--no-check]

Why: on START (round 25) the rules read a wire pickup's photo caption under the title as the
story's first sentence ("Bei der Eröffnung des Werks in Eschenried: Mitarbeiter montieren eine
Abfangdrohne." / "Daniel Löwer/dpa" / "Eschenried (dpa/lby) - Ein …").  A line over a credit
is more often the story's own (round 24: the credit is the next photo's); the dateline under
it says the story starts below, so the one line read as story between the title and the
dateline, with a credit right after it, is the caption (``core.page_dateline.dateline_caption``).
Each point is a ``RoleParams`` switch, scored on the same pages in the same process:

* ``off``: the pass off (START's roles, the baseline);
* ``dateline captions``: the pass on (shipped).

Dev sets: the shared real-page dev set, the repository's fixture pages and the dev batches of
``tests/data/story-pairs`` (3-19, 21, 27, 29, 31, 33, 35, 37, 40, 41, 43, 44, 47, 48, 52, 53,
56, 57, 61, 62, 65, 66, 67, 68, 71, 73, 75, 76, 80, 82, 84, 86).  Leave one set out: a fold
takes, among the points that lower no training set (characters with the right role, or the
right in-story decision), the best pooled mean of roles and story, ties to ``off``, and
scores the left-out set with it.  The check batches are scored pooled with each point, never
a page, never used to choose.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_buttons_cv import (  # noqa: E402
    CHECK,
    SHARED,
    STORY_PAIRS,
    cell,
    choose,
    dev_sets,
    figures,
    folds,
    pooled,
)

from workbench.core.role_params import DEFAULT_PARAMS, RoleParams  # noqa: E402
from workbench.testing.page_gold import Score, load_pages, predict, score_page  # noqa: E402

OFF = replace(DEFAULT_PARAMS, dateline_captions=False)
POINTS: dict[str, RoleParams] = {
    "off": OFF,
    "dateline captions": replace(OFF, dateline_captions=True),
}


def scores(pages: list, params: RoleParams) -> Score:
    out = Score()
    for page in pages:
        out.add(score_page(page, predict(page, params)))
    return out


def _moves(a: Score, b: Score) -> str:
    """Characters gained (+) or lost (-) from ``a`` to ``b``: roles / story."""
    return f"{b.role_ok - a.role_ok:+d}/{b.story_ok - a.story_ok:+d}"


def leave_one_set_out(table: dict, names: list[str]) -> dict:
    """Print the folds whose figures move, then the pooled rows; return the figures."""

    def row(name: str, chosen: str, a: Score, b: Score) -> None:
        moves = {p: _moves(a, table[(name, p)]) for p in POINTS if p != "off"}
        if any(m != "+0/+0" for m in moves.values()):
            alts = "; ".join(f"{p} {m}" for p, m in moves.items())
            print(f"| {name} | {chosen} | {cell(a, b)} | {alts} |")

    chosen_by, held = folds(table, names, POINTS, "characters moved", row)
    chosen = choose(table, names, POINTS)
    off = pooled(table, names, "off")
    for p in POINTS:
        print(f"| dev pooled, in sample, {p} | | {cell(off, pooled(table, names, p))} | |")
    print(f"| **dev pooled, in sample, chosen** | {chosen} | "
          f"{cell(off, pooled(table, names, chosen))} | |")  # fmt: skip
    return figures(chosen_by, chosen, held)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-check", action="store_true")
    args = parser.parse_args()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# Captions above the dateline, leave one set out (machine load {loads})")
    sets = dev_sets(args.shared)
    table = {(n, p): scores(pages, POINTS[p]) for n, pages in sets.items() for p in POINTS}
    out = {"loso": leave_one_set_out(table, list(sets))}
    if not args.no_check:
        check = [p for b in CHECK for p in load_pages(STORY_PAIRS / f"batch{b}")]
        off = scores(check, OFF)
        for name, params in POINTS.items():
            at = scores(check, params)
            out[f"check {name}"] = [off.roles, off.story, at.roles, at.story]
            print(f"| check {', '.join(map(str, CHECK))} pooled, {name} | | {cell(off, at)} "
                  f"| {_moves(off, at)} |")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
