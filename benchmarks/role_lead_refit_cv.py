"""Round 42's header rules with the learned layer refit under them, and round 43's rights line:
leave one set out, check pooled.

    .venv/bin/python benchmarks/role_lead_refit_cv.py --weights FILE [--shared DIR] [--json FILE]

Why (round 43, roles43): ``lead_dateline`` and ``abbrev_stamp`` (``role_lead_cv.py``) are right
on pages with the layer off, but with the shipped layer (fitted in round 27, without them) LOBO
tied: the layer, fed 130 hessenticker_dpa_de's mended header, takes a late story line out.
Each point is a pair (rules, layer): the rules at START (``off``), with the two header rules
(``lead``), with ``rights_body`` (``core.page_footer.rights_line``: a line opening with a rights
phrase that the rules read as a sentence is the footer), or all three; the layer shipped or the
refit of ``FILE`` (``role_refit_cv.py --write`` run with the header rules on, so the refit's
features read their labels).  Dev sets, folds, the choice and the check are
``role_point_study``'s: a fold takes a point that lowers none of its other sets and raises
their pooled mean; the check batches are scored pooled only, to veto.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_buttons_cv import CHECK, SHARED, STORY_PAIRS, cell, choose, dev_sets  # noqa: E402
from role_layer_off import padded  # noqa: E402
from role_point_study import _folds, print_points, scores  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402
from workbench.core.role_params import DEFAULT_PARAMS, RoleParams  # noqa: E402
from workbench.testing.page_gold import Score, load_pages  # noqa: E402

OFF = replace(DEFAULT_PARAMS, lead_dateline=False, abbrev_stamp=False, rights_body=False)
RULES: dict[str, RoleParams] = {
    "off": OFF,
    "rights": replace(OFF, rights_body=True),
    "lead": replace(OFF, lead_dateline=True, abbrev_stamp=True),
    "all": replace(OFF, lead_dateline=True, abbrev_stamp=True, rights_body=True),
}


def layered(pages: list, rules: str, model: rm.RoleModel | None) -> Score:
    """``pages`` scored with ``rules``' params and ``model`` as the learned layer."""
    keep = rm.shipped_model
    rm.shipped_model = lambda: model
    try:
        return scores(pages, RULES[rules])
    finally:
        rm.shipped_model = keep


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", type=Path, required=True, help="the refit's weights")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    refit = padded(rm.RoleModel.from_json(json.loads(args.weights.read_text("utf-8"))))
    layers = {"shipped": rm.shipped_model(), "refit": refit}
    points = {"off": ("off", "shipped")}
    points |= {f"{r}{'+refit' if k == 'refit' else ''}": (r, k)
               for r in RULES for k in layers if (r, k) != ("off", "shipped")}  # fmt: skip
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# header rules x learned layer, leave one set out (machine load {loads})")
    sets = dev_sets(args.shared)
    names = list(sets)
    table = {(n, p): layered(pages, r, layers[k])
             for n, pages in sets.items() for p, (r, k) in points.items()}  # fmt: skip
    out: dict = {}
    for candidate in ("rights", "lead+refit", "all+refit"):
        print(f"\n## candidate `{candidate}`")
        folds, held = _folds(table, names, points, candidate)
        out[candidate] = {"folds": folds, "held": [held[1].roles, held[1].story]}
    chosen = choose(table, names, points)
    print_points(table, names, points, chosen)
    check = [p for b in CHECK for p in load_pages(STORY_PAIRS / f"batch{b}")]
    base = layered(check, "off", layers["shipped"])
    print("\n| check pooled (off -> point) | roles / story |\n|---|---|")
    for p, (r, k) in points.items():
        if p != "off":
            at = layered(check, r, layers[k])
            print(f"| {p} | {cell(base, at)} |", flush=True)
            out.setdefault("check", {})[p] = [base.roles, base.story, at.roles, at.story]
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
