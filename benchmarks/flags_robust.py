"""Pair flags when the page roles let chrome into the story: do false flags follow?

    .venv/bin/python benchmarks/flags_robust.py [--seeds 3] [--strays 2]

Why: on unseen pages the roles let far more chrome into the story than on dev
pages (round 9's held-out confusions: other -> body 1,592 characters: menus,
widget residue, tickers, embedded posts, captions).  Flags are scored on the
tool's roles (``roles_flags.py``), so dev figures hide how the checks behave
on worse roles.  This benchmark runs every pair of the flag gold
(``tests/data/flag-gold.json``) from its pages' **gold** segment roles, then,
per seed, lets ``--strays`` chrome segments of each page near its story
(gold role not headline/body, within ``NEAR`` segments of a story segment)
into the story as body, and scores the flags at the shipped gate: tokens,
precision / recall (true / false / missed), with the ``either`` lists and
with them counted false.  Dev sets pooled (batches 27 on read from story-pairs, as
``roles_flags.py`` does), and the check batches (``FLAG_CHECK_SETS``) pooled only.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from roles_flags import FIXTURES, FLAG_CHECK_SETS, SHARED, STORY_PAIRS  # noqa: E402

from workbench.testing.flag_gold import (  # noqa: E402
    either_counted_false,
    end_to_end_pairs,
    gated_items,
    precision_recall,
)
from workbench.testing.page_gold import (  # noqa: E402
    GoldPage,
    load_annotated_dir,
    load_pages,
    load_story_pair_sets,
)

STORY = ("headline", "body")
NEAR = 3  # how far from the story a chrome segment may sit to slip into it


def gold_roles(page: GoldPage) -> list[str]:
    """Each segment's gold role: the role most of its characters carry in the span gold."""
    owner = [-1] * len(page.text)
    for k, seg in enumerate(page.segs):
        for pos in range(seg.start, seg.end):
            owner[pos] = k
    votes: list[Counter] = [Counter() for _ in page.segs]
    for span in page.spans:
        for pos in range(span["start"], span["end"]):
            if owner[pos] >= 0 and not page.text[pos].isspace():
                votes[owner[pos]][span["role"]] += 1
    return [v.most_common(1)[0][0] if v else "other" for v in votes]


def with_strays(count: int, seed: int) -> Callable[[GoldPage], list[str]]:
    """Gold roles with ``count`` chrome segments next to the story read as body (per page)."""

    def roles(page: GoldPage) -> list[str]:
        out = gold_roles(page)
        story = [k for k, r in enumerate(out) if r in STORY]
        if not story or not count:
            return out
        near = [k for k, r in enumerate(out) if r not in STORY and page.segs[k].text.strip()
                and story[0] - NEAR <= k <= story[-1] + NEAR]  # fmt: skip
        rng = random.Random(f"{seed}/{page.name}")
        for k in rng.sample(near, min(count, len(near))):
            out[k] = "body"
        return out

    return roles


def load_sets(shared: Path) -> tuple[dict, dict[str, GoldPage], dict[str, str], dict]:
    """The flag gold, every page by name, each page's set, and the shared dev pages."""
    import json

    gold = json.loads((ROOT / "tests" / "data" / "flag-gold.json").read_text(encoding="utf-8"))
    sets = {"fixtures": load_annotated_dir(FIXTURES)}
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        sets[folder.name] = load_annotated_dir(folder)
    sets |= load_story_pair_sets(STORY_PAIRS, set(sets))  # batches 27 on: story-pairs only
    pages = {p.name: p for group in sets.values() for p in group}
    groups = {p.name: name for name, group in sets.items() for p in group}
    dev_dir = shared / "data" / "stories-dev"
    dev = {p.name.split("__")[-1]: p for p in load_pages(dev_dir)} if dev_dir.is_dir() else {}
    return gold, pages, groups, dev


def dev_pages(shared: Path) -> list[tuple[str, GoldPage]]:
    """Every dev page with its set's name (check sets left out), the shared dev set last.

    Why: the segment-level studies (``flags_conversions``, ``flags_signs``) read the same pages
    and must never read a check page.
    """
    _gold, pages, groups, dev = load_sets(shared)
    chosen = [(groups[n], p) for n, p in pages.items() if groups[n] not in FLAG_CHECK_SETS]
    return chosen + [("stories-dev", p) for p in dev.values()]


def run(gold: dict, pages: dict, groups: dict, dev: dict, roles: Callable) -> dict[str, dict]:
    """Dev and check (pooled) scores of one role setting, with and without ``either``."""
    pairs = end_to_end_pairs(gold, dev, groups=dict.fromkeys(dev, "stories-dev"), roles=roles)
    pairs += end_to_end_pairs(gold, pages, "fixture_end_to_end", groups, roles=roles)
    out = {}
    for split, keep in (("dev", lambda g: g not in FLAG_CHECK_SETS),
                        ("check pooled", lambda g: g in FLAG_CHECK_SETS)):  # fmt: skip
        chosen = [p for p in pairs if keep(p.group)]
        out[split] = {
            "either": precision_recall(gated_items(chosen)),
            "either false": precision_recall(gated_items(either_counted_false(chosen))),
            "pairs": len(chosen),
        }
    return out


def _pr(s: dict) -> str:
    return f"{s['precision']:.2f} / {s['recall']:.2f} ({s['true']}/{s['false']}/{s['missed']})"


def _sum(runs: list[dict]) -> dict:
    t = sum(r["true"] for r in runs)
    f = sum(r["false"] for r in runs)
    m = sum(r["missed"] for r in runs)
    return {"true": t, "false": f, "missed": m, "precision": t / (t + f) if t + f else 1.0,
            "recall": t / (t + m) if t + m else 1.0}  # fmt: skip


def parse_args(description: str, title: str) -> argparse.Namespace:
    """The seeded-role benchmarks' command line (``--shared``, ``--seeds``, ``--strays``),
    parsed, with the report's title and the machine load printed."""
    parser = argparse.ArgumentParser(description=description.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--strays", type=int, default=2)
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# {title} (machine load {load[0]:.1f}/{load[1]:.1f})\n")
    return args


def role_settings(strays: int, seeds: int) -> dict[str, list[Callable[[GoldPage], list[str]]]]:
    """Each row's role readers: gold roles, then gold roles with ``strays`` chrome lines a
    page for each of ``seeds`` seeds (their scores are summed)."""
    return {"gold roles": [gold_roles],
            f"gold roles + {strays} chrome lines a page ({seeds} seeds, summed)":
                [with_strays(strays, seed) for seed in range(seeds)]}  # fmt: skip


def main() -> int:
    args = parse_args(__doc__, "Flags with seeded role errors")
    gold, pages, groups, dev = load_sets(args.shared)
    if not dev:
        print(f"(shared dev set absent: {args.shared}; repository pairs only)\n")
    rows = {label: [run(gold, pages, groups, dev, r) for r in readers]
            for label, readers in role_settings(args.strays, args.seeds).items()}  # fmt: skip
    print("| roles | split | pairs | with `either` | `either` counted false |")
    print("|---|---|---:|---|---|")
    for label, runs in rows.items():
        for split in ("dev", "check pooled"):
            cells = [_pr(_sum([r[split][k] for r in runs])) for k in ("either", "either false")]
            print(f"| {label} | {split} | {runs[0][split]['pairs']} | {cells[0]} | {cells[1]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
