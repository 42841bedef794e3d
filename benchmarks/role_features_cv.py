"""Does a change to the role layer's *features* pay, left out? (first-run leave-one-out)

    .venv/bin/python benchmarks/role_features_cv.py [--variants base,page_len] [--json FILE]

``role_train.py`` and ``role_joined.py`` ask whether to refit the learned layer on more
data; this asks whether it should read more evidence.  Each variant appends candidate
columns to ``core.role_features.page_features`` (patched in for the run: ``role_train``,
``role_cv`` and the product hook ``role_model.correct_roles`` all call
``rm.page_features``) and is scored the way the rule of docs/heldout.md reads:

* every trainable dev set left out (weights fit on the first-run labels of the other
  trainable sets, ``role_train.Study.prob``), on its first-run labels and today's, under
  fixed corrections (``--weights`` files: their ``Correction`` was chosen on every choosing
  set, so that part is in-sample and the same for every variant);
* the check batches (``role_train.CHECK_ONLY``) **pooled only**, on today's rules through
  the product path (weights fit on every trainable set, hooked into ``assign_roles``).

A candidate ships only if first-run leave-one-out gains and the check does not veto it
(docs/heldout.md, "How a change is chosen"); then it moves into ``core/role_features.py``
and ``role_train.py --write`` refits the shipped file.  Round 17: the rule labels two
segments up and down (``prev2_*`` / ``next2_*``) shipped that way; ``no_reach2`` is today's
features without them (docs/ingest.md, round 17).  Round 18: the site's voice and name
(``site_voice``, ``opens_site``, ``names_site``) shipped; ``no_voice`` drops them.  Round 20:
a box the rules found read as the story it interrupts (``box_cohesion``, ``box_sentence``,
``box_follow``, with ``Correction.boxes``: a line of an appeal may go back to the story) shipped;
``no_box`` drops the columns (run it with a ``from_boxes`` weights file).  Round 27:
``shape_mates`` (the page's other lines of the same shape class and their rule labels) did
not ship (docs/ingest.md, round 27); round 28: ``para_pos`` (paragraph ends and
same-label paragraph neighbours) did not ship either (docs/ingest.md, round 28).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
import role_cv as cv  # noqa: E402
import role_train as rt  # noqa: E402

from workbench.core import role_features as rf  # noqa: E402
from workbench.core import role_model as rm  # noqa: E402
from workbench.core.page_shapes import Shape, shapes  # noqa: E402
from workbench.core.segment import Seg  # noqa: E402
from workbench.testing.page_gold import Score, load_pages, predict, score_page  # noqa: E402

Extra = Callable[[Sequence[Seg], Sequence[str]], np.ndarray]
#: Columns ``reach2`` added to ``core.role_features`` (round 17, shipped): ``no_reach2`` drops
#: them again, so the study that chose them can be rerun on today's features.
_REACH2 = tuple(f"{k}_{r}" for k in ("prev2", "next2") for r in rf.ROLES)


def _page_len(segs: Sequence[Seg], roles: Sequence[str]) -> np.ndarray:
    """A segment's length against the page's story lines (log words minus the median of the
    ``body`` segments' log words), and its commas per word: a story sentence is long *for
    its page* and clause-built; chrome is short or a list, whatever the site's style."""
    sh = shapes(segs)
    words = np.array([math.log1p(s.words) for s in sh])
    body = [w for w, r in zip(words, roles, strict=True) if r == "body"]
    mid = float(np.median(body)) if body else float(np.median(words)) if len(words) else 0.0
    commas = np.array([seg.text.count(",") / max(1, s.words) for seg, s in zip(segs, sh,
                                                                            strict=True)])
    return np.column_stack([words - mid, np.minimum(commas, 1.0)])


def _para_pos(segs: Sequence[Seg], roles: Sequence[str]) -> np.ndarray:
    """First / last segment of its paragraph, and whether the paragraph's other segments
    carry the same rule label: chrome and story rarely share a printed paragraph."""
    n = len(segs)
    out = np.zeros((n, 3))
    for i, seg in enumerate(segs):
        out[i, 0] = float(i == 0 or segs[i - 1].paragraph != seg.paragraph)
        out[i, 1] = float(i == n - 1 or segs[i + 1].paragraph != seg.paragraph)
        mates = [roles[j] for j in (i - 1, i + 1)
                 if 0 <= j < n and segs[j].paragraph == seg.paragraph]  # fmt: skip
        out[i, 2] = float(bool(mates) and all(r == roles[i] for r in mates))
    return out


def _shape_key(sh: Shape) -> tuple[bool, int, bool]:
    """A line's shape class: closed or not, length band (1-3, 4-7, 8-15, 16+ words), mostly
    capitalised or not."""
    band = 0 if sh.words <= 3 else 1 if sh.words <= 7 else 2 if sh.words <= 15 else 3
    return sh.terminal, band, sh.caps >= 0.5


def _shape_mates(segs: Sequence[Seg], roles: Sequence[str]) -> np.ndarray:
    """Round 27: the page's *other* lines of the same shape class (``_shape_key``): the share
    the rules call ``body``, the share they call ``other``, and how many there are (log).  A
    related-links list or a row of teasers is many lines of one shape, mostly chrome; a story
    sentence the rules missed has story sentences of its shape around the page."""
    keys = [_shape_key(s) for s in shapes(segs)]
    count = Counter(keys)
    body = Counter(k for k, r in zip(keys, roles, strict=True) if r == "body")
    other = Counter(k for k, r in zip(keys, roles, strict=True) if r == "other")
    out = np.zeros((len(segs), 3))
    for i, (k, r) in enumerate(zip(keys, roles, strict=True)):
        mates = count[k] - 1
        if mates:
            out[i, 0] = (body[k] - (r == "body")) / mates
            out[i, 1] = (other[k] - (r == "other")) / mates
        out[i, 2] = math.log1p(mates)
    return out


#: A candidate appends columns (a function) or drops the named shipped columns (``no_voice``:
#: round 18's site voice and name; ``no_box``: round 20's box columns).
CANDIDATES: dict[str, Extra | int | tuple[str, ...] | None] = {
    "base": None,
    "no_reach2": _REACH2,
    "page_len": _page_len,
    "para_pos": _para_pos,
    "shape_mates": _shape_mates,
    "no_voice": ("site_voice", "opens_site", "names_site"),
    "no_box": ("box_cohesion", "box_sentence", "box_follow"),
}
_BASE = rf.page_features


def use(extra: Extra | int | tuple[str, ...] | None) -> None:
    """Change every feature row the benchmark and the hook compute by ``extra``."""

    def page_features(segs, roles, fixed, *, langs=None, link_share=None) -> np.ndarray:
        x = _BASE(segs, roles, fixed, langs=langs, link_share=link_share)
        if extra is None:
            return x
        if isinstance(extra, tuple):
            return x[:, [k for k, f in enumerate(rf.FEATURES) if f not in extra]]
        return x[:, :-extra] if isinstance(extra, int) else np.hstack([x, extra(segs, roles)])

    rm.page_features = page_features


def run(extra: Extra | int | tuple[str, ...] | None, corrections: dict[str, rm.Correction]) -> dict:
    """Per trainable set and correction: left-out counts on first-run and today's labels;
    and the check pooled with weights fit on every trainable set."""
    use(extra)
    sets = rt.load_sets()
    study = rt.Study(sets)
    rows: dict[str, dict] = {}
    for name, d in sets.items():
        if not d.trains:  # a check batch: pooled below only
            continue
        row = {}
        for label, version in (("first", d.first), ("current", "current")):
            v = d.views[version]
            p = study.prob(frozenset({name}), "first", rt.ALPHAS[0], name, version)
            row[f"{label} rules"] = cv.counts(v, v.rules)
            for key, c in corrections.items():
                row[f"{label} {key}"] = cv.counts(v, cv.predict(p, v, c))
        rows[name] = row
        print(f"  {name}", file=sys.stderr, flush=True)
    fitted = study.model(frozenset(), "first", rt.ALPHAS[0])
    check = {}
    folders = [rt.BLIND / f"batch{n.removeprefix('blind')}" for n in rt.CHECK_ONLY]
    pages = [p for f in folders if (f / "gold-spans").is_dir() for p in load_pages(f)]
    for key, c in corrections.items():
        model = rm.RoleModel(fitted.features, fitted.roles, fitted.mean, fitted.scale,
                             fitted.weights, c)  # fmt: skip
        rm.shipped_model = lambda m=model: m
        score = Score()
        for page in pages:
            score.add(score_page(page, predict(page)))
        check[key] = (score.roles, score.story, score.chars)
    use(None)
    return {"rows": rows, "check": check}


def _cell(c: np.ndarray) -> str:
    return f"{c[1] / c[0]:.4f} / {c[2] / c[0]:.4f}"


def report(results: dict[str, dict], keys: list[str]) -> None:
    base = results["base"]["rows"]
    for key in keys:
        print(f"\n### correction `{key}`\n")
        print("| variant | first runs, left out | sets up / down (roles) | today's, left out "
              "| check pooled |\n|---|---:|---|---:|---:|")  # fmt: skip
        for name, res in results.items():
            rows = res["rows"]
            first = sum(r[f"first {key}"] for r in rows.values())
            today = sum(r[f"current {key}"] for r in rows.values())
            diff = [rows[n][f"first {key}"][1] / rows[n][f"first {key}"][0]
                    - base[n][f"first {key}"][1] / base[n][f"first {key}"][0] for n in rows]
            up, down = sum(d > 5e-5 for d in diff), sum(d < -5e-5 for d in diff)
            r, s, _ = res["check"][key]
            print(f"| {name} | {_cell(first)} | {up} / {down} | {_cell(today)} "
                  f"| {r:.4f} / {s:.4f} |")  # fmt: skip
    rules = sum(r["first rules"] for r in base.values())
    print(f"\nFirst-run rules alone, pooled: {_cell(rules)} ({len(base)} dev sets)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", default=",".join(CANDIDATES),
                        help="candidate feature sets (base = today's features)")  # fmt: skip
    parser.add_argument("--weights", type=Path, action="append", default=[],
                        help="weights files whose correction is applied (default: shipped)")
    parser.add_argument("--json", type=Path, help="write the counts here")
    args = parser.parse_args()
    files = args.weights or [rt.WEIGHTS]
    corrections = {p.stem: rm.RoleModel.from_json(json.loads(p.read_text(encoding="utf-8")))
                   .correction for p in files}  # fmt: skip
    results = {}
    for name in args.variants.split(","):
        print(f"variant {name}", file=sys.stderr, flush=True)
        results[name] = run(CANDIDATES[name], corrections)
    report(results, list(corrections))
    if args.json:
        out = {n: {"rows": {k: {c: v.tolist() for c, v in r.items()}
                            for k, r in res["rows"].items()}, "check": res["check"]}
               for n, res in results.items()}  # fmt: skip
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
