"""The learned layer's moves out of the story on the pages of dev pairs, left out.

    .venv/bin/python benchmarks/role_pair_moves.py [--weights FILE] [--lines]

Why: round 22's unseen pages showed the layer taking a Russian page's last story sentence
("Огонь потушили в 04:20.") out of the story, which cost a bead of its Ukrainian–Russian
translation pair.  A page is labelled alone (at ingest), but it is compared with its pair:
would a guard reading the other page ("never take out of the story a line whose partner is
in the other page's story") keep such lines and let the right moves stand?  For every dev set
with gold pairs (the dev batches and stories-dev; today's rules, the weights file as given,
so the shipped file is in-sample on most sets) each line the layer takes out of the story on
a pair page is counted right (gold chrome) or wrong (gold story), with two pair readings:

* ``partner``: a gold bead gives the line a partner that the tool keeps in the other page's
  story (an oracle: the aligner would have to find that partner);
* ``figures``: the line holds a figure and every figure of it is in a story line of the other
  page (a reading the tool could make without gold).

Counts are lines and non-space characters.  No behaviour changes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_train as rt  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402
from workbench.testing.page_gold import GoldPage, load_pages, predict  # noqa: E402

STORY = ("headline", "body")
FIGURE = re.compile(r"\d+(?:[.,:]\d+)*")


def _seg_spans(page: GoldPage) -> list[set[int]]:
    """The gold span indices each segment overlaps."""
    out: list[set[int]] = [set() for _ in page.segs]
    for j, span in enumerate(page.spans):
        for k, seg in enumerate(page.segs):
            if seg.start < span["end"] and span["start"] < seg.end:
                out[k].add(j)
    return out


def _partners(folder: Path) -> dict[tuple[str, int], set[tuple[str, int]]]:
    """(page, gold span) -> the (other page, gold span) beads pair it with."""
    out: dict[tuple[str, int], set[tuple[str, int]]] = {}
    for f in sorted((folder / "gold-spans").glob("align-*.json")):
        pair = json.loads(f.read_text(encoding="utf-8"))
        for bead in pair["beads"]:
            left = {(pair["left"], j) for j in bead["left"]}
            right = {(pair["right"], j) for j in bead["right"]}
            for a, b in ((left, right), (right, left)):
                for key in a:
                    out.setdefault(key, set()).update(b)
    return out


def moves(folder: Path, model: rm.RoleModel) -> list[tuple]:
    """Rows (right, partner, figures, chars, page, text) of the lines the layer takes out."""
    pages = load_pages(folder)
    partners = _partners(folder)
    index = {p.name: i for i, p in enumerate(pages)}
    labels = []
    for page in pages:
        rm.shipped_model = lambda: None
        rules = predict(page)
        rm.shipped_model = lambda: model
        labels.append((rules, predict(page)))
    spans = [_seg_spans(p) for p in pages]
    rows = []
    for i, page in enumerate(pages):
        if not any(p == page.name for p, _j in partners):
            continue
        others = {o for (p, _j), ms in partners.items() if p == page.name for o, _m in ms}
        story_figs = {f for o in others for s, r in zip(pages[index[o]].segs, labels[index[o]][1],
                                                        strict=True)
                      if r in STORY for f in FIGURE.findall(s.text)}  # fmt: skip
        for k, seg in enumerate(page.segs):
            if not (labels[i][0][k] in STORY and labels[i][1][k] not in STORY):
                continue
            gold = [sp for sp in page.spans if sp["start"] < seg.end and seg.start < sp["end"]]
            size = {sp["role"]: 0 for sp in gold}
            for sp in gold:
                size[sp["role"]] += min(seg.end, sp["end"]) - max(seg.start, sp["start"])
            right = sum(v for r, v in size.items() if r in STORY) * 2 <= sum(size.values())
            mates = set().union(*(partners.get((page.name, j), set()) for j in spans[i][k]))
            partner = any(labels[index[o]][1][m] in STORY
                          for o, j in mates for m, s in enumerate(spans[index[o]]) if j in s)
            figs = set(FIGURE.findall(seg.text))
            rows.append((right, partner, bool(figs) and figs <= story_figs,
                         len(seg.text.replace(" ", "")), page.name, seg.text[:70]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", type=Path, default=rt.WEIGHTS)
    parser.add_argument("--lines", action="store_true", help="print each move")
    args = parser.parse_args()
    model = rm.RoleModel.from_json(json.loads(args.weights.read_text(encoding="utf-8")))
    folders = [rt.SHARED / "data" / "stories-dev", *(rt.BLIND / f"batch{b}" for b in rt.BATCHES
                                                     if f"blind{b}" not in rt.CHECK_ONLY)]
    rows = [r for f in folders if (f / "gold-spans").is_dir() for r in moves(f, model)]
    print(f"## today's rules, {model.correction.describe()}")
    print("| moved out | lines | chars | partner in story | figures in its story |")
    print("|---|---|---|---|---|")
    for label, want in (("right (gold chrome)", True), ("wrong (gold story)", False)):
        sel = [r for r in rows if r[0] == want]
        print(f"| {label} | {len(sel)} | {sum(r[3] for r in sel)} | "
              f"{sum(r[1] for r in sel)} ({sum(r[3] for r in sel if r[1])}) | "
              f"{sum(r[2] for r in sel)} ({sum(r[3] for r in sel if r[2])}) |")
    if args.lines:
        for r in rows:
            print(("  right " if r[0] else "  WRONG ") + f"p{int(r[1])} f{int(r[2])} "
                  f"{r[4]}: {r[5]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
