"""QA between sources and translations: one segment (on save) or a version's report.

Why a report and not a gate: the checks are heuristics (a number spelled out,
a name translated on purpose), so warnings never block a save; the report lists
them, and singles out approved segments that still carry warnings, which is what
a reviewer signs off on.  Segments already in the target language are skipped;
content segments (headline, body, other) without any translation count as empty.
"""

from __future__ import annotations

from typing import Any

from workbench.config import Settings
from workbench.core.qa import check_translation
from workbench.core.terms import Term
from workbench.services.browse import version_detail
from workbench.services.glossary import terms_for
from workbench.services.languages import require_target
from workbench.services.validation import checks_ids

BOILERPLATE = frozenset({"appeal", "link_residue", "comment_form"})


def segment_warnings(
    segment: dict[str, Any], target_lang: str, terms: list[Term]
) -> list[dict[str, Any]] | None:
    """Warnings of one segment dict (``version_detail`` shape); ``None`` when not checked."""
    if segment.get("lang") == target_lang:
        return None
    tr = segment["translations"].get(target_lang)
    if tr is None and segment["role"] in BOILERPLATE:
        return None
    warnings = check_translation(
        segment["text"],
        tr["text"] if tr else "",
        source_lang=segment.get("lang"),
        target_lang=target_lang,
        mt_text=(tr or {}).get("mt_text") or None,
        terms=terms,
    )
    return [w.as_dict() for w in warnings]


class TermCache:
    """Glossary terms per source language, read once per report."""

    def __init__(self, settings: Settings, target_lang: str) -> None:
        self.settings, self.target_lang = settings, target_lang
        self._terms: dict[str | None, list[Term]] = {}

    def get(self, source_lang: str | None) -> list[Term]:
        if source_lang not in self._terms:
            self._terms[source_lang] = terms_for(self.settings, source_lang, self.target_lang)
        return self._terms[source_lang]


@checks_ids
def version_report(settings: Settings, version_id: int, target_lang: str) -> dict[str, Any]:
    """Every checked segment of a version with its warnings, plus totals.

    ``approved_with_warnings`` lists the ids of approved segments with open
    warnings; ``clean`` is true when no segment has any warning.
    """
    require_target(settings, target_lang)  # blank or unknown: one message
    version = version_detail(settings, version_id, target_lang)
    terms = TermCache(settings, target_lang)
    rows: list[dict[str, Any]] = []
    warnings_all: list[Any] = []
    for seg in version["segments"]:
        found = segment_warnings(seg, target_lang, terms.get(seg.get("lang")))
        if found is None:
            continue
        tr = seg["translations"].get(target_lang)
        rows.append(
            {
                "segment_id": seg["id"],
                "position": seg["position"],
                "role": seg["role"],
                "source": seg["text"],
                "source_lang": seg.get("lang"),
                "translation": tr["text"] if tr else "",
                "status": tr["status"] if tr else "untranslated",
                "warnings": found,
            }
        )
        warnings_all.extend(found)
    counts: dict[str, int] = {}
    for w in warnings_all:
        counts[w["check"]] = counts.get(w["check"], 0) + 1
    return {
        "version_id": version_id,
        "title": version["title"] or version["article_title"],
        "source_lang": version["language"],
        "target_lang": target_lang,
        "checked": len(rows),
        "with_warnings": sum(1 for r in rows if r["warnings"]),
        "warnings": len(warnings_all),
        "counts": counts,
        "approved_with_warnings": [
            r["segment_id"] for r in rows if r["status"] == "approved" and r["warnings"]
        ],
        "clean": not warnings_all,
        "segments": rows,
    }


def warnings_for_text(
    settings: Settings,
    source: str,
    translation: str,
    *,
    source_lang: str | None,
    target_lang: str,
    mt_text: str | None = None,
) -> list[dict[str, Any]]:
    """The checks of one saved translation (the editor shows them after a save)."""
    warnings = check_translation(
        source,
        translation,
        source_lang=source_lang,
        target_lang=target_lang,
        mt_text=mt_text,
        terms=terms_for(settings, source_lang, target_lang),
    )
    return [w.as_dict() for w in warnings]


@checks_ids
def qa_for_segment(settings: Settings, segment_id: int, target_lang: str) -> list[dict[str, Any]]:
    """The warnings of one segment's current translation (shown after each save)."""
    from sqlmodel import Session, select

    from workbench.store.db import get_engine
    from workbench.store.models import Segment, Translation

    with Session(get_engine(settings.database_url)) as session:
        segment = session.get(Segment, segment_id)
        row = session.exec(
            select(Translation).where(
                Translation.segment_id == segment_id, Translation.target_lang == target_lang
            )
        ).first()
        if segment is None or row is None:
            return []
        source, lang, text, mt = segment.text, segment.lang, row.text, row.mt_text
    return warnings_for_text(
        settings, source, text, source_lang=lang, target_lang=target_lang, mt_text=mt or None
    )
