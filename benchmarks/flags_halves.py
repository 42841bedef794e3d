"""Numbers told with a half: is "півтора метра" against "1,5 m" told, and against "2" changed?
(round 31)

    .venv/bin/python benchmarks/flags_halves.py [--shared DIR]

Why: round 30's unseen misses held a depth told in words ("близько півтора метра" /
"майже двох метрів", batch 110, now dev); the flag gold holds that one pair, so leave one
batch out sees one batch move.  This benchmark asks whether ``number_halves.HALVES`` carries
to the class: every dev page sentence (fixtures, dev batches, stories-dev; never a check
batch) whose quantities the half reading moves is listed (the reading must be right on
each), then each number told with a half is rewritten in digits ("seven and a half" ->
"7.5" in English, "7,5" in the other languages: "told", which no check should flag) and
with its whole part moved by one ("8,5": "changed", which every check should flag).  Each
edited sentence is checked against its original (``check_pair``, one language) with the
switch off and on.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from flags_robust import dev_pages  # noqa: E402
from flags_signs import switch_table  # noqa: E402
from roles_flags import SHARED  # noqa: E402

from workbench.core import check_numbers, number_halves  # noqa: E402
from workbench.core.checks import check_pair  # noqa: E402


def _with(on: bool, call, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
    kept = number_halves.HALVES
    number_halves.HALVES = on
    try:
        return call(*args, **kwargs)
    finally:
        number_halves.HALVES = kept


_NOUN_HALF = re.compile(r"^\s+([^\W\d_]+)\s+(?:and\s+a\s+half|et\s+demie?)(?![\w-])", re.I)


def edits(text: str, lang: str | None) -> dict[str, str]:
    """The sentence with its first number told with a half written in digits: the same
    value ("told") and one more ("changed")."""
    for start, end, value in _with(True, number_halves.half_numbers, text, lang):
        mark = "." if (lang or "").startswith("en") else ","
        whole = int(float(value))
        rest = _NOUN_HALF.sub(r" \1", text[end:], count=1)  # "trois heures et demie": "heures"
        return {kind: text[:start] + f"{whole + step}{mark}5" + rest
                for kind, step in (("told", 0), ("changed", 1))}  # fmt: skip
    return {}


def _flagged(left: str, right: str, lang: str | None, on: bool) -> bool:
    got = _with(on, check_pair, left, right, left_lang=lang, right_lang=lang)
    return bool(got.get("numbers"))


def _quantities(text: str, lang: str | None, on: bool) -> list[tuple[str, str]]:
    return _with(on, check_numbers.quantities, text, lang)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    switch_table(dev_pages(args.shared), _quantities, edits, _flagged, "halves")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
