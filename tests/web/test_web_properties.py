"""Properties of the web's pure helpers (hypothesis): JSON bodies and the diff view.

What is promised: ``to_jsonable`` turns whatever a view answers into strict
JSON (no ``NaN``), times as ``store.models.iso_utc`` writes them (``...Z``,
the form every other JSON output uses); the diff view's pieces rebuild the
texts they were cut from, whatever the texts and the stored ops/flags hold
(any script, RTL, combining marks, control characters, needles that overlap),
and nothing in them raises.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core.diff import word_diff
from workbench.store.models import iso_utc
from workbench.web.common import to_jsonable
from workbench.web.diffview import MARK, flag_items, mark_facts, render_pair

_CHARS = st.characters(blacklist_categories=("Cs",))
_SAMPLES = st.sampled_from(
    ["שלום", "مرحبا", "e\u0301", "\u202e", "\x01", "Київ", "a" * 200, "10,000", " ", "\n"]
)
_TEXT = st.lists(st.one_of(st.text(_CHARS, max_size=12), _SAMPLES), max_size=4).map("".join)
_TIMES = st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2200, 1, 1),
    timezones=st.one_of(st.none(), st.just(UTC), st.builds(timezone, st.sampled_from(
        [timedelta(hours=2), timedelta(hours=-5, minutes=-30)]
    ))),
)  # fmt: skip


@dataclass
class _Row:
    name: str
    at: datetime


_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), _TEXT, _TIMES, st.dates(),
    st.builds(Path, st.sampled_from(["a", "/tmp/x y", "ü"])),
    st.builds(_Row, _TEXT, _TIMES), st.binary(max_size=3),
)  # fmt: skip
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.tuples(inner, inner),
        st.dictionaries(st.one_of(_TEXT, st.integers()), inner, max_size=3),
    ),
    max_leaves=12,
)


def _refuse(name: str) -> None:
    raise AssertionError(f"not JSON: {name}")


def _stamps(value: Any) -> list[Any]:
    if isinstance(value, datetime):
        return [value]
    if isinstance(value, _Row):
        return [value.at]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _stamps(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _stamps(v)]
    return []


@given(_VALUES)
@example(float("nan"))
@example({"score": float("-inf")})
@example(datetime(2026, 12, 4, 8, 0, 0))  # naive: stored as UTC (SQLite)
@example(datetime(2026, 12, 4, 10, 0, 0, tzinfo=timezone(timedelta(hours=2))))
def test_views_answer_strict_json_with_utc_stamps(value: Any) -> None:
    plain = to_jsonable(value)
    text = json.dumps(plain, ensure_ascii=False, allow_nan=False)
    assert json.loads(text, parse_constant=_refuse) == plain
    flat = json.dumps(plain, ensure_ascii=False)
    for stamp in _stamps(value):
        assert json.dumps(iso_utc(stamp)) in flat


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_finite_numbers_pass_unchanged(number: float) -> None:
    assert to_jsonable({"x": number}) == {"x": number}
    assert to_jsonable(date(2026, 12, 4)) == "2026-12-04"


@given(_TEXT, st.lists(_TEXT, max_size=5))
@example("10,000 and 10,000", ["10,000", "10", "000"])
def test_marked_facts_rebuild_the_text(text: str, needles: list[str]) -> None:
    parts = mark_facts(text, needles)
    assert "".join(piece for _, piece in parts) == text
    assert all(piece for _, piece in parts)
    assert all(kind in (0, MARK) for kind, _ in parts)
    for kind, piece in parts:
        assert kind == 0 or piece in needles


@given(_TEXT, _TEXT)
def test_same_language_columns_rebuild_both_texts(left: str, right: str) -> None:
    ops = word_diff(left, right).ops
    view = render_pair({"left_text": left, "right_text": right, "diff_ops": ops})
    assert "".join(t for _, t in view["left"]) == left
    assert "".join(t for _, t in view["right"]) == right


_JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), _TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_TEXT, inner, max_size=3)),
    max_leaves=10,
)


_CHECK_FLAGS = st.dictionaries(
    st.sampled_from(["numbers", "names", "quotes", "dates"]),
    st.fixed_dictionaries(
        {}, optional={"left_only": st.lists(_TEXT, max_size=3), "right_only": st.lists(_TEXT)}
    ),
    max_size=3,
)
_OPS = st.lists(st.one_of(_JSONISH, st.tuples(st.sampled_from([-1, 0, 1]), _TEXT)), max_size=4)


@settings(max_examples=50)
@given(st.dictionaries(_TEXT, _JSONISH, max_size=4))
def test_any_stored_flags_read_as_text(flags: dict[str, Any]) -> None:
    items = flag_items(flags)
    assert all(isinstance(name, str) and isinstance(text, str) for name, text in items)


@settings(max_examples=50)
@given(_CHECK_FLAGS, _TEXT, _TEXT, st.one_of(st.none(), _OPS), _TEXT, st.booleans())
@example({}, "", "0", [["", None]], "", False)  # at START: int('') raised
def test_stored_ops_of_any_shape_never_break_the_view(
    flags: dict[str, Any], left: str, right: str, ops: Any, compared: str, cross: bool
) -> None:
    pair = {"left_text": left, "right_text": right, "diff_ops": ops, "flags": flags}
    view = render_pair({**pair, "cross_language": cross, "compared_text": compared})
    for side in ("left", "right", "mt"):
        assert all(isinstance(t, str) for _, t in view[side] or [])
    assert "".join(t for _, t in view["left"]) == left
    assert "".join(t for _, t in view["right"]) == right
