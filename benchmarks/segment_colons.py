"""Colons in dev story lines: where the gold cuts a sentence at one and where it does not.

    .venv/bin/python benchmarks/segment_colons.py [--list]

Why: a colon followed by a space is the next boundary ``segment_wide.py`` finds inside tool
segments holding two gold sentences (round 26: batch 6, batch 17's kicker, batch 76's headline,
the colon-led quotes of batches 6 and 41); ``sentencex`` never cuts there.  A cut rule is only
worth measuring if some shape of the text around the colon separates the colons the writers cut
at from the many they keep inside one sentence ("Die Deutsche Bahn bestätigt: Rund 40 Kabel …",
"Lyon : sept cas …", "VIENNA: Austrian …").  This reads the gold spans alone (no ingest): every
colon of a dev page that is followed by a space and a word on the same line and is not between
two digits (10:30, 2:1), with a story role (headline or body) on at least one side, is ``cut``
when a gold span ends at it and the next one starts on its line, else ``kept``; each is put in
a class by what opens the text after it (``quote``, ``capital``, ``digit``, ``lower``) and the
shape before it (``label``: at most three words since the last sentence end, a kicker, a place
or "Details:"; ``clause``: more).  Check batches (``align_devsets.CHECK_SETS``) are never read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402

from workbench.core.segment_quotes import has_quote  # noqa: E402

_COLON = re.compile(r"(?<!\d):(?=[ \t\u00a0]+\S)")
_WORD = re.compile(r"[^\W_]+")
_STORY = set(align_pairs.STORY)


def shape(before: str, after: str) -> tuple[str, str]:
    """(what opens the text after the colon, the shape of the text before it)."""
    opens = after.lstrip()[:1]
    if has_quote(opens):
        kind = "quote"
    elif opens.isupper():
        kind = "capital"
    elif opens.isdigit():
        kind = "digit"
    else:
        kind = "lower"
    words = len(_WORD.findall(re.split(r"[.!?]\s", before)[-1]))
    return kind, "label" if words <= 3 else "clause"


def page_colons(text: str, spans: list[dict]) -> list[tuple[str, str, str, str]]:
    """(cut or kept, roles, text before on the line, text after on the line) per story colon."""
    out = []
    for m in _COLON.finditer(text):
        pos = m.start()
        start = text.rfind("\n", 0, pos) + 1
        stop = len(text) if (end := text.find("\n", pos)) < 0 else end
        ends = [s for s in spans if s["end"] - 1 == pos]
        nxt = [s for s in spans if pos < s["start"] < stop]
        inside = [s for s in spans if s["start"] <= pos < s["end"] - 1]
        if ends and nxt:
            verdict, roles = "cut", {ends[0]["role"], nxt[0]["role"]}
        elif inside:
            verdict, roles = "kept", {inside[0]["role"]}
        else:
            continue
        if roles & _STORY:
            out.append(
                (verdict, "/".join(sorted(roles)), text[start : pos + 1], text[pos + 1 : stop])
            )
    return out


def dev_colons() -> list[tuple[str, str, str, str, str]]:
    """(batch, page, verdict, before, after) of every story colon on the dev pages."""
    ev = align_pairs.load_eval()
    rows = []
    for root in align_pairs.STORY_ROOTS:
        folder = root / "gold-spans"
        if not (folder / "index.json").exists():
            continue
        for page in json.loads((folder / "index.json").read_text("utf-8"))["pages"]:
            meta = json.loads((folder / f"{page}.json").read_text("utf-8"))
            text = ev.decode_page((root / "pages" / meta["file"]).read_bytes())
            for verdict, _roles, before, after in page_colons(text, meta["spans"]):
                rows.append((root.name, page.split("__")[-1], verdict, before, after))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="one line per colon")
    args = parser.parse_args()
    counts: Counter[tuple[str, str, str]] = Counter()
    batches: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for batch, page, verdict, before, after in dev_colons():
        key = (*shape(before, after), verdict)
        counts[key] += 1
        batches[key].add(batch)
        if args.list:
            print(f"{verdict:4} {key[0]:7} {key[1]:6} {batch:11} {page[:24]:24} "
                  f"{before[-50:]!r} | {after[:70]!r}")  # fmt: skip
    print("after   before  cut (batches)  kept (batches)")
    for kind in ("quote", "capital", "digit", "lower"):
        for form in ("label", "clause"):
            cut, kept = (kind, form, "cut"), (kind, form, "kept")
            print(f"{kind:7} {form:6} {counts[cut]:3} ({len(batches[cut]):2})      "
                  f"{counts[kept]:4} ({len(batches[kept]):2})")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
