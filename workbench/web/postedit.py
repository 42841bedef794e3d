"""Post-editing API: save a translation as draft or approved, with revision checks."""

from __future__ import annotations

from flask import Blueprint
from flask.wrappers import Response

from workbench.services.postedit import save_translation
from workbench.services.propagate import propagate
from workbench.services.qa import qa_for_segment
from workbench.web.auth_context import current_actor
from workbench.web.common import bool_field, int_field, json_body, ok, settings, str_field

bp = Blueprint("postedit", __name__)


@bp.post("/api/translations/<int:segment_id>/<lang>")
def api_save(segment_id: int, lang: str) -> tuple[Response, int]:
    """Body ``{"text": ..., "base_revision": N, "status": "draft"|"approved"}``.

    A stale ``base_revision`` answers 409 with the server's current translation
    under ``current`` so the editor can show it; nothing is overwritten.
    """
    data = json_body()
    wants_propagation = bool_field(data, "propagate", True)  # checked before anything is saved
    saved = save_translation(
        settings(),
        segment_id,
        lang,
        str_field(data, "text"),
        base_revision=int_field(data, "base_revision"),
        status=str_field(data, "status", required=False, default="draft"),
        actor=current_actor(),
    )
    propagated = None
    if saved["status"] == "approved" and wants_propagation:
        propagated = propagate(settings(), segment_id, lang, actor=current_actor())
    return ok(
        translation=saved,
        qa=qa_for_segment(settings(), segment_id, lang),
        propagated=propagated,
    )
