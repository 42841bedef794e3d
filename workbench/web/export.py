"""Export downloads of an alignment (JSON, JSON Lines, TMX) with Content-Disposition."""

from __future__ import annotations

from flask import Blueprint, request
from flask.wrappers import Response

from workbench.errors import InputError
from workbench.services.export import export_alignment
from workbench.web.common import settings

bp = Blueprint("export", __name__)

FORMATS: dict[str, tuple[str, str]] = {
    "json": ("application/json", "json"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "tmx": ("application/x-tmx+xml", "tmx"),
}


def _download(alignment_id: int) -> Response:
    fmt = request.args.get("format", "json")
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use json, jsonl or tmx")
    body = export_alignment(settings(), alignment_id, fmt)
    mimetype, ext = FORMATS[fmt]
    response = Response(body, mimetype=mimetype)
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
