"""Page roles where the capture cuts a page: the last line's roles, visible cut vs saved whole.

    .venv/bin/python benchmarks/role_cuts.py [--shared DIR] [--words 2,3,4,5,6] [--json FILE]

Captures keep about 2,000 bytes, so a page often stops inside a line; the story's
cut sentence is still story (the dev set's README).  Every dev page is cut again
where a line follows a story line, ``k`` words into it and two letters into the
next word (mid-word, as a byte cut falls), the gold cut with it the way the batch
builder cuts (spans past the end dropped, the straddling one shortened), and the
cut line's characters are scored: role, in-story decision, split by the gold role
of that line (story or not).  The baseline, in the same process on the same cuts,
is the page with a line break after the cut (as if saved whole: no visible cut),
which the role rules judged exactly as before the visible-cut rule.  The check
sets (``roles_flags.CHECK_SETS`` 20 and 22) print one pooled row, never a page.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_check_sets import ROLE_CHECK_SETS  # noqa: E402

from workbench.testing.page_gold import (  # noqa: E402
    STORY,
    GoldPage,
    _analysed,
    load_annotated_dir,
    load_pages,
    predict,
)

SHARED = Path(os.environ.get("WORKBENCH_SHARED") or ROOT.parent / "shared")
FIXTURES = ROOT / "tests" / "data" / "role-pages"
CHECK = ROLE_CHECK_SETS  # one tuple for all role/flag studies (reliab41)


def cut_points(page: GoldPage, words: tuple[int, ...]) -> list[int]:
    """Offsets a few words into every line that follows a story (body) line."""
    spans = sorted(page.spans, key=lambda s: s["start"])
    out = []
    for prev, span in zip(spans, spans[1:], strict=False):
        if prev["role"] != "body" or "\n" not in page.text[prev["end"] : span["start"]]:
            continue
        tokens = span["text"].split()
        for k in words:
            if k >= len(tokens):
                break
            at = span["text"].index(tokens[k], len(" ".join(tokens[:k])))
            out.append(span["start"] + at + min(2, len(tokens[k]) - 1))
    return out


def cut(page: GoldPage, pos: int, tail: str = "") -> GoldPage:
    """The page cut at ``pos`` (``tail`` after it: "" a visible cut, "\\n" saved whole)."""
    text, spans = page.text[:pos], []
    for span in page.spans:
        if span["start"] >= pos:
            continue
        span = dict(span)
        if span["end"] > pos:
            span["end"] = len(text.rstrip())
            if not text[span["start"] : span["end"]].strip():
                continue
        spans.append(span)
    return _analysed(GoldPage(page.name, page.story, text + tail, spans))


def last_line(page: GoldPage, roles: list[str], tally: Counter, key: str) -> None:
    """Add the cut line's characters (role right, story right) to ``tally``."""
    start = page.text.rstrip("\n").rfind("\n") + 1
    owner = {q: k for k, s in enumerate(page.segs) for q in range(s.start, s.end)}
    for span in page.spans:
        for q in range(max(span["start"], start), span["end"]):
            if page.text[q].isspace() or q not in owner:
                continue
            tool, gold = roles[owner[q]], span["role"]
            part = "story" if gold in STORY else "rest"
            tally[f"{key} {part} n"] += 1
            tally[f"{key} {part} role"] += tool == gold
            tally[f"{key} {part} story"] += (tool in STORY) == (gold in STORY)


def score(pages: list[GoldPage], words: tuple[int, ...]) -> Counter:
    tally: Counter = Counter()
    for page in pages:
        for pos in cut_points(page, words):
            tally["cuts"] += 1
            for key, tail in (("cut", ""), ("whole", "\n")):
                piece = cut(page, pos, tail)
                last_line(piece, predict(piece), tally, key)
    return tally


def _pct(t: Counter, key: str, part: str, what: str) -> str:
    n = t[f"{key} {part} n"]
    return f"{t[f'{key} {part} {what}'] / n:.3f}" if n else "-"


def row(name: str, t: Counter) -> str:
    cells = [f"{_pct(t, k, part, 'role')}" for part in ("story", "rest") for k in ("whole", "cut")]
    n_story, n_rest = t["cut story n"], t["cut rest n"]
    both = {k: (t[f"{k} story story"] + t[f"{k} rest story"]) / max(1, n_story + n_rest)
            for k in ("whole", "cut")}  # fmt: skip
    return (f"| {name} | {t['cuts']} | {n_story} | {cells[0]} → {cells[1]} | {n_rest} | "
            f"{cells[2]} → {cells[3]} | {both['whole']:.3f} → {both['cut']:.3f} |")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--words", default="2,3,4,5,6")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    words = tuple(int(w) for w in args.words.split(","))
    sets: dict[str, list[GoldPage]] = {}
    dev = args.shared / "data" / "stories-dev"
    if dev.is_dir():
        sets["stories-dev"] = load_pages(dev)
    else:
        print(f"(shared dev set absent: {dev}; repository pages only)")
    sets["fixtures"] = load_annotated_dir(FIXTURES)
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        sets[folder.name] = load_annotated_dir(folder)
    load = os.getloadavg()
    print(
        f"# Cut pages: the cut line's characters, saved whole → visibly cut "
        f"(words kept {args.words}; machine load {load[0]:.1f})\n"
    )
    print("| set | cuts | story chars | role (story) | other chars | role (other) | story |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    totals = {"dev": Counter(), "check": Counter()}
    out = {}
    for name, pages in sets.items():
        t = score(pages, words)
        group = "check" if name in CHECK else "dev"
        totals[group].update(t)
        if group == "dev":
            print(row(name, t))
            out[name] = dict(t)
    print(row("**dev pooled**", totals["dev"]))
    print(row("check 20+22 pooled", totals["check"]))
    out["dev pooled"], out["check pooled"] = dict(totals["dev"]), dict(totals["check"])
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
