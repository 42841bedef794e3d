"""One page line's role under two weights files, on the product's path, with the logit terms.

    .venv/bin/python benchmarks/role_edge.py BATCH PAGE SEG [--weights FILE]

Why (round 32): every refit since round 29 loses batch 27's two true flags; the loss is one
title line the layer lifts into ``headline`` (or not), and the benchmarks that score weights
(``role_weights.py``) do not say which columns move it.  This runs ``page_gold.predict`` with
the shipped file hooked in, catches the rule roles ``correct_roles`` is given, and prints, for
the page's first lines, the rules' role, each file's correction and probabilities, and for line
SEG the headline-vs-other logit split into column terms (shipped against ``--weights``), the
columns that move most first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
import role_train as rt  # noqa: E402
import role_weights as rw  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402
from workbench.core import roles as roles_mod  # noqa: E402
from workbench.testing.page_gold import load_pages, predict  # noqa: E402


def caught(page, model: rm.RoleModel) -> tuple[list[str], tuple]:
    """The product's final roles and the arguments ``correct_roles`` was called with."""
    cap: dict = {}
    orig = roles_mod.correct_roles

    def wrap(segs, roles, fixed, **kw):
        cap["args"] = (segs, list(roles), fixed, kw)
        return orig(segs, roles, fixed, **kw)

    roles_mod.correct_roles = wrap
    rm.shipped_model = lambda: model
    try:
        return predict(page), cap["args"]
    finally:
        roles_mod.correct_roles = orig


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("batch")
    parser.add_argument("page")
    parser.add_argument("seg", type=int)
    parser.add_argument("--weights", type=Path, required=True)
    parser.add_argument("--lines", type=int, default=14)
    args = parser.parse_args()
    page = next(p for p in load_pages(rt.BLIND / f"batch{args.batch}") if p.name == args.page)
    models = {"shipped": rw.load_model(rt.WEIGHTS), "new": rw.load_model(args.weights)}
    final, (segs, roles, fixed, kw) = caught(page, models["shipped"])
    html = kw.get("link_share") is not None
    x = rm.page_features(segs, roles, fixed, langs=kw.get("langs"), link_share=kw.get("link_share"))
    keep = rm.kept(segs, roles, kw.get("prompts", True))
    outs = {k: rm.apply_model(m, roles, x, html=html, keep=keep) for k, m in models.items()}
    probs = {k: m.probabilities(x) for k, m in models.items()}
    for i in range(min(len(segs), args.lines)):
        cells = ", ".join(f"{k} {outs[k][i]} {probs[k][i].round(3).tolist()}" for k in models)
        print(f"{i} rules {roles[i]} | {cells} | final {final[i]} | {segs[i].text[:70]!r}")
    h, o, i = rm.ROLES.index("headline"), rm.ROLES.index("other"), args.seg
    terms = {}
    for k, m in models.items():
        terms[k] = (x[i] - m.mean) / m.scale * (m.weights[:-1, h] - m.weights[:-1, o])
        bias = m.weights[-1, h] - m.weights[-1, o]
        print(f"{k}: logit headline - other {terms[k].sum() + bias:+.3f} (bias {bias:+.3f})")
    diff = terms["new"] - terms["shipped"]
    for t in np.argsort(-np.abs(diff))[:10]:
        print(f"  {rm.FEATURES[t]:18s} x={x[i][t]:.3f} shipped {terms['shipped'][t]:+.3f} "
              f"new {terms['new'][t]:+.3f} ({diff[t]:+.3f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
