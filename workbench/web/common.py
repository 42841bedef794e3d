"""Small helpers shared by the blueprints: settings, JSON bodies, conversions."""

from __future__ import annotations

import dataclasses
import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from flask import current_app, jsonify, request
from flask.wrappers import Response
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest

from workbench.config import Settings
from workbench.errors import N_, InputError
from workbench.services.validation import MAX_ID
from workbench.store.models import iso_utc

_DIGITS = re.compile(r"-?[0-9]+")  # a JSON integer's characters ("007" is 7)


def settings() -> Settings:
    """The ``Settings`` the app was created with."""
    value = current_app.config["WORKBENCH_SETTINGS"]
    assert isinstance(value, Settings)
    return value


def is_api() -> bool:
    """Whether the current request is for the JSON API (errors answer in JSON then)."""
    return request.path.startswith("/api/") or request.path == "/api"


def to_jsonable(value: Any) -> Any:
    """Dataclasses, datetimes and paths turned into plain JSON values.

    Times are written as ``iso_utc`` writes every other JSON time (``...Z``; a
    naive one is UTC, as SQLite hands them back); a float that JSON cannot carry
    (NaN, infinity) is ``null``, not the ``NaN`` a strict parser refuses.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(dataclasses.asdict(value))
    if hasattr(value, "model_dump"):
        return to_jsonable(value.model_dump())
    if hasattr(value, "_asdict"):
        return to_jsonable(value._asdict())
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, bytes):
        return None
    return value


def ok(status: int = 200, **payload: Any) -> tuple[Response, int]:
    """A success body: ``{"ok": true, ...}``."""
    return jsonify({"ok": True, **to_jsonable(payload)}), status


def json_body() -> dict[str, Any]:
    """The request's JSON object; malformed JSON is a 400, a non-object a 400 too."""
    try:
        data = request.get_json(force=True, silent=False)
    except BadRequest as exc:
        raise BadRequest("malformed JSON body") from exc
    except RecursionError as exc:  # round 34: [[[[… 100,000 deep was a 500
        raise BadRequest("malformed JSON body: nested too deeply") from exc
    if not isinstance(data, dict):
        raise BadRequest("the JSON body must be an object")
    return data


def int_field(data: Any, name: str, *, required: bool = True, default: int = 0) -> int:
    """An integer field from a JSON object or a form / query string; a clear 422 otherwise.

    One rule for every JSON endpoint (round 33): a JSON value must be a JSON
    integer — not ``true``, not ``"1"``, not ``1.5`` or ``1.0`` — as ``/api/jobs``
    always wanted for ``story`` and ``version_ids``; ``int()`` would read ``"1"``
    and ``1.0`` and (round 32) ``1.5`` as row 1.  A form or query string carries
    only text, so there the digits are read: an optional minus sign and ASCII
    digits, nothing around them (round 34: `` +3 `` was 3 while JSON has no ``+3``).
    """
    raw = data.get(name)
    if raw is None or raw == "":
        if required:
            raise InputError(N_("missing field %(name)r"), name=name)
        return default
    if not isinstance(data, MultiDict):  # a JSON object: the value's JSON type counts
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise InputError(N_("field %(name)r must be an integer"), name=name)
    elif not isinstance(raw, str) or not _DIGITS.fullmatch(raw):  # not "1_000", "١", "1e3"
        raise InputError(N_("field %(name)r must be an integer"), name=name)
    try:
        value = int(raw)
    except (TypeError, ValueError) as exc:
        raise InputError(N_("field %(name)r must be an integer"), name=name) from exc
    if not -MAX_ID <= value <= MAX_ID:
        raise InputError(N_("field %(name)r is out of range"), name=name)
    return value


def bool_field(data: dict[str, Any], name: str, default: bool) -> bool:
    """A JSON ``true``/``false`` (absent: ``default``); ``"false"`` or ``0`` is a 422.

    Why: ``"propagate": "no"`` or ``"background": "true"`` read with ``is True`` /
    ``is not False`` silently did the opposite of what was asked.
    """
    raw = data.get(name, default)
    if not isinstance(raw, bool):
        raise InputError(N_("field %(name)r must be true or false"), name=name)
    return raw


def form_flag(data: Any, name: str) -> bool | None:
    """A form or query-string yes/no (absent or empty: ``None``); other words are a 422.

    Why: a checkbox sends ``1`` (or ``on``) when ticked and nothing otherwise;
    ``bool(raw)`` or a "yes"-set read ``drafts=0`` as yes or ``forbidden=ja`` as no.
    """
    raw = data.get(name)
    if raw in (None, ""):
        return None
    if raw not in ("0", "1", "true", "false", "yes", "no", "on", "off"):
        raise InputError(N_("%(name)s must be 1 or 0, not %(raw)r"), name=name, raw=raw)
    return bool(raw in ("1", "true", "yes", "on"))


def query_arg(name: str, *aliases: str) -> str:
    """A required query-string parameter (or one of its ``aliases``), named when absent.

    Why (round 44): ``/api/versions/1/translation`` without ``?to=`` and
    ``/api/tm/export.tmx`` without ``?source=`` answered "unknown language ''",
    which names no parameter; an absent or empty one is now "missing query
    parameter 'to'" (422) in the one error shape, JSON or page.  A blank value
    (``?to=%20``) is passed on: the service names it ("no target language given").
    """
    for key in (name, *aliases):
        raw = request.args.get(key)
        if raw:
            return raw
    raise InputError(N_("missing query parameter %(name)r"), name=name)


def str_field(data: Any, name: str, *, required: bool = True, default: str = "") -> str:
    """A string field from a JSON object or form; a clear 422 otherwise."""
    raw = data.get(name)
    if raw is None or raw == "":
        if required:
            raise InputError(N_("missing field %(name)r"), name=name)
        return default
    if not isinstance(raw, str):
        raise InputError(N_("field %(name)r must be a string"), name=name)
    return raw
