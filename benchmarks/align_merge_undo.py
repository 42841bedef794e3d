"""The DP's n-to-m merges a later step took apart: right ones lost, wrong ones rightly undone.

    .venv/bin/python benchmarks/align_merge_undo.py --cache PICKLE [--roles tool|gold] \\
        [--kinds copy,rewrite,translation,paraphrase] [--set FIELD=VALUE] [--list]

Why (round 40, ``beadsc40``): ``beadsb40`` found the largest recurring paraphrase miss is a
gold n-to-m bead read as its 1-to-1 core plus a free half, and on 139's paraphrase the DP had
chosen three of four such merges before ``shed_weak_ends`` took them apart.  A gate that lets
a step keep a DP merge pays only if, across every dev pair kind, the right merges a step
undoes outnumber the wrong ones it rightly undoes.  So the DP's beads of each pass
(``banded_dp``'s path, read through the same wrapped steps as ``align_xlang_steps``) are kept,
and the first step that removes one of its many-sided links (both sides matched, three or
more sentences) is charged with it: ``sure`` a sure gold bead, ``wrong`` one the gold holds
neither as sure nor possible; ``kept`` says whether a sure one is in the pair's final output
anyway (a later pass or step rebuilt it); ``free`` whether the sentences the step shed are
still unmatched in the output (a gate "keep the merge when its free half finds no better
partner" would keep exactly those).  Counts are distinct beads per pair, summed (batches).
Check batches are never read.
"""

from __future__ import annotations

import functools
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_xlang_steps as steps  # noqa: E402

import workbench.core.align as align_module  # noqa: E402

_DP = "(dp)"


def _dp_logged(dp: Callable) -> Callable:
    """``banded_dp`` that also logs its path's links as texts (a pseudo-step ``(dp)``)."""

    @functools.wraps(dp)
    def run(*args: Any, **kwargs: Any) -> Any:
        path = dp(*args, **kwargs)
        if steps._SIDES:
            left, right = steps._SIDES[-1]
            links = frozenset((tuple(left[i:i + a]), tuple(right[j:j + b]))
                              for i, a, j, b, _ in path if a and b)  # fmt: skip
            steps._LOG.append((_DP, frozenset(), links))
        return path

    return run


def install(setter: Callable[[Any, str, Any], None] = setattr) -> None:
    """Wrap the steps (``align_xlang_steps.install``) and the DP, in this process only."""
    steps.install(setter)
    setter(align_module, "banded_dp", _dp_logged(align_module.banded_dp))


def _spans(case: Any) -> list[dict]:
    spans: list[dict] = [defaultdict(frozenset), defaultdict(frozenset)]
    for s, side in enumerate((case.left, case.right)):
        for text, hit in zip(side.texts, side.spans, strict=True):
            spans[s][text] = spans[s][text] | frozenset(hit)
    return spans


def undone(case: Any, roles: str, params: Any) -> Counter:
    """(step, label) counts of the DP's merges a step undid, each bead once per pair.

    Labels: ``sure`` / ``sure kept`` (the output holds it anyway) / ``wrong``, and for each
    ``sure`` or ``wrong`` one also ``... free`` when every sentence the step shed is still
    unmatched in the output: the merges a gate keeping a merge whose free half found no
    better partner would keep.
    """
    steps._LOG.clear()
    _, final = align_pairs.case_beads(case, roles, params=params)
    out_spans = set(final)
    linked = [frozenset().union(*(b[s] for b in final if b[0] and b[1])) for s in (0, 1)]
    spans = _spans(case)
    gold = {(frozenset(b["left"]), frozenset(b["right"])): b["type"] for b in case.gold["beads"]}
    merges: set = set()  # the current pass's DP merges not yet taken apart
    seen: set = set()
    for name, before, after in steps._LOG:
        if name == _DP:
            merges = {bead for bead in after if len(bead[0]) + len(bead[1]) > 2}
            continue
        kept = {t for bead in after for side in bead for t in side}
        for bead in (before - after) & merges:
            merges.discard(bead)
            key = (frozenset().union(*(spans[0][t] for t in bead[0])),
                   frozenset().union(*(spans[1][t] for t in bead[1])))  # fmt: skip
            label = {"sure": "sure", "possible": "possible"}.get(gold.get(key, ""), "wrong")
            if label == "sure" and key in out_spans:
                label = "sure kept"
            seen.add((name, label, key))
            shed = [(s, t) for s in (0, 1) for t in bead[s] if t not in kept]
            if label in ("sure", "wrong") and shed and all(
                    not spans[s][t] & linked[s] for s, t in shed):  # fmt: skip
                seen.add((name, f"{label} free", key))
    return Counter((name, label) for name, label, _ in seen)


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], align_misses.ALL_KINDS,
                                   "one line per undone sure merge")  # fmt: skip
    if args is None:
        return
    install()
    params, kinds = align_misses.parse_set(args.set), args.kinds.split(",")
    total, batches = align_misses.tally_steps(
        args, kinds, lambda case: undone(case, args.roles, params)
    )
    labels = ("sure", "sure free", "sure kept", "wrong", "wrong free", "possible")
    for kind in kinds:
        print(f"{kind} ({args.roles} roles): step  " + " / ".join(labels))
        order = sorted({s for s, _ in total[kind]}, key=lambda s: -total[kind][s, "sure"])
        for step in order:
            row = [f"{total[kind][step, w]:4} ({len(batches[kind, step, w]):2})" for w in labels]
            print(f"  {step:26} " + " / ".join(row))


if __name__ == "__main__":
    main()
