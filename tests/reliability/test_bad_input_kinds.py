"""Issue 10's goal, counted from one registry (``tests/reliability/kinds.py``)."""

from __future__ import annotations

from tests.reliability.kinds import BACKENDS, GOAL, MODULES, pinned


def test_at_least_100_bad_input_kinds_are_pinned_on_each_backend() -> None:
    counts = {backend: len(pinned(backend)) for backend in BACKENDS}
    assert min(counts.values()) >= GOAL, counts


def test_every_registered_module_pins_some_kind() -> None:
    names = {case.split("::", 1)[0] for case in pinned("sqlite") + pinned("postgresql")}
    assert names == {m.rsplit(".", 1)[1] for m in MODULES}
