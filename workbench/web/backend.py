"""Translating one version from the UI, on top of ``services.translate``.

Every other use case is called straight from the blueprints; this one adds a
rule of its own: the bulk service reports a language pair without a model and
carries on, but for the one version a translator asked for that is the answer
(a 422).  The import is lazy so the MT engine loads only when someone asks.
"""

from __future__ import annotations

from typing import Any

from workbench.config import Settings
from workbench.errors import InputError, LanguagePairError
from workbench.web.common import to_jsonable


def translate_version(settings: Settings, version_id: int, target: str) -> dict[str, Any]:
    """Machine-translate one version's segments into ``target``."""
    if target not in settings.languages:
        raise InputError(
            f"unknown target language {target!r}; expected one of {', '.join(settings.languages)}"
        )
    from workbench.services.translate import translate_versions

    report = to_jsonable(translate_versions(settings, target, version_ids=[version_id]))
    done = sum(int(report.get(k) or 0) for k in ("translated", "cached", "skipped_same_lang"))
    if report.get("failed") and not done:
        # The bulk service reports per-pair failures; for one version it is the answer.
        reasons = "; ".join(f"{k}: {v}" for k, v in (report.get("failed_pairs") or {}).items())
        raise LanguagePairError(reasons or f"no translation model into {target!r}")
    return report
