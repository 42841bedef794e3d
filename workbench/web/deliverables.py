"""Download a version's translation (txt, html, xliff, tmx) and upload an edited XLIFF.

The rules are in ``services.deliverables`` / ``services.xliff_import``; these
views only read the query string or the upload and set download headers.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask.wrappers import Response
from flask_babel import gettext as _
from markupsafe import Markup
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import N_, InputError, NothingToExportError, WorkbenchError
from workbench.services.deliverables import export_translation, filename
from workbench.services.xliff_import import ImportReport, import_xliff
from workbench.web.common import form_flag, ok, query_arg, settings
from workbench.web.errors import error_response, localized

bp = Blueprint("deliverables", __name__)


def _flag(name: str) -> bool | None:
    return form_flag(request.args, name)


def _download(version_id: int) -> Response:
    target = query_arg("to", "target")
    inline = _flag("inline")  # the checkbox words like every flag (34b: only "1" was yes)
    body, fmt, deliverable = export_translation(
        settings(),
        version_id,
        target,
        request.args.get("format", "txt"),
        approved_only=_flag("approved_only"),
        include_boilerplate=bool(_flag("boilerplate")),
    )
    response = Response(body, mimetype=fmt.media_type)
    response.charset = "utf-8"
    name = filename(deliverable.version, deliverable.target, fmt)
    disposition = "inline" if inline else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response.headers["X-Workbench-Segments"] = ",".join(
        f"{k}={v}" for k, v in sorted(deliverable.counts.items())
    )
    if deliverable.withheld:  # translations approved_only left out, by status
        response.headers["X-Workbench-Not-Approved"] = ",".join(
            f"{k}={v}" for k, v in sorted(deliverable.withheld.items())
        )
    return response


@bp.get("/versions/<int:version_id>/translation")
def download(version_id: int) -> BaseResponse:
    """``?to=de&format=txt|html|xliff|tmx[&approved_only=1][&boilerplate=1]`` as a file.

    A TMX with nothing in it is not handed over: the version page comes back
    with the reason (nothing approved or translated yet) and what to do there.
    """
    try:
        return _download(version_id)
    except NothingToExportError as exc:
        flash(localized(_on_the_page(exc)), "error")
        target = request.args.get("to") or request.args.get("target") or None
        return redirect(url_for("versions.show", version_id=version_id, target=target))


def _on_the_page(exc: NothingToExportError) -> NothingToExportError:
    """The reason with a remedy the page has (round 35).

    The service's message names ``--any-status`` and ``approved_only=0``, which the
    CLI and the twin take; on the page the same choice is the form's "Statuses"
    select (round 35b: it was a box whose unticked state still meant approved-only
    for a TMX), so the remedy is the editor or "every status".  "Nothing translated
    yet" already names the page's Translate button and is kept.
    """
    if "machine" not in exc.params:
        return exc
    return NothingToExportError(
        N_("nothing approved into %(target)s in version %(version_id)s yet, so the "
           "%(format)s file would be empty: %(machine)s machine and %(draft)s draft "
           "translations await approval; approve them in the editor first, or download "
           "with Statuses set to \"every status\""),
        **exc.params,
    )  # fmt: skip


@bp.get("/api/versions/<int:version_id>/translation")
def api_download(version_id: int) -> Response:
    """The same deliverable under /api (the body is the file itself)."""
    return _download(version_id)


def _upload() -> tuple[bytes, str]:
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise InputError(N_("choose an XLIFF file to import"))
    return upload.read(), upload.filename


@bp.post("/api/translations/import")
def api_import() -> tuple[Response, int]:
    """Multipart ``file``: an edited XLIFF export.  Conflicts answer 409 with the report.

    A 409 is an error, so it comes in the one error shape (``ok`` false, ``error``,
    ``status``) with the report beside it: a client that reads ``ok`` is not told
    that a refused segment was saved.
    """
    data, name = _upload()
    report = import_xliff(settings(), data, name)
    if report.conflicts:
        return error_response(_summary(report), 409, {"report": report.to_json()}), 409
    return ok(200, report=report.to_json())


def _summary(report: ImportReport) -> str:
    return _(
        "Imported: %(updated)s updated (%(approved)s approved), %(unchanged)s unchanged, "
        "%(untranslated)s untranslated, %(conflicts)s conflicts.",
        updated=report.updated,
        approved=report.approved,
        unchanged=report.unchanged,
        untranslated=report.untranslated,
        conflicts=len(report.conflicts),
    )


@bp.post("/versions/<int:version_id>/translation/import")
def import_form(version_id: int) -> BaseResponse:
    """The version page's upload form; the report (and any conflicts) is flashed."""
    target = request.form.get("target") or None
    try:
        data, name = _upload()
        report = import_xliff(settings(), data, name)
    except WorkbenchError as exc:
        flash(localized(exc), "error")
        return redirect(url_for("versions.show", version_id=version_id, target=target))
    flash(_summary(report), "error" if report.conflicts else "ok")
    for conflict in report.conflicts:
        flash(_conflict(conflict, version_id), "error")
    return redirect(url_for("versions.show", version_id=version_id, target=report.target))


def _conflict(conflict: dict[str, Any], version_id: int) -> Markup:
    """One conflict as the translator sees it: the page's row (a link to it; another
    version's row names that version) and the file's unit id, which a CAT tool shows.
    Round 36: "Conflict on segment 6" named the unit id alone, and the page's row is 5."""
    if conflict["version_id"] == version_id:
        row = Markup('<a href="#seg-{}">{}</a>').format(
            conflict["segment_id"], _("row %(row)s", row=conflict["position"] + 1)
        )
    else:
        row = Markup('<a href="{}#seg-{}">{}</a>').format(
            url_for("versions.show", version_id=conflict["version_id"]),
            conflict["segment_id"],
            _("row %(row)s of version %(version)s", row=conflict["position"] + 1,
              version=conflict["version_id"]),
        )  # fmt: skip
    template = Markup(  # the catalog's text is ours; the values are escaped by ``%``
        _("Conflict on %(row)s (XLIFF unit %(id)s), not overwritten. Your text: %(text)s")
    )
    return template % {"row": row, "id": conflict["segment_id"], "text": conflict["file_text"]}
