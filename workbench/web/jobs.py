"""JSON endpoints of background translation jobs (``services.jobs``); the UI polls them.

* ``POST /api/jobs`` — start: ``{"target": "de", "version_ids": [1, 2] | "story": 3 |
  "all": true, "include_boilerplate": true, "retranslate": false}`` → 202 with the job's
  progress.  Every stored version only with ``"all": true`` (round 32), as the CLI's
  ``translate --all``: a request naming nothing (or a misspelt field) is a 422.
* ``GET /api/jobs`` — recent jobs: translation jobs (``jobs``) and background
  comparisons (``compare_jobs``, each followed at ``/api/compare-jobs/<id>``);
  ``GET /api/jobs/<id>`` — one translation job's progress.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask.wrappers import Response

from workbench.errors import N_, InputError
from workbench.services import jobs
from workbench.web.common import bool_field, json_body, ok, settings, str_field

bp = Blueprint("jobs", __name__)


def _ids(data: dict[str, Any]) -> list[int] | None:
    raw = data.get("version_ids")
    if raw is None:
        return None
    if not isinstance(raw, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in raw
    ):
        raise InputError(N_("field 'version_ids' must be a list of integers"))
    return raw


@bp.post("/api/jobs")
def api_start() -> tuple[Response, int]:
    """Start a translation job; answers at once with its id and progress (202)."""
    data = json_body()
    story = data.get("story")
    if story is not None and (not isinstance(story, int) or isinstance(story, bool)):
        raise InputError(N_("field 'story' must be an integer"))
    ids = _ids(data)
    if bool_field(data, "all", False) == (ids is not None or story is not None):
        raise InputError(N_("choose what to translate: 'version_ids', 'story' or 'all': true"))
    job_id = jobs.start_job(
        settings(),
        str_field(data, "target"),
        version_ids=ids,
        story=story,
        include_boilerplate=bool_field(data, "include_boilerplate", True),
        retranslate=bool_field(data, "retranslate", False),
    )
    return ok(202, job=jobs.job_progress(settings(), job_id))


@bp.get("/api/jobs")
def api_list() -> tuple[Response, int]:
    """The newest jobs of each kind (``workbench jobs --json`` prints the same lists)."""
    return ok(**jobs.all_jobs(settings()))


@bp.get("/api/jobs/<int:job_id>")
def api_progress(job_id: int) -> tuple[Response, int]:
    """One job's progress: status, segments done/total, queue blocks by status."""
    from workbench.web.translate_jobs import localized_job

    return ok(job=localized_job(jobs.job_progress(settings(), job_id)))
