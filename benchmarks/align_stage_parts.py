"""Inclusive instructions of the largest stages' parts in a warm whole-document no-MT call.

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cgp/callgrind.out.%p \\
        .venv/bin/python benchmarks/align_stage_parts.py run
    .venv/bin/python benchmarks/align_stage_parts.py sum /tmp/cgp

Why (round 36): ``align_stages.py`` books each stage of ``align`` apart, but not the
parts inside the three largest (the scorers' views and chance levels, the fine band's
terms, the coarse band's gains and rows), which the brief asks to cost before choosing
a structural step.  Each function of ``TARGETS`` is wrapped (in every module that
imported it) so that callgrind dumps its counters on entry and exit, labelled with the
stack of wrapped calls; a part's inclusive count is the sum of the dumps whose stack
holds it.  Run with ``PYTHONHASHSEED=0``; the second (warm) call is summed.  Wrap no
function called thousands of times (each dump writes a file).
"""

import importlib
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_scale  # noqa: E402
import align_stages  # noqa: E402

import workbench.core.align as aligner  # noqa: E402

TARGETS = [
    ("workbench.core.align_scoring", "BeadScorer.__init__"),
    ("workbench.core.align_views", "build_views"),
    ("workbench.core.align_grams", "view_rows"),
    ("workbench.core.align_gram_cache", "GramCache.side_keys"),
    ("workbench.core.align_grams", "_side_keys"),
    ("workbench.core.align_grams", "_numbered"),
    ("workbench.core.align_split", "split_rows"),
    ("workbench.core.align_pair_join", "listed_rare"),
    ("workbench.core.align_pair_join", "block_rare"),
    ("workbench.core.align_split", "_bit_rows"),
    ("workbench.core.align_views", "side_counts"),
    ("workbench.core.align_chance", "calibrate"),
    ("workbench.core.align_views", "coverages"),
    ("workbench.core.align_views", "block_coverages"),
    ("workbench.core.align_views", "anchor_sets"),
    ("workbench.core.align_dp", "banded_dp"),
    ("workbench.core.align_gains", "band_table"),
    ("workbench.core.align_gains", "_SideTerms.__init__"),
    ("workbench.core.align_split", "union_overlaps"),
    ("workbench.core.align_band", "window_counts"),
    ("workbench.core.align_gains", "_lengths"),
    ("workbench.core.align_dp", "band_recurrence"),
    ("workbench.core.align_dp", "_trace"),
    ("workbench.core.align_dp", "coarse_path"),
    ("workbench.core.align_gains", "one_to_one_rows"),
    ("workbench.core.align_dp_coarse", "_coarse_rows"),
    ("workbench.core.align_dp_coarse", "_coarse_trace"),
    ("workbench.core.align_scoring", "BeadScorer.localize"),
]

def instrument(dump, state) -> None:
    """Wrap every target (functions where imported, methods on their class)."""
    stack = state["stack"]
    def wrap(name, fn):
        def wrapper(*a, **k):
            dump(f"{state['run']}|" + ">".join(stack))
            stack.append(name)
            try:
                return fn(*a, **k)
            finally:
                dump(f"{state['run']}|" + ">".join(stack))
                stack.pop()
        wrapper.__wrapped__ = fn
        return wrapper
    for modname, qual in TARGETS:
        mod = importlib.import_module(modname)
        if "." in qual:
            cls, meth = qual.split(".")
            klass = getattr(mod, cls)
            setattr(klass, meth, wrap(qual, klass.__dict__[meth]))
            continue
        orig = getattr(mod, qual)
        w = wrap(qual, orig)
        for module in list(sys.modules.values()):
            ours = getattr(module, "__name__", "").startswith("workbench")
            if ours and getattr(module, qual, None) is orig:
                setattr(module, qual, w)

def run() -> None:
    """Align the whole Text+Berg dev document twice (no MT) under the dumps."""
    dump = align_stages._library()
    state = {"run": "r0", "stack": []}
    instrument(dump, state)
    rows = [r for r in align_scale._textberg() if r[1] == "TB none"]
    _s, label, left, right, _g, kw = rows[0]
    for run_name in ("r0", "r1"):
        state["run"] = run_name
        align_scale._cold()
        dump(f"{run_name}|before")
        aligner.align(left, right, **kw)
        dump(f"{run_name}|")
    dump("end")

def summary(folder: str) -> None:
    """Print each target's inclusive and own instructions in the warm call."""
    counts, calls = align_stages.read_dumps(Path(folder))
    counts.pop("before", None)
    total = sum(counts.values())
    inc: Counter = Counter()
    excl: Counter = Counter()
    for label, c in counts.items():
        names = label.split(">") if label else []
        for n in set(names):
            inc[n] += c
        if names:
            excl[names[-1]] += c
    print(f"warm call {total / 1e6:,.0f} M")
    for _module, name in TARGETS:
        print(f"  {name:28} {inc[name] / 1e6:8.1f} M {inc[name] / total:6.1%}"
              f"   own {excl[name] / 1e6:8.1f} M")

if __name__ == "__main__":
    if sys.argv[1] == "run":
        run()
    else:
        summary(sys.argv[2])
