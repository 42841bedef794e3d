"""Census: dev pages whose chosen title is chrome with the gold title below it in its block.

    .venv/bin/python benchmarks/role_title_block_census.py [--shared DIR]

Why (round 38, roles38): the lowest new dev page, batch 136's verbyliv_vsesvit_uk (.836 / .862
at START ``21115cf``), loses its title the way round 36's class does (``role_title_pick_cv``):
``page_header._choose_title`` takes the first close line of the title's block, a nav row with no
separators ("Головна Новини громади Влада Освіта Оголошення"), the site's tagline becomes its
second line, and the real "Title. Subtitle" line under them is read body / other.  A class is
counted by the dev *sets* it holds, so this lists every dev page (check batches never read) whose
chosen title segment is not gold ``headline`` while a candidate below it in the same block is:
its set, the chosen line's first words, the story stems the chosen line and the gold title share
(``Candidate[2]``), and whether round 36's ``title_more_stems`` (1) reaches it (the picked line is
short, ``short_words``, and the gold title shares more stems).  Rules as shipped (layer on; the
layer does not choose titles).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_labels_cv import CHECK_SETS, SHARED, today_sets  # noqa: E402

from workbench.core import page_header  # noqa: E402
from workbench.core.role_params import DEFAULT_PARAMS  # noqa: E402
from workbench.testing.page_gold import GoldPage, predict  # noqa: E402


def gold_roles(page: GoldPage) -> list[str | None]:
    """Each segment's gold role: the role of most of its characters."""
    out: list[str | None] = []
    for seg in page.segs:
        votes: Counter = Counter()
        for span in page.spans:
            overlap = min(seg.end, span["end"]) - max(seg.start, span["start"])
            if overlap > 0:
                votes[span["role"]] += overlap
        out.append(votes.most_common(1)[0][0] if votes else None)
    return out


def page_row(page: GoldPage) -> tuple | None:
    """``(chosen text, its stems, the gold title's stems, reached)`` for a page of the class."""
    calls: list = []
    keep = page_header._choose_title

    def traced(found, segs, sh, p):  # noqa: ANN001, ANN202  (page_header's own signature)
        out = keep(found, segs, sh, p)
        calls.append((list(found), out[0], sh))
        return out

    page_header._choose_title = traced
    try:
        predict(page)
    finally:
        page_header._choose_title = keep
    gold = gold_roles(page)
    found, title, sh = next(((f, t, s) for f, t, s in calls if t is not None), ([], None, None))
    if title is None or gold[title] == "headline":
        return None
    block = next(b for b in page_header._blocks(found) if any(c[0] == title for c in b))
    pick = next(c for c in block if c[0] == title)
    below = [c for c in block if c[0] > title and gold[c[0]] == "headline"]
    if not below:
        return None
    short = sum(sh[k].words for k in pick[1]) <= DEFAULT_PARAMS.short_words
    return page.segs[title].text[:50], pick[2], below[0][2], short and below[0][2] > pick[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    rows = []
    for name, pages in today_sets(args.shared).items():
        if name in CHECK_SETS:
            continue
        rows += [(name, page.name.split("__")[-1], *row) for page in pages
                 if (row := page_row(page)) is not None]  # fmt: skip
    sets = {r[0] for r in rows}
    reached = [r for r in rows if r[-1]]
    print(f"chosen title chrome, gold title below in its block: {len(rows)} pages of "
          f"{len(sets)} dev sets; title_more_stems reaches {len(reached)} pages of "
          f"{len({r[0] for r in reached})} sets\n")  # fmt: skip
    print("| set | page | chosen line | stems chosen / gold title | more 1 reaches |")
    print("|---|---|---|---|---|")
    for name, page, text, mine, theirs, hit in rows:
        print(f"| {name} | {page} | {text} | {mine} / {theirs} | {'yes' if hit else 'no'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
