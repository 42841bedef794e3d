"""A version's segments (language, role, MT beside the source) and its translate button."""

from __future__ import annotations

from collections import Counter
from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask.wrappers import Response
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import N_, InputError, WorkbenchError
from workbench.services.alignments import list_alignments
from workbench.services.browse import list_versions, version_detail
from workbench.services.postedit import (
    RevisionConflict,
    check_segment_in_version,
    save_translation,
)
from workbench.services.progress import (
    STATES,
    default_target,
    segments_progress,
    state_of,
    version_with_progress,
)
from workbench.services.propagate import propagate
from workbench.web import backend
from workbench.web.auth_context import current_actor
from workbench.web.common import int_field, json_body, ok, settings, str_field
from workbench.web.errors import localized
from workbench.web.filters import (
    BOILERPLATE_ROLES,
    CONTENT_ROLES,
    ROLES,
    filter_segments,
    role_filter,
)
from workbench.web.render import View, page, wants_json
from workbench.web.translate_jobs import job_of_request, requested_job, start_form_job

bp = Blueprint("versions", __name__)


def _target(version: dict) -> str:
    """The target language: ?target=, else the first configured one not the version's own."""
    asked = request.args.get("target")
    if asked in settings().languages:
        return str(asked)
    return default_target(settings().languages, version.get("language"))


def _states() -> set[str]:
    """Ticked ``?state=`` values (translation states); all when none."""
    asked = set(request.args.getlist("state"))
    unknown = asked - set(STATES)
    if unknown:
        raise InputError(N_("unknown state(s): %(unknown)s"), unknown=", ".join(sorted(unknown)))
    return asked or set(STATES)


def _jumps(segments: list[dict]) -> dict[str, int | None]:
    """First shown segment still untranslated / not approved (the no-JS jump links)."""
    return {
        "untranslated": next((s["id"] for s in segments if s["state"] == "untranslated"), None),
        "unapproved": next(
            (s["id"] for s in segments if s["state"] in ("untranslated", "machine", "draft")), None
        ),
    }


@page(bp, "/versions/<int:version_id>", template="version.html")
def show(version_id: int) -> View:
    """A version's segments; the page hides boilerplate roles until ticked, the API does not.

    ``?target=de`` keeps only translations into German and labels every segment
    with its ``state`` (``?state=untranslated`` filters on it), ``?role=body`` only
    body segments; ``progress`` counts the states into ``target`` (default: the
    first configured language that is not the version's own).
    """
    asked = request.args.get("target") or None
    job_id = requested_job()  # checked for both renderings (round 35)
    version = version_with_progress(settings(), version_id, asked)
    target = _target(version)
    roles, states = role_filter(ROLES if wants_json() else CONTENT_ROLES), _states()
    if not wants_json():  # the page always edits one target language
        for seg in version["segments"]:
            seg["state"] = state_of(seg["lang"], target, seg["translations"].get(target))
    segments = filter_segments(version["segments"], roles)
    if "state" in (segments[0] if segments else {}):
        segments = [s for s in segments if s["state"] in states]
    role_counts = Counter(s["role"] for s in version["segments"])

    def html() -> dict[str, Any]:
        return {
            "version": version,  # all segments: the page shows "shown / total"
            "segments": segments,
            "target": target,
            "roles": roles,
            "all_roles": ROLES,
            "states": states,
            "all_states": STATES,
            "progress": version["progress"],
            "progress_all": segments_progress(
                version["segments"], target, include_boilerplate=True
            ),
            "jump": _jumps(segments),
            "job": job_of_request(job_id),
            "boilerplate": BOILERPLATE_ROLES,
            "languages": settings().languages,
            "alignments": list_alignments(settings(), version_id),
            "versions": list_versions(settings()),
        }

    return View({"version": {**version, "segments": segments}, "role_counts": role_counts}, html)


@bp.post("/versions/<int:version_id>/segments/<int:segment_id>/translation")
def save_form(version_id: int, segment_id: int) -> BaseResponse:
    """The editor without JavaScript: a POST form (never GET: the text stays out of URLs).

    A conflict keeps the translator's text in the flashed message, so nothing is lost.
    """
    lang = str_field(request.form, "lang")
    text = request.form.get("text", "")
    back = url_for("versions.show", version_id=version_id, target=lang, _anchor=f"seg-{segment_id}")
    try:
        check_segment_in_version(settings(), segment_id, version_id)
        saved = save_translation(
            settings(),
            segment_id,
            lang,
            text,
            base_revision=int_field(request.form, "base_revision"),
            status=request.form.get("status") or "draft",
            actor=current_actor(),
        )
        if saved["status"] == "approved":  # repeats follow, as with the editor's script
            propagate(settings(), segment_id, lang, actor=current_actor())
    except RevisionConflict as exc:
        flash(localized(exc) + " " + _("Your text: %(text)s", text=text), "error")
        return redirect(back)
    except WorkbenchError as exc:
        flash(localized(exc), "error")
        return redirect(back)
    flash(_("Saved: revision") + f" {saved['revision']}", "ok")
    return redirect(back)


@bp.post("/versions/<int:version_id>/translate")
def translate(version_id: int) -> BaseResponse:
    """Form button (without JavaScript): start a background translation job, then show
    the page with the job's progress (``?job=``).  Boilerplate only when ticked."""
    version_detail(settings(), version_id, None)  # 404 before any work
    target = str_field(request.form, "target")
    try:
        job_id = start_form_job(request.form, target, version_ids=[version_id])
    except WorkbenchError as exc:  # shown on the page the button was on
        flash(localized(exc), "error")
        # an unknown target back in the URL would turn the page itself into an error
        known = target if target in settings().languages else None
        return redirect(url_for("versions.show", version_id=version_id, target=known))
    if job_id is None:  # translated in this request (no jobs service installed)
        return redirect(url_for("versions.show", version_id=version_id, target=target))
    return redirect(url_for("versions.show", version_id=version_id, target=target, job=job_id))


@bp.post("/api/versions/<int:version_id>/translate")
def api_translate(version_id: int) -> tuple[Response, int]:
    """Translate a version: body ``{"target": "de"}``."""
    version_detail(settings(), version_id, None)
    data = json_body()
    target = str_field(data, "target")
    report = backend.translate_version(settings(), version_id, target)
    return ok(version_id=version_id, target=target, report=report)


def _move(version_id: int, data: Any) -> dict[str, Any]:
    """``story`` (slug or name) and ``from`` (the story the page showed) of a move."""
    from workbench.services.story_move import move_version

    expected = str_field(data, "from", required=False).strip() or None
    actor = current_actor()
    return move_version(settings(), version_id, str_field(data, "story"), expected=expected,
                        by=actor.name if actor is not None else "")  # fmt: skip


@bp.post("/versions/<int:version_id>/story")
def move_form(version_id: int) -> BaseResponse:
    """Form: file the version under another story; a stale page (moved meanwhile) is
    refused with a message, nothing changed (round 36)."""
    version_detail(settings(), version_id, None)  # 404 before any work
    try:
        done = _move(version_id, request.form)
    except WorkbenchError as exc:
        flash(localized(exc), "error")
        return redirect(url_for("versions.show", version_id=version_id))
    said = _("Moved version %(id)s from story %(old)s to story %(new)s.",
             id=version_id, old=done["from"], new=done["to"])  # fmt: skip
    if done["removed"]:  # as the CLI says (round 37): the old story's page is a 404 now
        said += " " + _("Story %(old)s had no other version and is removed.", old=done["from"])
    flash(said, "ok")
    return redirect(url_for("versions.show", version_id=version_id))


@bp.post("/api/versions/<int:version_id>/story")
def api_move(version_id: int) -> tuple[Response, int]:
    """Move the version: body ``{"story": SLUG_OR_NAME, "from": SLUG}``; ``from`` (the
    story the caller saw it in) makes a move made meanwhile a 409."""
    return ok(**_move(version_id, json_body()))
