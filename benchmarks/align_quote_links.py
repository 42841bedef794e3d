"""Quotes on the real-story pairs: links whose sides disagree on telling a quote, and misses.

    .venv/bin/python benchmarks/align_quote_links.py --cache PICKLE [--roles tool|gold] \\
        [--set quote_neighbour_relink=1] [--kinds rewrite,paraphrase] [--list]

Why (round 36, ``beads36``): batch 130's uk -> en paraphrase missed its quote ("«Нам нікуди
йти …»" / "\"We have nowhere to go,\" …") because the aligner linked the original's quote to
a sentence of context the paraphrase added beside it.  A quotation mark survives every
language and the stand-in MT, so it is evidence the aligner can see where the words say
least.  For each dev pair of ``--kinds`` (product path, ``align_pairs``) this counts the 1-1
output links by whether both sides tell a quote (``core.align_quotes.tells_quote``: open one,
or close one before the attribution), one side only, or neither, right and wrong against the
gold; and the missed sure 1-1 beads whose two sides both tell a quote (``align_misses``'
classes).  Beads and batches; check batches are never read.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_study  # noqa: E402

from workbench.core.align_quotes import tells_quote  # noqa: E402

Pair = align_misses.Pair


def quoted(side: align_pairs.Side, spans: frozenset[int]) -> bool:
    """Whether the first segment holding ``spans`` tells a quote."""
    texts = [side.texts[k] for k, held in enumerate(side.spans) if held & spans]
    return bool(texts) and tells_quote(texts[0])


def rows(case: align_pairs.PairCase, roles: str, params: object) -> list[tuple[str, str]]:
    """(class, detail) of each 1-1 output link and each missed sure 1-1 quote bead."""
    _, output = align_pairs.case_beads(case, roles, params=params)
    gold = {(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]}
    out = []
    for left, right in output:
        if len(left) == 1 and len(right) == 1:
            q = (quoted(case.left, left), quoted(case.right, right))
            agree = "both quote" if all(q) else "one side quotes" if any(q) else "no quote"
            out.append((f"link {agree}", "right" if (left, right) in gold else "wrong"))
    sure = [b for b in case.gold["beads"] if b["type"] == "sure"]
    for bead, name in zip(sure, align_misses.misses(case, roles, params), strict=True):
        g = (frozenset(bead["left"]), frozenset(bead["right"]))
        if len(g[0]) == len(g[1]) == 1 and not name.startswith("found"):
            if quoted(case.left, g[0]) and quoted(case.right, g[1]):
                out.append(("missed sure 1-1, both quote", name))
    return out


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "rewrite,paraphrase,translation",
                              "one line per missed quote bead")  # fmt: skip
    if study is None:
        return
    for case, kind in study.cases():
        for name, detail in rows(case, study.args.roles, study.params):
            study.count((kind, name, detail if name.startswith("link") else ""), case)
            if study.args.list and name.startswith("missed"):
                print(f"  {case.set_name:8} {kind[:5]:5} {case.name[:44]:44} {detail}")
    print("| kind | class | right / wrong or missed | beads | batches |\n|---|---|---|---:|---:|")
    for key in sorted(study.table):
        kind, name, detail = key
        print(f"| {kind} | {name} | {detail or 'missed'} | {study.cells(key)} |")


if __name__ == "__main__":
    main()
