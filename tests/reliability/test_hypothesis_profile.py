"""Property tests replay from the log: the hypothesis profiles (round 35).

Why: the suite's one profile ("workbench", deadline=None) drew fresh random
examples on every run, CI included, and printed no reproduction blob (hypothesis
prints it by default only when environment variables such as ``CI`` or
``GITHUB_ACTIONS`` say it runs in CI; ``.ci/run`` on a plain machine sets none).
A property failing in the merge gate could pass on the rerun, and its log held the
shrunk example but not the blob that replays it exactly.  Now:

* every run prints ``@reproduce_failure(...)`` with a failure (``print_blob``);
* the gate (``.ci/test`` sets ``WORKBENCH_HYPOTHESIS_PROFILE=workbench-ci``) is
  derandomized: the same examples for the same code, so red stays red on a rerun
  and on a laptop, and keeps no example database (a fresh clone has none to reuse);
* local runs stay random with the example database (``.hypothesis/``): the lanes'
  many targeted runs explore, and ``--hypothesis-seed=N`` replays a random run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

ROOT = Path(__file__).resolve().parents[2]


def test_this_run_prints_the_blob_and_has_no_deadline() -> None:
    current = settings()
    assert current.print_blob is True and current.deadline is None
    expected = os.environ.get("WORKBENCH_HYPOTHESIS_PROFILE") == "workbench-ci"
    assert current.derandomize is expected


def test_the_gate_profile_is_derandomized_without_a_database() -> None:
    gate = settings.get_profile("workbench-ci")
    assert gate.derandomize is True and gate.database is None
    assert gate.print_blob is True and gate.deadline is None
    local = settings.get_profile("workbench")
    assert local.derandomize is False and local.print_blob is True


def test_the_environment_variable_chooses_and_the_gate_sets_it() -> None:
    code = (
        "import tests.hypothesis_profiles as p; from hypothesis import settings;"
        "print(p.load(), settings().derandomize)"
    )
    for value, expected in (("workbench-ci", "workbench-ci True"), ("", "workbench False")):
        env = {k: v for k, v in os.environ.items() if k != "WORKBENCH_HYPOTHESIS_PROFILE"}
        env["WORKBENCH_HYPOTHESIS_PROFILE"] = value
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, text=True,
                             capture_output=True, check=True)  # fmt: skip
        assert out.stdout.strip() == expected, out
    assert "export WORKBENCH_HYPOTHESIS_PROFILE=workbench-ci" in (ROOT / ".ci/test").read_text()
