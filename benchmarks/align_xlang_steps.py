"""A ledger of the aligner's steps on the dev cross-language pairs: gold beads each makes or undoes.

    .venv/bin/python benchmarks/align_xlang_steps.py --cache PICKLE [--roles tool|gold] \\
        [--kinds paraphrase,translation] [--set FIELD=VALUE] [--list]

Why: ``align_xlang_ceiling`` says how many sure gold beads the DP chose and a later step took
apart ("proposed, chosen, undone"), not which step, and a step that undoes a gold bead may
undo several wrong ones for each (round 25: ``shed_weak_ends`` takes apart the N-1 beads a
digest paraphrase joins, but also the DP's glued neighbours).  So every step after the DP
(the repairs, the glue checks, the moves, the link steps, the decision, the late twins: each
function of ``core.align`` and ``core.align_link_steps`` that takes and returns beads) is
wrapped, and at each call the beads it removes and adds are read as gold-span pairs (by
sentence text, so a headline group aligned apart counts too): ``sure -`` a sure gold bead
it took apart, ``sure +`` one it made, ``wrong -`` / ``wrong +`` a bead the gold holds
neither as sure nor as possible (a judged side, ``eval.py``'s rule, is not checked here:
headline beads count).  A step whose ``sure -`` outweighs its ``wrong -`` on many batches
is the one to look at.  Every pass of a call counts (the lexicon pass, the ratio re-run),
so one bead may be made and undone more than once.  Check batches are never read.
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

import workbench.core.align as align_module  # noqa: E402
import workbench.core.align_link_steps as link_module  # noqa: E402

#: steps whose inner steps are wrapped apart (counting both would count each change twice)
_WHOLE = {"link_steps", "align_scored", "align", "_confident"}
_SIDES: list[tuple[Any, Any]] = []  # the texts of the current ``_confident`` call
_LOG: list[tuple[str, frozenset, frozenset]] = []  # (step, beads in, beads out) as texts


def _as_texts(beads: list) -> frozenset:
    left, right = _SIDES[-1]
    return frozenset((tuple(left[i] for i in b.left), tuple(right[j] for j in b.right))
                     for b in beads if b is not None and b.left and b.right)  # fmt: skip


def _wrapped(name: str, step: Callable) -> Callable:
    @functools.wraps(step)
    def run(*args: Any, **kwargs: Any) -> Any:
        out = step(*args, **kwargs)
        beads = out[0] if isinstance(out, tuple) else out
        given = next((a for a in args if isinstance(a, list) and a and hasattr(a[0], "left")), None)
        if _SIDES and given is not None and isinstance(beads, list):  # decide_links: 3rd arg
            if all(hasattr(b, "left") for b in beads):
                _LOG.append((name, _as_texts(given), _as_texts(beads)))
        return out

    return run


def _scored(step: Callable) -> Callable:
    @functools.wraps(step)
    def run(left: Any, right: Any, *args: Any, **kwargs: Any) -> Any:
        _SIDES.append((left, right))
        try:
            return step(left, right, *args, **kwargs)
        finally:
            _SIDES.pop()

    return run


def install(setter: Callable[[Any, str, Any], None] = setattr) -> None:
    """Wrap the steps in place (this process only; tests pass ``monkeypatch.setattr``)."""
    for module in (align_module, link_module):
        for name, value in list(vars(module).items()):
            ours = getattr(value, "__module__", "").startswith("workbench.core.align")
            if ours and callable(value) and not isinstance(value, type) and name not in _WHOLE:
                setter(module, name, _wrapped(name, value))
    setter(align_module, "_confident", _scored(align_module._confident))  # decide_links too


def ledger(case: align_pairs.PairCase, roles: str, params: Any) -> Counter:
    """(step, "sure -" | "sure +" | "wrong -" | "wrong +") counts of one case."""
    _LOG.clear()
    align_pairs.case_beads(case, roles, params=params)
    spans = [defaultdict(frozenset), defaultdict(frozenset)]
    for s, side in enumerate((case.left, case.right)):
        for text, hit in zip(side.texts, side.spans, strict=True):
            spans[s][text] = spans[s][text] | frozenset(hit)
    gold = {(frozenset(b["left"]), frozenset(b["right"])): b["type"] for b in case.gold["beads"]}
    out: Counter = Counter()
    for name, before, after in _LOG:
        for sign, beads in (("-", before - after), ("+", after - before)):
            for left, right in beads:
                key = (frozenset().union(*(spans[0][t] for t in left)),
                       frozenset().union(*(spans[1][t] for t in right)))  # fmt: skip
                label = {"sure": "sure", "possible": ""}.get(gold.get(key, ""), "wrong")
                if label:
                    out[name, f"{label} {sign}"] += 1
    return out


def main() -> None:
    args = align_misses.study_args(
        __doc__.split("\n")[0], "paraphrase,translation", "each step's counts per pair"
    )
    if args is None:
        return
    install()
    params, kinds = align_misses.parse_set(args.set), args.kinds.split(",")
    total, batches = align_misses.tally_steps(
        args, kinds, lambda case: ledger(case, args.roles, params)
    )
    for kind in kinds:
        print(f"{kind} ({args.roles} roles): step  sure - / wrong -  |  sure + / wrong +")
        steps = sorted({s for s, _ in total[kind]}, key=lambda s: -total[kind][s, "sure -"])
        for step in steps:
            row = [f"{total[kind][step, w]:4} ({len(batches[kind, step, w]):2})"
                   for w in ("sure -", "wrong -", "sure +", "wrong +")]  # fmt: skip
            print(f"  {step:26} {row[0]} / {row[1]}  |  {row[2]} / {row[3]}")


if __name__ == "__main__":
    main()
