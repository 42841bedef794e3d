"""Translation-memory page (pairs, search, import, export) and its JSON twins."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask.wrappers import Response
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import N_, InputError, WorkbenchError
from workbench.services import tm
from workbench.services.glossary import check_pair
from workbench.web.auth_context import current_actor
from workbench.web.common import form_flag, ok, query_arg, settings
from workbench.web.errors import localized
from workbench.web.render import View
from workbench.web.render import page as page_route

bp = Blueprint("tm", __name__)


def _search() -> dict:
    """``?source=&target=&q=``: matches for one sentence (empty without ``q``)."""
    langs = settings().languages
    source = request.args.get("source") or langs[0]
    target = request.args.get("target") or next(x for x in langs if x != source)
    check_pair(settings(), source, target)
    query = (request.args.get("q") or "").strip()
    if len(query) > 5000:
        raise InputError(N_("the search text is longer than 5000 characters"))
    matches = tm.lookup(settings(), query, source, target, limit=10) if query else []
    return {"source": source, "target": target, "q": query, "matches": matches}


@page_route(bp, "/tm", template="tm.html")
def page() -> View:
    """Entries per pair and, with ``?source=&target=&q=``, the matches of one sentence."""
    search = _search()
    return View(
        {"stats": tm.memory_stats(settings()), **search},
        html=lambda: {"search": search, "languages": settings().languages},
    )


def _import() -> dict:
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise InputError(N_("no file uploaded (multipart field 'file')"))
    return tm.import_tmx(settings(), upload.read(), upload.filename, actor=current_actor())


@bp.post("/tm/import")
def import_form() -> BaseResponse:
    """Import a TMX upload; a bad file changes nothing and is reported."""
    try:
        result = _import()
        flash(_("Imported: %(added)s added, %(skipped)s already present.", **result), "ok")
    except WorkbenchError as exc:
        flash(localized(exc), "error")
    return redirect(url_for("tm.page"))


@bp.post("/api/tm/import")
def api_import() -> tuple[Response, int]:
    """Multipart ``file``: a TMX document."""
    return ok(result=_import())


@bp.get("/api/tm/export.tmx")
def export() -> Response:
    """The pair's memory as a TMX download (``?source=&target=&drafts=1``)."""
    source, target = query_arg("source"), query_arg("target")
    check_pair(settings(), source, target)
    text = tm.export_tmx(
        settings(), source, target, include_drafts=bool(form_flag(request.args, "drafts"))
    )
    response = Response(text, mimetype="application/x-tmx+xml")
    response.headers["Content-Disposition"] = f'attachment; filename="memory-{source}-{target}.tmx"'
    return response
