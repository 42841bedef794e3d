"""Where a machine translation came from, in one place: engine, model, version, date, demo.

Why here: the version page, the JSON twins, the XLIFF/TMX notes and the CLI
all show the same provenance, and generated demo models must be recognisable
everywhere.  A demo package's version carries ``DEMO_SUFFIX`` (see
``workbench.testing.argos_models.DEMO_VERSION``), and that version is stored in
every translation row it made, so the mark survives installing a real model.
``DEMO_SUFFIX`` and ``is_demo_version`` live in ``core.labels`` (the package builder
stamps the mark and sits below the services); they are re-exported here.
"""

from __future__ import annotations

from typing import Any

from workbench.core import labels
from workbench.core.labels import DEMO_SUFFIX, is_demo_version

__all__ = ["DEMO_SUFFIX", "describe", "is_demo_version", "provenance"]


def provenance(row: dict[str, Any]) -> dict[str, Any] | None:
    """``{engine, model_id, model_version, created_at, demo}`` of a machine row, else None.

    Rows typed by a person (``engine="human"``) and copies of text already in the
    target language (``identity``) have no MT provenance.
    """
    if row.get("engine") in ("human", "identity") or not row.get("mt_text"):
        return None
    return {
        "engine": row.get("engine") or _engine_of(row.get("model_id") or ""),
        "model_id": row.get("model_id") or "",
        "model_version": row.get("model_version") or "",
        "created_at": row.get("created_at"),
        "demo": is_demo_version(row.get("model_version")),
    }


def _engine_of(model_id: str) -> str:
    """The engine named by a stored model label (``argos:en_de`` -> ``argos``)."""
    steps = labels.parse_route(model_id)
    return steps[-1].engine if steps else ""


def describe(row: dict[str, Any]) -> str:
    """One line for notes and logs: ``argos argos:en_de 1.9, 2026-03-02T13:15:00Z``."""
    info = provenance(row) or {}
    demo = " (DEMO model, not a real translation)" if info.get("demo") else ""
    model = f"{info.get('model_id') or '?'} {info.get('model_version') or '?'}"
    parts = f"{info.get('engine', '?')} {model}"
    when = info.get("created_at") or ""
    return (f"{parts}, {when}" if when else parts) + demo
