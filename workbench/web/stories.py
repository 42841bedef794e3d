"""The story desk: ``/stories/<slug>`` and its JSON twin ``/api/stories/<slug>``.

Both call ``services.stories.story_view`` with the same arguments, so the page
and the JSON agree.  A page computes at most ``WEB_COMPUTE_BUDGET`` missing
comparisons inline (the rest show as pending, with a button that computes
them); ``?compute=all`` on the API computes every missing one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask.wrappers import Response
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import N_, InputError, NotFoundError, WorkbenchError
from workbench.services.compare_jobs import LARGE_COMPARE_SEGMENTS, job_status, start_story_job
from workbench.services.languages import check_target
from workbench.services.progress import story_progress
from workbench.services.stories import WEB_COMPUTE_BUDGET, set_wire, story_view
from workbench.services.validation import check_id
from workbench.web.common import int_field, json_body, ok, settings, str_field
from workbench.web.errors import localized
from workbench.web.render import View, page, wants_json
from workbench.web.translate_jobs import job_of_request, requested_job

bp = Blueprint("stories", __name__)


def _reference(args: Any) -> int | None:
    """The chosen reference version; absent or empty: the story's default.

    ``0`` (or ``-1``) is no version: refused (round 33), not read as "the default"
    the way an empty field is, as round 32 did for the wire copy.
    """
    if args.get("reference") in (None, ""):
        return None
    return check_id(int_field(args, "reference"), "reference")


def _compute(args: Any) -> int | None:
    """``?compute=all`` (every missing comparison), a number, or the page budget."""
    raw = args.get("compute")
    if raw == "all":
        return None
    if raw in (None, ""):
        return WEB_COMPUTE_BUDGET
    value = int_field(args, "compute")
    if value < 0:
        raise InputError(N_("field 'compute' must be 'all' or a number >= 0"))
    return value


def _story(slug: str, args: Any, compute: int | None) -> dict[str, Any]:
    """The story; a request computes inline only comparisons small enough for a request
    (the rest stay pending: the page's button runs them as a job), unless ``compute=all``."""
    largest = None if compute is None else LARGE_COMPARE_SEGMENTS
    return story_view(settings(), slug, reference=_reference(args), compute=compute,
                      largest=largest)  # fmt: skip


def _merge_choices(slug: str) -> list[dict[str, Any]]:
    """The merge form's list of stories (round 37, webb37): HTML only, the twin stays
    the CLI's ``story --json``."""
    from workbench.services.story_merge import labelled_choices

    return labelled_choices(settings(), exclude=slug)


def _merge_find(args: Any, slug: str) -> dict[str, Any] | None:
    """``?find=``: the merge form's search (round 38), read by the view so the page and its
    twin answer alike; absent or blank: None (the twin stays the CLI's ``story --json``)."""
    from workbench.services.story_merge import find_stories

    raw = args.get("find")
    if raw is None or not raw.strip():
        return None
    return find_stories(settings(), raw.strip(), exclude=slug)


class MergedAwayError(NotFoundError):
    """The twin's answer for a merged-away story: still the one error shape and a 404
    (what a script already handles for a story that is gone), plus where it went."""

    def __init__(self, message: str, /, **params: str) -> None:
        super().__init__(message, **params)
        self.details = {"merged_into": params["into"], "url": params["url"]}


def _merged_away(slug: str) -> View | None:
    """Where a merged-away story's address leads (round 37, webc37), or None (a 404 stays).

    The page: a 303 See Other to the story it joined, the query kept (``?job=``,
    ``?reference=``: version ids survive a merge) and a notice.  Not a permanent 301/308:
    the slug is free again and a new story may take it, which a browser's cached
    redirect would hide.  The twin: the error shape with ``merged_into`` and ``url``, no
    redirect a client would follow silently into a body of another slug."""
    from workbench.services.story_merge import merged_into

    into = merged_into(settings(), slug)
    if into is None:
        return None
    if wants_json():
        raise MergedAwayError(N_("story %(slug)r was merged into %(into)r; its address is now "
                                 "%(url)s"), slug=slug, into=into,
                              url=url_for("stories.api_show", slug=into))  # fmt: skip
    flash(_("Story %(old)s was merged into this one; this is its address now.", old=slug),
          "info")  # fmt: skip
    query = request.query_string.decode("utf-8", "replace")
    target = url_for("stories.show", slug=into)
    return View({}, redirect=f"{target}?{query}" if query else target)


def _merged_meanwhile(slug: str, exc: WorkbenchError) -> str | None:
    """The story ``slug`` joined, when a POST to it failed only because it was merged away
    (round 37, webd37), else None."""
    from workbench.services.story_merge import merged_into

    return merged_into(settings(), slug) if isinstance(exc, NotFoundError) else None


def _form_refused(slug: str, exc: WorkbenchError, **query: Any) -> BaseResponse:
    """A form's error, back on its story page; a story merged away since the page was
    shown: one notice naming the story it joined, and that story's page.

    Why not apply it there: the journalist chose the version, reference or merge target
    on OLD's versions, not on those of the story OLD joined; a click meant for one
    story silently changing another is worse than asking for it again."""
    into = _merged_meanwhile(slug, exc)
    if into is None:
        flash(localized(exc), "error")
        return redirect(url_for("stories.show", slug=slug, **query))
    flash(_("Story %(old)s was merged into %(new)s before this was sent; nothing was "
            "changed. If it is still needed, do it again here.", old=slug, new=into),
          "error")  # fmt: skip
    return redirect(url_for("stories.show", slug=into, **query))


def _twin_refusing_merged(view: Callable[..., Any]) -> Callable[..., Any]:
    """A POST twin on a story merged away: the one error shape (404, as its GET twin) with
    ``merged_into`` and ``url`` (the same action on the story it joined), nothing changed;
    not followed, for the reason the form is not (``_form_refused``)."""

    @wraps(view)
    def wrapped(slug: str, **kwargs: Any) -> Any:
        try:
            return view(slug, **kwargs)
        except NotFoundError as exc:
            into = _merged_meanwhile(slug, exc)
            if into is None:
                raise
            url = url_for(request.endpoint or "stories.api_show", slug=into)
            raise MergedAwayError(N_("story %(slug)r was merged into %(into)r before this was "
                                     "sent; nothing was changed: send it again to %(url)s"),
                                  slug=slug, into=into, url=url) from None  # fmt: skip

    return wrapped


@page(bp, "/stories/<slug>", template="story.html")
def show(slug: str) -> View:
    """Matrix, reference and every version against it (``?reference=ID``, ``?compute=all|N``).

    Both carry each version's translation progress (into its default target);
    ``?target=LANG`` re-measures it on the page and in the twin alike (round 33: the
    twin ignored it, so the page and its JSON disagreed, and ``?target=xx`` was a 422
    on the page only).  Without ``?target=`` the twin is byte for byte the CLI's
    ``story --json``.
    """
    target = check_target(settings(), request.args.get("target") or None)  # before any work
    job_id = requested_job()
    try:
        story = _story(slug, request.args, _compute(request.args))
    except NotFoundError:
        moved = _merged_away(slug)
        if moved is None:
            raise
        return moved
    if target is not None:
        story = {**story, "progress": story_progress(settings(), story["versions"], target)}
    found = _merge_find(request.args, slug)
    return View(
        {"story": story, **({"merge_find": found} if found is not None else {})},
        html=lambda: {
            "languages": settings().languages,
            "job": job_of_request(job_id),
            "progress": story["progress"],
            "merge_choices": _merge_choices(slug),
        },
    )


@bp.post("/stories/<slug>/compute")
def compute_form(slug: str) -> BaseResponse:
    """Button: compute every missing comparison in the background; show its progress."""
    reference = _reference(request.form)
    try:
        job = start_story_job(settings(), slug, reference)
    except WorkbenchError as exc:
        return _form_refused(slug, exc, reference=reference)
    return redirect(url_for("stories.job", job_id=job["id"]))


@bp.post("/api/stories/<slug>/compute")
@_twin_refusing_merged
def api_compute(slug: str) -> tuple[Response, int]:
    """Start computing every missing comparison: body ``{"reference": ID}`` (optional); 202."""
    data = json_body()
    job = start_story_job(settings(), slug, _reference(data))
    return ok(202, job=job, status_url=url_for("stories.api_job", job_id=job["id"]))


def _next_url(job: dict[str, Any]) -> str | None:
    """Where a finished job's result is shown."""
    result = job.get("result") or {}
    if job["status"] != "done":
        return None
    if job["kind"] == "pair":
        return url_for("compare.show", alignment_id=result["alignment_id"])
    return url_for("stories.show", slug=result["slug"], reference=result.get("reference"))


@page(bp, "/compare-jobs/<int:job_id>", template="compare_job.html")
def job(job_id: int) -> View:
    """A background comparison's progress; the page follows it to the result."""
    state = job_status(settings(), job_id)
    return View({"job": state, "next_url": _next_url(state)})


def _wire_version(data: Any) -> int | None:
    """The wire copy's version id; only an absent or empty field unmarks.

    ``0`` (or ``-1``) is no version: it goes to ``set_wire`` and is refused there
    instead of silently unmarking the wire copy the way an empty field does.
    """
    if data.get("version") in (None, ""):
        return None
    return int_field(data, "version")


@bp.post("/stories/<slug>/wire")
def wire_form(slug: str) -> BaseResponse:
    """Form: mark a version as the wire copy (the default reference); empty unmarks."""
    version = _wire_version(request.form)
    try:
        set_wire(settings(), slug, version)
    except WorkbenchError as exc:
        return _form_refused(slug, exc)
    flash(_("Wire copy saved."), "info")
    return redirect(url_for("stories.show", slug=slug))


@bp.post("/api/stories/<slug>/wire")
@_twin_refusing_merged
def api_wire(slug: str) -> tuple[Response, int]:
    """Mark the wire copy: body ``{"version": ID}``; ``null`` unmarks."""
    data = json_body()
    version = _wire_version(data)
    return ok(**set_wire(settings(), slug, version))


def _seen_versions(raw: Any) -> list[int] | None:
    """The version ids the caller saw in the story: a JSON list, or the form's
    comma-separated ids; absent is None (merge whatever the story holds)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        parts = [p.strip() for p in raw.split(",") if p.strip()]
        if not all(p.isdigit() for p in parts):
            raise InputError(N_("%(what)s must be an integer"), what="versions")
        raw = [int(p) for p in parts]
    if not isinstance(raw, list):
        raise InputError(N_("field %(name)r must be a list of version ids"), name="versions")
    return [check_id(v, "versions") for v in raw]


def _merge(slug: str, data: Any) -> dict[str, Any]:
    """Merge story ``slug`` into ``into``, refusing a story changed since ``versions``."""
    from workbench.services.story_merge import merge_stories
    from workbench.web.auth_context import current_actor

    actor = current_actor()
    return merge_stories(settings(), slug, str_field(data, "into"),
                         expected=_seen_versions(data.get("versions")),
                         by=actor.name if actor is not None else "")  # fmt: skip


@bp.post("/stories/<slug>/merge")
def merge_form(slug: str) -> BaseResponse:
    """Form: fold this story into another (round 37); a story changed since the page was
    shown is refused with a message, nothing merged."""
    try:
        done = _merge(slug, request.form)
    except WorkbenchError as exc:
        return _form_refused(slug, exc)
    flash(_("Merged story %(old)s into this one (versions moved: %(count)s).",
            old=done["from"], count=len(done["versions"])), "ok")  # fmt: skip
    return redirect(url_for("stories.show", slug=done["into"]))


@bp.post("/api/stories/<slug>/merge")
@_twin_refusing_merged
def api_merge(slug: str) -> tuple[Response, int]:
    """Merge the story into another: body ``{"into": SLUG, "versions": [ID, ...]}``;
    ``versions`` (the ids the caller saw) makes a story changed meanwhile a 409."""
    return ok(**_merge(slug, json_body()))


def _taken(data: Any) -> list[int]:
    """``take``: the versions to split out; the form's ticked boxes or a JSON list."""
    raw = data.getlist("take") if hasattr(data, "getlist") else data.get("take")
    if isinstance(raw, list) and all(isinstance(v, str) for v in raw):
        raw = ",".join(raw)
    return _seen_versions(raw) or []


def _split(slug: str, data: Any) -> dict[str, Any]:
    """Split versions ``take`` out of story ``slug`` into a new story ``into`` (round 38),
    refusing a story changed since ``versions``."""
    from workbench.services.story_split import split_story
    from workbench.web.auth_context import current_actor

    actor = current_actor()
    return split_story(settings(), slug, _taken(data), str_field(data, "into"),
                       expected=_seen_versions(data.get("versions")),
                       by=actor.name if actor is not None else "")  # fmt: skip


@bp.post("/stories/<slug>/split")
def split_form(slug: str) -> BaseResponse:
    """Form: split the ticked versions out into a new story, or undo the newest merge
    (the move log's button: its versions, back into the story they came from)."""
    try:
        done = _split(slug, request.form)
    except WorkbenchError as exc:
        return _form_refused(slug, exc)
    flash(_("Split out of story %(old)s into this one: %(ids)s.",
            ids=", ".join(f"#{v}" for v in done["versions"]), old=done["from"]), "ok")  # fmt: skip
    return redirect(url_for("stories.show", slug=done["into"]))


@bp.post("/api/stories/<slug>/split")
@_twin_refusing_merged
def api_split(slug: str) -> tuple[Response, int]:
    """Split versions into a new story: body ``{"take": [ID], "into": NAME, "versions":
    [ID, ...]}``; ``versions`` (the ids the caller saw) makes a story changed meanwhile a 409."""
    return ok(**_split(slug, json_body()))
