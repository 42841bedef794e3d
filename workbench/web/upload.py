"""Upload page for ingest (multipart) and its JSON twin ``POST /api/ingest``.

The size limit is Flask's ``MAX_CONTENT_LENGTH`` (= ``settings.max_upload_bytes``),
so an oversized body is refused with 413 before it is read into memory.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.wrappers import Response
from flask_babel import format_decimal
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import N_, InputError, WorkbenchError
from workbench.web.common import ok, settings, str_field, to_jsonable
from workbench.web.errors import localized

bp = Blueprint("upload", __name__)


def _ingest_request() -> dict[str, Any]:
    """Run ingest on the uploaded file and form fields; typed errors for bad input."""
    from workbench.services.ingest import ingest_bytes  # lazy: lingua loads on first upload
    from workbench.services.ingest_files import outlet_from_name

    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise InputError(N_("no file uploaded (multipart field 'file')"))
    data = upload.read()
    if not data:
        raise InputError(N_("the uploaded file %(filename)r is empty"), filename=upload.filename)
    filename = upload.filename.replace("\\", "/").rsplit("/", 1)[-1]
    form = request.form
    # without an article the capture joins the story it resembles, as ``workbench ingest``
    # does (round 36: a later capture with a new headline started a story of its own)
    result = ingest_bytes(
        settings(),
        data,
        filename=filename,
        # an empty outlet field: the JSON's own, else the file name's, else "upload"
        outlet=str_field(form, "outlet", required=False).strip(),
        outlet_fallback=outlet_from_name(filename) or "upload",
        article=str_field(form, "article", required=False).strip() or None,
        url=str_field(form, "url", required=False).strip() or None,
        captured_at=str_field(form, "captured_at", required=False).strip() or None,
        match_story=True,
    )
    return to_jsonable(result)


def _stored(result: dict[str, Any]) -> str:
    """What the upload did, with the story it went to and why (``result.match``)."""
    match = result.get("match")
    if not match:  # the article was named (form or JSON field)
        return _("Stored version %(id)s.", id=result.get("version_id"))
    if match.get("slug"):
        return _(
            "Stored version %(id)s in the story %(story)s: it resembles version %(version)s "
            "(evidence %(share)s, at least %(threshold)s needed).",
            id=result.get("version_id"), story=match["slug"], version=match["version_id"],
            share=format_decimal(match["share"], "0.00"),
            threshold=format_decimal(match["threshold"], "0.00"),
        )  # fmt: skip
    return _(
        "Stored version %(id)s as the new story %(story)s: no stored story resembles it "
        "(evidence %(threshold)s needed). To put a capture in a story of your choice, "
        "name the story in the Article field when you upload it.",
        id=result.get("version_id"), story=match.get("story"),
        threshold=format_decimal(match["threshold"], "0.00"),
    )  # fmt: skip


@bp.get("/upload")
def form() -> str:
    """The upload form."""
    return render_template("upload.html", limit=settings().max_upload_bytes, error=None, fields={})


@bp.post("/upload")
def submit() -> BaseResponse | tuple[str, int]:
    """Ingest the upload, then open the new version; errors re-show the form."""
    try:
        result = _ingest_request()
    except WorkbenchError as exc:
        # the typed fields come back filled in: only the file must be picked again
        page = render_template(
            "upload.html",
            limit=settings().max_upload_bytes,
            error=localized(exc),
            fields=request.form,
        )
        return page, exc.status
    if result.get("created", True):
        flash(_stored(result), "ok")
    else:
        flash(
            _("This file was already stored as version %(id)s.", id=result.get("version_id")), "ok"
        )
    return redirect(url_for("versions.show", version_id=result["version_id"]))


@bp.post("/api/ingest")
def api_ingest() -> tuple[Response, int]:
    """Multipart: ``file``; optional ``outlet``, ``article``, ``url``, ``captured_at``.

    An empty outlet is the JSON's own, else the file name's, else ``upload``.
    """
    result = _ingest_request()
    return ok(201 if result.get("created", True) else 200, result=result)
