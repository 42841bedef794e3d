"""Train the role correction model (``core.role_model``); score it leave-one-set-out.

    .venv/bin/python benchmarks/role_train.py [--write] [--history] [--json FILE]

Sets: the shared real-page dev set (``stories-dev``) and the blind batches
(``/work/blind/batch3`` .. ``batch7``), each ``pages/`` + ``gold-spans/``.
Gold character spans are mapped onto the tool's segments the way the dev set's
``eval.py`` scores them: a segment's gold role is the role of most of its
non-space characters, and it weighs as many characters.

Today's rules are in-sample on these pages, so their labels show few errors to
learn from.  Each page is therefore also taken with the labels of earlier mains
that had not seen it (``role_history.json``, rebuilt by ``--history`` from
``git archive``): the errors rules make on new shapes.  Every version of a page
weighs the same in total.

For each held-out set, the regularisation strength and the override threshold
are chosen by an inner leave-one-set-out over the other sets (scored on both
today's and the first-run labels), the model is fit on those sets, and the
held-out set is scored by characters (``roles``, ``story``) for the rules alone
and for rules + model, with today's rules and with the rules of the main it was
first scored on.  ``--write`` fits on all sets, with the parameters chosen by
leave-one-set-out over all of them, and writes ``workbench/core/role_model.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # tiny matrices: threads only contend

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core import role_model as rm  # noqa: E402
from workbench.core import roles as roles_mod  # noqa: E402
from workbench.testing.page_gold import GoldPage, Score, load_pages, score_page  # noqa: E402

SHARED = Path(os.environ.get("WORKBENCH_SHARED") or ROOT.parent / "shared")
BLIND = Path(os.environ.get("WORKBENCH_BLIND") or ROOT.parent / "blind")
ALPHAS = (0.003, 0.01, 0.03)  # L2 strength on the standardised weights (bias free)
THRESHOLDS = (0.8, 0.85, 0.9, 0.95, 1.01)  # only where sure; 1.01: never overrule the rules
WEIGHTS = ROOT / "workbench" / "core" / rm.WEIGHTS_FILE
#: Rule labels of earlier mains on pages they had not seen (``--history`` rebuilds it):
#: the errors rules make on unseen pages, which in-sample labels cannot show.
HISTORY = ROOT / "benchmarks" / "role_history.json"
#: The main each blind batch was first scored on, and the later batches it never saw.
HISTORY_COMMITS = {
    "d8a1eb5": (3, 4, 5, 6, 7),
    "e70f71c": (4, 5, 6, 7),
    "62e80d3": (5, 6, 7),
    "4770d0a": (6, 7),
}
#: Which version of the rule labels was the set's first unseen run (the honest one).
FIRST_RUN = {"blind3": "d8a1eb5", "blind4": "e70f71c", "blind5": "62e80d3",
             "blind6": "4770d0a", "blind7": "4770d0a"}  # fmt: skip
_DUMP = """
import json, sys
from pathlib import Path
from workbench.testing.page_gold import load_pages, predict
out = {}
for folder in sys.argv[2:]:
    for page in load_pages(Path(folder)):
        key = Path(folder).name.replace("batch", "blind") + "/" + page.name
        out[key] = [[s.start, s.end, r] for s, r in zip(page.segs, predict(page), strict=True)]
Path(sys.argv[1]).write_text(json.dumps(out))
"""


@dataclass
class PageData:
    """One page, its rule roles, features, per-segment gold and character weights."""

    page: GoldPage
    rules: list[str]
    x: np.ndarray
    y: np.ndarray
    w: np.ndarray
    version: str = "current"


def rule_roles(page: GoldPage) -> tuple[list[str], list[str | None]]:
    """The rules' roles and the part their own words decided, as ``assign_roles`` computes them."""
    n = len(page.segs)
    fixed = roles_mod._fixed_roles(page.segs, [None] * n, [False] * n)
    fixed = [None if r == "headline" else r for r in fixed]
    return roles_mod.assign_roles(page.segs, langs=page.langs), fixed


def segment_gold(page: GoldPage) -> tuple[np.ndarray, np.ndarray]:
    """Each segment's majority gold role (index into ``ROLES``) and its non-space characters."""
    role_at: dict[int, str] = {}
    for span in page.spans:
        for pos in range(span["start"], span["end"]):
            role_at[pos] = span["role"]
    y, w = [], []
    for seg in page.segs:
        votes: dict[str, int] = {}
        for pos in range(seg.start, seg.end):
            if not page.text[pos].isspace() and pos in role_at:
                votes[role_at[pos]] = votes.get(role_at[pos], 0) + 1
        best = max(votes, key=votes.__getitem__) if votes else "other"
        y.append(rm.ROLES.index(best))
        w.append(sum(votes.values()))
    return np.asarray(y, dtype=int), np.asarray(w, dtype=float)


def prepare(page: GoldPage, runs: list | None = None, version: str = "current") -> PageData:
    """One page's sample; ``runs`` ([start, end, role]) replace the rules' labels."""
    rules, fixed = rule_roles(page)
    if runs is not None:
        rules = mapped_roles(page, runs)
    x = rm.page_features(page.segs, rules, fixed, langs=page.langs)
    y, w = segment_gold(page)
    return PageData(page, rules, x, y, w, version)


def mapped_roles(page: GoldPage, runs: list) -> list[str]:
    """Roles given as character runs of another segmentation, by majority per segment."""
    role_at = {pos: role for start, end, role in runs for pos in range(start, end)}
    out = []
    for seg in page.segs:
        votes: dict[str, int] = {}
        for pos in range(seg.start, seg.end):
            if pos in role_at and not page.text[pos].isspace():
                votes[role_at[pos]] = votes.get(role_at[pos], 0) + 1
        out.append(max(votes, key=votes.__getitem__) if votes else "other")
    return out


def fit(data: list[PageData], alpha: float, threshold: float) -> rm.RoleModel:
    """Character-weighted multinomial logistic regression, L2, by gradient descent."""
    x = np.vstack([d.x for d in data])
    y = np.concatenate([d.y for d in data])
    w = np.concatenate([d.w for d in data])
    w = w / w.sum()
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    target = np.eye(len(rm.ROLES))[y]
    beta = np.zeros((z.shape[1], len(rm.ROLES)))
    reg = np.full((z.shape[1], 1), alpha)
    reg[-1] = 0.0
    step = 1.0
    for _ in range(600):
        logits = z @ beta
        logits -= logits.max(axis=1, keepdims=True)
        prob = np.exp(logits)
        prob /= prob.sum(axis=1, keepdims=True)
        grad = z.T @ (w[:, None] * (prob - target)) + reg * beta
        beta -= step * grad
    return rm.RoleModel(rm.FEATURES, rm.ROLES, mean, scale, beta, threshold)


def score(data: list[PageData], model: rm.RoleModel | None) -> Score:
    out = Score()
    for d in data:
        roles = d.rules if model is None else rm.apply_model(model, d.rules, d.x)
        out.add(score_page(d.page, roles))
    return out


def _merit(s: Score) -> float:
    return s.roles + s.story


def choose(sets: dict[str, SetData]) -> tuple[float, float]:
    """(alpha, threshold) best by leave-one-set-out over ``sets`` (ties: the more cautious).

    Each held-out set counts twice: with today's rules (the model must not spoil what
    they get right) and with its first unseen run's rules (it should mend what rules
    get wrong on pages of new shapes).
    """
    pooled = {(a, t): Score() for a in ALPHAS for t in THRESHOLDS}
    for held in sets:
        train = [d for name, group in sets.items() if name != held for d in group.train]
        for a in ALPHAS:
            model = fit(train, a, 1.0)
            for t in THRESHOLDS:
                pooled[(a, t)].add(score(sets[held].current, _with(model, t)))
                pooled[(a, t)].add(score(sets[held].honest, _with(model, t)))
    return max(pooled, key=lambda k: (round(_merit(pooled[k]), 6), k[1], k[0]))


def _with(model: rm.RoleModel, threshold: float) -> rm.RoleModel:
    return rm.RoleModel(model.features, model.roles, model.mean, model.scale, model.weights,
                        threshold)  # fmt: skip


@dataclass
class SetData:
    """A dev set: training samples (every version of rule labels) and the two test views."""

    train: list[PageData]
    current: list[PageData]  # today's rules
    honest: list[PageData]  # the rules as they were when the set was first scored unseen


def load_sets() -> dict[str, SetData]:
    folders = {"stories-dev": SHARED / "data" / "stories-dev"}
    folders |= {f"blind{b}": BLIND / f"batch{b}" for b in range(3, 8)}
    history = json.loads(HISTORY.read_text(encoding="utf-8")) if HISTORY.is_file() else {}
    sets = {}
    for name, folder in folders.items():
        if not (folder / "gold-spans").is_dir():
            continue
        train, current, honest = [], [], []
        for page in load_pages(folder):
            versions = [prepare(page)]
            for commit, runs in history.items():
                if f"{name}/{page.name}" in runs:
                    versions.append(prepare(page, runs[f"{name}/{page.name}"], commit))
            for v in versions:
                v.w = v.w / len(versions)  # each page weighs the same, however many versions
            train += versions
            current.append(versions[0])
            first = [v for v in versions if v.version == FIRST_RUN.get(name)]
            honest.append(first[0] if first else versions[0])
        sets[name] = SetData(train, current, honest)
    return sets


def build_history() -> None:
    """Rule labels of the mains in ``HISTORY_COMMITS`` on the batches they never saw."""
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for commit, batches in HISTORY_COMMITS.items():
            tree = Path(tmp) / commit
            tree.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "workbench"],
                                     check=True, capture_output=True).stdout  # fmt: skip
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
            dump = Path(tmp) / f"{commit}.json"
            folders = [str(BLIND / f"batch{b}") for b in batches]
            env = {**os.environ, "PYTHONPATH": str(tree)}
            subprocess.run(
                [sys.executable, "-c", _DUMP, str(dump), *folders], check=True, env=env, cwd=tmp
            )
            out[commit] = json.loads(dump.read_text(encoding="utf-8"))
    HISTORY.write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")


@dataclass
class Fold:
    """A held-out set's figures: rules, rules + model, on today's and first-run labels."""

    name: str
    pages: int
    scores: dict[str, Score]
    alpha: float
    threshold: float


def leave_one_set_out(sets: dict[str, SetData]) -> list[Fold]:
    folds = []
    for held, data in sets.items():
        inner = {k: v for k, v in sets.items() if k != held}
        alpha, threshold = choose(inner)
        model = fit([d for g in inner.values() for d in g.train], alpha, threshold)
        scores = {"rules": score(data.current, None), "model": score(data.current, model),
                  "first rules": score(data.honest, None),
                  "first model": score(data.honest, model)}  # fmt: skip
        folds.append(Fold(held, len(data.current), scores, alpha, threshold))
    return folds


def report(folds: list[Fold]) -> None:
    load = os.getloadavg()
    print(f"# Role model, leave-one-set-out (machine loaded: load average "
          f"{load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f})\n")  # fmt: skip
    keys = ("rules", "model", "first rules", "first model")
    print("| held-out set | pages | rules | rules+model | first-run rules | first-run rules+model "
          "| alpha | threshold |\n|---|---:|---:|---:|---:|---:|---:|---:|")  # fmt: skip
    pooled = {k: Score() for k in keys}
    for f in folds:
        for k in keys:
            pooled[k].add(f.scores[k])
        cells = " | ".join(f"{f.scores[k].roles:.3f} / {f.scores[k].story:.3f}" for k in keys)
        print(f"| {f.name} | {f.pages} | {cells} | {f.alpha} | {f.threshold} |")
    cells = " | ".join(f"{pooled[k].roles:.3f} / {pooled[k].story:.3f}" for k in keys)
    print(f"| **pooled** | {sum(f.pages for f in folds)} | {cells} | | |")
    print("\nCells: roles / story by characters. First run: the rules of the main the set was")
    print("first scored on, unseen (stories-dev has none: today's rules).")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the shipped weights file")
    parser.add_argument("--history", action="store_true", help="rebuild role_history.json first")
    parser.add_argument("--json", type=Path, help="write the per-fold figures here")
    args = parser.parse_args()
    if args.history:
        build_history()
    sets = load_sets()
    folds = leave_one_set_out(sets)
    report(folds)
    if args.json:
        rows = [
            {"set": f.name, "pages": f.pages, "alpha": f.alpha, "threshold": f.threshold}
            | {k: [s.roles, s.story] for k, s in f.scores.items()}
            for f in folds
        ]
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write:
        alpha, threshold = choose(sets)
        model = fit([d for g in sets.values() for d in g.train], alpha, threshold)
        WEIGHTS.write_text(json.dumps(model.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {WEIGHTS.relative_to(ROOT)} (alpha {alpha}, threshold {threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
