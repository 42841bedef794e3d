"""Which flag tokens a weights file adds or drops on a dev pair, and which moved lines did it.

    .venv/bin/python benchmarks/role_flag_trace.py FILE [--pair SUBSTRING]

Why (round 34): ``role_flags_moved.py`` counts a weights file's flags against the shipped
file's on the pairs with a moved page, but not which tokens differ or why; round 33's two
false dev flags of the headline x2 refit were located only as a pair.  This runs every
repository dev pair of the flag gold (fixtures and dev batches, not the shared real pages)
with a page whose product-path roles differ (``page_gold.predict`` under each file) end to
end under both files, and prints per pair the moved lines (shipped role -> FILE's role, gold
role), the aligned rows one file has and the other not, and the flag tokens at the default
gate that one file raises and the other does not (true: the gold requires it; false:
neither required nor accepted).  Check pairs are never printed (a check only vetoes).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_weights as rw  # noqa: E402
import roles_flags as rf  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402
from workbench.testing import page_gold  # noqa: E402
from workbench.testing.flag_gold import _tokens, end_to_end_pairs, gated_items, plain  # noqa: E402


def gold_roles(page: page_gold.GoldPage) -> list[str]:
    """Each segment's gold role: the gold span holding its first character."""
    return [next((s["role"] for s in page.spans if s["start"] <= seg.start < s["end"]), "?")
            for seg in page.segs]  # fmt: skip


def dev_entries(gold: dict, pages: dict) -> list[tuple[str, dict]]:
    """(gold key, entry) of every end-to-end pair whose pages are dev pages here."""
    return [(key, e) for key in ("end_to_end", "fixture_end_to_end") for e in gold.get(key, [])
            if e["left"] in pages and e["right"] in pages]  # fmt: skip


def trace(key: str, entry: dict, pages: dict, models: dict) -> None:
    """One pair under each model: moved lines, the rows holding them, token differences."""
    pair = [pages[entry["left"]], pages[entry["right"]]]
    reads, flags, rows = {}, {}, {}
    for name, model in models.items():
        rm.shipped_model = lambda model=model: model
        reads[name] = [page_gold.predict(p) for p in pair]
        done = end_to_end_pairs({key: [entry]}, dict(zip((entry["left"], entry["right"]), pair,
                                                         strict=True)), key)  # fmt: skip
        _, got, wanted = gated_items(done)[0]
        flags[name], rows[name] = (_tokens(got), _tokens(wanted)), done[0].beads
    print(f"\n### {entry['left'].split('__')[-1]} / {entry['right'].split('__')[-1]}\n")
    a, b = models
    for side, page in enumerate(pair):
        golds = gold_roles(page)
        for k, (x, y) in enumerate(zip(reads[a][side], reads[b][side], strict=True)):
            if x != y:
                text = page.segs[k].text[:90]
                print(f"- moved: {page.name.split('__')[-1]} line {k}: {x} -> {y} "
                      f"(gold {golds[k]}): {text!r}")  # fmt: skip
    for name in models:
        (got, wanted), other = flags[name], flags[b if name == a else a][0]
        extra = got - other
        if extra:
            true, false = extra & wanted, extra - wanted
            print(f"- only under {name}: true {dict(true)}, false {dict(false)}")
        theirs = {r[2:4] for r in rows[b if name == a else a]}
        for conf, sim, left, right, _, _ in rows[name]:
            if (left, right) not in theirs:
                print(f"  - row only under {name} (confidence {conf:.2f}, similarity {sim:.2f}):"
                      f" {plain(left)[:100]!r} | {plain(right)[:100]!r}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--pair", default="", help="only pairs whose names hold this")
    args = parser.parse_args()
    models = {"shipped": rm.shipped_model(), args.file.stem: rw.load_model(args.file)}
    sets = {"fixtures": page_gold.load_annotated_dir(rf.FIXTURES)}
    for folder in sorted(p for p in rf.FIXTURES.iterdir() if p.is_dir()):
        sets[folder.name] = page_gold.load_annotated_dir(folder)
    sets |= page_gold.load_story_pair_sets(rf.STORY_PAIRS, set(sets))
    checks = set(rf.FLAG_CHECK_SETS) | set(rf.CHECK_SETS)
    pages = {p.name: p for name, group in sets.items() if name not in checks for p in group}
    gold = json.loads((ROOT / "tests" / "data" / "flag-gold.json").read_text(encoding="utf-8"))
    moved: Counter = Counter()
    for key, entry in dev_entries(gold, pages):
        if args.pair not in entry["left"] + entry["right"]:
            continue
        pair = [pages[entry["left"]], pages[entry["right"]]]
        read = []
        for model in models.values():
            rm.shipped_model = lambda model=model: model
            read.append([page_gold.predict(p) for p in pair])
        if read[0] != read[1]:
            moved["pairs"] += 1
            trace(key, entry, pages, models)
    print(f"\n{moved['pairs']} dev pairs with a moved page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
