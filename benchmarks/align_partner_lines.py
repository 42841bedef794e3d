"""The edge lines ``core.align_partners`` adds to a pair's comparison: their gold role and beads.

    .venv/bin/python benchmarks/align_partner_lines.py --cache PICKLE [--scores 0.2,0.3]
                                                       [--lines SCORE]

Why: the guard compares an ``other`` line at the edge of one page's story when the aligner
links it to a story line of the other page (the learned role layer's wrong moves, round 24).
Right when the line is gold story, wrong when gold chrome (it may then spoil its partner's
bead).  Every pair of ``align_pairs`` (its pickle: the tool's roles, stand-in MT) is compared
as ``services.compare`` does, with the guard off and at each ``PARTNER_SCORE`` of ``--scores``;
per setting: the lines added (gold story / gold chrome, lines and non-space characters), the
gold-story candidates left out, and the beads (``eval.py``'s scorer).  Leave one batch out:
each dev set is scored with the setting of the best pooled bead F1 on the other dev sets, and
so among the settings that keep the guard-off precision there (issue 16).
Dev sets pooled, the check sets pooled only (``--lines`` lists dev lines of one setting).
No behaviour changes.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
from align_devsets import CHECK_SETS  # noqa: E402
from align_pairs_cv import f1  # noqa: E402

from workbench.core import align_partners  # noqa: E402
from workbench.core.align_inner import compared_lines  # noqa: E402
from workbench.core.roles import STORY_ROLES  # noqa: E402


def _run(case: align_pairs.PairCase, setting: float | None, ev: object, memo: dict
         ) -> tuple[Counter, list[str]]:  # fmt: skip
    """One pair at one setting (``None``: the guard off): line and bead counts, dev lines."""
    align_partners.PARTNER_LINES = setting is not None
    align_partners.PARTNER_SCORE = setting if setting is not None else 0.0
    roles = (case.left.roles, case.right.roles)
    keep = compared_lines(case.left.texts, roles[0], case.right.texts, roles[1])
    cands = align_partners.candidates(keep, roles)
    done = align_pairs.compared(case, *roles, memo=memo)
    counts = Counter(ev.score_pair(case.gold, case.body[0], case.body[1],  # type: ignore[attr-defined]
                                   align_pairs.span_beads(case, done)))  # fmt: skip
    lines = []
    for side, cand, ids in zip((case.left, case.right), cands, (done.left, done.right),
                               strict=True):  # fmt: skip
        for k in sorted(cand):
            story = side.gold_roles[k] in STORY_ROLES
            what = ("right" if story else "wrong") if k in ids else ("missed" if story else "")
            if what:
                counts[what] += 1
                counts[what + " chars"] += len(side.texts[k].replace(" ", ""))
                lines.append(f"  {what:6} {case.set_name} {case.name[:40]}: {side.texts[k][:70]!r}")
    return counts, lines


def _cell(c: Counter) -> str:
    p = c["bead_correct"] / max(1, c["judged"])
    r = c["bead_found_sure"] / max(1, c["gold_sure"])
    return (f"{p:.4f} / {r:.4f} ({c['bead_correct']}/{c['judged']}, {c['bead_found_sure']}/"
            f"{c['gold_sure']}); lines {c['right']} ({c['right chars']}) right, {c['wrong']} "
            f"({c['wrong chars']}) wrong, {c['missed']} missed")  # fmt: skip


def _lobo(table: dict[str, list[Counter]], dev: list[str], settings: list, keep_precision: bool
          ) -> tuple[Counter, dict]:  # fmt: skip
    """Each dev set scored with the setting of the best bead F1 on the others; with
    ``keep_precision`` only among settings that keep the guard-off pooled precision there
    (issue 16: recall is not bought with precision while both are below the goal)."""
    held, chosen = Counter(), Counter()
    for out in dev:
        train = [sum((table[d][n] for d in dev if d != out), Counter())
                 for n in range(len(settings))]  # fmt: skip
        prec = [c["bead_correct"] / max(1, c["judged"]) for c in train]
        ok = [n for n in range(len(settings)) if not keep_precision or prec[n] >= prec[0]]
        best = max(ok, key=lambda n: (f1(train[n]), -n))
        chosen[str(settings[best])] += 1
        held.update(table[out][best])
    return held, dict(chosen)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="align_pairs' pickle")
    parser.add_argument("--scores", default="0.0,0.2,0.3,0.4,0.5", help="PARTNER_SCORE settings")
    parser.add_argument("--lines", type=float, help="print the dev lines of this setting")
    args = parser.parse_args()
    settings = [None, *(float(v) for v in args.scores.split(","))]
    ev = align_pairs.load_eval()
    table: dict[str, list[Counter]] = {}
    shown: list[str] = []
    for case in align_pairs.cached_cases(args.cache):
        name = "check" if case.set_name in CHECK_SETS else case.set_name
        row = table.setdefault(name, [Counter() for _ in settings])
        memo: dict = {}
        for n, setting in enumerate(settings):
            counts, lines = _run(case, setting, ev, memo)
            row[n].update(counts)
            shown += lines if name != "check" and setting == args.lines else []
    dev = [n for n in table if n != "check"]
    print("| setting | dev pooled | check pooled |\n|---|---|---|")
    for n, setting in enumerate(settings):
        pooled = sum((table[d][n] for d in dev), Counter())
        label = "off" if setting is None else f"PARTNER_SCORE {setting}"
        print(f"| {label} | {_cell(pooled)} | {_cell(table.get('check', [Counter()] * 9)[n])} |")
    for keep_precision in (False, True):
        held, chosen = _lobo(table, dev, settings, keep_precision)
        rule = "keeping the off precision" if keep_precision else "best F1"
        print(f"\nleave one batch out ({len(dev)} dev sets, {rule}): {_cell(held)}; "
              f"chosen {chosen}")  # fmt: skip
    print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
