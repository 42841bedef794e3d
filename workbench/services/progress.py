"""How far the translation of a version (or an article, a story) into one language got.

Why a service: the version page, the article list, their JSON twins and the
story desk all show the same counts, so they are computed in one place with
one grouped query (no per-segment round trips on big corpora).

Each content segment is in exactly one state for a target language:
``approved``, ``draft``, ``machine`` (a model's output nobody edited),
``same_language`` (already in the target language: nothing to do) or
``untranslated``.  Boilerplate roles are left out unless asked, as in the
deliverables.  ``done`` = approved + same_language; ``percent_approved`` and
``percent_translated`` are over the segments that need work.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, func
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.services.deliverables import BOILERPLATE_ROLES
from workbench.services.validation import checks_ids
from workbench.store.db import get_engine
from workbench.store.models import Segment, Translation

STATES: tuple[str, ...] = ("approved", "draft", "machine", "untranslated", "same_language")


def state_of(segment_lang: str | None, target: str, row: dict[str, Any] | None) -> str:
    """The state of one segment for ``target`` given its translation row (as a dict)."""
    if row is None:
        return "same_language" if segment_lang == target else "untranslated"
    if row.get("engine") == "identity":
        return "same_language"
    return str(row.get("status") or "machine")


def summarise(counts: dict[str, int]) -> dict[str, Any]:
    """Counts of every state plus totals and percentages (JSON-ready)."""
    full = {state: int(counts.get(state, 0)) for state in STATES}
    total = sum(full.values())
    work = total - full["same_language"]
    translated = full["approved"] + full["draft"] + full["machine"]
    return {
        **full,
        "total": total,
        "to_translate": work,
        "translated": translated,
        "percent_translated": round(100 * translated / work, 1) if work else 100.0,
        "percent_approved": round(100 * full["approved"] / work, 1) if work else 100.0,
    }


def add(parts: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The summary of several summaries (an article from its versions)."""
    counts: dict[str, int] = defaultdict(int)
    for part in parts:
        for state in STATES:
            counts[state] += int(part.get(state, 0))
    return summarise(counts)


def _rows(
    session: Session, version_ids: list[int], target: str
) -> Iterable[tuple[int, str, str | None, str | None, str | None, int]]:
    stmt = (
        select(
            Segment.version_id,
            Segment.role,
            Segment.lang,
            Translation.status,
            Translation.engine,
            func.count(col(Segment.id)),
        )
        .outerjoin(
            Translation,
            and_(col(Translation.segment_id) == col(Segment.id), Translation.target_lang == target),
        )
        .where(col(Segment.version_id).in_(version_ids))
        .group_by(
            Segment.version_id, Segment.role, Segment.lang, Translation.status, Translation.engine
        )
    )
    return session.exec(stmt).all()  # type: ignore[return-value]


def version_progress(
    settings: Settings,
    targets: dict[int, str],
    *,
    include_boilerplate: bool = False,
) -> dict[int, dict[str, Any]]:
    """Summaries for several versions at once: ``{version_id: summary}``.

    ``targets`` maps each version id to the language its progress is measured in.
    """
    by_target: dict[str, list[int]] = defaultdict(list)
    for version_id, target in targets.items():
        by_target[target].append(version_id)
    counts: dict[int, dict[str, int]] = {v: defaultdict(int) for v in targets}
    with Session(get_engine(settings.database_url)) as session:
        for target, ids in by_target.items():
            for i in range(0, len(ids), 500):
                for version_id, role, lang, status, engine, n in _rows(
                    session, ids[i : i + 500], target
                ):
                    if not include_boilerplate and role in BOILERPLATE_ROLES:
                        continue
                    row = None if status is None else {"status": status, "engine": engine}
                    counts[version_id][state_of(lang, target, row)] += n
    return {v: {"target": targets[v], **summarise(c)} for v, c in counts.items()}


def segments_progress(
    segments: list[dict[str, Any]], target: str, *, include_boilerplate: bool = False
) -> dict[str, Any]:
    """The summary of already loaded segments (``browse.version_detail`` rows)."""
    counts: dict[str, int] = defaultdict(int)
    for seg in segments:
        if include_boilerplate or seg["role"] not in BOILERPLATE_ROLES:
            counts[state_of(seg.get("lang"), target, seg["translations"].get(target))] += 1
    return {"target": target, **summarise(counts)}


def default_target(languages: tuple[str, ...], own: str | None) -> str:
    """The language a version is measured in when none is asked: the first configured
    language that is not the version's own (English for a German page, German for English)."""
    return next((lang for lang in languages if lang != own), languages[0] if languages else "en")


def articles_with_progress(settings: Settings, target: str | None = None) -> list[dict[str, Any]]:
    """``browse.list_articles`` with each version's and article's ``progress``.

    Each version is measured into ``target`` when it is a configured language,
    else into its ``default_target``.
    """
    from workbench.services.browse import list_articles
    from workbench.services.languages import check_target

    target = check_target(settings, target or None)  # a typo is an error, not the defaults
    articles = list_articles(settings)
    langs = settings.languages
    targets = {
        v["id"]: target if target in langs else default_target(langs, v["language"])
        for a in articles
        for v in a["versions"]
    }
    progress = version_progress(settings, targets) if targets else {}
    for article in articles:
        for v in article["versions"]:
            v["progress"] = progress[v["id"]]
        article["progress"] = add(v["progress"] for v in article["versions"])
    return articles


@checks_ids
def version_with_progress(
    settings: Settings, version_id: int, target: str | None = None
) -> dict[str, Any]:
    """``browse.version_detail`` plus ``progress`` (into ``target`` or the default) and,
    when ``target`` is given, each segment's ``state``."""
    from workbench.services.browse import version_detail
    from workbench.services.languages import check_target

    # ?target=xx used to keep no translation at all: the page then showed every
    # segment as untranslated (and its twin an empty list) instead of an error
    target = check_target(settings, target or None)
    version = version_detail(settings, version_id, target)
    measured = target or default_target(settings.languages, version.get("language"))
    version["progress"] = segments_progress(version["segments"], measured)
    if target is not None:
        for seg in version["segments"]:
            seg["state"] = state_of(seg.get("lang"), target, seg["translations"].get(target))
    return version


def story_progress(
    settings: Settings, versions: list[dict[str, Any]], target: str | None = None
) -> dict[str, Any]:
    """A story's progress: one summary per version (into ``target`` or each version's
    default) and their ``total`` (the story desk and its JSON twin)."""
    from workbench.services.languages import check_target

    target = check_target(settings, target or None)
    langs = settings.languages
    targets = {
        v["id"]: target if target in langs else default_target(langs, v.get("language"))
        for v in versions
    }
    per = version_progress(settings, targets) if targets else {}
    return {
        "versions": [{"version_id": vid, **summary} for vid, summary in per.items()],
        "total": add(per.values()),
    }
