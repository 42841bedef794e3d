"""Property tests of the story desk's pure parts (hypothesis).

What the desk promises (``workbench.core.story``, ``services.stories``):

* a comparison's sentence counts add up to each side's length, whatever the
  row order, and summarising reads its rows without changing them;
* a row is cosmetic only for a same-language change that normalises equal;
* every version lands in exactly one matrix cell and one outlet timeline,
  numbered 1..n in capture-time order (the instant, not the ISO string's
  spelling), and neither the matrix, the timeline nor the default reference
  depends on the order the versions arrive in;
* no text (empty, duplicated, any script, control characters) crashes it.

Flags are drawn in the exported schema's shape (``left_only`` / ``right_only``:
lists of strings, ``schemas/export.schema.json``): the checks write nothing
else, so a malformed flag (a number where a list belongs) is outside the
promise and not tested.  Which story a capture joins (``services.story_match``)
needs the database: its order-independence is not a pure property here.
"""

from __future__ import annotations

import copy
import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from workbench.core.similarity import normalize_for_similarity
from workbench.core.story import BUCKETS, STATUS_BUCKET, Row, bucket, summarise, timeline_key
from workbench.services.stories import _default_reference, _matrix, _timeline
from workbench.store.models import iso_utc

TEXT = st.text(st.characters(codec="utf-8"), max_size=30)  # any script, control chars
STATUSES = st.sampled_from([*STATUS_BUCKET, "something-new"])
FACT_LIST = st.lists(TEXT, max_size=3)
FLAG = st.fixed_dictionaries({}, optional={"left_only": FACT_LIST, "right_only": FACT_LIST})
FLAGS = st.dictionaries(st.sampled_from(["numbers", "names", "quotes", "other"]), FLAG, max_size=3)


@st.composite
def alignments(draw: st.DrawFn) -> list[Row]:
    """Rows of one comparison: each side's sentence ids split into runs, each run in one row."""
    rows: list[Row] = []
    left = right = 0
    for position in range(draw(st.integers(0, 8))):
        status = draw(STATUSES)
        n_left, n_right = draw(st.integers(0, 3)), draw(st.integers(0, 3))
        if status == "added":
            n_left = 0
        if status == "removed":
            n_right = 0
        left_ids = list(range(left, left + n_left))
        right_ids = list(range(right, right + n_right))
        left, right = left + n_left, right + n_right
        rows.append(Row(position, status, left_ids, right_ids, draw(TEXT), draw(TEXT), draw(FLAGS)))
    return rows


def _landing(row: Row) -> bool:
    return STATUS_BUCKET.get(row.status) == "moved" and bool(row.right_ids)


def _facts_key(facts: list[dict[str, Any]]) -> list[str]:
    return sorted(repr(sorted(f.items())) for f in facts)


@given(alignments(), st.booleans(), st.randoms(use_true_random=False))
def test_counts_add_up_and_ignore_row_order(
    rows: list[Row], same_language: bool, rnd: random.Random
) -> None:
    """Reference-side buckets add up to the reference sentences (a move counted once, at its
    origin); ``added`` counts version-only sentences; row order changes nothing."""
    before = copy.deepcopy(rows)
    out = summarise(rows, same_language)
    assert rows == before  # read only
    counts = out["counts"]
    assert list(counts) == list(BUCKETS) and all(n >= 0 for n in counts.values())
    reference_side = sum(n for kind, n in counts.items() if kind != "added")
    assert reference_side == sum(len(r.left_ids) for r in rows if not _landing(r))
    version_only = [r for r in rows if not r.left_ids and bucket(r, same_language) == "added"]
    assert counts["added"] == sum(len(r.right_ids) for r in version_only)
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    again = summarise(shuffled, same_language)
    assert again["counts"] == counts
    assert _facts_key(again["facts"]) == _facts_key(out["facts"])
    assert summarise(rows, same_language) == out  # recomputed: the same


@given(alignments(), st.booleans())
def test_facts_come_from_linked_rows_with_both_values(rows: list[Row], same_language: bool) -> None:
    """A fact names a row with both sides, a known kind and at least one differing value."""
    by_position = {r.position: r for r in rows}
    for fact in summarise(rows, same_language)["facts"]:
        row = by_position[fact["position"]]
        assert row.left_ids and row.right_ids
        assert fact["kind"] in ("number", "name", "quote")
        assert fact["reference"] or fact["version"]
        assert (fact["reference_text"], fact["version_text"]) == (row.left_text, row.right_text)


@given(STATUSES, TEXT, TEXT, st.booleans())
@example("changed", "Mayor\x00 said", "mayor said", True)
@example("differs", "\u3400", "\u3400", True)
def test_cosmetic_only_for_same_language_equal_normal_forms(
    status: str, left: str, right: str, same_language: bool
) -> None:
    kind = bucket(Row(0, status, [1], [1], left, right), same_language)
    assert kind in BUCKETS
    plain = STATUS_BUCKET.get(status, "changed")
    if kind == "cosmetic" and plain != "cosmetic":
        assert plain == "changed" and same_language and left and right
        assert normalize_for_similarity(left) == normalize_for_similarity(right)
    else:
        assert kind == plain
    assert bucket(Row(0, status, [1], [1], right, left), same_language) == kind  # symmetric


# -- versions of a story: matrix, timeline, default reference -----------------------------

BASE = datetime(2026, 3, 1, 8, 0, 0, tzinfo=UTC)
INSTANTS = st.integers(0, 4_000_000).map(lambda us: BASE + timedelta(microseconds=us))


@st.composite
def versions(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Versions as ``list_versions`` gives them: unique ids, ``captured_at`` by ``iso_utc``."""
    ids = draw(st.lists(st.integers(1, 10_000), min_size=1, max_size=8, unique=True))
    outlets = st.sampled_from(["wire", "herald", "ünïcode\x07"])
    langs = st.sampled_from(["en", "de", None])
    return [
        {
            "id": i,
            "outlet": draw(outlets),
            "language": draw(langs),
            "captured_at": iso_utc(draw(INSTANTS)),
        }
        for i in ids
    ]


def _when(v: dict[str, Any]) -> tuple[datetime, int]:
    return datetime.fromisoformat(v["captured_at"]), v["id"]


SAME_SECOND = [
    {"id": 1, "outlet": "wire", "language": "en", "captured_at": "2026-03-01T08:00:00.500000Z"},
    {"id": 2, "outlet": "wire", "language": "en", "captured_at": "2026-03-01T08:00:00Z"},
]


@given(versions(), st.randoms(use_true_random=False))
@example(SAME_SECOND, random.Random(0))
def test_timeline_numbers_each_outlet_in_time_order(
    story: list[dict[str, Any]], rnd: random.Random
) -> None:
    """``iso_utc`` drops zero microseconds, so '08:00:00Z' and '08:00:00.500000Z' must be
    ordered by the instant they spell, not as strings ('.' sorts before 'Z')."""
    story = copy.deepcopy(story)  # numbered in place: the examples stay as written
    shuffled = copy.deepcopy(story)
    rnd.shuffle(shuffled)
    _timeline(story)
    _timeline(shuffled)
    numbered = {v["id"]: (v["capture"], v["captures"]) for v in story}
    assert {v["id"]: (v["capture"], v["captures"]) for v in shuffled} == numbered
    per_outlet = Counter(v["outlet"] for v in story)
    for outlet, n in per_outlet.items():
        caps = sorted((v for v in story if v["outlet"] == outlet), key=_when)
        assert [numbered[v["id"]] for v in caps] == [(k, n) for k in range(1, n + 1)]
    assert sorted(story, key=timeline_key) == sorted(story, key=_when)


@given(versions(), st.randoms(use_true_random=False))
@example(SAME_SECOND, random.Random(0))
@example([{**SAME_SECOND[0], "language": "de"}, SAME_SECOND[1]], random.Random(1))
def test_matrix_holds_every_version_once_in_time_order(
    story: list[dict[str, Any]], rnd: random.Random
) -> None:
    """Every version in exactly one cell, cells in time order; the same matrix whatever
    order the versions come in (language columns tied in count: first captured first)."""
    reference = story[0]["id"]
    matrix = _matrix(story, reference)
    cells = [c for row in matrix["outlets"] for cell in row["cells"] for c in cell]
    assert sorted(c["id"] for c in cells) == sorted(v["id"] for v in story)
    assert [c["id"] for c in cells if c["reference"]] == [reference]
    by_id = {v["id"]: v for v in story}
    for row in matrix["outlets"]:
        for lang, cell in zip(matrix["languages"], row["cells"], strict=True):
            assert all(by_id[c["id"]]["outlet"] == row["outlet"] for c in cell)
            assert all(by_id[c["id"]]["language"] == lang for c in cell)
            assert [c["id"] for c in cell] == [v["id"] for v in sorted(
                (by_id[c["id"]] for c in cell), key=_when)]  # fmt: skip
    shuffled = story[:]
    rnd.shuffle(shuffled)
    assert _matrix(shuffled, reference) == matrix


@given(versions(), st.randoms(use_true_random=False), st.none() | st.integers(0, 10_000))
@example(SAME_SECOND, random.Random(0), None)
def test_default_reference_is_the_earliest_in_the_most_common_language(
    story: list[dict[str, Any]], rnd: random.Random, wire: int | None
) -> None:
    chosen, why = _default_reference(story, wire)
    ids = {v["id"] for v in story}
    if wire in ids:
        assert (chosen, why) == (wire, "wire")
    else:
        counts = Counter(v["language"] for v in story)
        top = max(counts.values())
        earliest = min((v for v in story if counts[v["language"]] == top), key=_when)
        assert (chosen, why) == (earliest["id"], "default")
    shuffled = story[:]
    rnd.shuffle(shuffled)
    assert _default_reference(shuffled, wire) == (chosen, why)
