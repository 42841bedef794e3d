"""Tool segments that hold two or more gold sentences, by the boundary the segmenter kept.

    .venv/bin/python benchmarks/segment_wide.py --cache PICKLE [--list]

Why: a segment holding two gold sentences puts their 1-1 beads out of reach of any
alignment (the bead can only be found inside a larger output bead; round 25: rewrites25,
para25 and seg25 met the same miss).  Each dev page side of ``align_pairs.py --cache``'s
pairs is read once; every segment whose gold role is headline or body and whose span covers
two or more gold spans is put in one class by the first shape it shows, in this order:
``quote`` (a quotation mark of any style, single ones from round 26: sentencex never cuts
inside a quote, ``core.segment_quotes``),
``colon`` (a colon and a word), ``newline`` (a line break kept inside the segment),
``number-dot`` (a number and a full stop), ``paren`` (a closing parenthesis), ``other``.
The count of batches per class says whether a rule for it would be general or one page's.
Check batches (``align_devsets.CHECK_SETS``) are never read here.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402

from workbench.core.segment_quotes import has_quote  # noqa: E402

_SHAPES = (
    ("colon", re.compile(r":\s+\S")),
    ("newline", re.compile(r"\n")),
    ("number-dot", re.compile(r"\d\.\s")),
    ("paren", re.compile(r"\)\.?\s")),
)


def boundary(text: str) -> str:
    """The class of a segment holding several gold sentences (module docstring)."""
    if has_quote(text):
        return "quote"
    return next((name for name, shape in _SHAPES if shape.search(text)), "other")


def wide_segments(cases: list[align_pairs.PairCase]) -> list[tuple[str, str, str, list[int]]]:
    """(batch, page, text, gold spans) of each dev story segment covering two gold spans."""
    seen: set[tuple[str, str]] = set()
    out = []
    for case in cases:
        if case.set_name in align_pairs.CHECK_SETS:
            continue
        for side, key in ((case.left, case.gold["left"]), (case.right, case.gold["right"])):
            if (case.set_name, key) in seen:
                continue
            seen.add((case.set_name, key))
            for text, spans, role in zip(side.texts, side.spans, side.gold_roles, strict=True):
                if len(spans) >= 2 and role in align_pairs.STORY:
                    out.append((case.set_name, key, text, sorted(spans)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="align_pairs.py's pickle")
    parser.add_argument("--list", action="store_true", help="one line per segment")
    args = parser.parse_args()
    rows = wide_segments(align_pairs.cached_cases(args.cache))
    counts: Counter[str] = Counter()
    batches: dict[str, set[str]] = defaultdict(set)
    for batch, key, text, spans in rows:
        name = boundary(text)
        counts[name] += 1
        batches[name].add(batch)
        if args.list:
            print(f"{name:10} {batch:8} {key[-30:]:30} {spans} {text[:120]!r}")
    print(f"{len(rows)} dev story segments hold two or more gold sentences")
    for name, n in counts.most_common():
        print(f"  {name:10} {n:3} segments in {len(batches[name]):2} batches: "
              f"{', '.join(sorted(batches[name]))}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
