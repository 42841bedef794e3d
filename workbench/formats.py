"""The file formats: ONE registry for what can be ingested and what can be exported.

Why one light module: the CLI's ``--format`` choices, the web's export routes
(mimetype, file extension), the ingest folder walk and the decoder all read
these tables, and the CLI must stay quick to start, so nothing heavy is
imported here.  An export renderer is named as ``"module:function"`` and
imported on first use.

Adding an export format: write its renderer (a function from an alignment
detail dict to text) and add one ``ExportFormat`` line below; the CLI, the web
download and docs/cli.md pick it up.  Adding an ingest format: one
``IngestFormat`` line plus its decoder in ``adapters/decode.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from workbench.errors import N_, InputError


@dataclass(frozen=True)
class IngestFormat:
    """A format pages arrive in, and the file suffixes that mean it."""

    name: str
    suffixes: tuple[str, ...]
    description: str


INGEST_FORMATS: tuple[IngestFormat, ...] = (
    IngestFormat("txt", (".txt", ".text", ".md"), "plain text in any common encoding"),
    IngestFormat("html", (".html", ".htm", ".xhtml"), "a captured web page"),
    IngestFormat("json", (".json",), "an object with 'text' or 'html' and capture metadata"),
)
INGEST_FORMAT_NAMES: tuple[str, ...] = tuple(f.name for f in INGEST_FORMATS)
SUFFIX_TO_FORMAT: dict[str, str] = {s: f.name for f in INGEST_FORMATS for s in f.suffixes}
INGESTIBLE_SUFFIXES: tuple[str, ...] = tuple(SUFFIX_TO_FORMAT)


@dataclass(frozen=True)
class ExportFormat:
    """A way to write out a stored alignment: its renderer, mimetype and file extension."""

    name: str
    renderer: str  # "module:function", imported on first use
    mimetype: str
    extension: str
    description: str

    def render(self, detail: dict[str, Any]) -> str:
        """The alignment ``detail`` (``services.alignments.alignment_detail``) as text."""
        module, _, function = self.renderer.partition(":")
        render: Callable[[dict[str, Any]], str] = getattr(import_module(module), function)
        return render(detail)


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "json",
            "workbench.services.export:to_json",
            "application/json",
            "json",
            "one JSON document (workbench/schemas/export.schema.json)",
        ),
        ExportFormat(
            "jsonl",
            "workbench.services.export:to_jsonl",
            "application/x-ndjson",
            "jsonl",
            "JSON Lines: a header line, then one pair per line",
        ),
        ExportFormat(
            "tmx",
            "workbench.services.export:to_tmx",
            "application/x-tmx+xml",
            "tmx",
            "TMX 1.4 translation units (pairs with text on both sides)",
        ),
    )  # fmt: skip
}
EXPORT_FORMAT_NAMES: tuple[str, ...] = tuple(EXPORT_FORMATS)


def export_format(name: str | None) -> ExportFormat:
    """The registered export format ``name``, or a clear ``InputError``."""
    key = (name or "").strip().lower()
    if key not in EXPORT_FORMATS:
        raise InputError(
            N_("unknown export format %(name)r; choose one of %(EXPORT_FORMAT_NAMES)s"),
            name=name,
            EXPORT_FORMAT_NAMES=", ".join(EXPORT_FORMAT_NAMES),
        )
    return EXPORT_FORMATS[key]
