"""Every unmatched neighbour beside a one-sentence link of the dev rewrites, by its word evidence.

    .venv/bin/python benchmarks/align_half_neighbours.py --cache PICKLE [--kinds rewrite,copy] \\
        [--set FIELD=VALUE] [--list]

Why (round 32, beads32): the split / joined class of the same-language rewrites is mostly a
link ``W : P`` (``W`` one sentence) with ``P``'s neighbour ``H`` left unmatched beside it,
where the gold joins ``W : P + H``.  Rounds 27-29 read ``H``'s content keys in ``W``
(``align_ordered_halves``); this counts, over *every* such neighbour of the output (product
path, tool roles, ``align_pairs``), how many keys of ``W`` only ``H`` holds (distinct, the
aligner's 5-letter keys), whether they all stand after (or before) ``P``'s, and whether the
gold joins them: a gate is only worth writing when it separates the true halves from the
neighbours that share the story's topic.  Both sides must end like sentences (titles and
crossheads are never halves, ``align_fragments.ends_open``).  Check batches are never read.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
import align_study  # noqa: E402

from workbench.core.align_fragments import ends_open  # noqa: E402
from workbench.core.align_ordered_halves import key_sequence  # noqa: E402


def _keys(text: str) -> set[str]:
    return {k for k in key_sequence(text) if k}


def layout(case: align_pairs.PairCase, params: object) -> tuple:
    """A pair's tool beads placed on its story lines (shared with ``align_xlang_halves``).

    Returns (sides, story, gold, at, free, output): each side's story segment keys in
    order, the gold beads by their span sets, each tool bead's story positions per side,
    and per side the positions left unmatched.
    """
    _, output = align_pairs.case_beads(case, "tool", params=params)
    sides = (case.left, case.right)
    story = [align_pairs._story(s, "tool") for s in sides]
    segs = [{k: n for n, k in enumerate(order)} for order in story]
    gold = {(frozenset(b["left"]), frozenset(b["right"])): b["type"] for b in case.gold["beads"]}
    at = [[sorted(segs[s][k] for k in story[s] if sides[s].spans[k] & o[s]) for s in (0, 1)]
          for o in output]  # fmt: skip
    free = [{a[s][0] for a, o in zip(at, output, strict=True) if o[s] and not o[1 - s]}
            for s in (0, 1)]  # fmt: skip
    return sides, story, gold, at, free, output


def neighbours(case: align_pairs.PairCase, params: object) -> list[tuple[str, int, bool, str]]:
    """(gold type or ``no``, own keys told, in order, W | H) per neighbour beside a link."""
    sides, story, gold, at, free, output = layout(case, params)
    rows = []
    for a, o in zip(at, output, strict=True):
        for ws in (0, 1):
            hs = 1 - ws
            if len(a[ws]) != 1 or not a[hs]:
                continue
            for after, x in ((True, a[hs][-1] + 1), (False, a[hs][0] - 1)):
                if x not in free[hs]:
                    continue
                w = sides[ws].texts[story[ws][a[ws][0]]]
                p = " ".join(sides[hs].texts[story[hs][n]] for n in a[hs])
                h = sides[hs].texts[story[hs][x]]
                if ends_open(w) or ends_open(h):
                    continue
                own, extra = _keys(p), _keys(h)
                marks = [("P" if k in own else "H") for k in key_sequence(w)
                         if k and (k in own) != (k in extra)]  # fmt: skip
                if not after:
                    marks.reverse()
                ordered = "H" in marks and ("P" not in marks or marks.index("H")
                                            >= len(marks) - marks[::-1].index("P"))  # fmt: skip
                spans = sides[hs].spans[story[hs][x]]
                joined = tuple(o[s] | spans if s == hs else o[s] for s in (0, 1))
                rows.append((gold.get(joined, "no"), len(_keys(w) & extra - own), ordered,
                             f"{case.set_name} | {w[:70]} | {h[:60]}"))  # fmt: skip
    return rows


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "rewrite,copy", "one line per row")
    if study is None:
        return
    args, table = study.args, study.table
    for case, _ in study.cases():
        for label, told, ordered, text in neighbours(case, study.params):
            table[min(told, 4), ordered, label != "no"] += 1
            if args.list and (ordered or label != "no"):
                print(f"  {label:8} told {told} ordered {ordered!s:5} {text}")
    print("\n| own keys told in W | in order | gold joins them | other neighbours |\n"
          "|---:|---|---:|---:|")  # fmt: skip
    for told in range(5):
        for ordered in (True, False):
            print(f"| {told}{'+' if told == 4 else ''} | {ordered} | "
                  f"{table[told, ordered, True]} | {table[told, ordered, False]} |")


if __name__ == "__main__":
    main()
