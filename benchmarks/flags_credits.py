"""Synthetic sign-offs: is an agency credit after a row's last sentence flagged?

    .venv/bin/python benchmarks/flags_credits.py [--shared DIR]

Why: no dev row of the flag gold ends in a credit line (the aligner sheds most of them
as fragments), so ``flags_cv.py --switch credit_tails`` cannot move a dev token; round 27's
unseen false 'AFP' and 'France' were one verbatim copy's sign-off.  This benchmark runs
the dev pairs end to end once (as ``flags_cv.py``; the check batches are not read), then
takes every same-language row the gate checks and prints it again with a sign-off after
its last sentence on one side (none, or another credit, on the other), with
``check_scope.CREDIT_TAILS`` off and on:

* **told**: rows that raised nothing as captured and raise a flag with the credit;
* **kept**: rows that raised flags as captured and raise all of them with the credit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from flags_robust import load_sets  # noqa: E402
from roles_flags import FLAG_CHECK_SETS, SHARED  # noqa: E402

from workbench.core import check_scope  # noqa: E402
from workbench.core.checks import DEFAULT_GATE, check_pair  # noqa: E402
from workbench.testing.flag_gold import end_to_end_pairs  # noqa: E402
from workbench.testing.page_gold import predict  # noqa: E402

#: (left credit, right credit): one copy prints a sign-off, the other none or another one.
CREDITS = (
    ("(AFP)", ""), ("© Agence France-Presse", ""), ("Avec AFP", "(AFP)"),
    ("Agence France Presse", "© AFP"), ("(dpa)", ""), ("© dpa-infocom, dpa:261204-930-1/1", ""),
    ("Reuters", ""), ("(sda/afp)", "(AFP)"), ("mik/dpa", ""), ("Source: Reuters", "(Reuters)"),
)


def _flags(row: tuple, left: str, right: str) -> dict:
    confidence, similarity, _, _, llang, rlang = row
    return check_pair(left, right, left_lang=llang, right_lang=rlang, confidence=confidence,
                      similarity=similarity, gate=DEFAULT_GATE)  # fmt: skip


def _tokens(flags: dict) -> set:
    return {(k, s, t) for k, sides in flags.items() for s, ts in sides.items() for t in ts}


def count(rows: list[tuple], on: bool) -> dict[str, int]:
    """told / kept / rows of every (row, credit) with ``CREDIT_TAILS = on``."""
    kept_value = check_scope.CREDIT_TAILS
    check_scope.CREDIT_TAILS = on
    out = {"plain rows": 0, "told": 0, "flagged rows": 0, "kept": 0}
    try:
        for row in rows:
            plain = _tokens(_flags(row, row[2], row[3]))
            for a, b in CREDITS:
                got = _tokens(_flags(row, f"{row[2]} {a}".strip(), f"{row[3]} {b}".strip()))
                if plain:
                    out["flagged rows"] += 1
                    out["kept"] += plain <= got
                else:
                    out["plain rows"] += 1
                    out["told"] += bool(got)
    finally:
        check_scope.CREDIT_TAILS = kept_value
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    gold, pages, groups, dev = load_sets(args.shared)
    pages = {k: p for k, p in pages.items() if groups.get(k) not in FLAG_CHECK_SETS}
    pairs = end_to_end_pairs(gold, dev, groups=dict.fromkeys(dev, "stories-dev"), roles=predict)
    pairs += end_to_end_pairs(gold, pages, "fixture_end_to_end", groups, roles=predict)
    rows = [b for p in pairs for b in p.beads
            if b[2] and b[3] and b[4] == b[5] and b[0] >= DEFAULT_GATE.confidence
            and b[2].rstrip()[-1:] in ".!?"]  # fmt: skip
    print(f"# Synthetic sign-offs: {len(pairs)} dev pairs, {len(rows)} checked same-language "
          f"rows ending a sentence, {len(CREDITS)} credits each\n")  # fmt: skip
    print("| CREDIT_TAILS | told flagged / plain rows | kept / flagged rows |")
    print("|---|---|---|")
    for on in (False, True):
        c = count(rows, on)
        print(f"| {on} | {c['told']} / {c['plain rows']} | {c['kept']} / {c['flagged rows']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
