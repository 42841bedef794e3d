"""Characters with the wrong role on the dev pages, ranked by class across batches.

    .venv/bin/python benchmarks/role_losses.py [--shared DIR] [--raw] [--top 25] [--pages]
                                               [--story]

Why: a role rule written on the page that showed the error fires on that page only (round
26: no hand-written role rule fired on an unseen page).  This study counts every lost
character of today's pipeline (``page_gold.predict``, learned layer on, as shipped) on the
dev sets of ``role_labels_cv.today_sets`` (never the check batches) and groups the losses
into classes: the gold role, the tool's role, where the run sits on the page (``above``
the first gold body line, ``inside`` the story, ``below`` its last body line) and its
shape (one line or several, sentence-like or not).  Classes are ranked by the number of
dev *batches* they lose characters in, then characters, so a class seen on one page of
one site ranks below a class seen on many.  ``--pages`` also lists the pages and runs of
each of the top classes (the lost text's first words), for reading, not for rules.

``--story`` (round 28) keeps only the characters whose in/out-of-story side is wrong (the
story goal) and ranks them by shape (``story_shape``): side (story ``lost`` or chrome
``taken``), place, and the page line's length, sentence end and neighbours (a caption
and credit on one line, a crosshead, a trailing site-voice sentence, a list item).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_labels_cv import CHECK_SETS, SHARED, STORY_PAIRS, today_sets  # noqa: E402

from workbench.testing.page_gold import (  # noqa: E402
    STORY,
    GoldPage,
    load_story_pair_sets,
    predict,
    score_page,
)


@dataclass
class Run:
    """Consecutive characters of one gold span that the tool gave one wrong role."""

    batch: str
    page: str
    gold: str
    tool: str
    where: str
    lines: int
    chars: int
    text: str
    line: str = ""  # the whole page line the run starts on
    before: str = ""  # the nearest non-empty page line above it
    after: str = ""  # ... and below it
    last: bool = False  # the run reaches the page's last non-empty line


def _where(page: GoldPage, start: int) -> str:
    body = [s for s in page.spans if s["role"] == "body"]
    if not body or start < body[0]["start"]:
        return "above"
    return "inside" if start < body[-1]["end"] else "below"


def lost_runs(batch: str, page: GoldPage) -> list[Run]:
    """The page's wrong runs: gold span by gold span, split where the tool's role changes."""
    roles = predict(page)
    owner = [-1] * len(page.text)
    for k, seg in enumerate(page.segs):
        for pos in range(seg.start, seg.end):
            owner[pos] = k
    runs: list[Run] = []
    for span in page.spans:
        cur: tuple[str, int] | None = None
        for pos in range(span["start"], span["end"] + 1):
            tool = None
            if pos < span["end"]:
                tool = roles[owner[pos]] if owner[pos] >= 0 else "none"
            if cur and tool != cur[0]:
                _close(runs, batch, page, span["role"], cur, pos)
                cur = None
            if tool is not None and tool != span["role"] and cur is None:
                cur = (tool, pos)
    return runs


def _close(
    runs: list[Run], batch: str, page: GoldPage, gold: str, cur: tuple[str, int], end: int
) -> None:
    tool, start = cur
    text = page.text[start:end]
    chars = sum(not c.isspace() for c in text)
    if chars:
        lines = text.strip().count("\n") + 1
        run = Run(batch, page.name, gold, tool, _where(page, start), lines, chars, text)
        run.line, run.before, run.after = _line_context(page.text, start)
        run.last = not page.text[end:].strip()
        runs.append(run)


def _line_context(text: str, pos: int) -> tuple[str, str, str]:
    """The line holding ``pos`` and its nearest non-empty neighbours, for the shape."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    hi = len(text) if hi < 0 else hi
    above = [ln for ln in text[:lo].split("\n") if ln.strip()]
    below = [ln for ln in text[hi:].split("\n") if ln.strip()]
    near = (above[-1].strip() if above else "", below[0].strip() if below else "")
    return text[lo:hi].strip(), *near


def rank(runs: list[Run]) -> list[tuple[tuple, dict]]:
    classes: dict[tuple, dict] = defaultdict(lambda: {"chars": 0, "batches": set(), "runs": []})
    for r in runs:
        key = (r.gold, r.tool, r.where)
        c = classes[key]
        c["chars"] += r.chars
        c["batches"].add(r.batch)
        c["runs"].append(r)
    return sorted(classes.items(), key=lambda kv: (-len(kv[1]["batches"]), -kv[1]["chars"]))


def _ended(line: str) -> bool:
    return line.rstrip("\"'»”“) ").endswith((".", "!", "?", "…"))


def _short_unended(line: str) -> bool:
    return 0 < len(line.split()) <= 8 and not _ended(line)


def story_shape(r: Run) -> str:
    """A wrong in-story decision's shape, from page evidence only (no word lists).

    Why: round 27 ranked by (gold, tool, place); the story goal is decided by the side
    of the line, and lines of one side differ by shape (a caption between paragraphs, a
    crosshead, a trailing site-voice sentence), which a rule can test on any site.
    """
    words, ended = len(r.line.split()), _ended(r.line)
    side = "lost" if r.gold in STORY else "taken"
    if len(r.text.strip()) < len(r.line) * 0.8:
        kind = "part of a line"
    elif r.where == "above":
        kind = ("title, deck or kicker" if side == "lost" else
                "label (1-3 words)" if words <= 3 else
                "sentence (caption, banner, dateline)" if ended else "unended line (nav, stamp)")
    elif _short_unended(r.before) and _short_unended(r.after) and not ended:
        kind = "list or menu item"
    elif r.where == "inside" and side == "taken":
        pair = _short_unended(r.before) or _short_unended(r.after)
        kind = ("label or credit (1-3 words)" if words <= 3 else
                "sentence next to a short unended line (caption + credit)" if ended and pair else
                "sentence between paragraphs" if ended else "unended line between paragraphs")
    elif r.where == "inside":
        kind = ("crosshead (<= 6 words, unended)" if words <= 6 and not ended else
                "sentence (advice, notice, background)" if ended else "unended line (cut, list)")
    else:
        kind = ("label or button (1-3 words)" if words <= 3 else
                "site-voice sentence" if ended else "unended line")
    return f"{side} {r.where}: {kind}" + (" [page end]" if r.last else "")


def report_story(runs: list[Run], pages: bool) -> None:
    """Rank the runs whose in/out-of-story side is wrong by shape, across batches."""
    wrong = [r for r in runs if (r.gold in STORY) != (r.tool in STORY)]
    total = sum(r.chars for r in wrong)
    print(f"story-side losses: {total} characters in {len({(r.batch, r.page) for r in wrong})} "
          f"pages of {len({r.batch for r in wrong})} batches\n")  # fmt: skip
    classes: dict[str, list[Run]] = defaultdict(list)
    for r in wrong:
        classes[story_shape(r)].append(r)
    ranked = sorted(classes.items(), key=lambda kv: (-len({r.batch for r in kv[1]}),
                                                     -sum(r.chars for r in kv[1])))  # fmt: skip
    print("| shape | batches | pages | runs | chars |\n|---|---|---|---|---|")
    for shape, rs in ranked:
        print(f"| {shape} | {len({r.batch for r in rs})} | {len({(r.batch, r.page) for r in rs})} "
              f"| {len(rs)} | {sum(r.chars for r in rs)} |")  # fmt: skip
    for shape, rs in ranked if pages else []:
        print(f"\n## {shape}")
        for r in sorted(rs, key=lambda r: -r.chars):
            print(f"  {r.batch} {r.page} {r.gold}->{r.tool} {r.chars}: {r.line[:100]!r}")


def report(sets: dict[str, list[GoldPage]], top: int, pages: bool) -> None:
    runs: list[Run] = []
    worst = []
    for name, group in sets.items():
        for page in group:
            s = score_page(page, predict(page))
            worst.append((s.roles, name, page.name, s.chars - s.role_ok))
            runs += lost_runs(name, page)
    total = sum(r.chars for r in runs)
    print(f"lost characters: {total} in {len({(r.batch, r.page) for r in runs})} pages\n")
    print("| gold role | tool role | where | batches | pages | chars | lines (1 / more) |")
    print("|---|---|---|---|---|---|---|")
    ranked = rank(runs)
    for (gold, tool, where), c in ranked[:top]:
        one = sum(r.lines == 1 for r in c["runs"])
        npages = len({(r.batch, r.page) for r in c["runs"]})
        print(f"| {gold} | {tool} | {where} | {len(c['batches'])} | {npages} | {c['chars']} "
              f"| {one} / {len(c['runs']) - one} |")  # fmt: skip
    print("\n| lowest pages | roles | lost chars |\n|---|---|---|")
    for roles, name, page, lost in sorted(worst)[:15]:
        print(f"| {name} {page} | {roles:.3f} | {lost} |")
    if pages:
        for (gold, tool, where), c in ranked[:top]:
            print(f"\n## {gold} -> {tool} ({where})")
            for r in sorted(c["runs"], key=lambda r: -r.chars):
                print(f"  {r.batch} {r.page} {r.chars}: {r.text.strip()[:110]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--raw", action="store_true", help="blind 3-21 from story-pairs")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--pages", action="store_true", help="list each class's runs")
    parser.add_argument("--story", action="store_true", help="in-story side losses by shape")
    args = parser.parse_args()
    sets = {n: p for n, p in today_sets(args.shared).items() if n not in CHECK_SETS}
    if args.raw:
        raw = load_story_pair_sets(STORY_PAIRS, {"fixtures", "stories-dev"})
        sets = {name: raw.get(name, pages) for name, pages in sets.items()}
    if args.story:
        report_story([r for n, g in sets.items() for p in g for r in lost_runs(n, p)], args.pages)
    else:
        report(sets, args.top, args.pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
