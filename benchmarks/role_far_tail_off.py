"""Run a benchmark with round 29's far-tail rule off (``core.page_far_tail``).

    .venv/bin/python benchmarks/role_far_tail_off.py SCRIPT.py [ARGS ...]

Why: the bead and flag cost of a role rule is measured by running the same benchmark with
the rule on (as shipped) and off, on the same machine; ``RoleParams`` defaults are bound
into the rule functions' signatures, so the switch is the ``far_tail`` call that
``core.page_evidence.decide_page`` makes, patched here in process to return no tail.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from workbench.core import page_evidence  # noqa: E402


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    page_evidence.far_tail = lambda *args, **kwargs: []  # type: ignore[assignment]
    script = ROOT / "benchmarks" / argv[0]
    sys.argv = [str(script), *argv[1:]]
    runpy.run_path(str(script), run_name="__main__")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
