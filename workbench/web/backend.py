"""Translating one version from the UI: a thin call into ``services.translate``.

The rule (an unknown target is bad input; a version nothing of which could be
translated for lack of a model is a 422 naming the model to install) lives in
``services.translate.translate_version``, so the web and any other entrance
cannot drift.  The import is lazy so the MT engine loads only when asked.
"""

from __future__ import annotations

from typing import Any

from workbench.config import Settings
from workbench.web.common import to_jsonable


def translate_version(settings: Settings, version_id: int, target: str) -> dict[str, Any]:
    """Machine-translate one version's segments into ``target``; the report, JSON-ready."""
    from workbench.services.translate import translate_version as translate_one

    return to_jsonable(translate_one(settings, version_id, target))
