"""The ``main()`` scaffolding the align miss studies share: options, dev cases, row counts.

Why one place (round 38, ``tidy38``): every study over ``align_pairs``' cached cases
(``align_link_neighbours.py``, ``align_quote_links.py``, ``align_reorder_shapes.py``,
``align_regroup.py``, and the older ``align_joins.py``, ``align_crossings.py`` ...) parsed the
same options, turned ``--set`` into ``AlignParams``, walked the dev cases of ``--kinds`` (the
check sets never read) and counted its rows with the batches that hold them, each in its own
copy.  A study now says only what it counts and prints (as ``role_crossheads_costs.point_main``
does for the role cost benchmarks); the command lines and tables are unchanged.

    study = align_study.start(__doc__.split("\\n")[0], "rewrite,copy", "one line per row")
    if study is None:
        return
    for case, kind in study.cases():
        for row in rows(case, study.args.roles, study.params):
            study.count(row, case)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402

from workbench.core.align_scoring import AlignParams  # noqa: E402


@dataclass
class Study:
    """One miss study's parsed options and its row table: ``table`` counts each row's key,
    ``batches`` the dev batches it was seen in (a class in one batch is no class)."""

    args: argparse.Namespace
    params: AlignParams
    kinds: list[str]
    table: Counter = field(default_factory=Counter)
    batches: defaultdict[Hashable, set[str]] = field(default_factory=lambda: defaultdict(set))

    def cases(self) -> Iterator[tuple[align_pairs.PairCase, str]]:
        """(case, kind) of the cached dev cases of ``--kinds`` (``align_misses.dev_cases``)."""
        return align_misses.dev_cases(self.args.cache, self.kinds)  # type: ignore[return-value]

    def count(self, key: Hashable, case: align_pairs.PairCase) -> None:
        """One more row ``key``, seen in ``case``'s batch."""
        self.table[key] += 1
        self.batches[key].add(case.set_name)

    def cells(self, key: Hashable, between: str = " | ") -> str:
        """``key``'s rows and batches, as two markdown cells (or joined by ``between``)."""
        return f"{self.table[key]}{between}{len(self.batches[key])}"


def start(description: str, kinds: str, list_help: str) -> Study | None:
    """The shared options (``align_misses.study_args``) parsed into a ``Study``; ``None``
    when the shared scorer is absent (said already), since every study needs its gold."""
    args = align_misses.study_args(description, kinds, list_help)
    if args is None:
        return None
    return Study(args, align_misses.parse_set(args.set), args.kinds.split(","))
