"""Flags on held-out batches: token precision and recall against a flag gold file, per batch.

    .venv/bin/python benchmarks/heldout_flags.py --gold FILE [--detail] BATCH_DIR ...

Why: each round the lead scores the flags of the round's start and final main on four batches
nobody developed on, with flag gold a helper wrote before any tool ran on them.  ``FILE`` is a
list of entries in the ``fixture_end_to_end`` format of ``tests/data/flag-gold.json``; each
``BATCH_DIR`` is a batch in the stories-dev layout (``pages/``, ``gold-spans/``).  The pairs go
through the product's path (tool roles -> aligner -> checks, the default gate), as
``benchmarks/roles_flags.py`` scores the repository's pairs; "either counted false" also counts
every raised token the gold marks ``either`` as false.  ``--detail`` lists each pair's false
and missed tokens (for the lead's note; never shown to an engineer during the round).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.testing.flag_gold import (  # noqa: E402
    _tokens,
    either_counted_false,
    end_to_end_pairs,
    gated_items,
    precision_recall,
)
from workbench.testing.page_gold import load_pages  # noqa: E402

KEY = "fixture_end_to_end"


def _row(name: str, s: dict, strict: dict) -> str:
    return (f"| {name} | {s['true']} | {s['false']} | {s['missed']} | {s['precision']:.2f} "
            f"| {s['recall']:.2f} | {strict['precision']:.2f} |")  # fmt: skip


def _detail(items: list[tuple[str, dict, dict]]) -> list[str]:
    """One line per pair with a false or a missed token."""
    lines = []
    for label, got, wanted in items:
        g, w = _tokens(got), _tokens(wanted)
        false, missed = sorted((g - w).elements()), sorted((w - g).elements())
        if false or missed:
            lines.append(f"- {label}: false {false or '-'}; missed {missed or '-'}")
    return lines


def score(gold: list[dict], batches: list[Path], detail: bool = False) -> list[str]:
    """The report's lines: a table row per batch and pooled, then the detail if asked."""
    pages, groups = {}, {}
    for batch in batches:
        for page in load_pages(batch):
            pages[page.name] = page
            groups[page.name] = batch.name
    pairs = end_to_end_pairs({KEY: gold}, pages, KEY, groups)
    default, strict = gated_items(pairs), gated_items(either_counted_false(pairs))
    group_of = {p.label: p.group for p in pairs}
    lines = ["| set | true | false | missed | precision | recall | either counted false |",
             "|---|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    for name in [b.name for b in batches] + ["pooled"]:
        def keep(items: list, name: str = name) -> list:
            return [i for i in items if name == "pooled" or group_of[i[0]] == name]

        lines.append(_row(name, precision_recall(keep(default)), precision_recall(keep(strict))))
    lines.append(f"\n{len(pairs)} pairs of {len(gold)} gold entries found in the batches")
    if detail:
        lines += ["", *_detail(default)]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, required=True, help="a list of gold entries (JSON)")
    parser.add_argument("--detail", action="store_true", help="each pair's false/missed tokens")
    parser.add_argument("batches", type=Path, nargs="+", help="batch folders (stories-dev layout)")
    args = parser.parse_args()
    try:
        gold = json.loads(args.gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"Error: cannot read the flag gold {args.gold}: {exc}", file=sys.stderr)
        return 2
    missing = [str(b) for b in args.batches if not (b / "gold-spans" / "index.json").is_file()]
    if missing:
        print(f"Error: not a batch in the stories-dev layout: {', '.join(missing)}",
              file=sys.stderr)
        return 2
    load = os.getloadavg()
    print(f"# Held-out flags (machine load {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f})\n")
    print("\n".join(score(gold, args.batches, args.detail)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
