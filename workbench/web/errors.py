"""The ONE error shape: ``{"ok": false, "error": msg, "status": N}``.

API requests (``/api/...``) get it as JSON; pages get the same message in an
HTML page with the same status.  Typed ``WorkbenchError``s carry their own
status (422, 404, 409, 413...); anything unexpected is logged and answered as
a bare 500 without a traceback.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, jsonify, render_template
from flask.wrappers import Response
from flask_babel import format_decimal, get_translations
from flask_babel import gettext as _
from jinja2.filters import do_filesizeformat
from markupsafe import escape
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from workbench.errors import Num, Term, WorkbenchError
from workbench.web.common import is_api


def localized(exc: WorkbenchError) -> str:
    """``exc``'s message in the request's UI language (the CLI keeps English).

    The template is looked up in the catalogs, counts get the locale's digit
    grouping, vocabulary words and wrapped errors are translated too; a catalog
    entry that does not fit its parameters falls back to the English text.
    """
    template = getattr(exc, "template", None)
    if not template:
        return exc.message
    text = get_translations().ugettext(template)
    params = getattr(exc, "params", None)
    if not params:
        return str(text)
    try:
        return str(text % {k: _localized_param(v) for k, v in params.items()})
    except (KeyError, ValueError, TypeError):
        return exc.message


def _localized_param(value: object) -> object:
    if isinstance(value, WorkbenchError):
        return localized(value)
    if isinstance(value, Num):
        return format_decimal(int(value))
    if isinstance(value, Term):
        return get_translations().ugettext(str(value))
    return value


def error_response(message: str, status: int, details: dict[str, Any] | None = None) -> Response:
    """Answer an error in the shared shape (JSON for the API, a page otherwise)."""
    if is_api():
        body: dict[str, Any] = {"ok": False, "error": message, "status": status}
        if details:
            body.update(details)
        response = jsonify(body)
    else:
        try:
            page = render_template("error.html", message=message, status=status)
        except Exception:  # a broken template must not hide the original error
            current_app.logger.exception("error page failed")
            page = f"<!doctype html><title>{status}</title><p>{escape(message)}</p>"
        response = current_app.make_response(page)
    response.status_code = status
    return response


def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    if isinstance(exc, RequestEntityTooLarge):
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        size = do_filesizeformat(limit or 0, binary=True)
        message = _("The upload is larger than the limit of %(size)s.", size=size)
    else:
        message = exc.description or exc.name
    response = error_response(message, status)
    if status == 405 and exc.get_response().headers.get("Allow"):
        response.headers["Allow"] = exc.get_response().headers["Allow"]
    return response


def _workbench_error(exc: WorkbenchError) -> Response:
    details = getattr(exc, "details", None)
    body = details if isinstance(details, dict) else None
    return error_response(localized(exc), exc.status, body)


def _unexpected(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        return _http_error(exc)
    from workbench.store.db import database_error

    settings = current_app.config.get("WORKBENCH_SETTINGS")
    converted = database_error(getattr(settings, "database_url", None), exc)
    if converted is not None:  # the server went away: 503 with the reason, not a bare 500
        current_app.logger.warning("database unavailable: %s", converted.message)
        return _workbench_error(converted)
    current_app.logger.exception("unhandled error")
    return error_response(_("Internal server error."), 500)


def init_app(app: Flask) -> None:
    """Register the handlers (HTTP errors, typed errors, everything else)."""
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(WorkbenchError, _workbench_error)
    app.register_error_handler(Exception, _unexpected)
