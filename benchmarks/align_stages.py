"""Instructions per whole stage of a warm aligner call, counted by callgrind.

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg/callgrind.out.%p \\
        .venv/bin/python benchmarks/align_stages.py run [--part K | --whole] [--mt]
    .venv/bin/python benchmarks/align_stages.py sum /tmp/cg

Why: timings on this shared machine move by 10-20 % with other people's load,
and ``align_phases.py`` times a pass's phases but not the whole stages a call
repeats (the language test, the scorers' features, the word tables, the
after-pass link rules, the decision, the confidences).  Here every function
``workbench.core.align`` calls directly (``STAGES``) is wrapped so that
callgrind dumps its counters when the function is entered and when it returns
(``CALLGRIND_DUMP_STATS_AT``, a client request compiled once into a small
shared library with ``gcc``); a dump holds exactly the instructions since the
previous one, so each stage's count excludes the others' and the code between
two stages is booked as ``after <stage>`` (the glosses come after ``invert``
or ``prefix_lexicon``).  The input (a Text+Berg dev part, the test-document
size, or the whole dev document) is aligned twice, memo caches emptied
before each (``align_scale._cold``); ``sum`` adds up the second, warm call.
Without valgrind the client requests do nothing.  Run with
``PYTHONHASHSEED=0``: string hashing moves counts by a few M between runs.
"""

from __future__ import annotations

import argparse
import ctypes
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_scale  # noqa: E402

import workbench.core.align as aligner  # noqa: E402
from workbench.core.align_scoring import BeadScorer  # noqa: E402

#: what ``align`` and its passes call directly, in the brief's stages
GROUPS = {
    "language test": ("compared_directly", "rare_keys", "stem_views", "reverse_view"),
    "features (scorers)": ("BeadScorer",),
    "coarse DP": ("anchor_chain", "coarse_path", "localize", "refined_band"),
    "fine DP": ("banded_dp",),
    "repairs": ("split_at_breaks", "pair_sandwiches", "repair_boundaries", "is_blind",
                "fill_blind_gaps", "absorb_orphans", "split_glued", "dissolve_weak_links",
                "shed_unshared_ends", "split_glued_pairs", "shed_weak_ends"),
    "moves": ("move_steps",),
    "word tables": ("learn_lexicon", "invert", "prefix_lexicon", "identity_share",
                    "_bead_evidence"),
    "after-pass links": ("link_ratio", "link_anchor_gaps", "tidy_links", "link_cut_ends",
                         "cognate_keys", "link_anchor_twins", "reseat_anchor_links",
                         "link_leads", "link_length_path", "join_anchor_neighbours",
                         "link_gap_order", "link_figure_twins", "link_steps",
                         "rejoin_then_twins_marked", "join_far_halves"),
    "decision": ("decision_levels", "decide_links"),
    "confidences": ("with_confidence", "strong_join_confidence"),
}  # fmt: skip
STAGES = tuple(name for names in GROUPS.values() for name in names)
_SOURCE = (
    "#include <valgrind/callgrind.h>\n"
    "void cg_dump(const char *label) { CALLGRIND_DUMP_STATS_AT(label); }\n"
)


def _library() -> Callable[[str], None]:
    """``CALLGRIND_DUMP_STATS_AT`` callable from Python (built with gcc into a temp dir)."""
    folder = Path(tempfile.mkdtemp(prefix="align_stages"))
    (folder / "dump.c").write_text(_SOURCE)
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(folder / "dump.so"),
                    str(folder / "dump.c")], check=True)  # fmt: skip
    lib = ctypes.CDLL(str(folder / "dump.so"))
    return lambda label: lib.cg_dump(label.encode())


def instrument(dump: Callable[[str], None]) -> dict[str, str]:
    """Wrap each stage in ``workbench.core.align``; returns the state (run, last stage)."""
    state = {"run": "r0", "last": "start", "depth": 0}

    def wrap(name: str, fn: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            if state["depth"]:  # a stage inside another (the ratio rerun): the outer's
                return fn(*args, **kwargs)
            dump(f"{state['run']}|after {state['last']}")
            state["depth"] += 1
            try:
                return fn(*args, **kwargs)
            finally:
                state["depth"] -= 1
                dump(f"{state['run']}|{name}")
                state["last"] = name

        return wrapper

    for name in STAGES:
        if hasattr(aligner, name):
            setattr(aligner, name, wrap(name, getattr(aligner, name)))
    BeadScorer.localize = wrap("localize", BeadScorer.localize)  # a method, not a name in align
    return state


def run(args: argparse.Namespace) -> None:
    """Align the input twice under the stage dumps (run this under callgrind)."""
    dump = _library()
    state = instrument(dump)
    if args.whole:
        rows = [r for r in align_scale._textberg() if (r[1] == "TB none") != args.mt]
    else:
        section = "parts MT" if args.mt else "parts no MT"
        rows = [r for r in align_scale._parts() if r[0] == section][args.part : args.part + 1]
    _section, label, left, right, _gold, kwargs = rows[0]
    print(f"{label}: {len(left)} x {len(right)} sentences", flush=True)
    for run_name in ("r0", "r1"):
        state["run"], state["last"] = run_name, "start"
        align_scale._cold()
        dump(f"{run_name}|before call")
        aligner.align(left, right, **kwargs)
        dump(f"{run_name}|after {state['last']}")
    dump("end")


def read_dumps(folder: Path, run_name: str = "r1") -> tuple[Counter, Counter]:
    """Instructions and dumps per label of one run, from callgrind's dump files."""
    counts: Counter = Counter()
    calls: Counter = Counter()
    for path in folder.glob("*.out.*"):
        label, total = None, None
        with path.open(errors="replace") as lines:
            for line in lines:
                if line.startswith("desc: Trigger: Client Request: "):
                    label = line.split("Client Request: ", 1)[1].strip()
                elif line.startswith(("totals:", "summary:")):
                    total = int(line.split()[1])
                    break
        if label and total is not None and label.startswith(f"{run_name}|"):
            counts[label[len(run_name) + 1 :]] += total
            calls[label[len(run_name) + 1 :]] += 1
    counts.pop("before call", None)
    return counts, calls


def summary(folder: Path) -> None:
    """Print the warm call's instructions by stage group, then by stage."""
    counts, calls = read_dumps(folder)
    total = sum(counts.values())
    print(f"warm call: {total / 1e6:,.0f} M instructions")
    group_of = {name: group for group, names in GROUPS.items() for name in names}
    group_of["localize"] = "coarse DP"
    groups: Counter = Counter()
    for label, count in counts.items():
        name = label.removeprefix("after ")
        group = group_of.get(name, "other")
        if label.startswith("after "):  # code between stages: glosses after the table
            group = "glosses" if name in ("invert", "prefix_lexicon") else "between stages"
        groups[group] += count
    for group, count in groups.most_common():
        print(f"  {group:22} {count / 1e6:9.1f} M {count / total:7.1%}")
    print("by stage (calls):")
    for label, count in counts.most_common(25):
        print(f"  {label:30} {count / 1e6:9.1f} M {count / total:7.1%} {calls[label]:5}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["run", "sum"])
    parser.add_argument("folder", nargs="?", type=Path, help="sum: the callgrind dumps' folder")
    parser.add_argument("--part", type=int, default=0, help="which Text+Berg dev part (0-3)")
    parser.add_argument("--whole", action="store_true", help="the whole dev document")
    parser.add_argument("--mt", action="store_true", help="with the Europarl de->fr MT")
    args = parser.parse_args()
    if args.mode == "sum":
        summary(args.folder)
    else:
        run(args)


if __name__ == "__main__":
    main()
