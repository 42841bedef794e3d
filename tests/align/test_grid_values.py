"""The benchmarks' ``--grid`` / ``--set`` values are read in the field's type (round 41, mend41).

Why: ``bool("False")`` is ``True``; a grid over a true/false ``AlignParams`` field read with
``type(shipped)(text)`` scored ``False`` as on, so the switch was never tested off.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.align.conftest import benchmark_module
from workbench.core.align_scoring import AlignParams

pairs_cv = benchmark_module("align_pairs_cv")
role_cv = benchmark_module("role_params_cv")
field_values = benchmark_module("field_values")

_BOOLS = [f.name for f in fields(AlignParams) if isinstance(getattr(AlignParams(), f.name), bool)]
_TUPLES = [f.name for f in fields(AlignParams) if isinstance(getattr(AlignParams(), f.name), tuple)]


@pytest.mark.parametrize("name", _BOOLS)
def test_a_false_grid_value_is_scored_off(name: str) -> None:
    got = pairs_cv.candidates([f"{name}=False,True"])
    assert sorted(c[name] for c in got) == [False, True]
    assert got[0] == {name: getattr(AlignParams(), name)}  # the shipped value first


def test_every_boolean_spelling() -> None:
    got = role_cv.parse("near_title", "False,off,0,no,True,on,1,yes")
    assert got == [False] * 4 + [True] * 4
    assert all(type(v) is bool for v in got)


@pytest.mark.parametrize("read", [
    lambda: pairs_cv.candidates([f"{_BOOLS[0]}=maybe"]),
    lambda: role_cv.parse("near_title", "yes,nope"),
    lambda: role_cv.parse("no_such_field", "1"),
    lambda: pairs_cv.candidates([f"{_TUPLES[0]}=1"]),
])  # fmt: skip
def test_a_value_of_no_type_stops_with_one_error_line(read) -> None:
    with pytest.raises(SystemExit) as stop:
        read()
    assert str(stop.value).startswith("Error: ") and "\n" not in str(stop.value)


@pytest.mark.parametrize("script,args", [
    ("align_confidence_fit", ["--shown", "no_such_field=1"]),
    ("align_confidence_fit", ["--shown", "no_such_field"]),
    ("align_pairs_cv", ["--grid", "no_such_field=1,2"]),
])  # fmt: skip
def test_an_unknown_field_ends_in_one_error_line_and_exit_1(script: str, args: list) -> None:
    """Round 42: ``--shown`` of an unknown field ended in a ``TypeError`` traceback."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / f"{script}.py"
    run = subprocess.run([sys.executable, str(path), *args], capture_output=True, text=True,
                         timeout=300, check=False)  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.strip() == "Error: AlignParams has no field 'no_such_field'"


@pytest.mark.parametrize("params", [AlignParams(), role_cv.DEFAULT_PARAMS])
def test_shipped_field_names_the_class(params) -> None:
    for f in fields(params):
        assert field_values.shipped_field(params, f.name) == getattr(params, f.name)
    with pytest.raises(SystemExit, match=f"^Error: {type(params).__name__} has no field 'x_y'$"):
        field_values.shipped_field(params, "x_y")


@given(st.integers(-1000, 1000), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))
def test_numbers_keep_their_type(whole: int, real: float) -> None:
    assert field_values.typed("n", 3, str(whole)) == whole
    assert field_values.typed("x", 0.5, repr(real)) == real
    if real != int(real):
        with pytest.raises(SystemExit, match="^Error: n takes int values"):
            field_values.typed("n", 3, repr(real))
