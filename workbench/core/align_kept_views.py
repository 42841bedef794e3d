"""A page pair's comparison views and chance levels, kept for the ratio's second run.

Why: when a pair's confident links show another length ratio than its
documents' (a cut or brief side, ``align_ratio``), ``align.align_scored``
aligns the pair once more from the start (60 of the 280 dev story units,
round 28).  That run changes the length costs, not what is compared: its
first pass compares the same texts, and a word-table pass that learns the
same table from its links glosses them the same way.  So each view's split
n-gram rows (``align_views.build_views``, about a seventh of such a call) and
the chance levels measured on them (``align_chance.calibrate``) are the ones
the first run built; here they are kept and handed out again instead of
being built twice.

Exact: a view is keyed by its texts on both sides and the frequent cut, and
its rows are a function of those alone (the builder only numbers the
n-grams, and every count the scorer takes is the same under any
numbering).  The chance levels are keyed by the very view objects they were
measured on (kept alive with them, so an id cannot be reused) and the
sizes and default they read; their lists are copied out, since
``BeadScorer.localize`` changes them in place.  Only views of at most
``KEEP_SENTENCES`` sentences (both sides) are kept, ``KEEP_VIEWS`` at most:
the memory held is a constant, and a long document's passes still free
their views as they go (``BeadScorer.release``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from typing import Any

#: views up to this many sentences (both sides) are kept: page pairs (every dev rerun has under
#: 40), not long documents, whose passes free their views to keep the peak low
KEEP_SENTENCES = 200
#: views kept at once: a call's first pass and word-table passes build at most five
KEEP_VIEWS = 8

_views: dict[Hashable, Any] = {}
_levels: dict[Hashable, tuple[Any, tuple]] = {}
#: the web app aligns on several threads: the stores change under this lock only (a build or
#: a measure runs outside it; two threads building one view keep either, both are exact)
_lock = threading.Lock()


def kept_view(
    left: Sequence[str], right: Sequence[str], frequent: tuple[float, int], build: Callable[[], Any]
) -> Any:
    """``build()`` (one view's split rows), or what it gave for the same texts and cut before."""
    if len(left) + len(right) > KEEP_SENTENCES:
        return build()
    key = (tuple(left), tuple(right), frequent)
    with _lock:
        found = _views.get(key)
    if found is None:
        found = build()
        with _lock:
            _views[key] = found
            _trim(_views)
    return found


def kept_levels(
    views: Sequence[Any], reads: tuple, measure: Callable[[], tuple[list, list]]
) -> tuple[list[list[float]], list[dict[int, float]]]:
    """``measure()`` (chance levels and growth), or, for the same view objects and ``reads``,
    fresh copies of what it gave before."""
    key = (tuple(map(id, views)), reads)
    with _lock:
        found = _levels.get(key)
        kept = bool(views) and all(_is_kept(view) for view in views)
    if found is None or any(a is not b for a, b in zip(found[1], views, strict=True)):
        if not kept:
            return measure()
        found = (measure(), tuple(views))
        with _lock:
            _levels[key] = found
            _trim(_levels)
    chance, growth = found[0]
    return [list(side) for side in chance], [dict(side) for side in growth]


def _is_kept(arrays: Any) -> bool:
    """Whether ``arrays`` are a kept view's split rows (only those can come back)."""
    return any(arrays is kept[1] for kept in _views.values())


def _trim(memo: dict) -> None:
    """Drop the oldest entries beyond ``KEEP_VIEWS``."""
    while len(memo) > KEEP_VIEWS:
        del memo[next(iter(memo))]


def forget() -> None:
    """Drop everything kept (``benchmarks/align_scale.py`` starts every timed run cold)."""
    with _lock:
        _views.clear()
        _levels.clear()
