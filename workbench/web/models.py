"""The installed translation models, with their licence and README (page + ``/api/models``).

Why a page: packages credit their training data and set terms (CC-BY needs
attribution); a translator publishing MT output must be able to see them.
"""

from __future__ import annotations

from flask import Blueprint

from workbench.services import models
from workbench.web.common import settings
from workbench.web.render import View, page

bp = Blueprint("models", __name__)


@page(bp, "/models", template="models.html")
def index() -> View:
    """Every installed package (broken folders flagged) with licence and README."""
    return View({"models": [p.to_json() for p in models.installed(settings())]})
