"""The hypothesis profiles of the test suite; ``tests/conftest.py`` loads one.

Why (round 35, with hypothesis' settings docs): a property failure must be
replayable from the log alone.

* ``print_blob`` everywhere: a failure prints ``@reproduce_failure(version, blob)``,
  which replays that exact example (the shrunk "Falsifying example" is printed too,
  but an example drawn interactively with ``st.data()`` or holding objects whose
  repr is not code cannot be pasted back).  Hypothesis turns it on by itself only
  when variables such as ``CI`` or ``GITHUB_ACTIONS`` are set; ``.ci/run`` on a
  plain machine sets none, so it was off in the gate.
* ``workbench-ci`` (``.ci/test`` exports ``WORKBENCH_HYPOTHESIS_PROFILE``):
  ``derandomize`` (the examples are a function of the test's code and the
  hypothesis version: a red gate stays red on a rerun and on a laptop with the same
  profile, and a branch is never failed by a draw that would fail on main too)
  and no example database (a fresh clone has none to reuse, and nobody reads what
  it would write).  Chosen explicitly, not by hypothesis' CI detection, so the gate
  behaves the same on every runner.
* ``workbench`` (the default, local runs): random examples, saved failures replayed
  from ``.hypothesis/`` (gitignored): the many targeted runs of the lanes are where
  new examples are explored; ``pytest --hypothesis-seed=N`` replays a whole run.

No property test is a timed test (``deadline=None``): hypothesis' default 200 ms
deadline failed test_quantity_forms_have_one_value once on a loaded 2-core CI
machine (267 ms).  Speed is measured in benchmarks/, never by a test.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("workbench", deadline=None, print_blob=True, derandomize=False)
settings.register_profile(
    "workbench-ci", settings.get_profile("workbench"), derandomize=True, database=None
)


def load() -> str:
    """Load the profile ``WORKBENCH_HYPOTHESIS_PROFILE`` names (default ``workbench``)."""
    name = os.environ.get("WORKBENCH_HYPOTHESIS_PROFILE") or "workbench"
    settings.load_profile(name)
    return name
