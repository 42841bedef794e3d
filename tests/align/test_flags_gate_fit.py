"""The learned flag gate study (``benchmarks/flags_gate_fit.py``): labels, replay, model, choice."""

from __future__ import annotations

from collections import Counter

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import benchmark_module
from workbench.testing.flag_gold import PairBeads, gated_items, precision_recall

fit_gate = benchmark_module("flags_gate_fit")


def _pair() -> PairBeads:
    beads = [
        (0.9, 0.8, "The fire killed 12 people in Paris on Monday.",
         "The fire killed 14 people in Lyon on Monday.", "en", "en"),
        (0.9, 0.8, "Officials said 30 homes burned.",
         "Officials said 30 homes burned near Oslo.", "en", "en"),
    ]  # fmt: skip
    wanted = {"numbers": {"left_only": ["12"], "right_only": ["14"]},
              "names": {"left_only": ["Paris"]}}  # fmt: skip
    either = Counter({("names", "right_only", "Lyon"): 1})
    return PairBeads("a__b", beads, wanted, [False, False], None, either, "set1")


def test_candidates_are_labelled_as_the_gold_scores_them() -> None:
    tokens = fit_gate.candidates([_pair()])
    labels = {(t.kind, t.side, t.token): t.label for t in tokens}
    assert labels == {
        ("numbers", "left_only", "12"): 1, ("numbers", "right_only", "14"): 1,
        ("names", "left_only", "Paris"): 1, ("names", "right_only", "Lyon"): None,
        ("names", "right_only", "Oslo"): 0,
    }  # fmt: skip
    assert all(len(t.x) == len(fit_gate.FEATURES) for t in tokens)


def test_keeping_every_token_replays_todays_scoring() -> None:
    pairs = [_pair()]
    tokens = fit_gate.candidates(pairs)
    replay = fit_gate.scored(pairs, tokens, np.ones(len(tokens), bool), {0})
    assert replay == precision_recall(gated_items(pairs))
    assert replay["false"] == 1  # "Oslo"; "Lyon" is accepted either way


def test_dropping_the_false_token_gains_precision_only() -> None:
    pairs = [_pair()]
    tokens = fit_gate.candidates(pairs)
    keep = np.array([t.label != 0 for t in tokens])
    s = fit_gate.scored(pairs, tokens, keep, {0})
    assert (s["false"], s["true"], s["missed"]) == (0, 3, 0)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 1000))
def test_the_fit_ranks_a_separating_input(seed: int) -> None:
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 60).astype(float)
    y[:2] = (0.0, 1.0)
    x = np.column_stack([y + rng.normal(0, 0.1, 60), rng.normal(0, 1, 60)])
    prob = fit_gate.predict(fit_gate.fit(x, y), x)
    assert prob[y == 1].min() > prob[y == 0].max()


def test_the_chosen_threshold_never_loses_a_training_true_token() -> None:
    pairs = [_pair()]
    tokens = fit_gate.candidates(pairs)
    for prob in (np.array([0.1 if t.label == 1 else 0.9 for t in tokens]),
                 np.array([0.9 if t.label != 0 else 0.02 for t in tokens])):  # fmt: skip
        point = fit_gate.choose(pairs, tokens, prob, {0})
        s = fit_gate.scored(pairs, tokens, prob >= point, {0})
        assert s["true"] == 3
    assert point > 0  # the second ranking lets "Oslo" go
