"""Each orphan ``absorb_orphans`` joins to a link: right beads undone, wrong made right.

    .venv/bin/python benchmarks/align_absorb_study.py --cache PICKLE [--roles tool|gold] \\
        [--kinds copy,rewrite,translation,paraphrase] [--set FIELD=VALUE] [--list]

Why (round 41, ``beadsb41``): ``beadsc40``'s ledger charged ``absorb_orphans`` with nine right
n-to-m paraphrase merges of the DP taken apart, halves never free.  The step only ever *adds*
an unmatched sentence to a neighbouring link, so what it undoes is the link it grows: a right
bead (a DP merge or a 1-1) made one sentence too large.  Each absorption is read here as the
target link before and after (gold-span pairs, by sentence text like ``align_merge_undo``):
``undo`` the link was a sure gold bead and the grown one is not; ``repair`` the grown one is
sure and the link was not; ``other`` neither.  Beside each, the evidence a rule could read:
the orphan's coverage by the target (``_orphan_evidence``), by the link on its other side, the
similarity the merge gains over the link alone, the target's size, and which test let it in
(``evidence`` above ``absorb_evidence``, ``improves`` Bleualign's test, ``length`` the
Gale-Church gain).  Every pass counts (the lexicon pass re-runs the step), each event once per
pair.  Check batches are never read.
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
from workbench.core import align_repair  # noqa: E402

#: absorptions of the current pair: (orphan texts, link texts, grown texts, features)
_EVENTS: list[tuple[tuple, tuple, tuple, dict[str, Any]]] = []


def _texts(bead: Any) -> tuple[tuple, tuple]:
    left, right = steps._SIDES[-1]
    return tuple(left[i] for i in bead.left), tuple(right[j] for j in bead.right)


def _features(beads: list, k: int, n: int, scorer: Any, params: Any) -> dict[str, Any]:
    """What a rule could read when orphan ``k`` joins link ``n`` (the step's own tests)."""
    orphan, link = beads[k], beads[n]
    other = beads[2 * k - n] if 0 <= 2 * k - n < len(beads) else None
    ev = align_repair._orphan_evidence(orphan, link, scorer)
    ev_other = (align_repair._orphan_evidence(orphan, other, scorer)
                if other is not None and other.left and other.right else None)  # fmt: skip
    left = sorted(link.left + orphan.left)
    right = sorted(link.right + orphan.right)
    grown = scorer.similarity(left[0], len(left), right[0], len(right))
    base = scorer.similarity(link.left[0], len(link.left), link.right[0], len(link.right))
    test = ("evidence" if ev > params.absorb_evidence else "improves"
            if ev > 0 and align_repair._merge_improves(orphan, link, scorer) else "length")
    return {"ev": ev, "ev_other": ev_other, "gain": grown - base, "size": len(link.left)
            + len(link.right), "test": test, "base": base}  # fmt: skip


def _logged(step: Callable) -> Callable:
    """``absorb_orphans`` that records each orphan it joins, with the evidence it read."""

    @functools.wraps(step)
    def run(beads: list, scorer: Any, params: Any) -> list:
        out = step(beads, scorer, params)
        if not steps._SIDES:
            return out
        after = {(b.left, b.right) for b in out}
        for k, orphan in enumerate(beads):
            if orphan.kind not in ("1-0", "0-1") or (orphan.left, orphan.right) in after:
                continue
            taken = orphan.left or orphan.right
            for grown in out:
                side = grown.left if orphan.left else grown.right
                if taken[0] not in side:
                    continue
                n = next((m for m in (k - 1, k + 1) if 0 <= m < len(beads) and beads[m].left
                          and beads[m].right and set(beads[m].left) <= set(grown.left)
                          and set(beads[m].right) <= set(grown.right)), None)  # fmt: skip
                if n is not None:
                    _EVENTS.append((_texts(orphan), _texts(beads[n]), _texts(grown),
                                    _features(beads, k, n, scorer, params)))  # fmt: skip
        return out

    return run


def install(setter: Callable[[Any, str, Any], None] = setattr) -> None:
    """Wrap the steps (for the sides' texts) and ``absorb_orphans``, in this process only."""
    steps.install(setter)
    setter(align_module, "absorb_orphans", _logged(align_module.absorb_orphans))


def _label(texts: tuple, spans: list, gold: dict) -> tuple[str, tuple]:
    key = (frozenset().union(*(spans[0][t] for t in texts[0])),
           frozenset().union(*(spans[1][t] for t in texts[1])))  # fmt: skip
    return {"sure": "sure", "possible": "possible"}.get(gold.get(key, ""), "wrong"), key


def events(case: Any, roles: str, params: Any) -> list[tuple[str, dict[str, Any]]]:
    """(class, features) of each distinct absorption of the pair (``undo``/``repair``/...)."""
    _EVENTS.clear()
    steps._SIDES.clear()
    _, final = align_pairs.case_beads(case, roles, params=params)
    spans: list[dict] = [defaultdict(frozenset), defaultdict(frozenset)]
    for s, side in enumerate((case.left, case.right)):
        for text, hit in zip(side.texts, side.spans, strict=True):
            spans[s][text] = spans[s][text] | frozenset(hit)
    gold = {(frozenset(b["left"]), frozenset(b["right"])): b["type"] for b in case.gold["beads"]}
    out, seen = [], set()
    for orphan, link, grown, feats in _EVENTS:
        if (orphan, link) in seen:
            continue
        seen.add((orphan, link))
        (before, _), (after, key) = _label(link, spans, gold), _label(grown, spans, gold)
        what = ("undo" if before == "sure" and after != "sure" else
                "repair" if after == "sure" and before != "sure" else "other")  # fmt: skip
        out.append((what, {**feats, "final": key in set(final), "before": before,
                           "after": after}))  # fmt: skip
    return out


def _row(feats: dict[str, Any]) -> str:
    other = "-" if feats["ev_other"] is None else f"{feats['ev_other']:.2f}"
    return (f"ev {feats['ev']:.2f} other {other} gain {feats['gain']:+.3f} base "
            f"{feats['base']:.2f} size {feats['size']} {feats['test']:8} {feats['before']}->"
            f"{feats['after']} final {'yes' if feats['final'] else 'no'}")


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], align_misses.ALL_KINDS,
                                   "one line per absorption")  # fmt: skip
    if args is None:
        return
    install()
    params, kinds = align_misses.parse_set(args.set), args.kinds.split(",")
    table: Counter = Counter()
    batches: dict[tuple, set] = defaultdict(set)
    for case, kind in align_misses.dev_cases(args.cache, kinds):
        for what, feats in events(case, args.roles, params):
            many = "n-m" if feats["size"] > 2 else "1-1"
            table[kind, what, many] += 1
            batches[kind, what, many].add(case.set_name)  # type: ignore[attr-defined]
            if args.list:
                name = case.name[:34]  # type: ignore[attr-defined]
                print(f"  {case.set_name:8} {kind[:5]} {name:34} {what:6} {_row(feats)}")  # type: ignore[attr-defined]
    print("kind: undo / repair / other, target a 1-1 | target n-m (batches)")
    for kind in kinds:
        cells = [f"{table[kind, w, m]:4} ({len(batches[kind, w, m]):2})"
                 for m in ("1-1", "n-m") for w in ("undo", "repair", "other")]  # fmt: skip
        print(f"  {kind:12} " + " / ".join(cells[:3]) + "  |  " + " / ".join(cells[3:]))


if __name__ == "__main__":
    main()
