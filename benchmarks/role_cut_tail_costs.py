"""Beads and flags with and without round 32's cut tail, on the pairs whose roles it moves.

    .venv/bin/python benchmarks/role_cut_tail_costs.py [--shared DIR] [--no-beads]

Round 32: ``role_crossheads_costs`` for the capture's cut last line (``core.page_cut``: the
``cut_tail`` pass after the learned layer and ``cut_fragment_words``), off -> the candidate
(one word; a study, the defaults are off); the
beads' ingest switches it in process by patching ``core.roles.cut_tail`` and
``core.page_cut.cut_fragment``.  Why and how (only the pairs holding a page whose roles move
are scored, flags end to end and beads through the product path): ``role_crossheads_costs``,
whose flag and bead tables this reuses.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_crossheads_costs as crossheads_costs  # noqa: E402

from workbench.core import page_cut  # noqa: E402
from workbench.core import page_title_slot as role_rules  # noqa: E402  (after_layer)
from workbench.core.page_shapes import DEFAULT_PARAMS, RoleParams  # noqa: E402

OFF = replace(DEFAULT_PARAMS, cut_tail=False, cut_fragment_words=0)
ON = replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=1)


@contextmanager
def _cut_tail(params: RoleParams) -> Iterator[None]:
    shipped, fragment = role_rules.cut_tail, page_cut.cut_fragment
    role_rules.cut_tail = lambda s, o, r, f, p: shipped(s, o, r, f, params)
    page_cut.cut_fragment = lambda la, s, sh, p, *a: fragment(la, s, sh, params, *a)
    try:
        yield
    finally:
        role_rules.cut_tail, page_cut.cut_fragment = shipped, fragment


def main() -> int:
    return crossheads_costs.point_main(
        "A visibly cut last line: beads and flags off -> on",
        OFF,
        ON,
        _cut_tail,
    )


if __name__ == "__main__":
    raise SystemExit(main())
