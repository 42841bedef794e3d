"""Round 35's caption column (``role_features.under_byline``) in a refit, left out.

    .venv/bin/python benchmarks/role_caption_cv.py [--headline-weight 1,1.5,2] [--cache FILE]
        [--json FILE] [--write DIR] [--no-folds] [--base FILE] [--columns under_byline,…]
    .venv/bin/python benchmarks/role_caption_cv.py --run role_flags_moved.py FILE

Why: round 34's ×2 headline-weight refit won first runs left out and the check but lifted
batch 17's photo caption (under the byline, gold ``other``) into ``headline`` (two false
flags).  ``benchmarks/role_caption_census.py`` counts the lines a refit lifts or nearly
lifts: a line right under a byline or date line, below the rules' headline and above their
story, is gold ``other`` 334 times in 64 dev sets and ``headline`` 5 times, and none of the
×2 file's right lifts carries it.  This runs ``role_refit_cv``'s passes (weights without each
dev set fit on the others' first-run labels, shipped correction, headline bar .6; nested =
the headline weight the other sets choose) with the column added after ``FEATURES``
(83 columns), so its table compares with ``role_refit_cv.py``'s on 82.  ``study_columns``
switches the column on in-process; ``--run SCRIPT ARGS`` runs another benchmark's ``main``
so (``role_flags_moved.py``, ``role_beads_moved.py``, ``role_weights.py`` with an 83-column
file), the shipped file read with a zero weight on the column (it scores as shipped).  The
shipped layer never reads the column.  Round 36: ``--columns`` names the study columns
(``role_features.OPTIONAL``; default round 35's ``under_byline``), e.g.
``under_byline,above_credit`` (a line above a photo credit, in the header).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import importlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_refit_cv as refit  # noqa: E402
import role_train as rt  # noqa: E402
import role_weights as rw  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402

#: The study columns switched on (``--columns``; round 35's one by default).
COLUMNS: tuple[str, ...] = ("under_byline",)


@contextlib.contextmanager
def study_columns(columns: tuple[str, ...] | None = None) -> Iterator[None]:
    """``rm.FEATURES`` and ``rm.page_features`` with ``columns`` after the shipped ones
    (``correct_roles``, ``role_train.load_sets`` and ``role_cv.fit`` read them there);
    restored on exit.  ``shipped_model`` compares a file's columns with ``rm.FEATURES``:
    its cache is cleared both ways."""
    columns = COLUMNS if columns is None else columns
    saved = rm.FEATURES, rm.page_features
    rm.FEATURES = (*saved[0], *columns)
    rm.page_features = functools.partial(saved[1], optional=columns)
    _clear()
    try:
        yield
    finally:
        rm.FEATURES, rm.page_features = saved
        _clear()


def _clear() -> None:
    """``role_train.rule_roles`` replaces ``shipped_model`` by a plain function: no cache."""
    getattr(rm.shipped_model, "cache_clear", lambda: None)()


def run(script: str, argv: list[str]) -> int:
    """``script``'s ``main`` with the column on and ``shipped_model`` the shipped file
    widened by a zero-weight column (``role_weights.load_model``), which scores as shipped."""
    module = importlib.import_module(Path(script).stem)
    with study_columns():
        shipped = rw.load_model(rt.WEIGHTS)
        rm.shipped_model = lambda: shipped
        sys.argv = [script, *argv]
        return module.main()


def main() -> int:
    global COLUMNS
    if sys.argv[1:2] == ["--columns"]:  # before --run: the columns the run reads
        COLUMNS = tuple(sys.argv[2].split(","))
        sys.argv = [sys.argv[0], *sys.argv[3:]]
    if sys.argv[1:2] == ["--run"]:
        return run(sys.argv[2], sys.argv[3:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--headline-weight", default="1,1.5,2")
    parser.add_argument("--alpha", type=float, default=0.001)
    parser.add_argument("--cache", type=Path, help="pickled dev sets with the column")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--write", type=Path, help="write each pass's all-sets fit here")
    parser.add_argument("--no-folds", action="store_true", help="only --write the fits")
    parser.add_argument("--base", type=Path,
                        help="role_refit_cv.py --json of the same grid on 82 columns: its rows "
                             "(and their nested row) head the table")  # fmt: skip
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# role refit with {', '.join(COLUMNS)}, left out "
          f"(machine load {load[0]:.1f}/{load[1]:.1f})\n")  # fmt: skip
    shipped = rm.RoleModel.from_json(json.loads(rt.WEIGHTS.read_text(encoding="utf-8")))
    bars = [shipped.correction]
    results: dict[str, dict] = {}
    with study_columns():
        sets = refit.load(args.cache)
        for hw in map(float, args.headline_weight.split(",")):
            key = f"{args.alpha:g}, {hw:g}, {'+'.join(COLUMNS)}"
            if args.write:
                study = rt.Study(sets, (args.alpha,), headline_weight=hw)
                m = study.model(frozenset(), "first", args.alpha)
                out = dataclasses.replace(m, correction=shipped.correction)
                stem = "caption" if COLUMNS == ("under_byline",) else "+".join(COLUMNS)
                path = args.write / f"{stem}_{args.alpha:g}_{hw:g}.json"
                path.write_text(json.dumps(out.to_json(), ensure_ascii=False) + "\n",
                                encoding="utf-8")  # fmt: skip
            if args.no_folds:
                continue
            results[key] = refit.one_pass(sets, args.alpha, hw, bars)
            if args.json:
                args.json.write_text(json.dumps(results), encoding="utf-8")
    if len(results) > 1:
        results["nested (the others choose)"] = refit.nested(results, sets, len(bars))
        if args.json:
            args.json.write_text(json.dumps(results), encoding="utf-8")
    if args.base and results:
        base = json.loads(args.base.read_text(encoding="utf-8"))
        if len(base) > 1 and not any(k.startswith("nested") for k in base):
            base["nested, 82 columns"] = refit.nested(base, sets, len(bars))
        results = base | results
    if results:
        refit.table(results, [shipped.correction.headline])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
