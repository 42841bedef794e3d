"""A learned flag gate, as a measured study: does a model of "this raised token is true" carry?

    .venv/bin/python benchmarks/flags_gate_fit.py [--shared DIR] [--pairs PICKLE]

Why: issue 15 asks for flag precision >= .85 on unseen pairs without losing the true
changes.  Six rounds of hand rules (``core/check_*.py``) read .89-.91 on the dev pairs
they were written on and .63-.77 on unseen ones.  Round 19 learned the aligner's link
decision from all the dev gold (``benchmarks/align_decision_fit.py``); this does the same
for the flags.  Every token the checks raise on the flag gold's end-to-end pairs (at the
shipped gate, twins and echoes included: ``flag_gold._with_twins``) is a candidate,
labelled true when the gold requires it and false when it neither requires nor accepts
it (``either`` tokens are left out of training, and scored as the gold scores them).
Its inputs are what the checks already know (``FEATURES``).  A logistic model (numpy,
L2) gives each token a probability; the gate drops tokens below a keep threshold.

Leave one batch out over the dev sets: for each, the model is refitted on the others
and its threshold chosen there (the most precise threshold that loses no training true
token; ties keep the lower, 0 is today's rules); the left-out set is scored with them.
The check batches are scored pooled only, with the model and threshold of all dev sets.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from workbench.core.check_gate import title_like  # noqa: E402
from workbench.core.checks import DEFAULT_GATE  # noqa: E402
from workbench.testing.flag_gold import (  # noqa: E402
    PairBeads,
    _with_twins,
    _without,
    gated_items,
    precision_recall,
)

FEATURES = (
    "number", "name", "one_sided", "confidence", "similarity", "cross_language",
    "again_own_page", "on_other_page", "headline_row", "capitalised", "sentence_initial",
    "other_row_figure", "other_row_same_kind", "regrouped", "length",
)  # fmt: skip
THRESHOLDS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
L2 = 1.0


@dataclass
class Token:
    """One raised token: where it was raised, its inputs and its gold label."""

    pair: int
    kind: str
    side: str
    token: str
    x: list[float]
    label: int | None  # 1 true, 0 false, None accepted either way (not trained on)


def _count(text: str, token: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(token) + r"(?!\w)", text))


def features(pair: PairBeads, k: int, kind: str, side: str, token: str,
             raised: dict) -> list[float]:  # fmt: skip
    """The token's inputs: its kind, its row (one-sided, confidence, similarity, headline,
    regrouped), its pair (languages) and where else the two pages tell it."""
    confidence, similarity, left, right, llang, rlang = pair.beads[k]
    mine, theirs = (left, right) if side == "left_only" else (right, left)
    at = 0 if side == "left_only" else 1
    page = [" ".join(b[2 + s] for b in pair.beads) for s in (0, 1)]
    other_side = "right_only" if side == "left_only" else "left_only"
    initial = re.sub(r"^[\W_]+", "", mine).startswith(token)
    return [
        float(kind == "numbers"), float(kind == "names"),
        float(not left.strip() or not right.strip()),
        float(confidence), float(similarity), float((llang or "")[:2] != (rlang or "")[:2]),
        float(_count(page[at], token) > 1), float(_count(page[1 - at], token) > 0),
        float(k == 0 or title_like(mine)), float(token[:1].isupper()), float(initial),
        float(bool(re.search(r"\d", theirs))),
        float(bool(raised.get(kind, {}).get(other_side))),
        float(bool(pair.regrouped and pair.regrouped[k])), min(len(token) / 12, 1.0),
    ]  # fmt: skip


def candidates(pairs: list[PairBeads]) -> list[Token]:
    """Every token the checks raise at the shipped gate, labelled as the gold scores it."""
    out = []
    for p, pair in enumerate(pairs):
        required = Counter((kind, side, t) for kind, sides in pair.wanted.items()
                           for side, tokens in sides.items() for t in tokens)  # fmt: skip
        either = Counter(pair.either)
        for k, raised in enumerate(_with_twins(pair, DEFAULT_GATE)):
            for kind, by_side in raised.items():
                for side, tokens in by_side.items():
                    for t in tokens:
                        key = (kind, side, t)
                        label: int | None = 0
                        if required[key] > 0:
                            required[key], label = required[key] - 1, 1
                        elif either[key] > 0:
                            either[key], label = either[key] - 1, None
                        x = features(pair, k, kind, side, t, raised)
                        out.append(Token(p, kind, side, t, x, label))
    return out


def fit(x: np.ndarray, y: np.ndarray, steps: int = 30) -> tuple[np.ndarray, ...]:
    """Logistic regression by Newton steps on standardised inputs, L2 on the weights."""
    mean, std = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / std])
    w = np.zeros(z.shape[1])
    ridge = np.eye(len(w)) * L2
    ridge[0, 0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + ridge @ w
        hess = (z * (p * (1 - p))[:, None]).T @ z + ridge + 1e-9 * np.eye(len(w))
        w = w - np.linalg.solve(hess, grad)
    return w, mean, std


def predict(model: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    w, mean, std = model
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / std])
    return 1 / (1 + np.exp(-z @ w))


def scored(pairs: list[PairBeads], tokens: list[Token], keep: np.ndarray,
           which: set[int]) -> dict:  # fmt: skip
    """Precision / recall of the pairs in ``which`` with only the ``keep`` tokens raised."""
    produced: dict[int, dict] = {p: {} for p in which}
    for t, kept in zip(tokens, keep, strict=True):
        if kept and t.pair in which:
            produced[t.pair].setdefault(t.kind, {}).setdefault(t.side, []).append(t.token)
    items = [(pairs[p].label, _without(produced[p], pairs[p].either, pairs[p].wanted),
              pairs[p].wanted) for p in sorted(which)]  # fmt: skip
    return precision_recall(items)


def choose(pairs: list, tokens: list[Token], prob: np.ndarray, which: set[int]) -> float:
    """The most precise keep threshold that loses no true token of ``which`` (ties: lower)."""
    base = scored(pairs, tokens, np.ones(len(tokens), bool), which)
    best, best_key = 0.0, (base["precision"],)
    for t in THRESHOLDS[1:]:
        s = scored(pairs, tokens, prob >= t, which)
        if s["true"] == base["true"] and (s["precision"],) > best_key:
            best, best_key = t, (s["precision"],)
    return best


def trained(tokens: list[Token], which: set[int]) -> tuple[np.ndarray, ...]:
    rows = [t for t in tokens if t.pair in which and t.label is not None]
    return fit(np.array([t.x for t in rows]), np.array([float(t.label) for t in rows]))


def leave_one_set_out(pairs: list, tokens: list[Token], dev: list[str]) -> tuple[dict, dict, dict]:
    """Before (today's rules) and after (refit and threshold per fold) over the dev sets."""
    x = np.array([t.x for t in tokens])
    keep = np.ones(len(tokens), bool)
    chosen: dict[str, float] = {}
    every = {p for p, pair in enumerate(pairs) if pair.group in dev}
    for name in dev:
        train = {p for p in every if pairs[p].group != name}
        model = trained(tokens, train)
        prob = predict(model, x)
        chosen[name] = choose(pairs, tokens, prob, train)
        for i, t in enumerate(tokens):
            if pairs[t.pair].group == name:
                keep[i] = prob[i] >= chosen[name]
    before = scored(pairs, tokens, np.ones(len(tokens), bool), every)
    return before, scored(pairs, tokens, keep, every), chosen


def _pr(s: dict) -> str:
    return f"{s['precision']:.2f} / {s['recall']:.2f} ({s['true']}/{s['false']}/{s['missed']})"


def report(pairs: list[PairBeads], check_sets: tuple[str, ...]) -> dict:
    """Print and return dev LOBO before/after, all-dev in sample and check pooled."""
    tokens = candidates(pairs)
    dev = [g for g in dict.fromkeys(p.group for p in pairs) if g not in check_sets]
    every = {p for p, pair in enumerate(pairs) if pair.group in dev}
    check = {p for p, pair in enumerate(pairs) if pair.group in check_sets}
    labels = Counter(t.label for t in tokens if t.pair in every)
    print(f"{len(tokens)} raised tokens; dev: {labels[1]} true, {labels[0]} false, "
          f"{labels[None]} either ({len(dev)} dev sets)\n")  # fmt: skip
    before, after, chosen = leave_one_set_out(pairs, tokens, dev)
    shipped = precision_recall([i for i, p in zip(gated_items(pairs), pairs, strict=True)
                                if p.group in dev])  # fmt: skip
    assert shipped == before, (shipped, before)  # the replay is today's scoring
    print(f"dev, leave one set out: {_pr(before)} -> **{_pr(after)}** "
          f"(thresholds chosen: {dict(Counter(chosen.values()))})")  # fmt: skip
    x = np.array([t.x for t in tokens])
    model = trained(tokens, every)
    prob = predict(model, x)
    point = choose(pairs, tokens, prob, every)
    everything = np.ones(len(tokens), bool)
    dev_in = (scored(pairs, tokens, everything, every), scored(pairs, tokens, prob >= point, every))
    print(f"dev, all-dev fit in sample (keep p >= {point}): {_pr(dev_in[0])} -> {_pr(dev_in[1])}")
    pooled = (scored(pairs, tokens, everything, check), scored(pairs, tokens, prob >= point, check))
    print(f"check pooled: {_pr(pooled[0])} -> {_pr(pooled[1])}")
    weights = dict(zip(("bias", *FEATURES), np.round(model[0], 2).tolist(), strict=True))
    print(f"\nall-dev weights (standardised inputs): {weights}")
    return {"lobo": (before, after), "chosen": chosen, "dev in sample": dev_in,
            "point": point, "check pooled": pooled}  # fmt: skip


def main() -> int:
    global L2
    from roles_flags import FLAG_CHECK_SETS, SHARED

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--pairs", type=Path, help="a pickle of the end-to-end pairs (reuse)")
    parser.add_argument("--l2", type=float, default=L2, help="ridge on the standardised weights")
    args = parser.parse_args()
    L2 = args.l2
    if args.pairs and args.pairs.exists():
        pairs = pickle.loads(args.pairs.read_bytes())
    else:
        from flags_robust import load_sets

        from workbench.testing.flag_gold import end_to_end_pairs
        from workbench.testing.page_gold import predict as roles

        gold, pages, groups, dev = load_sets(args.shared)
        pairs = end_to_end_pairs(gold, dev, groups=dict.fromkeys(dev, "stories-dev"), roles=roles)
        pairs += end_to_end_pairs(gold, pages, "fixture_end_to_end", groups, roles=roles)
        if args.pairs:
            args.pairs.write_bytes(pickle.dumps(pairs))
    report(pairs, FLAG_CHECK_SETS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
