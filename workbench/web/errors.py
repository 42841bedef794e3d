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
from flask_babel import gettext as _
from jinja2.filters import do_filesizeformat
from markupsafe import escape
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from workbench.errors import WorkbenchError
from workbench.web.common import is_api


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
    return error_response(exc.message, exc.status, details if isinstance(details, dict) else None)


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
