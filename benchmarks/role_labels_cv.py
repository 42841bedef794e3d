"""Label lines (``core.page_labels``): leave one set out, check batches pooled.

    .venv/bin/python benchmarks/role_labels_cv.py [--shared DIR] [--json FILE] [--only WORD]

Five studies, each choosing its parameters from its grid leaving one dev set out:
``RoleParams.label_run`` / ``label_run_words`` (that many stacked lines of their own, each of at
most that many words and no sentence end, are a menu or widget: their ``body`` lines become
``other``; ``untermed_words`` off), then, with the runs chosen, ``untermed_words`` (a line of that
many words inside the story with no sentence end is ``other``), then, with both as shipped,
``crosshead_words`` (such a line of at most that many words sharing a content word with the story
paragraph below it is a crosshead and stays ``body``), then, with those three as shipped,
``question_words`` (a line opening with a bare question of at most that many words is a site's box:
its ``body`` segments become ``other``, crossheads spared), then, with those four as shipped,
``consent_box`` on or off (``core.page_consent``: a cookie sentence in the site's voice, anywhere,
with the rest of its box, is ``other``), then, with those five as shipped, ``prompt_lines`` on or
off (a line of its own exclaiming in the site's voice is its prompt: ``other``, and the learned
layer keeps it so today). Dev sets: the shared real-page dev set, the repository's fixture pages and
the blind batches in ``tests/data/role-pages`` (from 27 on, ``tests/data/story-pairs``) but this
round's check batches (``CHECK_SETS``: 20, 22, 28, 30, 32, 34, 36, 38, 39, 42, 45, 46, 49, 50, 51,
54, 55, 58, 59, 60, 63, 64, 69, 70, 72, 74, 77, 78, 79, 81, 83, 85, 87, 90, 93, 94, 95, 97, 99, 100,
103, 106, 108, 109, 112, 114, 115, 118, 120, 121, 123, 125, 127, 129, 131, 134, 135, 137, 140, 142,
143, 144, 147, 149, 153, 154, 156, 158, 159 and 160, scored pooled with the point chosen on all dev
sets, never a page, never used to choose).

Each dev set is scored on two versions of the rule labels the pass reads:

* **first run**: the labels the main of the time gave the batch before anyone had
  seen it (``benchmarks/role_history.json``, ``role_train.FIRST_RUN``, mapped onto
  the batch's pages in ``tests/data/story-pairs``): the errors rules make on pages of
  shapes they were not written for, which is what the pass is for;
* **today**: the full pipeline (rules, this pass, the learned correction) on the set.

A fold's choice: among the grid points that lower no training set on either
version (characters with the right role, and with the right in-story decision),
the best mean of roles and story over both versions pooled; ties go to the longer
run and the fewer words.  The unconstrained best point is printed beside it.
0 switches a pass off (the baseline, same process, same pages).
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
from role_check_sets import ROLE_CHECK_SETS  # noqa: E402

from workbench.core.page_consent import consent_lines  # noqa: E402
from workbench.core.page_labels import (  # noqa: E402
    label_runs,
    prompt_lines,
    question_lines,
    untermed_lines,
)
from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402
from workbench.core.roles import lines_as_paragraphs  # noqa: E402
from workbench.testing.page_gold import (  # noqa: E402
    GoldPage,
    Score,
    load_annotated_dir,
    load_pages,
    load_story_pair_sets,
    predict,
    score_page,
)

SHARED = Path(os.environ.get("WORKBENCH_SHARED") or ROOT.parent / "shared")
ROLE_PAGES = ROOT / "tests" / "data" / "role-pages"
STORY_PAIRS = ROOT / "tests" / "data" / "story-pairs"
#: label_run, label_run_words, untermed_words, crosshead_words, question_words, consent_box,
#: prompt_lines
Point = tuple[int, int, int, int, int, int, int]
RUNS = ((0, 0, 0, 0, 0, 0, 0),
        *((r, w, 0, 0, 0, 0, 0) for r in (2, 3, 4) for w in (4, 6, 8, 10, 12)))  # fmt: skip
UNTERMED = tuple((2, 8, u, 0, 0, 0, 0) for u in (0, 3, 5, 6, 7, 9, 12))  # the runs as shipped
CROSSHEADS = tuple((2, 8, 5, h, 0, 0, 0) for h in (0, 5, 6, 8))  # runs, untermed as shipped
QUESTIONS = tuple((2, 8, 5, 6, q, 0, 0) for q in (0, 6, 8, 12, 20))  # three passes as shipped
CONSENT = tuple((2, 8, 5, 6, 12, c, 0) for c in (0, 1))  # the four passes as shipped
PROMPTS = tuple((2, 8, 5, 6, 12, 1, m) for m in (0, 1))  # the five passes as shipped
STUDIES = {"runs of label lines": RUNS, "untermed lines inside the story": UNTERMED,
           "crossheads spared (short, sharing words with the paragraph below)": CROSSHEADS,
           "lines opening with a bare question (site boxes)": QUESTIONS,
           "consent boxes anywhere (cookies, in the site's voice)": CONSENT,
           "prompt lines (exclaiming in the site's voice)": PROMPTS}
GRID = tuple(dict.fromkeys(RUNS + UNTERMED + CROSSHEADS + QUESTIONS + CONSENT + PROMPTS))
CHECK_SETS = ROLE_CHECK_SETS  # one tuple for all role/flag studies (reliab41)
VERSIONS = ("first run", "today")
Table = dict[tuple[str, str, Point], Score]


def today_sets(shared: Path) -> dict[str, list[GoldPage]]:
    sets: dict[str, list[GoldPage]] = {}
    dev = shared / "data" / "stories-dev"
    if dev.is_dir():
        sets["stories-dev"] = load_pages(dev)
    else:
        print(f"(shared dev set absent: {dev}; repository sets only)")
    sets["fixtures"] = load_annotated_dir(ROLE_PAGES)
    for folder in sorted(ROLE_PAGES.glob("blind*"), key=lambda p: int(p.name[5:])):
        sets[folder.name] = load_annotated_dir(folder)
    sets |= load_story_pair_sets(STORY_PAIRS, set(sets))  # 27 on: no role-pages copy
    return sets


def score_today(sets: dict[str, list[GoldPage]], table: Table, grid=GRID) -> None:
    for point in grid:
        params = replace(DEFAULT_PARAMS, label_run=point[0], label_run_words=point[1],
                         untermed_words=point[2], crosshead_words=point[3],
                         question_words=point[4], consent_box=bool(point[5]),
                         prompt_lines=bool(point[6]))  # fmt: skip
        for name, pages in sets.items():
            s = table.setdefault((name, "today", point), Score())
            for page in pages:
                s.add(score_page(page, predict(page, params)))


def score_first_runs(table: Table, grid=GRID) -> None:
    """Every dev batch with a first run recorded: its labels, then the pass at each point."""
    history = json.loads(role_train.HISTORY.read_text(encoding="utf-8"))
    for name, commit in role_train.FIRST_RUN.items():
        folder = STORY_PAIRS / name.replace("blind", "batch")
        if name in CHECK_SETS or commit not in history or not folder.is_dir():
            continue
        for page in load_pages(folder):
            runs = history[commit].get(f"{name}/{page.name}")
            if runs is None:
                continue
            labels = role_train.mapped_roles(page, runs)
            segs = lines_as_paragraphs(page.segs)
            for point in grid:
                out = untermed_lines(segs, label_runs(segs, labels, *point[:2]), *point[2:4])
                out = question_lines(segs, out, point[4], point[3])
                out = prompt_lines(segs, out, bool(point[6]))
                out = consent_lines(segs, out, bool(point[5]))
                table.setdefault((name, "first run", point), Score()).add(score_page(page, out))


def pooled(table: Table, names: list[str], version: str, point: Point) -> Score:
    s = Score()
    for name in names:
        if (name, version, point) in table:
            s.add(table[(name, version, point)])
    return s


def merit(table: Table, names: list[str], point: Point) -> float:
    return sum((s.roles + s.story) / 2 for s in (pooled(table, names, v, point) for v in VERSIONS))


def lowers(table: Table, names: list[str], point: Point, off: Point) -> list[str]:
    """The sets (and versions) ``point`` scores lower than the pass switched off."""
    out = []
    for name in names:
        for v in VERSIONS:
            if (name, v, point) not in table:
                continue
            a, b = table[(name, v, off)], table[(name, v, point)]
            if b.role_ok < a.role_ok or b.story_ok < a.story_ok:
                out.append(f"{name} ({v})")
    return out


def choose(table: Table, names: list[str], grid: tuple, safe: bool = True) -> Point:
    points = [p for p in grid if not safe or not lowers(table, names, p, grid[0])]
    key = lambda p: (round(merit(table, names, p), 9), p[0], *(-x for x in p[1:]))  # noqa: E731
    return max(points, key=key)


def _cell(a: Score, b: Score) -> str:
    return f"{a.roles:.4f} / {a.story:.4f} -> {b.roles:.4f} / {b.story:.4f}"


def report(table: Table, names: list[str], study: str, grid: tuple) -> dict:
    dev, off = [n for n in names if n not in CHECK_SETS], grid[0]
    print(f"\n### {study}\n\n| left-out set "
          "| chosen (run, words, untermed, crosshead, question, consent, prompt) "
          "| first run: off -> chosen | today: off -> chosen |\n|---|---|---|---|")  # fmt: skip
    held = {v: (Score(), Score()) for v in VERSIONS}
    folds = {}
    for name in dev:
        point = choose(table, [n for n in dev if n != name], grid)
        folds[name] = point
        cells = []
        for v in VERSIONS:
            if (name, v, point) not in table:
                cells.append("—")
                continue
            a, b = table[(name, v, off)], table[(name, v, point)]
            held[v][0].add(a)
            held[v][1].add(b)
            cells.append(_cell(a, b))
        print(f"| {name} | {point} | {cells[0]} | {cells[1]} |")
    rows = [_cell(*held[v]) for v in VERSIONS]
    print(f"| **dev pooled, leave one set out** | | {rows[0]} | {rows[1]} |")
    point = choose(table, dev, grid)
    check = _cell(pooled(table, list(CHECK_SETS), "today", off),
                  pooled(table, list(CHECK_SETS), "today", point))  # fmt: skip
    sets = ", ".join(name[5:] for name in CHECK_SETS)
    print(f"| **check {sets} pooled** (chosen on all dev sets) | {point} | — | {check} |")
    print("\nEvery grid point on all dev sets (roles / story, pooled; sets it lowers):\n")
    print("| point | first run | today | lowers |\n|---|---|---|---|")
    for p in grid:
        cells = [pooled(table, dev, v, p) for v in VERSIONS]
        low = ", ".join(lowers(table, dev, p, off)) or "none"
        print(f"| {p} | {cells[0].roles:.4f} / {cells[0].story:.4f} "
              f"| {cells[1].roles:.4f} / {cells[1].story:.4f} | {low} |")  # fmt: skip
    print(f"\nunconstrained choice on all dev sets: {choose(table, dev, grid, safe=False)}")
    return {"folds": {k: list(v) for k, v in folds.items()}, "chosen": list(point),
            "held": {v: [held[v][0].roles, held[v][0].story, held[v][1].roles, held[v][1].story]
                     for v in VERSIONS}}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--only", help="only the studies whose name holds this word")
    args = parser.parse_args()
    studies = {k: v for k, v in STUDIES.items() if not args.only or args.only in k}
    grid = tuple(dict.fromkeys(p for g in studies.values() for p in g))
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# Label lines, leave one set out (machine load {loads})")
    sets = today_sets(args.shared)
    table: Table = {}
    score_first_runs(table, grid)
    score_today(sets, table, grid)
    out = {study: report(table, list(sets), study, g) for study, g in studies.items()}
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
