"""The CLDR names snapshot (``core/cldr_names.py``): Babel's names exactly, or Babel itself.

The snapshot only spares loading Babel's locale data; every name the place keys and
the calendar words read must be the one Babel gives, and a snapshot written for
another Babel (or other content languages, or a trimmed install) must not be used.
"""

from __future__ import annotations

import json
from importlib import resources

import babel
import pytest
from babel.dates import get_day_names, get_month_names

from workbench.core import anchors, calendar_anchors, calendar_words, cldr_names
from workbench.core.languages import content_locales


def _shipped() -> dict:
    ref = resources.files("workbench.core").joinpath(cldr_names.SNAPSHOT_FILE)
    return json.loads(ref.read_text(encoding="utf-8"))


def test_the_shipped_snapshot_is_this_babels() -> None:
    """When it is used, it holds what Babel gives (else ``benchmarks/core_snapshots.py``)."""
    data = _shipped()
    if data["babel"] != babel.__version__:
        pytest.skip(f"snapshot of Babel {data['babel']}, installed {babel.__version__}")
    assert cldr_names._valid(data)
    assert list(cldr_names.content_names()) == cldr_names.live_names()


def test_names_are_babels_own() -> None:
    """Territories, month and weekday names of every content locale, as Babel's API reads them."""
    names = cldr_names.content_names()
    locales = content_locales()
    assert [n["locale"] for n in names] == [str(locale) for locale in locales]
    for found, locale in zip(names, locales, strict=True):
        assert found["territories"] == list(locale.territories.values())
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                days = cldr_names.calendar_names(found, "days", width, context)
                months = cldr_names.calendar_names(found, "months", width, context)
                assert days == dict(get_day_names(width, context, locale).items())
                assert months == dict(get_month_names(width, context, locale).items())
                assert sorted(days) == list(range(7)) and sorted(months) == list(range(1, 13))


@pytest.mark.parametrize(
    "change",
    [
        {"babel": "0.0.0"},
        {"languages": ["en"]},
        {"locales": [{"locale": "xx_NOWHERE"}]},
    ],
)
def test_a_snapshot_of_another_babel_is_not_used(change: dict) -> None:
    """Another version, other content languages or a locale whose data is missing."""
    data = {**_shipped(), **change}
    assert not cldr_names._valid(data)
    assert not cldr_names._valid({})


def test_what_the_names_feed_is_the_same_read_live(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Place keys, calendar words and calendar anchors from the snapshot equal those read
    from Babel directly (the snapshot declared invalid)."""
    cached = (anchors.place_keys, calendar_words.calendar_words, calendar_anchors._names,
              calendar_anchors._stems, calendar_anchors._prefix_lengths)  # fmt: skip
    shipped = [fn() for fn in cached]
    monkeypatch.setattr(cldr_names, "_valid", lambda data: False)
    try:
        for fn in (*cached, cldr_names.content_names):
            fn.cache_clear()
        assert cldr_names.content_names() == tuple(cldr_names.live_names())
        assert [fn() for fn in cached] == shipped
    finally:
        for fn in (*cached, cldr_names.content_names):
            fn.cache_clear()


@pytest.mark.parametrize("text", ["{not json", "[1, 2]"])
def test_a_damaged_snapshot_gives_the_live_names(monkeypatch, text) -> None:  # type: ignore[no-untyped-def]
    """The snapshot is a cache: a damaged file costs the live read, never an error."""
    real_loads = json.loads
    monkeypatch.setattr(cldr_names.json, "loads", lambda _text: real_loads(text))
    cldr_names.content_names.cache_clear()
    try:
        assert list(cldr_names.content_names()) == cldr_names.live_names()
    finally:
        cldr_names.content_names.cache_clear()
