"""The title restates the lead (``core.page_lead``): leave one set out, first runs, check pooled.

    .venv/bin/python benchmarks/role_lead_cv.py [--shared DIR] [--json FILE]

Two parameters, ``RoleParams.lead_sentences`` (the story's first sentences read as
its lead; 0 switches the check off: the baseline, same process, same pages) and
``lead_margin`` (how many more lead words another title candidate must share than
the line chosen by position).  Dev sets: the shared real-page dev set, the
repository's fixture pages and the dev batches of ``tests/data/story-pairs`` read
raw, as ``stories-dev/eval.py`` reads them (3-19, 21, 27, 29, 31, 33).  The check batches
(``CHECK``: 20, 22, 28, 30, 32, 34) are scored pooled with the point chosen on all dev sets,
never a page, never used to choose.

1. Leave one set out: a fold takes, among the grid points that lower no training
   set (characters with the right role, or with the right in-story decision), the
   best pooled mean of roles and story; a tie goes to the switch off (so a set whose
   kind no other set shows gains nothing), and the left-out set is scored with it.
2. First runs (``role_history.json``: labels of mains that had not seen a batch):
   every dev page whose first run took another line than the gold title for the
   title.  Would the lead have told them apart?  The gold title's and the wrongly
   taken line's shared words with the first ``lead_sentences`` gold body segments,
   counted as a fix when the title shares ``lead_margin`` more and the two lines
   are not printed one right under the other (the rule leaves such pairs alone).
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

import role_train  # noqa: E402

from workbench.core.page_shapes import DEFAULT_PARAMS, stems  # noqa: E402
from workbench.testing.page_gold import (  # noqa: E402
    GoldPage,
    Score,
    load_annotated_dir,
    load_pages,
    predict,
    score_page,
)

SHARED = Path(os.environ.get("WORKBENCH_SHARED") or ROOT.parent / "shared")
STORY_PAIRS = ROOT / "tests" / "data" / "story-pairs"
DEV_BATCHES = (*range(3, 20), 21, 27, 29, 31, 33)
CHECK = (20, 22, 28, 30, 32, 34)
Point = tuple[int, int]  # lead_sentences, lead_margin
GRID: tuple[Point, ...] = ((0, 0), *((k, m) for k in (3, 5, 8) for m in (1, 2, 3)))


def dev_sets(shared: Path) -> dict[str, list[GoldPage]]:
    sets: dict[str, list[GoldPage]] = {}
    if (shared / "data" / "stories-dev").is_dir():
        sets["stories-dev"] = load_pages(shared / "data" / "stories-dev")
    else:
        print(f"(shared dev set absent: {shared}; repository sets only)")
    sets["fixtures"] = load_annotated_dir(ROOT / "tests" / "data" / "role-pages")
    for b in DEV_BATCHES:
        sets[f"blind{b}"] = load_pages(STORY_PAIRS / f"batch{b}")
    return sets


def scores(pages: list[GoldPage], point: Point) -> Score:
    params = replace(DEFAULT_PARAMS, lead_sentences=point[0], lead_margin=point[1])
    out = Score()
    for page in pages:
        out.add(score_page(page, predict(page, params)))
    return out


def pooled(table: dict, names: list[str], point: Point) -> Score:
    out = Score()
    for name in names:
        out.add(table[(name, point)])
    return out


def choose(table: dict, names: list[str]) -> Point:
    """The best point lowering no set of ``names``; ties go to the switch off (GRID[0])."""
    off = GRID[0]

    def safe(point: Point) -> bool:
        return all(
            table[(n, point)].role_ok >= table[(n, off)].role_ok
            and table[(n, point)].story_ok >= table[(n, off)].story_ok
            for n in names
        )

    def merit(point: Point) -> float:
        s = pooled(table, names, point)
        return round((s.roles + s.story) / 2, 9)

    return max((p for p in GRID if safe(p)), key=lambda p: (merit(p), p == off))


def _cell(a: Score, b: Score) -> str:
    return f"{a.roles:.4f} / {a.story:.4f} -> {b.roles:.4f} / {b.story:.4f}"


def leave_one_set_out(table: dict, names: list[str]) -> dict:
    print("\n| left-out set | chosen (sentences, margin) | off -> chosen (roles / story) |")
    print("|---|---|---|")
    held = (Score(), Score())
    folds = {}
    for name in names:
        point = choose(table, [n for n in names if n != name])
        folds[name] = point
        a, b = table[(name, GRID[0])], table[(name, point)]
        held[0].add(a)
        held[1].add(b)
        print(f"| {name} | {point} | {_cell(a, b)} |")
    print(f"| **dev pooled, leave one set out** | | {_cell(*held)} |")
    point = choose(table, names)
    print(f"| **dev pooled, in sample** | {point} | "
          f"{_cell(pooled(table, names, GRID[0]), pooled(table, names, point))} |")  # fmt: skip
    return {"folds": {k: list(v) for k, v in folds.items()}, "chosen": list(point),
            "held": [held[0].roles, held[0].story, held[1].roles, held[1].story]}  # fmt: skip


def first_run_titles() -> list[tuple[str, str, frozenset, frozenset, list[frozenset], bool]]:
    """First-run pages that took another line for the title.

    Each as (set, page, that line's stems, the gold title's, gold body stems, adjacent).
    """
    history = json.loads(role_train.HISTORY.read_text(encoding="utf-8"))
    out = []
    for name, commit in role_train.FIRST_RUN.items():
        if int(name[5:]) not in DEV_BATCHES or commit not in history:
            continue
        for page in load_pages(STORY_PAIRS / name.replace("blind", "batch")):
            runs = history[commit].get(f"{name}/{page.name}")
            spans = [[s["start"], s["end"], s["role"]] for s in page.spans]
            gold = role_train.mapped_roles(page, spans)
            if runs is None or "headline" not in gold:
                continue
            first = role_train.mapped_roles(page, runs)
            if "headline" not in first or gold[first.index("headline")] == "headline":
                continue
            wrong, title = first.index("headline"), gold.index("headline")
            body = [stems(s.text) for s, g in zip(page.segs, gold, strict=True) if g == "body"]
            out.append((name, page.name.split("__")[-1], stems(page.segs[wrong].text),
                        stems(page.segs[title].text), body, abs(wrong - title) == 1))  # fmt: skip
    return out


def first_run_report() -> dict:
    cases = first_run_titles()
    batches = len({c[0] for c in cases})
    print(f"\nFirst runs: {len(cases)} dev pages took another line for the title "
          f"({batches} batches); fixed by the lead at each point:\n")  # fmt: skip
    print("| (sentences, margin) | fixed | batches |\n|---|---:|---|")
    out = {}
    for point in GRID[1:]:
        fixed = []
        for name, _page, wrong, title, body, adjacent in cases:
            lead = frozenset().union(*body[: point[0]])
            if not adjacent and len(title & lead) >= len(wrong & lead) + point[1]:
                fixed.append(name)
        out[str(point)] = len(fixed)
        where = ", ".join(sorted(set(fixed), key=lambda n: int(n[5:]))) or "-"
        print(f"| {point} | {len(fixed)} of {len(cases)} | {where} |")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# The title restates the lead, leave one set out (machine load {loads})")
    sets = dev_sets(args.shared)
    table = {(name, point): scores(pages, point) for name, pages in sets.items() for point in GRID}
    out = {"loso": leave_one_set_out(table, list(sets))}
    check = [p for b in CHECK for p in load_pages(STORY_PAIRS / f"batch{b}")]
    point = tuple(out["loso"]["chosen"])
    print(f"| **check {', '.join(map(str, CHECK))} pooled** (point chosen on all dev sets) "
          f"| {point} | {_cell(scores(check, GRID[0]), scores(check, point))} |")  # fmt: skip
    out["first_runs"] = first_run_report()
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
