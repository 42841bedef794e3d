"""A wire dateline cut from the lead (``core.segment_dateline``): census, leave one set out, check.

    .venv/bin/python benchmarks/role_dateline_cv.py [--shared DIR] [--json FILE]

Why: some fixture writers keep the dateline ("Hohenried (dpa/lby) –") out of the lead's body
span as an ``other`` span, and the lead's bead is missed in every pair of such a page while
the dateline and the lead are one segment.  First the census: every dev page whose first
gold body span opens with a dateline the segmenter would cut, or follows one on its line,
by the gold's label of the dateline's characters.  Then three points, each run in the same
process on the same pages (segmented again for each point):

* ``off``: no cut (``segment.DATELINE_SEGMENTS`` off, shipped);
* ``split``: the dateline its own segment, taking the lead's role (roles decided on the
  segments ``rejoined``, ``split_roles``: by construction the roles of ``off``);
* ``split, other``: the dateline its own segment, ``other`` (the split writers' labels).

Dev sets and folds as ``role_buttons_cv`` (the shared dev set, the fixture pages, every dev
batch); a fold takes the best point lowering no training set, ties to ``off``.  The check
batches are scored pooled with the point chosen on all dev sets, never a page.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_buttons_cv import CHECK, SHARED, STORY_PAIRS, cell, choose, dev_sets, pooled  # noqa: E402

from workbench.core import roles, segment  # noqa: E402
from workbench.core.segment_dateline import dateline_end, is_dateline  # noqa: E402
from workbench.testing.page_gold import (  # noqa: E402
    GoldPage,
    Score,
    _analysed,
    load_pages,
    predict,
    score_page,
)

POINTS = ("off", "split", "split, other")


def _as_other(segs, joined, owner):  # type: ignore[no-untyped-def]
    """The split writers' labels: a cut dateline is ``other``, its lead keeps its role."""
    return ["other" if is_dateline(s.text) and k + 1 < len(owner) and owner[k + 1] == o
            else joined[o] for k, (s, o) in enumerate(zip(segs, owner, strict=True))]


@contextmanager
def point(name: str) -> Iterator[None]:
    """The segmenter and the dateline's role as at ``name``."""
    shipped_switch, shipped_roles = segment.DATELINE_SEGMENTS, roles.split_roles
    segment.DATELINE_SEGMENTS = name != "off"
    if name == "split, other":
        roles.split_roles = _as_other  # type: ignore[assignment]
    try:
        yield
    finally:
        segment.DATELINE_SEGMENTS, roles.split_roles = shipped_switch, shipped_roles


def scores(pages: list[GoldPage], name: str) -> Score:
    out = Score()
    with point(name):
        for page in pages:
            page = _analysed(page)
            out.add(score_page(page, predict(page)))
    return out


def census(sets: dict[str, list[GoldPage]]) -> Counter:
    """Pages whose lead opens with a dateline the cut reads, by the gold label of its text."""
    found: Counter = Counter()
    for name, pages in sets.items():
        for page in pages:
            body = [i for i, s in enumerate(page.spans) if s["role"] == "body"]
            if not body:
                continue
            lead = page.spans[body[0]]
            prev = page.spans[body[0] - 1] if body[0] else None
            line = page.text[lead["start"]: lead["end"]]
            if prev and "\n" not in page.text[prev["end"]: lead["start"]]:
                line = page.text[prev["start"]: lead["end"]]
            cut = dateline_end(line)
            if not cut:
                continue
            form = "kept in the lead's body span" if line == lead["text"] else \
                f"a span of its own, {prev['role'] if prev else '?'}"  # fmt: skip
            found[form] += 1
            found[(form, name)] += 1
            print(f"| {name} | {page.name.split('__')[-1]} | {line[:cut]} | {form} |")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# A wire dateline cut from the lead, leave one set out (machine load {loads})")
    sets = dev_sets(args.shared)
    print("\n| set | page | dateline | gold |\n|---|---|---|---|")
    found = census(sets)
    forms = sorted(k for k in found if isinstance(k, str))
    for form in forms:
        batches = sorted({k[1] for k in found if isinstance(k, tuple) and k[0] == form})
        print(f"\n{form}: {found[form]} pages in {len(batches)} sets ({', '.join(batches)})")
    table = {(n, p): scores(pages, p) for n, pages in sets.items() for p in POINTS}
    names = list(sets)
    print("\n| left-out set | chosen | off -> chosen (roles / story) | split | split, other |")
    print("|---|---|---|---|---|")
    held, folds = (Score(), Score()), {}
    for name in names:
        chosen = choose(table, [n for n in names if n != name], POINTS)
        folds[name] = chosen
        a, b = table[(name, "off")], table[(name, chosen)]
        held[0].add(a)
        held[1].add(b)
        if any(table[(name, p)].role_ok != a.role_ok or table[(name, p)].story_ok != a.story_ok
               for p in POINTS):  # fmt: skip
            s, o = table[(name, "split")], table[(name, "split, other")]
            print(f"| {name} | {chosen} | {cell(a, b)} | {s.roles:.4f} / {s.story:.4f} | "
                  f"{o.roles:.4f} / {o.story:.4f} |")  # fmt: skip
    print(f"| **dev pooled, leave one set out** | | {cell(*held)} | | |")
    chosen = choose(table, names, POINTS)
    ins = {p: pooled(table, names, p) for p in POINTS}
    print(f"| **dev pooled, in sample** | {chosen} | {cell(ins['off'], ins[chosen])} | "
          f"{ins['split'].roles:.4f} / {ins['split'].story:.4f} | "
          f"{ins['split, other'].roles:.4f} / {ins['split, other'].story:.4f} |")  # fmt: skip
    check = [p for b in CHECK for p in load_pages(STORY_PAIRS / f"batch{b}")]
    at = {p: scores(check, p) for p in POINTS}
    print(f"| **check pooled** (chosen on all dev sets: {chosen}) | | "
          f"{cell(at['off'], at[chosen])} | {at['split'].roles:.4f} / {at['split'].story:.4f} | "
          f"{at['split, other'].roles:.4f} / {at['split, other'].story:.4f} |")  # fmt: skip
    out = {"census": {k: v for k, v in found.items() if isinstance(k, str)}, "folds": folds,
           "chosen": chosen, "held": [held[0].roles, held[0].story, held[1].roles, held[1].story],
           "in_sample": {p: [s.roles, s.story] for p, s in ins.items()},
           "check": {p: [s.roles, s.story] for p, s in at.items()}}  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
