"""The registry of pinned bad-input kinds, counted per backend.

Why a registry: issue 10 asks for at least 100 distinct kinds of bad input
(files, requests, ids, URLs, database faults, hostile markup) pinned on *both*
backends, and a number nobody can recount is no number.  A test function marked
``@pytest.mark.bad_input`` pins one kind per parametrized case (one if not
parametrized); ``@pytest.mark.backends("sqlite")`` limits it to the backends
where the fault exists (a database file can only vanish on SQLite), and the
reliability ``conftest`` skips it elsewhere with that reason.  The same kind
through two entrances (an empty file on the CLI and in an upload) counts twice:
each entrance has its own code path to keep honest.

``pinned(backend)`` reads the marks of the listed modules without running
anything; ``test_bad_input_kinds.py`` asserts the goal and the pytest summary
prints the counts.
"""

from __future__ import annotations

import importlib
import math
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

BACKENDS = ("sqlite", "postgresql")
GOAL = 100
#: Modules holding marked tests (the registry reads only these).
MODULES = (
    "tests.reliability.test_bad_input_cli",
    "tests.reliability.test_bad_input_web",
    "tests.reliability.test_database_faults",
    "tests.reliability.test_database_files",
    "tests.reliability.test_deep_xml",
    "tests.reliability.test_exit_codes",
    "tests.reliability.test_files",
    "tests.reliability.test_model_install",
    "tests.reliability.test_named_files",
    "tests.reliability.test_output_files",
    "tests.reliability.test_pathological",
    "tests.reliability.test_serving",
    "tests.reliability.test_validation",
)


def current_backend() -> str:
    """The backend this test run uses (``.ci/run`` runs the suite once per backend)."""
    return "postgresql" if os.environ.get("WORKBENCH_TEST_POSTGRES_URL") else "sqlite"


def _marks(obj: Any) -> list[pytest.Mark]:
    marks = getattr(obj, "pytestmark", [])
    return list(marks) if isinstance(marks, list) else [marks]


def backends_of(marks: list[pytest.Mark]) -> tuple[str, ...]:
    """The backends a test applies to (all without a ``backends`` mark)."""
    for mark in marks:
        if mark.name == "backends":
            return tuple(mark.args)
    return BACKENDS


def _cases(marks: list[pytest.Mark]) -> int:
    """Parametrized cases of a test: the product over its ``parametrize`` marks."""
    sizes = [len(m.args[1]) for m in marks if m.name == "parametrize" and len(m.args) > 1]
    return math.prod(sizes) if sizes else 1


def _marked_tests() -> Iterator[tuple[str, Callable[..., Any], list[pytest.Mark]]]:
    for name in MODULES:
        module = importlib.import_module(name)
        module_marks = _marks(module)
        for attr, func in vars(module).items():
            if not attr.startswith("test_") or not callable(func):
                continue
            marks = _marks(func) + module_marks
            if any(m.name == "bad_input" for m in marks):
                yield f"{name.rsplit('.', 1)[1]}::{attr}", func, marks


def pinned(backend: str) -> list[str]:
    """Every pinned bad-input case on ``backend`` (``module::test[case]``)."""
    found = []
    for name, _, marks in _marked_tests():
        if backend in backends_of(marks):
            found.extend(f"{name}[{k}]" for k in range(_cases(marks)))
    return found


def summary() -> str:
    """One line for the test summary: the count on each backend."""
    counts = ", ".join(f"{b} {len(pinned(b))}" for b in BACKENDS)
    return f"bad-input kinds pinned (goal >= {GOAL} on each backend): {counts}"
