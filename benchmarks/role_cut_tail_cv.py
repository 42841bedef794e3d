"""A visibly cut page's last line (``core.page_cut.cut_tail``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_cut_tail_cv.py [--shared DIR] [--json FILE]

Why (round 32): the widest story-side loss class of the dev sets is the capture's cut: a page
stored without a line break after its last line stops inside the story's next sentence
("Пасаж", "Die Staatsanwa", "Станом на 11:00 показ"), and that fragment was read as chrome on
35 dev pages of 21 batches.  Two reasons, by a tracer over ``assign_roles``: the rules'
cut-sentence test (``page_cut.cut_off``) wants four words and a lower-case share that one or
two capitalised words never have, and the learned layer takes out most of the cut lines the
rules keep (a short, unended, capitalised line looks like a label to it).  Points (RoleParams
``cut_tail``, ``cut_fragment_words``, ``cut_fragment_told``), each scored in one process:

* ``off``: neither (START);
* ``tail``: after the layer, the last line the rules kept as the cut sentence stays the story's;
* ``tail, 1 word`` (the candidate; a study, not shipped: it costs a true flag): ... and a
  one-word fragment opening like a sentence is one;
* ``tail, 2 words told`` / ``tail, 3 words told``: fragments of up to 2 / 3 words, those of
  two or more sharing a 5-letter stem with the story;
* ``tail, 2 words`` / ``tail, 3 words``: ... without the stem test.

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

POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, cut_tail=False, cut_fragment_words=0),
    "tail": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=0),
    "tail, 1 word": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=1),
    "tail, 2 words told": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=2,
                                  cut_fragment_told=True),  # fmt: skip
    "tail, 3 words told": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=3,
                                  cut_fragment_told=True),  # fmt: skip
    "tail, 2 words": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=2),
    "tail, 3 words": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=3),
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
    print(f"# A visibly cut page's last line, leave one set out (machine load {loads})")
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
        if (a.role_ok, a.story_ok) != (b.role_ok, b.story_ok) or chosen != "tail, 1 word":
            print(f"| {name} | {chosen} | {cell(a, b)} |")
    print(f"| **dev pooled, leave one set out** ({len(names)} folds; "
          f"{sum(c == 'tail, 1 word' for c in folds.values())} chose `tail, 1 word`) "
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
        out = {"folds": folds, "chosen": chosen, "held": [held[0].roles, held[0].story,
               held[1].roles, held[1].story], "check": [off.roles, off.story, at.roles, at.story]}
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
