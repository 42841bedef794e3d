"""Export downloads of an alignment (JSON, JSON Lines, TMX) with Content-Disposition.

Streamed (``services.export_stream``): pairs are read in chunks as the body is sent.
"""

from __future__ import annotations

from flask import Blueprint, request, stream_with_context
from flask.wrappers import Response

from workbench.formats import export_format
from workbench.services.export_stream import iter_export
from workbench.web.common import settings

bp = Blueprint("export", __name__)


def _download(alignment_id: int) -> Response:
    chosen = export_format(request.args.get("format", "json"))
    body = iter_export(settings(), alignment_id, chosen.name)  # errors raise before streaming
    mimetype, ext = chosen.mimetype, chosen.extension
    response = Response(stream_with_context(body), mimetype=mimetype)
    response.charset = "utf-8"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="alignment-{alignment_id}.{ext}"'
    )
    return response


@bp.get("/alignments/<int:alignment_id>/export")
def download(alignment_id: int) -> Response:
    """``?format=json|jsonl|tmx`` as a file download."""
    return _download(alignment_id)


@bp.get("/api/alignments/<int:alignment_id>/export")
def api_download(alignment_id: int) -> Response:
    """JSON twin path of the download (the body is the export itself)."""
    return _download(alignment_id)
