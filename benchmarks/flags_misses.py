"""Every missed and false flag token of the DEV pairs, with the row that holds it.

    .venv/bin/python benchmarks/flags_misses.py [--shared DIR] [--groups 107,110] [--cache F]

Why: a flag rule is chosen by the class of tokens it misses across dev batches (round 31:
recall .57 on unseen pairs, missed figures against thousands words, number words, hedged
figures).  This lists each dev pair's missed and false tokens (at the shipped gate, ``either``
accepted) and the row of the token's side, so a class can be counted across batches.  Check
batches (``FLAG_CHECK_SETS``) are never printed or read beyond the pooled counts.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from flags_robust import load_sets  # noqa: E402
from roles_flags import FLAG_CHECK_SETS, SHARED  # noqa: E402

from workbench.testing.flag_gold import (  # noqa: E402
    _tokens,
    end_to_end_pairs,
    gated_items,
    precision_recall,
)
from workbench.testing.page_gold import predict  # noqa: E402


def dev_pairs(shared: Path, cache: Path | None) -> list:
    """The dev pairs run end to end (check pairs dropped before anything is printed)."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    gold, pages, groups, dev = load_sets(shared)
    pairs = end_to_end_pairs(gold, dev, groups=dict.fromkeys(dev, "stories-dev"), roles=predict)
    pairs += end_to_end_pairs(gold, pages, "fixture_end_to_end", groups, roles=predict)
    pairs = [p for p in pairs if p.group not in FLAG_CHECK_SETS]
    if cache:
        cache.write_bytes(pickle.dumps(pairs))
    return pairs


def _row(pair, side: str, token: str) -> str:
    """The first row of ``side`` whose text holds ``token`` (shortened)."""
    at = 2 if side.startswith("left") else 3  # "left_only" (round 34: was "left", never met)
    for bead in pair.beads:
        text = bead[at]
        if token in text:
            k = text.find(token)
            return text[max(0, k - 70): k + len(token) + 70].replace("\n", " ")
    return "(not in a row)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--groups", default="")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# Dev flag misses and false tokens (machine load {load[0]:.1f}/{load[1]:.1f})\n")
    pairs = dev_pairs(args.shared, args.cache)
    keep = set(filter(None, args.groups.split(",")))
    if keep:
        pairs = [p for p in pairs if p.group in keep]
    items = gated_items(pairs)
    print(f"dev: {precision_recall(items)}\n")
    for pair, (label, got, wanted) in zip(pairs, items, strict=True):
        g, w = _tokens(got), _tokens(wanted)
        for what, toks in (("MISSED", w - g), ("FALSE", g - w)):
            for (kind, side, token), n in sorted(toks.items()):
                print(f"{what} [{pair.group}] {label[:60]} {kind}/{side} {token!r} x{n}")
                print(f"      {_row(pair, side, token)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
