"""Run a benchmark with the learned role layer off, or with another weights file.

    .venv/bin/python benchmarks/role_layer_off.py [--weights FILE] SCRIPT.py [ARGS ...]

Why: a change to the learned role layer is measured on the beads and the flags as well as
on the roles (round 21's cross-lane rule: last round the retrained layer moved one unseen
page's story lines and cost a true flag and three beads).  The layer's one switch is the
``correct_roles`` call in ``core/roles.py``, which reads ``role_model.shipped_model()``;
this runs ``benchmarks/SCRIPT.py`` in process with that function patched: ``None`` (rules
alone), or the model of ``--weights`` (a refit or a guarded form).  E.g. the bead cost,
layer off against on: ``align_pairs.py --roles tool --cache off.pkl`` here, then
``align_pairs_cv.py --roles tool --cache on.pkl --alt-cache off.pkl``; the flag cost:
``flags_cv.py --switch ...`` here and without it (dev and check pooled, first column).  A
file reading fewer features (``role_drop_cv.py --write``) gets zero weights on the others.
"""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402


def main(argv: list[str]) -> int:
    model = None
    if argv[:1] == ["--weights"]:
        model = padded(rm.RoleModel.from_json(json.loads(Path(argv[1]).read_text("utf-8"))))
        argv = argv[2:]
    if not argv:
        print(__doc__)
        return 2
    rm.shipped_model = lambda: model  # the hook reads it at call time
    print(f"# role layer: {'weights ' + str(model.correction.describe()) if model else 'off'}")
    return run_script(argv)


def padded(model: rm.RoleModel) -> rm.RoleModel:
    """A file reading fewer features (their names a subset of today's, e.g. a column group
    dropped by ``role_drop_cv.py --write``) with zero weights on the others: scores exactly as
    the refit would without them (round 30; the same as ``role_weights.load_model``)."""
    if model.features == rm.FEATURES:
        return model
    k = len(rm.FEATURES)
    weights, mean, scale = np.zeros((k + 1, len(model.roles))), np.zeros(k), np.ones(k)
    for j, f in enumerate(model.features):
        i = rm.FEATURES.index(f)
        weights[i], mean[i], scale[i] = model.weights[j], model.mean[j], model.scale[j]
    weights[-1] = model.weights[-1]
    return rm.RoleModel(rm.FEATURES, model.roles, mean, scale, weights, model.correction)


def run_script(argv: list[str]) -> int:
    """Run ``benchmarks/argv[0]`` as ``__main__`` with ``argv[1:]``, in this process (so a
    switch patched before the call holds for it); shared by the benchmarks that toggle one."""
    script = ROOT / "benchmarks" / argv[0]
    sys.argv = [str(script), *argv[1:]]
    runpy.run_path(str(script), run_name="__main__")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
