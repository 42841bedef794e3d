"""One range of days in two notations, every pair of notations: how many rows raise a number flag?

    .venv/bin/python benchmarks/flags_day_ranges.py

Why: batch 133's de -> en translation wrote "für 25. bis 27. Juni" as "planned for June 25 to
27" and '25' / '27' were flagged: the month stands beside the second day in one notation and
beside the first in the other.  Dev holds one such pair (a class with members in one batch is
no class), so the shape is built here in de / en / fr / uk / ru: every notation of
``tests/align/test_day_ranges37.py`` against every other (same and other language), three
months, a few day ranges, each row as a translation (no similarity) and as a paraphrase row
(similarity 0.2), with ``day_ranges.DAY_RANGES`` off (START) and on.  Controls: the same rows
with a count beside the range changed ("6.300" / "6,500") must stay flagged.
"""

from __future__ import annotations

import os
import sys
from itertools import product
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.align.test_day_ranges37 import MONTHS, NOTATIONS, SENTENCE  # noqa: E402
from workbench.core import day_ranges  # noqa: E402
from workbench.core.checks import check_pair  # noqa: E402

RANGES = ((2, 3), (9, 11), (25, 27), (28, 30))
COUNT = {"en": "About {} tickets had been sold.", "de": "Rund {} Tickets waren verkauft.",
         "fr": "Environ {} billets avaient été vendus.", "uk": "Продано близько {} квитків.",
         "ru": "Продано около {} билетов."}  # fmt: skip
FORMS = {"en": ("6,300", "6,500"), "de": ("6.300", "6.500"), "fr": ("6 300", "6 500"),
         "uk": ("6300", "6500"), "ru": ("6300", "6500")}  # fmt: skip


def rows() -> list[tuple[str, str, str, str]]:
    """(left text, right text, left language, right language) of every notation pair."""
    told = [(lang, k) for lang in sorted(NOTATIONS) for k in range(len(NOTATIONS[lang]))]
    out = []
    for (la, ka), (lb, kb) in product(told, told):
        if (la, ka) == (lb, kb):
            continue
        for month, (a, b) in product(range(3), RANGES):
            left = SENTENCE[la].format(NOTATIONS[la][ka].format(a=a, b=b, m=MONTHS[la][month]))
            right = SENTENCE[lb].format(NOTATIONS[lb][kb].format(a=a, b=b, m=MONTHS[lb][month]))
            out.append((left, right, la, lb))
    return out


def flagged(pairs: list[tuple[str, str, str, str]], similarity: float | None) -> int:
    return sum("numbers" in check_pair(left, right, left_lang=la, right_lang=lb,
                                       similarity=similarity,
                                       confidence=None if similarity is None else 0.95)
               for left, right, la, lb in pairs)  # fmt: skip


def with_count(pairs: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Each row with a count sentence glued on, the count changed (a control: must flag)."""
    return [(left + " " + COUNT[la].format(FORMS[la][0]), right + " " + COUNT[lb].format(
        FORMS[lb][1]), la, lb) for left, right, la, lb in pairs]  # fmt: skip


def main() -> int:
    load = os.getloadavg()
    print(f"# One range of days in two notations (machine load {load[0]:.1f}/{load[1]:.1f})\n")
    pairs = rows()
    controls = with_count(pairs)
    same = [p for p in pairs if p[2] == p[3]]
    print("| rows | DAY_RANGES off (START) | on |\n|---|---|---|")
    for name, subset, similarity in (("same language, translation", same, None),
                                     ("all pairs, translation", pairs, None),
                                     ("all pairs, paraphrase row (similarity 0.2)", pairs, 0.2),
                                     ("controls: a count changed beside the range", controls,
                                      None)):  # fmt: skip
        got = []
        for on in (False, True):
            day_ranges.DAY_RANGES = on
            got.append(flagged(subset, similarity))
        day_ranges.DAY_RANGES = True
        print(f"| {name} | {got[0]} of {len(subset)} flagged | {got[1]} of {len(subset)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
