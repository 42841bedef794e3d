"""The version page's CAT additions: QA warnings, glossary terms (and TM matches).

Why a template global instead of more arguments to the version view: the editor
page belongs to another area; its template only includes our partials, which ask
``cat_for(version, target)`` for their data.  The result is computed once per
request (kept on ``flask.g``) and is JSON-ready, like every page's data.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, g

from workbench.core.terms import term_hits
from workbench.services.propagate import repeat_counts
from workbench.services.qa import TermCache, segment_warnings
from workbench.services.tm import matches_for_segments
from workbench.web.common import settings


def _terms_json(text: str, terms: list, lang: str | None) -> list[dict[str, Any]]:
    return [
        {
            "start": h.start,
            "end": h.end,
            "source": h.term.source,
            "target": h.term.target,
            "forbidden": h.term.forbidden,
            "note": h.term.note,
        }
        for h in term_hits(text, terms, lang)
    ]


def cat_data(version: dict[str, Any], target: str) -> dict[int, dict[str, Any]]:
    """Per segment id: ``qa`` warnings, glossary ``terms`` in its source, ``tm`` matches."""
    terms = TermCache(settings(), target)
    memory = matches_for_segments(settings(), version["segments"], target)
    repeated = repeat_counts(settings(), version["id"])
    out: dict[int, dict[str, Any]] = {}
    for seg in version["segments"]:
        if seg.get("lang") == target:
            continue
        glossary = terms.get(seg.get("lang"))
        has_translation = target in seg["translations"]
        warnings = segment_warnings(seg, target, glossary) if has_translation else None
        out[seg["id"]] = {
            "qa": warnings or [],
            "terms": _terms_json(seg["text"], glossary, seg.get("lang")),
            "tm": memory.get(seg["id"], []),
            "repeats": repeated.get(seg["id"], 0),
        }
    return out


def cat_for(version: dict[str, Any], target: str) -> dict[int, dict[str, Any]]:
    """``cat_data`` memoised for the current request."""
    cache = g.setdefault("cat_cache", {})
    key = (version["id"], target)
    if key not in cache:
        cache[key] = cat_data(version, target)
    return cache[key]


def init_app(app: Flask) -> None:
    """Make ``cat_for`` available to templates."""
    app.add_template_global(cat_for, "cat_for")
