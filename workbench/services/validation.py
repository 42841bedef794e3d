"""One validation layer for every entrance and both backends.

Why here and not in the database: SQLite stores anything (a 5,000-character
outlet, NUL characters, lone surrogates) while PostgreSQL refuses the same rows
with a driver traceback, so the two backends accepted different data.  Checking
in the service layer gives the CLI and the web one rule set and one clear
``InputError`` (exit code 2, HTTP 422) whatever the backend.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

from workbench.errors import N_, InputError, Num

#: Largest id a 64-bit signed INTEGER/BIGINT column can hold (SQLite and PostgreSQL).
MAX_ID = 2**63 - 1
MAX_OUTLET = 200
MAX_SLUG = 200
MAX_URL = 2000
MAX_LANG = 10
#: Capture times outside these years are typos (or overflow tricks), not captures.
MIN_YEAR, MAX_YEAR = 1900, 9998
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK = re.compile(r"\s")  # any Unicode white space: U+0020, tab, U+00A0, U+3000...
F = TypeVar("F", bound=Callable[..., Any])


def check_text(value: str, field: str, *, max_chars: int | None = None) -> str:
    """Refuse NUL, lone surrogates (both unstorable in UTF-8) and over-long text."""
    if "\x00" in value:
        raise InputError(N_("%(field)s contains a NUL character"), field=field)
    if (bad := _SURROGATE.search(value)) is not None:
        raise InputError(
            N_(
                "%(field)s contains a lone surrogate (U+%(code)s) at character "
                "%(start)s: not valid Unicode text"
            ),
            field=field,
            code=format(ord(bad.group()), "04X"),
            start=bad.start(),
        )
    if max_chars is not None and len(value) > max_chars:
        raise InputError(
            N_("%(field)s is %(count)s characters; the limit is %(max_chars)s"),
            field=field,
            count=Num(len(value)),
            max_chars=Num(max_chars),
        )
    return value


def check_given(value: str | None, field: str, *, option: bool = True) -> str | None:
    """``value`` (``None``: not given), unless it was given empty or blank.

    Why (round 44): ``ingest --article ''`` or ``--captured-at ' '`` was read as
    "not given" and stored the capture in a story of its own choosing, a typo
    passed for a decision; an option given must say something.
    """
    if value is not None and not value.strip():
        if not option:  # an argument cannot be left out
            raise InputError(N_("%(field)s is empty or blank: give a value"), field=field)
        raise InputError(
            N_("%(field)s is empty or blank: give a value, or leave the option out"), field=field
        )
    return value


def check_filled(raw: str, param: str, choices: Iterable[str] | None = None) -> str:
    """A command-line value (an id, a choice) that is not empty or blank.

    Why (round 44): ``show ' '`` or ``export 1 --format ''`` was click's usage text
    ending in "' ' is not a valid integer range"; a value left blank is named instead.
    """
    if raw.strip():
        return raw
    if choices is None:
        raise InputError(N_("%(param)s is empty or blank: give a number"), param=param)
    raise InputError(
        N_("%(param)s is empty or blank: choose one of %(choices)s"),
        param=param,
        choices=", ".join(choices),
    )


def check_language_given(value: str | None, field: str, languages: Iterable[str]) -> None:
    """Refuse a language given as ``''`` or blanks with its name, not as "unknown ''".

    Why (round 44): ``--to ' '`` or ``?to=`` answered "unknown language ''", which
    reads as a typo of a code rather than a value left out.
    """
    if value is not None and not value.strip():
        raise InputError(
            N_("no %(field)s given (empty or blank); expected one of %(languages)s"),
            field=field,
            languages=", ".join(languages),
        )


def check_name(value: str, field: str, max_chars: int) -> str:
    """A one-line name (outlet, slug): no control characters, bounded length."""
    check_text(value, field, max_chars=max_chars)
    if _CONTROL.search(value) or "\n" in value or "\r" in value:
        raise InputError(N_("%(field)s must be one line without control characters"), field=field)
    return value


def check_url(value: str | None) -> str | None:
    """A source URL: http or https with a host (``javascript:``/``data:`` are refused).

    Blanks around it are dropped; one inside (a space, tab, no-break space) is
    refused, not percent-encoded: a browser copies an address with ``%20``, so a
    raw blank is two addresses pasted together or a wrapped line, and encoding
    it would store a guess as the page's source (round 34).
    """
    if value is None or not value.strip():
        return None
    url = value.strip()
    check_name(url, "url", MAX_URL)
    if (blank := _BLANK.search(url)) is not None:
        raise InputError(
            N_("url has a space or other blank after %(before)r: a web address has none"),
            before=url[: blank.start()][-60:],
        )
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise InputError(N_("url is not a valid URL: %(exc)s"), exc=exc) from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(
            N_("url must start with http:// or https:// (got %(scheme)r:)"),
            scheme=parts.scheme or url,
        )
    if not parts.netloc:
        raise InputError(N_("url has no host name"))
    return url


def _shown(value: int) -> str:
    """An integer for a message (one of 5,000 digits cannot even be printed: Python refuses)."""
    digits = len(str(abs(value))) if value.bit_length() < 4000 else None
    if digits is not None and digits <= 30:
        return str(value)
    return f"an integer of about {int(value.bit_length() * 0.30103):,} digits"


def check_id(value: int, what: str = "id") -> int:
    """Ids are positive 64-bit integers; anything else cannot name a stored row."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(N_("%(what)s must be an integer"), what=what)
    if not 1 <= value <= MAX_ID:
        raise InputError(
            N_("%(what)s must be between 1 and %(MAX_ID)s, not %(value)s"),
            what=what,
            MAX_ID=MAX_ID,
            value=_shown(value),
        )
    return value


def check_int64(value: int, what: str) -> int:
    """Any integer a 64-bit column can compare with (e.g. a revision); others are refused."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(N_("%(what)s must be an integer"), what=what)
    if not -MAX_ID - 1 <= value <= MAX_ID:
        raise InputError(
            N_("%(what)s is out of the 64-bit range: %(value)s"), what=what, value=_shown(value)
        )
    return value


def check_count(value: int, what: str, high: int) -> int:
    """A count the user chose (a list limit, a batch size, a concurrency): 1..``high``.

    Why refused rather than clamped (round 43): ``jobs --limit -1`` reached PostgreSQL as
    ``LIMIT -1`` (a crash there, "all rows" on SQLite) and ``--batch-size -3`` ran as 1,
    so the same typo meant three things.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(N_("%(what)s must be a whole number"), what=what)
    if not 1 <= value <= high:
        raise InputError(
            N_("%(what)s must be between 1 and %(high)s, not %(value)s"),
            what=what, high=high, value=_shown(value),
        )  # fmt: skip
    return value


def check_seconds(value: float, what: str, low: float, high: float) -> float:
    """A duration in seconds within ``low``..``high`` (NaN and infinity refused).

    Why: ``worker --heartbeat nan`` reached procrastinate's SQL as an interval and
    ended in "unexpected ConnectorException"; ``--heartbeat 0`` beat in a busy loop.
    """
    if not isinstance(value, int | float) or not low <= float(value) <= high:  # NaN fails both
        raise InputError(
            N_("%(what)s must be between %(low)s and %(high)s seconds, not %(value)s"),
            what=what, low=low, high=high, value=value,
        )  # fmt: skip
    return float(value)


def check_captured_at(value: datetime) -> datetime:
    """An aware UTC time within ``MIN_YEAR``..``MAX_YEAR``."""
    try:
        when = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise InputError(
            N_("captured_at is out of range: %(value)s"), value=value.isoformat()
        ) from exc
    if not MIN_YEAR <= when.year <= MAX_YEAR:
        raise InputError(
            N_("captured_at year must be between %(MIN_YEAR)s and %(MAX_YEAR)s"),
            MIN_YEAR=MIN_YEAR,
            MAX_YEAR=MAX_YEAR,
        )
    return when


def _id_param(name: str) -> str | None:
    """Which check a parameter gets by its name: ids, id lists, revisions (or none)."""
    if name == "id" or name.endswith("_id"):
        return "id"
    if name.endswith("_ids"):
        return "ids"
    if name == "revision" or name.endswith("_revision"):
        return "int64"
    if name == "id_range":
        return "int64s"
    return None


def _check_param(kind: str, name: str, value: Any) -> None:
    what = name.replace("_", " ")
    if value is None:
        return
    if kind == "id":
        check_id(value, what)
    elif kind == "int64":
        check_int64(value, what)
    elif isinstance(value, Iterable) and not isinstance(value, str | bytes):
        for item in value:
            (check_int64 if kind == "int64s" else check_id)(item, what)


def checks_ids(func: F) -> F:
    """Check a service's id, id-list and revision arguments before it runs.

    Why at the service and not at each entrance: the CLI and the web checked
    ranges, but a service called directly (a script, the job queue, a test)
    passed 2**63 on to the driver, which failed with an overflow traceback on
    SQLite and a different one on PostgreSQL.  Parameters are picked by name
    (``*_id``, ``*_ids``, ``*revision``); ``tests/reliability`` checks that
    every public service with such a parameter carries this decorator.
    """
    signature = inspect.signature(func)
    params = {n: k for n in signature.parameters if (k := _id_param(n)) is not None}

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind_partial(*args, **kwargs).arguments
        for name, kind in params.items():
            if name in bound:
                _check_param(kind, name, bound[name])
        return func(*args, **kwargs)

    wrapper.__checks_ids__ = True  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]
