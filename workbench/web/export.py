"""Export downloads of an alignment (JSON, JSON Lines, TMX) with Content-Disposition.

Streamed (``services.export_stream``): pairs are read in chunks as the body is sent.
"""

from __future__ import annotations

from flask import Blueprint, request, stream_with_context
from flask.wrappers import Response

from workbench.formats import export_format
from workbench.services.export_stream import RowFilter, iter_export
from workbench.services.export_stream import row_filter as row_filter_of
from workbench.web.common import settings
from workbench.web.filters import ROLES, pair_filters

bp = Blueprint("export", __name__)


def row_filter() -> RowFilter | None:
    """The compare view's filters (``role``, ``status``, ``filtered``) when the link
    carries them, else ``None`` (every row, as before round 36).  Unknown values are a
    422: a misspelt status would export nothing, silently."""
    if not any(k in request.args for k in ("role", "status", "filtered")):
        return None
    roles, statuses = pair_filters(ROLES)  # unknown values: a 422
    return row_filter_of(roles, statuses)  # the rule `workbench export --role/--status` uses


def _download(alignment_id: int) -> Response:
    chosen = export_format(request.args.get("format", "json"))
    rows = row_filter()
    body = iter_export(settings(), alignment_id, chosen.name, rows)  # errors raise first
    mimetype, ext = chosen.mimetype, chosen.extension
    response = Response(stream_with_context(body), mimetype=mimetype)
    response.charset = "utf-8"
    part = "-shown" if rows else ""  # the rows shown and every row, both downloaded, keep apart
    response.headers["Content-Disposition"] = (
        f'attachment; filename="alignment-{alignment_id}{part}.{ext}"'
    )
    return response


@bp.get("/alignments/<int:alignment_id>/export")
def download(alignment_id: int) -> Response:
    """``?format=json|jsonl|tmx`` as a file download; ``?role=&status=`` (the compare
    view's filters) export only the rows they keep."""
    return _download(alignment_id)


@bp.get("/api/alignments/<int:alignment_id>/export")
def api_download(alignment_id: int) -> Response:
    """JSON twin path of the download (the body is the export itself)."""
    return _download(alignment_id)
