"""The CLDR names the aligner reads (territories, month and weekday names), from a snapshot.

Why: the place keys (``anchors.place_keys``), the calendar anchors and the calendar
words read names of every content language through Babel, and the first read of a
process loads and merges each locale's whole CLDR data (twelve pickles, each merged
into its parents): a fifth of a process's first aligner call (round 24: ~320 M of
1,759 M instructions), paid again by every one-shot compare.  The few thousand names
they read are kept in ``cldr_names.json`` (written by ``benchmarks/core_snapshots.py``
from the installed Babel) and used only when they are that Babel's: the same Babel
version, the same content languages, each locale's data present (a trimmed install
falls back).  Otherwise the names are read live, so the snapshot never changes a
name, it only spares the load.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import babel
from babel import localedata

from workbench.core.languages import LANGUAGES, content_locales

SNAPSHOT_FILE = "cldr_names.json"
#: the calendar name lists read: (kind, width, context)
CALENDAR_LISTS = tuple(
    (kind, width, context)
    for kind in ("days", "months")
    for width in ("wide", "abbreviated")
    for context in ("format", "stand-alone")
)

Names = dict  # one locale's names: {"locale", "territories", "days|wide|format": {...}, ...}


def live_names() -> list[Names]:
    """Every content locale's names read from Babel (what the snapshot holds)."""
    found = []
    for locale in content_locales():  # a trimmed Babel install: fewer names
        names: Names = {"locale": str(locale), "territories": list(locale.territories.values())}
        for kind, width, context in CALENDAR_LISTS:
            table = getattr(locale, kind)[context][width]
            names[f"{kind}|{width}|{context}"] = {int(k): v for k, v in table.items()}
        found.append(names)
    return found


def snapshot_of(names: list[Names]) -> dict:
    """The JSON document ``cldr_names.json`` holds for ``names`` (with what it is valid for)."""
    return {"babel": babel.__version__, "languages": list(LANGUAGES), "locales": names}


def _valid(data: dict) -> bool:
    """Whether a snapshot holds this Babel's names: same version, languages and locale files."""
    return (
        data.get("babel") == babel.__version__
        and data.get("languages") == list(LANGUAGES)
        and all(localedata.exists(names["locale"]) for names in data.get("locales", ()))
    )


@lru_cache(maxsize=1)
def content_names() -> tuple[Names, ...]:
    """Every content locale's names, in registry order: the snapshot's when valid, else live."""
    ref = resources.files("workbench.core").joinpath(SNAPSHOT_FILE)
    try:  # a cache only: a missing or damaged file costs the live read, never an error
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict) or not _valid(data):
        return tuple(live_names())
    return tuple(_with_int_keys(names) for names in data["locales"])


def _with_int_keys(names: Names) -> Names:
    """A locale's names as read from JSON, with the calendar tables' keys integers again."""
    out = dict(names)
    for kind, width, context in CALENDAR_LISTS:
        key = f"{kind}|{width}|{context}"
        out[key] = {int(k): v for k, v in names[key].items()}
    return out


def calendar_names(names: Names, kind: str, width: str, context: str) -> dict[int, str]:
    """One locale's month (``kind="months"``, 1-12) or weekday (``"days"``, 0-6) names, as
    ``babel.dates.get_month_names``/``get_day_names`` give them."""
    return names[f"{kind}|{width}|{context}"]
