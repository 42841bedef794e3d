"""Study: names in sentences the aligner leaves free — are true tokens there, and would
pairing a free sentence with its near twin on the other side flag them?

    .venv/bin/python benchmarks/flags_free_twins.py --cache F [--shared DIR]

Why: round 43's unseen rewrite turned a quote into indirect speech and moved it ("„…“, sagte
Sprecher Reinhard Aigner." / "Nach Ansicht der Bürgerinitiative … betonte Sprecher Reinhard
Aichinger."); the aligner left both sentences free, and ``check_pair`` never reads a free
sentence (one side empty), so the changed surname was missed.  This counts, on the DEV pairs
only (the check batches are dropped before anything is read; the pickle is ``flags_cv.py
--cache``'s, built at START):

* **in free sentences**: gold true name / figure tokens whose side writes them only in
  sentences left free (one-sided beads): missed by construction;
* **twins**: each (left free, right free) sentence pair of one pair whose lower-case word sets
  overlap by at least the Dice threshold, checked as a row (``check_pair`` without the gate);
  the tokens raised are scored against the gold (true, ``either``, false).
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from roles_flags import FLAG_CHECK_SETS  # noqa: E402

from workbench.core.checks import check_pair  # noqa: E402
from workbench.testing.flag_gold import _tokens, plain  # noqa: E402

THRESHOLDS = (0.2, 0.3, 0.4, 0.5)
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text) if len(w) > 2}


def dice(a: str, b: str) -> float:
    """Overlap of two sentences' lower-case words (three letters or more)."""
    x, y = _words(a), _words(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _held(token: str, text: str) -> bool:
    return re.search(rf"(?<![\w'’-]){re.escape(token)}(?![\w'’-])", text) is not None


def free_true(pair: object) -> Counter:
    """Gold true tokens whose side writes them only in free sentences (kind, side) counted."""
    out: Counter = Counter()
    for (kind, side, token), n in _tokens(pair.wanted).items():
        at = 2 if side == "left_only" else 3
        rows = [b for b in pair.beads if _held(token, plain(b[at]))]
        if rows and all(not plain(b[5 - at]).strip() for b in rows):
            out[(kind, "free")] += n
        elif not rows:
            out[(kind, "not in rows")] += n
        else:
            out[(kind, "paired")] += n
    return out


def twins(pair: object, threshold: float) -> list[tuple[str, str]]:
    """(left free, right free) sentences of ``pair`` at least ``threshold`` alike."""
    lefts = [plain(b[2]) for b in pair.beads if b[2].strip() and not b[3].strip()]
    rights = [plain(b[3]) for b in pair.beads if b[3].strip() and not b[2].strip()]
    return [(a, b) for a in lefts for b in rights if dice(a, b) >= threshold]


def score(pairs: list, threshold: float) -> dict[str, int]:
    """True / either / false tokens the twins of every pair raise."""
    out = {"twin rows": 0, "true": 0, "either": 0, "false": 0}
    for pair in pairs:
        if not pair.beads:
            continue
        langs = pair.beads[0][4:6]
        wanted, either = _tokens(pair.wanted), Counter(pair.either)
        for left, right in twins(pair, threshold):
            out["twin rows"] += 1
            got = check_pair(left, right, left_lang=langs[0], right_lang=langs[1],
                             pages=pair.pages)  # fmt: skip
            for key, n in _tokens(got).items():
                for _ in range(n):
                    if wanted[key] > 0:
                        wanted[key] -= 1
                        out["true"] += 1
                    elif either[key] > 0:
                        either[key] -= 1
                        out["either"] += 1
                    else:
                        out["false"] += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="flags_cv.py's pair pickle")
    args = parser.parse_args()
    pairs = [p for p in pickle.loads(args.cache.read_bytes()) if p.group not in FLAG_CHECK_SETS]
    where: Counter = Counter()
    for pair in pairs:
        where += free_true(pair)
    print(f"# Free sentences and their twins ({len(pairs)} dev pairs)\n")
    print("| gold true tokens | names | figures |\n|---|---|---|")
    for place in ("paired", "free", "not in rows"):
        print(f"| {place} | {where[('names', place)]} | {where[('numbers', place)]} |")
    print("\n| Dice at least | twin rows | true | either | false |\n|---|---|---|---|---|")
    for threshold in THRESHOLDS:
        s = score(pairs, threshold)
        print(f"| {threshold} | {s['twin rows']} | {s['true']} | {s['either']} | {s['false']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
