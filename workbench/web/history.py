"""A segment's revision history (page + JSON twin), revert, and undo of a propagation."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask.wrappers import Response
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import WorkbenchError
from workbench.services import history, propagate
from workbench.web.auth_context import current_actor
from workbench.web.common import int_field, json_body, ok, settings
from workbench.web.errors import localized
from workbench.web.render import View
from workbench.web.render import page as page_route

bp = Blueprint("history", __name__)


@page_route(bp, "/segments/<int:segment_id>/history/<lang>", template="history.html")
def page(segment_id: int, lang: str) -> View:
    """Every revision with author, time and how it came about; revert buttons."""
    return View({"history": history.segment_history(settings(), segment_id, lang)})


@bp.post("/segments/<int:segment_id>/history/<lang>/revert")
def revert_form(segment_id: int, lang: str) -> BaseResponse:
    """Form: ``revision`` and ``base_revision``; a stale page is told, nothing overwritten."""
    try:
        history.revert(
            settings(), segment_id, lang, int_field(request.form, "revision"),
            base_revision=int_field(request.form, "base_revision"), actor=current_actor(),
        )  # fmt: skip
        flash(_("Reverted."), "ok")
    except WorkbenchError as exc:
        flash(localized(exc), "error")
    return redirect(url_for("history.page", segment_id=segment_id, lang=lang))


@bp.post("/api/segments/<int:segment_id>/history/<lang>/revert")
def api_revert(segment_id: int, lang: str) -> tuple[Response, int]:
    """Body ``{"revision": N, "base_revision": M}``: revision N becomes current (as M + 1)."""
    data = json_body()
    saved = history.revert(
        settings(), segment_id, lang, int_field(data, "revision"),
        base_revision=int_field(data, "base_revision"), actor=current_actor(),
    )  # fmt: skip
    return ok(translation=saved)


@bp.post("/api/propagations/<batch>/undo")
def api_undo(batch: str) -> tuple[Response, int]:
    """Undo one propagation: segments changed since are listed under ``skipped``."""
    return ok(result=propagate.undo(settings(), batch, actor=current_actor()))
