"""Button rows cut into parts (``core.page_widgets.button_parts``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_buttons_cv.py [--shared DIR] [--json FILE]

Why: writers give a share button ``link_residue`` and the print or save button beside
it ``other`` on one line ("Teilen  Merken"); while a row is one segment it can only be
right for one of them.  The segmenter now cuts a row whose buttons take both roles
into runs of one role.  Three points, each run in the same process on the same pages
(segmented again for each point):

* ``off``: no cut (the baseline: round 11's whole-row majority, ``button_row``);
* ``split``: share buttons and network names ``link_residue``, page buttons ``other``
  (shipped);
* ``split, networks other``: network names ``other`` too (one dev writer's labels).

Dev sets: the shared real-page dev set, the repository's fixture pages and the dev batches of
``tests/data/story-pairs`` read raw, as ``stories-dev/eval.py`` reads them (3-19, 21, 27, 29, 31,
33, 35, 37, 40, 41, 43, 44, 47, 48, 52, 53, 56, 57, 61, 62, 65, 66, 67, 68, 71, 73, 75, 76, 80, 82,
84, 86, 88, 89, 91, 92, 96, 98, 101, 102, 104, 105, 107, 110, 111, 113, 116, 117, 119, 122, 124,
126, 128, 130, 132, 133, 136, 138, 139, 141, 145, 146, 148, 150, 151, 152, 155, 157, 161, 162).
Leave one set out: a fold takes, among the points that lower no training set (characters with the
right role, or the right in-story decision), the best pooled mean of roles and story, ties to
``off``, and scores the left-out set with it. The check batches (20, 22, 28, 30, 32, 34, 36, 38, 39,
42, 45, 46, 49, 50, 51, 54, 55, 58, 59, 60, 63, 64, 69, 70, 72, 74, 77, 78, 79, 81, 83, 85, 87, 90,
93, 94, 95, 97, 99, 100, 103, 106, 108, 109, 112, 114, 115, 118, 120, 121, 123, 125, 127, 129, 131,
134, 135, 137, 140, 142, 143, 144, 147, 149, 153, 154, 156, 158, 159, 160) are scored pooled with
the point chosen on all dev sets, never a page, never used to choose.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core import page_widgets, segment  # noqa: E402
from workbench.testing.page_gold import (  # noqa: E402
    GoldPage,
    Score,
    _analysed,
    load_annotated_dir,
    load_pages,
    predict,
    score_page,
)

SHARED = Path(os.environ.get("WORKBENCH_SHARED") or ROOT.parent / "shared")
STORY_PAIRS = ROOT / "tests" / "data" / "story-pairs"
DEV_BATCHES = (
    *range(3, 20), 21, 27, 29, 31, 33, 35, 37, 40, 41, 43, 44, 47, 48, 52, 53, 56, 57, 61, 62,
    65, 66, 67, 68, 71, 73, 75, 76, 80, 82, 84, 86, 88, 89, 91, 92, 96, 98, 101, 102, 104, 105,
    107, 110, 111, 113, 116, 117, 119, 122, 124, 126, 128, 130, 132, 133,
    136, 138, 139, 141, 145, 146, 148, 150, 151, 152, 155, 157, 161, 162,
)
CHECK = (
    20, 22, 28, 30, 32, 34, 36, 38, 39, 42, 45, 46, 49, 50, 51, 54, 55, 58, 59, 60, 63, 64, 69, 70,
    72, 74, 77, 78, 79, 81, 83, 85, 87, 90, 93, 94, 95, 97, 99, 100, 103, 106, 108, 109,
    112, 114, 115, 118, 120, 121, 123, 125, 127, 129, 131, 134, 135, 137, 140,
    142, 143, 144, 147, 149, 153, 154, 156, 158, 159, 160,
)
POINTS = ("off", "split", "split, networks other")


@contextmanager
def point(name: str) -> Iterator[None]:
    """The segmenter and the row roles as at ``name``."""
    shipped = page_widgets.button_parts
    cut = (lambda text: None) if name == "off" else (
        partial(shipped, network="other") if name.endswith("other") else shipped)  # fmt: skip
    segment.button_parts = page_widgets.button_parts = cut  # type: ignore[assignment]
    try:
        yield
    finally:
        segment.button_parts = page_widgets.button_parts = shipped  # type: ignore[assignment]


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


def scores(pages: list[GoldPage], name: str) -> Score:
    out = Score()
    with point(name):
        for page in pages:
            page = _analysed(page)  # segmented again at this point
            out.add(score_page(page, predict(page)))
    return out


def pooled(table: dict, names: list[str], name: str) -> Score:
    out = Score()
    for n in names:
        out.add(table[(n, name)])
    return out


def choose(table: dict, names: list[str], points: Iterable[str] = POINTS) -> str:
    """The best of ``points`` lowering no set of ``names``; ties go to ``off``.

    Shared by the other ``role_*_cv`` studies that choose among named points the same way.
    """

    def safe(p: str) -> bool:
        return all(table[(n, p)].role_ok >= table[(n, "off")].role_ok
                   and table[(n, p)].story_ok >= table[(n, "off")].story_ok
                   for n in names)  # fmt: skip

    def merit(p: str) -> float:
        s = pooled(table, names, p)
        return round((s.roles + s.story) / 2, 9)

    return max((p for p in points if safe(p)), key=lambda p: (merit(p), p == "off"))


def cell(a: Score, b: Score) -> str:
    """Off -> point, roles / story (a table cell; ``role_captions_cv`` prints the same)."""
    return f"{a.roles:.4f} / {a.story:.4f} -> {b.roles:.4f} / {b.story:.4f}"


def folds(table: dict, names: list[str], points: Iterable[str], last: str,
          row: Callable[[str, str, Score, Score], None]) -> tuple[dict[str, str], tuple]:
    """Leave each set out: the point ``choose`` takes on the others, off and chosen scored on
    it (``row`` prints its line), the left-out scores pooled; prints the table's head and
    the pooled leave-one-set-out row, ``last`` naming the head's last column.  Shared by
    the ``role_*_cv`` studies (reliab41: the loop stood in each)."""
    print(f"\n| left-out set | chosen | off -> chosen (roles / story) | {last} |")
    print("|---|---|---|---|")
    held, chosen_by = (Score(), Score()), {}
    for name in names:
        chosen = chosen_by[name] = choose(table, [n for n in names if n != name], points)
        a, b = table[(name, "off")], table[(name, chosen)]
        held[0].add(a)
        held[1].add(b)
        row(name, chosen, a, b)
    print(f"| **dev pooled, leave one set out** | | {cell(*held)} | |")
    return chosen_by, held


def figures(chosen_by: dict[str, str], chosen: str, held: tuple) -> dict:
    """What a leave-one-set-out run writes to ``--json``."""
    return {"folds": chosen_by, "chosen": chosen,
            "held": [held[0].roles, held[0].story, held[1].roles, held[1].story]}  # fmt: skip


def leave_one_set_out(table: dict, names: list[str]) -> dict:
    def row(name: str, chosen: str, a: Score, b: Score) -> None:
        other = table[(name, POINTS[2])]
        print(f"| {name} | {chosen} | {cell(a, b)} | {other.roles:.4f} / {other.story:.4f} |")

    chosen_by, held = folds(table, names, POINTS, POINTS[2], row)
    chosen = choose(table, names)
    other = pooled(table, names, POINTS[2])
    print(f"| **dev pooled, in sample** | {chosen} | "
          f"{cell(pooled(table, names, 'off'), pooled(table, names, chosen))} | "
          f"{other.roles:.4f} / {other.story:.4f} |")  # fmt: skip
    return figures(chosen_by, chosen, held)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# Button rows cut into parts, leave one set out (machine load {loads})")
    sets = dev_sets(args.shared)
    table = {(n, p): scores(pages, p) for n, pages in sets.items() for p in POINTS}
    out = {"loso": leave_one_set_out(table, list(sets))}
    check = [p for b in CHECK for p in load_pages(STORY_PAIRS / f"batch{b}")]
    chosen = out["loso"]["chosen"]
    off, at = scores(check, "off"), scores(check, chosen)
    out["check"] = [off.roles, off.story, at.roles, at.story]
    print(f"| **check {', '.join(map(str, CHECK))} pooled** (chosen on all dev sets) "
          f"| {chosen} | {cell(off, at)} | |")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
