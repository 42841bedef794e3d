"""Run a benchmark with the dateline cut on or off (``segment.DATELINE_SEGMENTS``, round 35).

    .venv/bin/python benchmarks/segment_dateline_run.py on|off|apart|gate SCRIPT [ARGS...]

``apart``: the cut on and the lone dateline segments left out of every comparison
(``align_inner.DATELINES_APART``); ``gate``: apart, and the checks' gate reading the lead's
row as scored with its dateline rejoined (``align_dateline_gate.DATELINE_GATE``, round 39;
the figure twins' counted-thing rule is measured on the cached pairs by ``flags_cv.py --switch
twin_units``).

Why: the cut is a segmentation switch, read when a page is ingested or loaded, so the
end-to-end benchmarks (``align_pairs.py --cache``, ``flags_cv.py``) see it only when it is
set before they start: ``align_pairs.py`` builds the ``--alt-cache`` pickle that
``align_pairs_cv.py`` chooses between, ``flags_cv.py`` scores the flags of each setting.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.core import align_dateline_gate, align_inner, segment  # noqa: E402

STATES = ("on", "off", "apart", "gate")


def main() -> None:
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        raise SystemExit(0 if args else 2)
    if len(args) < 2 or args[0] not in STATES:
        usage = f"segment_dateline_run.py {'|'.join(STATES)} SCRIPT [ARGS...]"
        raise SystemExit(f"Error: usage: {usage}")
    state, script, *rest = args
    segment.DATELINE_SEGMENTS = state in ("on", "apart", "gate")
    align_inner.DATELINES_APART = state in ("apart", "gate")
    align_dateline_gate.DATELINE_GATE = state == "gate"
    sys.argv = [script, *rest]
    sys.path.insert(0, str(Path(script).resolve().parent))
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
