"""QA report page of a version (and its JSON twin)."""

from __future__ import annotations

from flask import Blueprint, request

from workbench.services.browse import version_detail
from workbench.services.qa import version_report
from workbench.web.common import settings
from workbench.web.render import View
from workbench.web.render import page as page_route

bp = Blueprint("qa", __name__)


def _target(version_id: int) -> str:
    asked = request.args.get("target")
    if asked:
        return str(asked)
    own = version_detail(settings(), version_id, "").get("language")
    return next((lang for lang in settings().languages if lang != own), "en")


@page_route(bp, "/versions/<int:version_id>/qa", template="qa.html")
def page(version_id: int) -> View:
    """Every checked segment with its warnings (``?target=de``); ``clean`` is false
    when any warning exists, ``approved_with_warnings`` lists approved ones."""
    report = version_report(settings(), version_id, _target(version_id))
    return View({"report": report}, html=lambda: {"languages": settings().languages})
