"""Pages cut inside a line that a story sentence opens: ``RoleParams.cut_line_words``.

    .venv/bin/python benchmarks/role_cut_lines.py [--shared DIR] [--words 0,1,2] [--values 4,3,2,1]

``role_cuts.py`` cuts every dev page a few words into each *line* under a story line;
this cuts it a few words into each *sentence that follows a story sentence on its line*
(``words`` whole words kept, then two letters of the next, as a byte cut falls; the gold
cut with it), always visibly (no line break after), and scores the cut fragment's
characters with each value of ``RoleParams.cut_line_words`` (the first is the baseline:
4 is the rule before round 13).  Dev sets are those of ``role_labels_cv.today_sets``
with blind 3-21 read from ``tests/data/story-pairs``; each is left out in turn and
scored with the value chosen on the others (lowering no training set, ties to the
earlier value), and the check batches (``role_labels_cv.CHECK_SETS``) are one pooled row
with the value chosen on all dev sets, never a page.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_cuts import cut  # noqa: E402
from role_labels_cv import CHECK_SETS, SHARED, STORY_PAIRS, today_sets  # noqa: E402
from role_params_cv import Table, choose, pooled  # noqa: E402

from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402
from workbench.testing.page_gold import (  # noqa: E402
    GoldPage,
    Score,
    load_story_pair_sets,
    predict,
    score_page,
)


def cut_points(page: GoldPage, words: tuple[int, ...]) -> list[tuple[int, int]]:
    """(span start, offset a few words into it) for every span after a body span on its line."""
    spans = sorted(page.spans, key=lambda s: s["start"])
    out = []
    for prev, span in zip(spans, spans[1:], strict=False):
        between = page.text[prev["end"] : span["start"]]
        if prev["role"] != "body" or "\n" in between or not between:
            continue
        tokens = span["text"].split()
        for k in words:
            if k >= len(tokens) - 1:
                break
            at = span["text"].index(tokens[k], len(" ".join(tokens[:k])))
            out.append((span["start"], span["start"] + at + min(2, len(tokens[k]) - 1)))
    return out


def fragment(page: GoldPage, start: int, roles: list[str]) -> Score:
    """The score of the cut fragment only (the gold spans from ``start`` on)."""
    kept = [s for s in page.spans if s["start"] >= start]
    return score_page(GoldPage(page.name, page.story, page.text, kept, page.segs), roles)


def score(sets: dict[str, list[GoldPage]], words: tuple[int, ...], values: list[int]) -> Table:
    table: Table = {}
    params = [replace(DEFAULT_PARAMS, cut_line_words=v) for v in values]
    for name, pages in sets.items():
        for k in range(len(values)):
            table[(name, k)] = Score()
        for page in pages:
            for start, pos in cut_points(page, words):
                piece = cut(page, pos)
                for k, p in enumerate(params):
                    table[(name, k)].add(fragment(piece, start, predict(piece, p)))
    return table


def _cell(s: Score) -> str:
    return f"{s.roles:.3f} / {s.story:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--words", default="0,1,2")
    parser.add_argument("--values", default="4,3,2,1")
    args = parser.parse_args()
    words = tuple(int(w) for w in args.words.split(","))
    values = [int(v) for v in args.values.split(",")]
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# Cut inside a story line, words kept {args.words} (machine load {loads})\n")
    sets = today_sets(args.shared)
    raw = load_story_pair_sets(STORY_PAIRS, {"fixtures", "stories-dev"})
    sets = {name: raw.get(name, pages) for name, pages in sets.items()}
    table = score(sets, words, values)
    dev = [n for n in sets if n not in CHECK_SETS]
    print(f"| left-out set | chars | chosen | fragment roles / story: {values[0]} -> chosen |")
    print("|---|---:|---|---|")
    held = (Score(), Score())
    for name in dev:
        k = choose(table, [n for n in dev if n != name], len(values))
        base, got = table[(name, 0)], table[(name, k)]
        held[0].add(base)
        held[1].add(got)
        print(f"| {name} | {base.chars} | {values[k]} | {_cell(base)} -> {_cell(got)} |")
    print(f"| **dev pooled, leave one set out** | {held[0].chars} | | "
          f"{_cell(held[0])} -> {_cell(held[1])} |")  # fmt: skip
    k = choose(table, dev, len(values))
    checks = [n for n in sets if n in CHECK_SETS]
    a, b = pooled(table, checks, 0), pooled(table, checks, k)
    print(f"| **check pooled** | {a.chars} | {values[k]} | {_cell(a)} -> {_cell(b)} |")
    print("\n| value | dev pooled (in sample) |\n|---|---|")
    for j, value in enumerate(values):
        print(f"| {value} | {_cell(pooled(table, dev, j))} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
