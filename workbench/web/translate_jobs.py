"""The translator's Translate buttons as background jobs (``services.jobs``).

Why a module of its own: the version page and the article list (a story's
"translate all versions") start the same jobs; with JavaScript the pages call
``POST /api/jobs`` and poll ``GET /api/jobs/<id>`` (``static/translate_job.js``),
without it the forms post here and the page shows the job given by ``?job=``.
Boilerplate roles are left out unless the form ticks them.

Where the jobs service (issue 13) is not installed, ``start_form_job`` falls
back to translating here and now (the runner i13's service replaces): the
script sees no ``/api/jobs`` and posts the form instead.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import N_, WorkbenchError
from workbench.web.common import int_field, settings, str_field
from workbench.web.errors import localized

bp = Blueprint("translate_jobs", __name__)


def start_form_job(
    form: MultiDict[str, str],
    target: str,
    *,
    version_ids: list[int] | None = None,
    story: int | None = None,
) -> int | None:
    """Start a job from a posted form (checkboxes ``include_boilerplate``, ``retranslate``);
    None when there is no jobs service and the work was done in this request instead."""
    try:
        from workbench.services import jobs
    except ImportError:
        _translate_now(form, target, version_ids, story)
        return None
    return jobs.start_job(
        settings(),
        target,
        version_ids=version_ids,
        story=story,
        include_boilerplate=form.get("include_boilerplate") == "1",
        retranslate=form.get("retranslate") == "1",
    )


def _translate_now(
    form: MultiDict[str, str], target: str, version_ids: list[int] | None, story: int | None
) -> None:
    """The minimal in-process runner: translate in this request and flash the summary."""
    from workbench.errors import InputError
    from workbench.services.browse import list_articles
    from workbench.web import backend

    if form.get("retranslate") == "1":
        raise InputError(N_("retranslating needs the translation jobs service"))
    if story is not None:
        found = [a for a in list_articles(settings()) if a["id"] == story]
        version_ids = [v["id"] for a in found for v in a["versions"]]
    total: dict[str, Any] = {}
    for version_id in version_ids or []:  # the one-version rule: no model is an error
        for key, value in backend.translate_version(settings(), version_id, target).items():
            if isinstance(value, int) and not isinstance(value, bool):
                total[key] = total.get(key, 0) + value
    flash(_("Translated into %(lang)s.", lang=target) + " " + summary(total), "ok")


def summary(report: dict) -> str:
    """A job report in the interface language: \"by the model: 12, from the cache: 3\"."""
    labels = {
        "translated": _("by the model"),
        "cached": _("from the cache"),
        "skipped_same_lang": _("already in the target language"),
        "skipped_existing": _("already translated"),
        "retranslated": _("retranslated with the installed model"),
        "failed": _("no model"),
    }
    counts = ", ".join(f"{label}: {report[k]}" for k, label in labels.items() if report.get(k))
    failed = "; ".join(f"{k}: {v}" for k, v in (report.get("failed_pairs") or {}).items())
    return counts + (f" ({failed})" if failed else "")


def requested_job() -> int | None:
    """The id of ``?job=`` (the no-JavaScript redirect), read as every query integer
    (``int_field``: ASCII digits, else a 422; ``str.isdigit`` let ``?job=١`` show job 1).

    A view calls it before computing its data, so the JSON twin refuses what the
    page refuses (round 35: it was read in the page's extras only, the twin ignored it).
    """
    return int_field(request.args, "job", required=False) or None


def job_of_request(job_id: int | None) -> dict[str, Any] | None:
    """The job ``job_id`` (from ``requested_job``) for the page's box, or None: a job
    that is gone is no box (the link may be old)."""
    if not job_id:
        return None
    from workbench.services import jobs

    try:
        job = jobs.job_progress(settings(), job_id)
    except WorkbenchError:
        return None
    job["summary"] = summary(job.get("report") or {})
    return localized_job(job)


def localized_job(job: dict[str, Any]) -> dict[str, Any]:
    """``job`` with its error in the UI language: a job that failed because no model
    covers its pairs (the one failure a user fixes) is explained again, translated,
    and so is a job whose process was gone (``job_status.stop_orphan``)."""
    report = job.get("report") or {}
    failed = report.get("failed_pairs") or {}
    if job.get("status") == "failed" and report.get("silent"):  # its heartbeat fell silent
        from workbench.services.job_status import SILENT

        job["error"] = _(SILENT, owner=report["stopped"], seconds=report["silent"])
    elif job.get("status") == "failed" and report.get("stopped"):  # its process is gone
        from workbench.services.job_status import STOPPED

        job["error"] = _(STOPPED, owner=report["stopped"])  # marked where it is made
    elif job.get("status") == "failed" and failed and job.get("target"):
        from workbench.services.translate import no_route_error

        sources = [str(pair).split("→")[0] for pair in failed]
        job["error"] = localized(no_route_error(settings(), job["target"], sources))
    return job


def jobs_by_article(job_id: int | None) -> dict[int, dict[str, Any]]:
    """The job of ``?job=`` keyed by its story (article), for the article list."""
    job = job_of_request(job_id)
    story = (job or {}).get("params", {}).get("story")
    return {int(story): job} if job and story is not None else {}


@bp.post("/articles/<int:article_id>/translate")
def translate_story(article_id: int) -> BaseResponse:
    """Translate every version of a story (article) into the chosen language."""
    target = str_field(request.form, "target")
    try:
        job_id = start_form_job(request.form, target, story=article_id)
    except WorkbenchError as exc:
        flash(localized(exc), "error")
        return redirect(_back() or url_for("articles.index"))
    back = _back()
    if job_id is None:  # done in this request (no jobs service)
        return redirect(back or url_for("articles.index", _anchor=f"article-{article_id}"))
    if back:  # the story desk the form was on
        return redirect(f"{back}{'&' if '?' in back else '?'}job={job_id}")
    return redirect(url_for("articles.index", job=job_id, _anchor=f"article-{article_id}"))


def _back() -> str | None:
    """The page to return to (a local path only: never an open redirect)."""
    raw = request.form.get("next") or ""
    return raw if raw.startswith("/") and not raw.startswith("//") and "\\" not in raw else None
