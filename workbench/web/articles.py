"""Articles with their versions by outlet, language and capture time (the home page)."""

from __future__ import annotations

from flask import Blueprint, request
from flask.wrappers import Response
from flask_wtf.csrf import generate_csrf

from workbench.services.alignments import list_alignments
from workbench.services.browse import list_versions
from workbench.services.progress import articles_with_progress
from workbench.web.common import ok, settings
from workbench.web.render import View, page
from workbench.web.translate_jobs import jobs_by_article, requested_job

bp = Blueprint("articles", __name__)


@page(bp, "/", api_rule="/api/articles", template="articles.html")
def index() -> View:
    """Every article with its versions and translation ``progress`` (into ``?target=`` or
    each version's default target); the page adds the compare form and stored comparisons."""
    job_id = requested_job()  # checked for both renderings
    return View(
        {"articles": articles_with_progress(settings(), request.args.get("target"))},
        html=lambda: {
            "languages": settings().languages,
            "jobs_by_article": jobs_by_article(job_id),
            "versions": list_versions(settings()),
            "alignments": list_alignments(settings()),
        },
    )


@bp.get("/api/versions")
def api_versions() -> tuple[Response, int]:
    """All versions, oldest capture first."""
    return ok(versions=list_versions(settings()))


@bp.get("/api/csrf")
def api_csrf() -> tuple[Response, int]:
    """A CSRF token for API clients (send it back in the ``X-CSRFToken`` header)."""
    return ok(csrf_token=generate_csrf())
