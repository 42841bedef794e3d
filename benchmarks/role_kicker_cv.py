"""The kicker above the title (``core.page_kicker.kicker_line``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_kicker_cv.py [--shared DIR] [--json FILE]

Why (round 33, roles_b): after the title's slot, "a title, deck or kicker lost above the
story" still loses characters in 16 dev batches, 12 of them a short label line right above
the headline ("Energie", "Konflikte", "Raumfahrt") that the gold of those pages puts in the
headline; the same shape is gold ``other`` (a section label) on most dev pages.  The pass
reads the line as the headline's kicker when it tells the story (``kicker_stems`` story
stems).  Points (RoleParams ``kicker_stems`` / ``kicker_words``), each scored in one process:

* ``off``: 0 (START, shipped);
* ``1 stem, 1 word``, ``1 stem, 3 words`` (the candidate), ``2 stems, 3 words``.

Dev sets, folds and the choice are ``role_buttons_cv``'s (the best pooled mean of roles and
story among the points lowering no training set, ties to ``off``); the check batches are
scored pooled with the point chosen on all dev sets, never used to choose.
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

from role_buttons_cv import CHECK, SHARED, STORY_PAIRS, cell, choose, dev_sets, pooled  # noqa: E402

from workbench.core.role_params import DEFAULT_PARAMS, RoleParams  # noqa: E402
from workbench.testing.page_gold import Score, load_pages, predict, score_page  # noqa: E402

CANDIDATE = "1 stem, 3 words"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, kicker_stems=0),
    "1 stem, 1 word": replace(DEFAULT_PARAMS, kicker_stems=1, kicker_words=1),
    CANDIDATE: replace(DEFAULT_PARAMS, kicker_stems=1, kicker_words=3),
    "2 stems, 3 words": replace(DEFAULT_PARAMS, kicker_stems=2, kicker_words=3),
}


def scores(pages: list, name: str) -> Score:
    out = Score()
    for page in pages:
        out.add(score_page(page, predict(page, POINTS[name])))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# The kicker above the title, leave one set out (machine load {loads})")
    sets = dev_sets(args.shared)
    names = list(sets)
    table = {(n, p): scores(pages, p) for n, pages in sets.items() for p in POINTS}
    print("\n| left-out set | chosen | off -> chosen (roles / story) |\n|---|---|---|")
    held, folds = (Score(), Score()), {}
    for name in names:
        chosen = choose(table, [n for n in names if n != name], POINTS)
        folds[name] = chosen
        a, b = table[(name, "off")], table[(name, chosen)]
        held[0].add(a)
        held[1].add(b)
        if (a.role_ok, a.story_ok) != (b.role_ok, b.story_ok) or chosen != CANDIDATE:
            print(f"| {name} | {chosen} | {cell(a, b)} |")
    print(f"| **dev pooled, leave one set out** ({len(names)} folds; "
          f"{sum(c == CANDIDATE for c in folds.values())} chose `{CANDIDATE}`) "
          f"| | {cell(*held)} |")  # fmt: skip
    chosen = choose(table, names, POINTS)
    print("\n| point | dev pooled in sample (roles / story) | sets lowered |\n|---|---|---|")
    for p in POINTS:
        s = pooled(table, names, p)
        down = [n for n in names if table[(n, p)].role_ok < table[(n, "off")].role_ok
                or table[(n, p)].story_ok < table[(n, "off")].story_ok]  # fmt: skip
        print(f"| {p}{' (chosen)' if p == chosen else ''} | {s.roles:.5f} / {s.story:.5f} "
              f"| {', '.join(down) or '-'} |")  # fmt: skip
    check = [p for b in CHECK for p in load_pages(STORY_PAIRS / f"batch{b}")]
    off, at = scores(check, "off"), scores(check, chosen)
    print(f"\n| **check pooled** (chosen on all dev sets: {chosen}) | {cell(off, at)} |")
    if args.json:
        out = {
            "folds": folds,
            "chosen": chosen,
            "held": [held[0].roles, held[0].story, held[1].roles, held[1].story],
            "check": [off.roles, off.story, at.roles, at.story],
        }
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
