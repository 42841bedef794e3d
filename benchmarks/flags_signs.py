"""Sign words: is "мінус трьох градусів" against "-3 °C" flagged?  (round 30)

    .venv/bin/python benchmarks/flags_signs.py [--shared DIR]

Why: round 29's unseen false tokens were a temperature told in words in one copy and in
digits in the other ("до мінус трьох градусів" / "до -3 °C", batch 105, now dev); the
flag gold holds that one pair, so leave one batch out sees one batch move.  This
benchmark asks whether ``check_numbers.SIGN_WORDS`` carries to the class: every dev page
sentence (fixtures, dev batches, stories-dev; never a check batch) whose quantities the
sign words move is listed (the reading must be right on each), then each number after a
sign word is rewritten in digits with a minus ("minus sieben Grad" -> "-7 Grad": "told",
which no check should flag) and with its size moved by one ("-8 Grad": "changed", which
every check should flag).  Each edited sentence is checked against its original
(``check_pair``, one language) with the switch off and on.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from flags_robust import dev_pages  # noqa: E402
from roles_flags import SHARED  # noqa: E402

from workbench.core import check_numbers  # noqa: E402
from workbench.core.checks import check_pair  # noqa: E402


def _quantities(text: str, lang: str | None, on: bool) -> list[tuple[str, str]]:
    kept = check_numbers.SIGN_WORDS
    check_numbers.SIGN_WORDS = on
    try:
        return check_numbers.quantities(text, lang)
    finally:
        check_numbers.SIGN_WORDS = kept


def edits(text: str, lang: str | None) -> dict[str, str]:
    """The sentence with its first signed number (and its sign word) told in digits:
    the same value ("told") and one degree more ("changed")."""
    before = _quantities(text, lang, False)
    for (raw, value), (_, signed) in zip(before, _quantities(text, lang, True), strict=True):
        if signed == value or "." in signed:
            continue
        at = text.find(raw)
        head = text[:at].rstrip()
        sign = head.rsplit(None, 1)[-1] if head.split() else ""
        start = at - len(text[:at]) + len(head) - len(sign)
        return {kind: text[:start] + str(int(signed) - step) + text[at + len(raw):]
                for kind, step in (("told", 0), ("changed", 1))}  # fmt: skip
    return {}


def _flagged(left: str, right: str, lang: str | None, on: bool) -> bool:
    kept = check_numbers.SIGN_WORDS
    check_numbers.SIGN_WORDS = on
    try:
        return bool(check_pair(left, right, left_lang=lang, right_lang=lang).get("numbers"))
    finally:
        check_numbers.SIGN_WORDS = kept


def switch_table(pages, quantities, edits, flagged, switch: str) -> None:  # noqa: ANN001
    """Print the moved readings and the told/changed table for one reading switch.

    Why shared: every "is this number form read right" benchmark (sign words, halves) asks
    the same two questions of the same dev sentences; only the switch and its reading differ.
    ``quantities(text, lang, on)`` and ``flagged(left, right, lang, on)`` run with the switch
    set; ``edits(text, lang)`` gives the "told" and "changed" rewrites of a sentence."""
    counts: Counter = Counter()
    print("| set | lang | moved reading | sentence |\n|---|---|---|---|")
    for group, page in pages:
        for seg, lang in zip(page.segs, page.langs, strict=True):
            counts["segments"] += 1
            off, on = quantities(seg.text, lang, False), quantities(seg.text, lang, True)
            if off == on:
                continue
            counts["moved"] += 1
            moved = ", ".join(f"{r} = {v}" for r, v in on if (r, v) not in off)
            print(f"| {group} | {lang} | {moved} | {seg.text[:90]} |")
            for kind, edited in edits(seg.text, lang).items():
                counts[(kind, "n")] += 1
                for flag_on in (False, True):
                    counts[(kind, flag_on)] += flagged(seg.text, edited, lang, flag_on)
    print(f"\n{counts['moved']} of {counts['segments']} dev segments read differently\n")
    print(f"| edit | sentences | flagged, {switch} off | flagged, {switch} on |")
    print("|---|---|---|---|")
    for kind in ("told", "changed"):
        print(f"| {kind} | {counts[(kind, 'n')]} | {counts[(kind, False)]} | "
              f"{counts[(kind, True)]} |")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    switch_table(dev_pages(args.shared), _quantities, edits, _flagged, "sign words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
