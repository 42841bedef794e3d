"""How often the learned role layer overrules a consent box's ``other``, and whether it is right.

    .venv/bin/python benchmarks/role_consent.py [--weights FILE] [--loo]

``core.page_consent`` reads a consent box by its words (cookies, the site's voice) and makes
it ``other``; the learned layer (``core.role_model``) reads shape, and a consent paragraph has
a story paragraph's shape.  Over every dev set of ``role_train.load_sets`` and each label
version (first run, newest unseen, today's rules), this counts the segments the consent box
keeps (``consent_kept``) that the layer, left free, turns into another role, with their
characters by gold role: the layer is right where gold agrees with its role, not with
``other``.  Then it scores each set (roles / story by characters) with the layer free and
with the consent box's ``other`` kept (``role_model.KEEP_CONSENT``).  The weights are the
shipped file unless ``--weights`` names another; ``--loo`` fits them left out instead (each
set scored by weights fit on the others' first runs, ``role_train``'s default variant and
alpha, with the shipped file's correction: the fits do not depend on the consent box, only the
correction's choice could, and ``role_train.py`` reruns that).  Check batches are not read
here: score them pooled with ``role_weights.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
import role_cv as cv  # noqa: E402
import role_train as rt  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402

VERSIONS = (("first", "first"), ("last", "last"), ("today", "current"))


def overrules(v: cv.View, prob: np.ndarray, c: rm.Correction) -> tuple[int, np.ndarray]:
    """(segments, characters by gold role) of kept ``other`` lines the free layer changes."""
    free = rm.corrected(prob, v.rules, v.fixed, c, page=v.page)
    hit = v.keep & (free != v.rules)
    return int(hit.sum()), v.chars[hit].sum(axis=0)


def scores(v: cv.View, prob: np.ndarray, c: rm.Correction) -> dict[str, np.ndarray]:
    """Counts (characters, right role, right story) for the rules, the layer free and kept."""
    out = {"rules": cv.counts(v, v.rules)}
    out["free"] = cv.counts(v, rm.corrected(prob, v.rules, v.fixed, c, page=v.page))
    out["kept"] = cv.counts(v, rm.corrected(prob, v.rules, v.fixed, c, page=v.page, keep=v.keep))
    return out


def _cell(c: np.ndarray) -> str:
    return f"{c[1] / c[0]:.4f} / {c[2] / c[0]:.4f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", type=Path, default=rt.WEIGHTS, help="weights file")
    parser.add_argument("--loo", action="store_true", help="weights fit leaving each set out")
    args = parser.parse_args()
    shipped = rm.RoleModel.from_json(json.loads(args.weights.read_text(encoding="utf-8")))
    all_sets = rt.load_sets()
    study = rt.Study(all_sets)
    sets = {n: d for n, d in all_sets.items() if d.trains}
    body, other = rm.ROLES.index("body"), rm.ROLES.index("other")
    pooled = {label: {"rules": 0, "free": 0, "kept": 0} for label, _ in VERSIONS}
    print("| set | version | kept other | overruled | chars | gold other | gold body |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, d in sets.items():
        model = shipped
        if args.loo:
            fit = study.model(frozenset({name}), rt.VARIANTS[0], rt.ALPHAS[0])
            model = replace(fit, correction=shipped.correction)
        for label, attr in VERSIONS:
            v = d.views[d.first if attr == "first" else d.last if attr == "last" else attr]
            prob = model.probabilities(v.x)
            n, chars = overrules(v, prob, model.correction)
            for key, c in scores(v, prob, model.correction).items():
                pooled[label][key] = pooled[label][key] + c
            if n:
                print(f"| {name} | {label} | {int(v.keep.sum())} | {n} | {int(chars.sum())} | "
                      f"{int(chars[other])} | {int(chars[body])} |")  # fmt: skip
    print("\n| dev sets pooled | rules | layer free | consent other kept |\n|---|---:|---:|---:|")
    for label, row in pooled.items():
        print(f"| {label} | " + " | ".join(_cell(row[k]) for k in ("rules", "free", "kept")) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
