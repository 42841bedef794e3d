"""The headline's errors on the dev pages, by class, with pages and batches per class.

    .venv/bin/python benchmarks/role_headline_losses.py [--shared DIR] [--pages] [--cache FILE]

Why: the headline names the story on every page of a desk, and a headline error also moves
the in-story decision of what lies next to it (round 35, issue 15).  ``role_losses.py`` ranks
every lost character by (gold, tool, place); this census keeps the runs where the headline
is involved on either side (``lost_runs`` of today's pipeline, layer on, the dev sets of
``role_labels_cv.today_sets``, never the check batches) and names each by what the text is on
the page:

* gold ``headline`` read as something else: the title ``lost`` as other / body / ...;
* something else read as ``headline``: a lead body sentence (the first body line), a later
  body line, a deck (an ended ``other`` line between the headline's place and the story), a
  caption or credit, a nav / ticker / stamp line (unended, above), a teaser (below the story).

A class is counted by batches, pages and characters; ``--pages`` lists each run's page line.
``--cache`` keeps the runs (JSON) so a reading does not predict the pages again.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_labels_cv import CHECK_SETS, SHARED, today_sets  # noqa: E402
from role_losses import Run, _ended, lost_runs, report_story  # noqa: E402

from workbench.testing.page_gold import GoldPage  # noqa: E402


def first_body_line(page: GoldPage) -> tuple[int, int]:
    """The page line holding the first gold body character (start, end)."""
    body = [s for s in page.spans if s["role"] == "body"]
    if not body:
        return (-1, -1)
    pos = body[0]["start"]
    lo = page.text.rfind("\n", 0, pos) + 1
    hi = page.text.find("\n", pos)
    return lo, len(page.text) if hi < 0 else hi


def headline_class(r: Run, lead: bool) -> str:
    """What the run is on the page, from its line and place (for reading, not for rules)."""
    words, ended = len(r.line.split()), _ended(r.line)
    if r.gold == "headline":
        part = " (part of the line)" if len(r.text.strip()) < len(r.line) * 0.8 else ""
        return f"headline lost -> {r.tool}{part}"
    if r.gold == "body":
        return "lead sentence -> headline" if lead else f"body ({r.where}) -> headline"
    if r.where == "above":
        if ended:
            return f"{r.gold} sentence above (deck, caption, banner) -> headline"
        return (
            f"{r.gold} unended line above (nav, ticker, stamp, kicker; {min(words, 4)}"
            f"{'+' if words >= 4 else ''} words) -> headline"
        )
    return f"{r.gold} {r.where} ({'sentence' if ended else 'unended'}) -> headline"


def census(sets: dict[str, list[GoldPage]]) -> tuple[list[dict], list[Run]]:
    rows, story = [], []
    for name, group in sets.items():
        for page in group:
            lo, hi = first_body_line(page)
            for r in lost_runs(name, page):
                story.append(r)
                if "headline" not in (r.gold, r.tool):
                    continue
                start = page.text.find(r.text)
                lead = r.gold == "body" and lo <= start < hi
                rows.append(asdict(r) | {"cls": headline_class(r, lead)})
    return rows, story


def report(rows: list[dict], pages: bool) -> None:
    total = sum(r["chars"] for r in rows)
    print(f"headline errors: {total} characters, {len({(r['batch'], r['page']) for r in rows})}"
          f" pages of {len({r['batch'] for r in rows})} batches\n")  # fmt: skip
    classes: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        classes[r["cls"]].append(r)
    ranked = sorted(classes.items(), key=lambda kv: (-len({r["batch"] for r in kv[1]}),
                                                     -sum(r["chars"] for r in kv[1])))  # fmt: skip
    print("| class | batches | pages | runs | chars |\n|---|---|---|---|---|")
    for cls, rs in ranked:
        print(f"| {cls} | {len({r['batch'] for r in rs})} | "
              f"{len({(r['batch'], r['page']) for r in rs})} | {len(rs)} | "
              f"{sum(r['chars'] for r in rs)} |")  # fmt: skip
    for cls, rs in ranked if pages else []:
        print(f"\n## {cls}")
        for r in sorted(rs, key=lambda r: (r["batch"], r["page"])):
            print(
                f"  {r['batch']} {r['page']} {r['gold']}->{r['tool']} {r['chars']}: "
                f"{r['line'][:90]!r}  | before {r['before'][:50]!r} | after {r['after'][:50]!r}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--pages", action="store_true", help="list each class's runs")
    parser.add_argument("--cache", type=Path, help="runs as JSON: read if present, else written")
    parser.add_argument("--story", action="store_true", help="also role_losses' --story table")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        rows = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        sets = {n: p for n, p in today_sets(args.shared).items() if n not in CHECK_SETS}
        rows, story = census(sets)
        if args.cache:
            args.cache.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        if args.story:
            report_story(story, args.pages)
            print()
    report(rows, args.pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
