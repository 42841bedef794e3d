"""The compare view: two columns of aligned rows with word-level highlights."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask.wrappers import Response
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import N_, InputError, WorkbenchError
from workbench.services.alignments import earlier_first, list_alignments
from workbench.services.compare import DEFAULT_ROLES, compare_versions
from workbench.services.compare_jobs import LARGE_COMPARE_SEGMENTS, segment_count, start_pair_job
from workbench.services.compare_rows import DEFAULT_LIMIT, Window, alignment_window
from workbench.web.common import (
    bool_field,
    form_flag,
    int_field,
    json_body,
    ok,
    settings,
    to_jsonable,
)
from workbench.web.diffview import flag_items, render_pair
from workbench.web.errors import localized
from workbench.web.filters import (
    BOILERPLATE_ROLES,
    CONTENT_ROLES,
    ROLES,
    STATUSES,
    pair_filters,
    roles_arg,
)
from workbench.web.render import View, page, wants_json

bp = Blueprint("compare", __name__)


def _compare(left: int, right: int, roles: tuple[str, ...] | None) -> dict[str, Any]:
    """``services.compare.compare_versions`` (its default roles unless some were asked for)."""
    return to_jsonable(compare_versions(settings(), left, right, roles=roles or DEFAULT_ROLES))


@bp.post("/compare")
def compare_form() -> BaseResponse:
    """Form button: compare two versions, then open the new alignment."""
    left = int_field(request.form, "left")
    right = int_field(request.form, "right")
    try:
        if form_flag(request.form, "earlier_left"):  # the version page names no side
            left, right = earlier_first(settings(), left, right)
        roles = roles_arg(request.form.getlist("roles"))
        if segment_count(settings(), left, right) > LARGE_COMPARE_SEGMENTS:
            job = start_pair_job(settings(), left, right, roles)  # too big for one request
            return redirect(url_for("stories.job", job_id=job["id"]))
        result = _compare(left, right, roles)
    except WorkbenchError as exc:  # back to the form with the reason
        flash(localized(exc), "error")
        return redirect(request.referrer or url_for("articles.index"))
    return redirect(url_for("compare.show", alignment_id=result["alignment_id"]))


def _window(default_roles: tuple[str, ...]) -> Window:
    """Filters and the row window from the query string (``offset``, ``limit``, ``at``)."""
    roles, statuses = pair_filters(default_roles)
    at = request.args.get("at")
    return Window(
        roles=frozenset(roles), statuses=frozenset(statuses),
        offset=int_field(request.args, "offset", required=False, default=0),
        limit=int_field(request.args, "limit", required=False, default=DEFAULT_LIMIT),
        at=int_field(request.args, "at") if at not in (None, "") else None,
    )  # fmt: skip


def _all_rows() -> bool:
    """``?rows=all`` shows the rows of a pair judged unrelated; absent or empty is the
    default (hidden).  Any other value is a 422, on the page and its twin alike (round
    35b: ``?rows=yes`` was silently "hide", as ``?inline=`` was before round 34b)."""
    raw = request.args.get("rows")
    if raw not in (None, "", "all"):
        raise InputError(N_("rows must be 'all' or left out, not %(raw)r"), raw=raw)
    return raw == "all"


@page(bp, "/alignments/<int:alignment_id>", template="compare.html")
def show(alignment_id: int) -> View:
    """One window of aligned rows (``?offset=&limit=`` or ``?at=POSITION``); the page hides
    boilerplate roles until ticked, the API filters only on ``?role=``/``?status=``."""
    window = _window(ROLES if wants_json() else CONTENT_ROLES)
    all_rows = _all_rows()
    detail = alignment_window(settings(), alignment_id, window)
    pairs, counts, moves = detail["pairs"], detail.pop("counts"), detail.pop("moves")
    unrelated = detail["summary"].get("relation") == "unrelated"

    def html() -> dict[str, Any]:
        shown = pairs
        if unrelated and not all_rows:
            shown = []  # a verdict, not a page of "changes" between two different stories
        for pair in shown:
            pair["view"] = render_pair(pair)
            pair["flag_items"] = flag_items(pair["flags"])
        return {
            "alignment": detail,
            "pairs": shown,
            "roles": window.roles,
            "statuses": window.statuses,
            "all_roles": ROLES,
            "all_statuses": STATUSES,
            "boilerplate": BOILERPLATE_ROLES,
            "unrelated": unrelated,
            # the filters hide rows (and the rows are shown): "the rows shown" is a choice
            "export_shown": not (unrelated and not all_rows)
            and detail["page"]["total"] < sum(counts.values()),
            "page": detail["page"],
            "moves": moves,  # the banner's "moved": the desk's count, not the rows (round 36)
            "page_url": _page_url,
        }

    return View({"alignment": detail, "counts": counts, "moves": moves}, html)


def _page_url(offset: int, anchor: str = "") -> str:
    """This page's URL with the same filters at another ``offset`` (``#anchor`` optional)."""
    args = request.args.to_dict(flat=False)
    args.pop("at", None)
    args["offset"] = [str(offset)]
    return url_for(request.endpoint or "compare.show", **request.view_args or {}, **args) + (
        f"#{anchor}" if anchor else ""
    )


@bp.get("/api/alignments")
def api_list() -> tuple[Response, int]:
    """Stored alignments, optionally ``?version=ID``."""
    version = request.args.get("version")
    version_id = int_field(request.args, "version") if version else None
    return ok(alignments=list_alignments(settings(), version_id))


@bp.post("/api/compare")
def api_compare() -> tuple[Response, int]:
    """Compare two versions: body ``{"left": ID, "right": ID, "roles": ["body"]}``;
    ``"background": true`` answers 202 with a job to poll (``/api/compare-jobs/<id>``)."""
    data = json_body()
    left, right = int_field(data, "left"), int_field(data, "right")
    if bool_field(data, "background", False):  # large pairs: 202 and a job to poll
        job = start_pair_job(settings(), left, right, roles_arg(data.get("roles")))
        return ok(202, job=job, status_url=url_for("stories.api_job", job_id=job["id"]))
    result = _compare(left, right, roles_arg(data.get("roles")))
    status = 200 if result["reused"] else 201  # 200: the stored comparison, not a new one
    return ok(status, alignment_id=result["alignment_id"], result=result)
