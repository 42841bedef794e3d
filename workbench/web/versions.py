"""A version's segments (language, role, MT beside the source) and its translate button."""

from __future__ import annotations

from collections import Counter
from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask.wrappers import Response
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import WorkbenchError
from workbench.services.browse import list_versions, version_detail
from workbench.services.compare import list_alignments
from workbench.web import backend
from workbench.web.common import json_body, ok, settings, str_field
from workbench.web.filters import (
    BOILERPLATE_ROLES,
    CONTENT_ROLES,
    ROLES,
    filter_segments,
    role_filter,
)
from workbench.web.render import View, page, wants_json

bp = Blueprint("versions", __name__)


def _target(version: dict) -> str:
    """The target language: ?target=, else the first configured one not the version's own."""
    asked = request.args.get("target")
    if asked in settings().languages:
        return str(asked)
    own = version.get("language")
    return next((lang for lang in settings().languages if lang != own), "en")


@page(bp, "/versions/<int:version_id>", template="version.html")
def show(version_id: int) -> View:
    """A version's segments; the page hides boilerplate roles until ticked, the API does not.

    ``?target=de`` keeps only translations into German, ``?role=body`` only body segments.
    """
    version = version_detail(settings(), version_id, request.args.get("target") or None)
    roles = role_filter(ROLES if wants_json() else CONTENT_ROLES)
    segments = filter_segments(version["segments"], roles)
    role_counts = Counter(s["role"] for s in version["segments"])

    def html() -> dict[str, Any]:
        return {
            "version": version,  # all segments: the page shows "shown / total"
            "segments": segments,
            "target": _target(version),
            "roles": roles,
            "all_roles": ROLES,
            "boilerplate": BOILERPLATE_ROLES,
            "languages": settings().languages,
            "alignments": list_alignments(settings(), version_id),
            "versions": list_versions(settings()),
        }

    return View({"version": {**version, "segments": segments}, "role_counts": role_counts}, html)


@bp.post("/versions/<int:version_id>/translate")
def translate(version_id: int) -> BaseResponse:
    """Form button: translate this version, then show it in the target language."""
    version_detail(settings(), version_id, None)  # 404 before any work
    target = str_field(request.form, "target")
    try:
        report = backend.translate_version(settings(), version_id, target)
    except WorkbenchError as exc:  # shown on the page the button was on
        flash(exc.message, "error")
        return redirect(url_for("versions.show", version_id=version_id, target=target))
    flash(_("Translated into %(lang)s.", lang=target) + f" {_summary(report)}", "ok")
    return redirect(url_for("versions.show", version_id=version_id, target=target))


def _summary(report: dict) -> str:
    keys = ("translated", "cached", "skipped_same_lang", "skipped_existing", "failed")
    counts = ", ".join(f"{k.replace('_', ' ')}: {report[k]}" for k in keys if report.get(k))
    failed = "; ".join(f"{k}: {v}" for k, v in (report.get("failed_pairs") or {}).items())
    return counts + (f" ({failed})" if failed else "")


@bp.post("/api/versions/<int:version_id>/translate")
def api_translate(version_id: int) -> tuple[Response, int]:
    """Translate a version: body ``{"target": "de"}``."""
    version_detail(settings(), version_id, None)
    data = json_body()
    target = str_field(data, "target")
    report = backend.translate_version(settings(), version_id, target)
    return ok(version_id=version_id, target=target, report=report)
