"""Study: a surname changed under one first name across a German pair's whole copies.

    .venv/bin/python benchmarks/flags_surname_twins.py --cache F

Why: round 43's unseen rewrite named a spokesman "Reinhard Aigner" in a quote and "Reinhard
Aichinger" in indirect speech it moved; the aligner left the quote free and glued the other
sentence to a headline row under the gate, so no row compared the two (``check_name_twins``
reads the mirror case, a first name swapped under one surname, across rows).  This counts, on
the DEV pairs only (check batches dropped before anything is read; ``flags_cv.py --cache``'s
pickle), every German same-language pair where one listed first name stands before a
capitalised word on each side and the two words differ while neither side writes the other's
word anywhere (name keys: an inflection or spelling passes): each such surname is scored
against the pair's gold (true, ``either``, false).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from roles_flags import FLAG_CHECK_SETS  # noqa: E402

from workbench.core.check_name_twins import surname_swaps  # noqa: E402
from workbench.testing.flag_gold import _tokens, plain  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="flags_cv.py's pair pickle")
    args = parser.parse_args()
    pairs = [p for p in pickle.loads(args.cache.read_bytes()) if p.group not in FLAG_CHECK_SETS]
    score: Counter = Counter()
    for pair in pairs:
        if not pair.beads or any((lang or "")[:2] != "de" for lang in pair.beads[0][4:6]):
            continue
        sides = [" ".join(plain(b[at]) for b in pair.beads if b[at].strip()) for at in (2, 3)]
        wanted, either = _tokens(pair.wanted), pair.either
        for at, found in enumerate(surname_swaps(*sides)):
            side = ("left_only", "right_only")[at]
            for token in found:
                key = ("names", side, token)
                kind = "true" if wanted[key] else "either" if either[key] else "false"
                score[kind] += 1
                print(f"| {pair.group} | {side} | {token} | {kind} |")
    print(f"\nGerman dev pairs: true {score['true']}, either {score['either']}, "
          f"false {score['false']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
