"""Round 17: ``benchmarks/align_identity.py check`` fails on a case it never compared.

Why: a case missing from the recording (a ``--quick`` recording, or one made
without ``../shared``) used to print "not recorded" and still count among the
"N of N identical"; a check against a partial recording then passed for output
nobody had compared.  ``compare`` is the check's verdict without the aligner run.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.align.conftest import benchmark_module

BEADS = [[[0], [0], "1-1", 0.5, None, 0.9], [[1], [], "1-0", 0.0, None, 0.8]]


@pytest.fixture(scope="module")
def identity() -> ModuleType:
    return benchmark_module("align_identity")


def test_all_cases_recorded_and_equal_pass(identity: ModuleType) -> None:
    lines, code = identity.compare({"a": BEADS, "b": []}, {"a": BEADS, "b": []})
    assert code == 0
    assert lines == ["2 of 2 cases identical"]


def test_a_case_missing_from_the_recording_is_not_compared_and_fails(identity) -> None:
    lines, code = identity.compare({"a": BEADS}, {"a": BEADS, "b": BEADS})
    assert code == 1
    assert "NOT RECORDED (not compared): b" in lines
    assert lines[-1] == "1 of 2 cases identical (0 differ, 1 not recorded and not compared)"


def test_a_recorded_case_the_run_skips_is_no_failure(identity: ModuleType) -> None:
    """A full recording checked with ``--quick``: the cases left out were not run."""
    lines, code = identity.compare({"a": BEADS, "scale 2000": BEADS}, {"a": BEADS})
    assert (lines, code) == (["1 of 1 cases identical"], 0)


def test_a_difference_names_scores_or_ladder(identity: ModuleType) -> None:
    scores = [BEADS[0][:3] + [0.6] + BEADS[0][4:], BEADS[1]]
    ladder = [[[0], [0, 1], "1-2", 0.5, None, 0.9]]
    lines, code = identity.compare({"a": BEADS, "b": BEADS}, {"a": scores, "b": ladder})
    assert code == 1
    assert lines[:2] == ["DIFFERS: a (scores only)", "DIFFERS: b (ladder)"]
    assert lines[-1] == "0 of 2 cases identical (2 differ, 0 not recorded and not compared)"


def test_check_pairs_are_counted_pooled_and_never_named(identity: ModuleType) -> None:
    """Round 42 (``--check-pairs``): a differing check pair fails the check and counts in
    the pooled line, but no line names it (check pairs are never looked at one by one)."""
    first, second = f"{identity._CHECK}0", f"{identity._CHECK}1"
    reference = {"a": BEADS, first: BEADS, second: BEADS}
    other = [BEADS[0][:3] + [0.6] + BEADS[0][4:], BEADS[1]]
    lines, code = identity.compare(reference, {"a": BEADS, first: BEADS, second: other})
    assert code == 1
    assert not any(identity._CHECK in line for line in lines)
    assert "check pairs (pooled): 1 of 2 identical" in lines
    assert lines[-1] == "2 of 3 cases identical (1 differ, 0 not recorded and not compared)"
    same, code = identity.compare(reference, reference)
    assert code == 0
    assert same == ["check pairs (pooled): 2 of 2 identical", "3 of 3 cases identical"]
