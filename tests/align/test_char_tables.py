"""The code-point tables' snapshot (``core/char_tables.py``): the live tables exactly.

``test_align_recurrence.test_char_tables_hold_every_code_point_as_defined`` checks the
tables in use against ``\\w`` and ``unicodedata.combining``; here the snapshot against
the live build, the runs it is stored as, and that another Unicode or Python reads live.
"""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import char_tables


def test_a_shipped_snapshot_is_the_live_tables() -> None:
    shipped = char_tables._shipped()
    if shipped is None:
        pytest.skip("snapshot of another Unicode or Python: the tables are read live")
    combining, word = char_tables.char_tables()
    live_word = char_tables.live_word()
    live_marks = char_tables.live_combining()
    assert np.array_equal(word, live_word)
    assert np.flatnonzero(combining).tolist() == live_marks
    assert list(char_tables.combining_marks()) == live_marks  # same marks, same order


@pytest.mark.parametrize("change", [{"unicode": "1.1.0"}, {"python": [2, 7]}])
def test_a_snapshot_of_another_unicode_or_python_is_not_used(monkeypatch, change) -> None:  # type: ignore[no-untyped-def]
    ref = resources.files("workbench.core").joinpath(char_tables.SNAPSHOT_FILE)
    data = {**json.loads(ref.read_text(encoding="utf-8")), **change}
    monkeypatch.setattr(char_tables.json, "loads", lambda _text: data)
    char_tables._shipped.cache_clear()
    try:
        assert char_tables._shipped() is None
    finally:
        char_tables._shipped.cache_clear()


@given(st.lists(st.booleans(), max_size=200))
def test_runs_give_back_the_array(values: list[bool]) -> None:
    mask = np.array(values, bool)
    found = char_tables.runs(mask)
    assert np.array_equal(char_tables.from_runs(found, len(mask)), mask)
    assert all(a < b for a, b in found)
    assert all(b < c for (_a, b), (c, _d) in zip(found, found[1:], strict=False))  # never touch


@pytest.mark.parametrize("text", ["{not json", "[1, 2]"])
def test_a_damaged_snapshot_is_not_used(monkeypatch, text) -> None:  # type: ignore[no-untyped-def]
    """The snapshot is a cache: a damaged file costs the live build, never an error."""
    real_loads = json.loads
    monkeypatch.setattr(char_tables.json, "loads", lambda _text: real_loads(text))
    char_tables._shipped.cache_clear()
    try:
        assert char_tables._shipped() is None
    finally:
        char_tables._shipped.cache_clear()
