"""The write-side use cases the UI calls, imported lazily from ``workbench.services``.

Lazy imports keep the web app importable (and its read pages working) while an
area's service module is missing, and keep app start-up light: the MT engine
is only imported when someone asks for a translation.
"""

from __future__ import annotations

from typing import Any

from workbench.config import Settings
from workbench.errors import InputError, LanguagePairError
from workbench.web.common import to_jsonable


def ingest(
    settings: Settings,
    data: bytes,
    *,
    filename: str,
    outlet: str,
    article: str | None = None,
    url: str | None = None,
    captured_at: str | None = None,
) -> dict[str, Any]:
    """Ingest uploaded bytes (``services.ingest.ingest_bytes``, which parses ``captured_at``)."""
    from workbench.services.ingest import ingest_bytes

    result = ingest_bytes(
        settings,
        data,
        filename=filename,
        outlet=outlet,
        article=article,
        url=url,
        captured_at=captured_at or None,
    )
    return to_jsonable(result)


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


def compare(
    settings: Settings, left_id: int, right_id: int, roles: tuple[str, ...] | None = None
) -> dict[str, Any]:
    """Align two versions and store the alignment; ``roles=None`` keeps the service default."""
    from workbench.services.compare import DEFAULT_ROLES, compare_versions

    result = compare_versions(settings, left_id, right_id, roles=roles or DEFAULT_ROLES)
    return to_jsonable(result)


def export(settings: Settings, alignment_id: int, fmt: str) -> str:
    """An alignment exported as json, jsonl or tmx text."""
    from workbench.services.export import export_alignment

    return export_alignment(settings, alignment_id, fmt)
