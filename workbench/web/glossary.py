"""Glossary pages (list, add, edit, delete, import) and their JSON twins under /api."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask.wrappers import Response
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import N_, InputError, WorkbenchError
from workbench.services import glossary as service
from workbench.web.auth_context import current_actor
from workbench.web.common import (
    bool_field,
    form_flag,
    int_field,
    json_body,
    ok,
    settings,
    str_field,
)
from workbench.web.errors import localized
from workbench.web.render import View
from workbench.web.render import page as page_route

bp = Blueprint("glossary", __name__)


def _pair() -> tuple[str, str]:
    """``?source=&target=`` (default: the first two configured languages)."""
    langs = settings().languages
    source = request.values.get("source") or langs[0]
    target = request.values.get("target") or next(x for x in langs if x != source)
    service.check_pair(settings(), source, target)
    return source, target


def _flag(data: Any, name: str) -> bool:
    """A JSON ``true``/``false`` from the API, the checkbox's words from the form.

    Why not truthiness: ``{"forbidden": 2}`` or a form's ``ja`` were silently false.
    """
    if isinstance(data, MultiDict):
        return bool(form_flag(data, name))
    return bool_field(data, name, False)


def _fields(data: Any) -> dict[str, Any]:
    return {
        "source_term": str_field(data, "source_term", required=False),
        "target_term": str_field(data, "target_term"),
        "forbidden": _flag(data, "forbidden"),
        "note": str_field(data, "note", required=False),
    }


def _back(source: str, target: str) -> BaseResponse:
    return redirect(url_for("glossary.page", source=source, target=target))


@page_route(bp, "/glossary", template="glossary.html")
def page() -> View:
    """The pair's glossary (``?source=en&target=de``) with add, edit and import forms."""
    source, target = _pair()
    # strict (34b), and read by the view so the twin refuses it alike (round 35)
    edit_id = int_field(request.args, "edit", required=False) or None
    terms = service.list_terms(settings(), source, target)
    return View(
        {"source": source, "target": target, "terms": terms},
        html=lambda: {"languages": settings().languages, "edit_id": edit_id},
    )


@bp.post("/glossary")
def add_form() -> BaseResponse:
    """Add a term from the page's form; errors are flashed on the same page."""
    source, target = _pair()
    try:
        service.add_term(settings(), source, target, **_fields(request.form), actor=current_actor())
        flash(_("Term added."), "ok")
    except WorkbenchError as exc:
        flash(localized(exc), "error")
    return _back(source, target)


@bp.post("/glossary/<int:term_id>")
def edit_form(term_id: int) -> BaseResponse:
    """Save an edited term."""
    term = service.get_term(settings(), term_id)
    try:
        service.update_term(settings(), term_id, **_fields(request.form), actor=current_actor())
        flash(_("Term saved."), "ok")
    except WorkbenchError as exc:
        flash(localized(exc), "error")
    return _back(term["source_lang"], term["target_lang"])


@bp.post("/glossary/<int:term_id>/delete")
def delete_form(term_id: int) -> BaseResponse:
    """Delete a term."""
    term = service.get_term(settings(), term_id)
    try:
        service.delete_term(settings(), term_id, actor=current_actor())
        flash(_("Term deleted."), "ok")
    except WorkbenchError as exc:
        flash(localized(exc), "error")
    return _back(term["source_lang"], term["target_lang"])


def _import() -> dict[str, Any]:
    source, target = _pair()
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise InputError(N_("no file uploaded (multipart field 'file')"))
    counts = service.import_glossary(
        settings(), upload.read(), upload.filename, source, target, actor=current_actor()
    )
    return {"source": source, "target": target, **counts}


@bp.post("/glossary/import")
def import_form() -> BaseResponse:
    """Import a CSV/TBX upload; a bad file changes nothing and is reported."""
    source, target = _pair()
    try:
        result = _import()
        flash(_("Imported: %(added)s added, %(updated)s updated.", **result), "ok")
    except WorkbenchError as exc:
        flash(localized(exc), "error")
    return _back(source, target)


@bp.post("/api/glossary")
def api_add() -> tuple[Response, int]:
    """Body: ``source``/``target`` languages, ``source_term``, ``target_term``, ``forbidden``."""
    data = json_body()
    source, target = str_field(data, "source"), str_field(data, "target")
    term = service.add_term(settings(), source, target, **_fields(data), actor=current_actor())
    return ok(201, term=term)


@bp.put("/api/glossary/<int:term_id>")
def api_edit(term_id: int) -> tuple[Response, int]:
    """Replace a term's fields."""
    term = service.update_term(settings(), term_id, **_fields(json_body()), actor=current_actor())
    return ok(term=term)


@bp.delete("/api/glossary/<int:term_id>")
def api_delete(term_id: int) -> tuple[Response, int]:
    """Delete a term."""
    service.delete_term(settings(), term_id, actor=current_actor())
    return ok(deleted=term_id)


@bp.post("/api/glossary/import")
def api_import() -> tuple[Response, int]:
    """Multipart ``file`` plus ``source``/``target`` fields; answers the counts."""
    return ok(result=_import())
