"""Articles with their versions by outlet, language and capture time (the home page)."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.wrappers import Response
from flask_wtf.csrf import generate_csrf

from workbench.services.browse import list_articles, list_versions
from workbench.services.compare import list_alignments
from workbench.web.common import ok, settings

bp = Blueprint("articles", __name__)


@bp.get("/")
def index() -> str:
    """Every article with its versions, plus the compare form and stored comparisons."""
    return render_template(
        "articles.html",
        articles=list_articles(settings()),
        versions=list_versions(settings()),
        alignments=list_alignments(settings()),
    )


@bp.get("/api/articles")
def api_articles() -> tuple[Response, int]:
    """JSON twin of the home page."""
    return ok(articles=list_articles(settings()))


@bp.get("/api/versions")
def api_versions() -> tuple[Response, int]:
    """All versions, oldest capture first."""
    return ok(versions=list_versions(settings()))


@bp.get("/api/csrf")
def api_csrf() -> tuple[Response, int]:
    """A CSRF token for API clients (send it back in the ``X-CSRFToken`` header)."""
    return ok(csrf_token=generate_csrf())
