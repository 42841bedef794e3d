"""Round 29: the replaced-figure cap (``core.check_repeats``) off and on, under seeded role errors.

    .venv/bin/python benchmarks/flags_repeats.py [--seeds 3] [--strays 2]

Why: ``flags_robust.py`` scores the shipped checks only; a change to how often a flag
repeats must not let chrome lines (a teaser, a caption retelling a figure) buy false
flags or cost true ones.  This runs ``flags_robust``'s role settings (gold roles, then
gold roles with ``--strays`` chrome lines a page per seed), builds each setting's
pairs once, and scores them at the shipped gate with ``check_repeats.REPEATS`` off and
on in the same process (identical pairs on both sides): dev pooled, check pooled.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from flags_robust import _pr, _sum, load_sets, parse_args, role_settings  # noqa: E402
from roles_flags import FLAG_CHECK_SETS  # noqa: E402

from workbench.core import check_repeats  # noqa: E402
from workbench.testing.flag_gold import end_to_end_pairs, gated_items, precision_recall  # noqa: E402


def scores(pairs: list, on: bool) -> dict[str, dict]:
    """Dev and check pooled scores of ``pairs`` with the cap ``on`` (restored after)."""
    kept = check_repeats.REPEATS
    check_repeats.REPEATS = on
    try:
        return {split: precision_recall(gated_items([p for p in pairs if keep(p.group)]))
                for split, keep in (("dev", lambda g: g not in FLAG_CHECK_SETS),
                                    ("check pooled", lambda g: g in FLAG_CHECK_SETS))}  # fmt: skip
    finally:
        check_repeats.REPEATS = kept


def main() -> int:
    args = parse_args(__doc__, "Replaced-figure cap with seeded role errors")
    gold, pages, groups, dev = load_sets(args.shared)
    settings = role_settings(args.strays, args.seeds)
    print("| roles | split | cap off | cap on |")
    print("|---|---|---|---|")
    for label, roles in settings.items():
        runs = []
        for r in roles:
            pairs = end_to_end_pairs(gold, dev, groups=dict.fromkeys(dev, "stories-dev"), roles=r)
            pairs += end_to_end_pairs(gold, pages, "fixture_end_to_end", groups, roles=r)
            runs.append((scores(pairs, False), scores(pairs, True)))
        for split in ("dev", "check pooled"):
            cells = [_pr(_sum([run[k][split] for run in runs])) for k in (0, 1)]
            print(f"| {label} | {split} | {cells[0]} | {cells[1]} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
