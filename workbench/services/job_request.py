"""A translation job's request: what to translate, checked before the job is stored.

Why its own module: the web, the CLI and the queue's workers build, check and
replay the same request (``JobRequest.from_job`` reads a stored one again,
``run_request`` runs it), while starting, running and reporting jobs are
``services.jobs`` and ``services.job_status``.  The ``JobRequest`` record itself lives in
``adapters.job_request`` (the queue adapter reads it too; round 40, layers40).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from workbench.adapters.job_request import CONTENT_ROLES, JobRequest  # noqa: F401  (re-exported)
from workbench.adapters.mt.packages import check_code
from workbench.config import Settings
from workbench.errors import N_, InputError, NotFoundError
from workbench.services.bulk import Progress, TranslateReport
from workbench.services.validation import check_id, checks_ids
from workbench.store.db import get_engine
from workbench.store.models import Article, Version


@checks_ids
def run_request(
    settings: Settings,
    request: JobRequest,
    progress: Progress | None = None,
    id_range: tuple[int, int] | None = None,
) -> TranslateReport:
    """Translate what ``request`` asks for (``id_range``: one queue block of it).

    The one call of the bulk service for jobs: the in-process worker and
    the queue's ``translate_block`` both run a stored request through it.
    """
    from workbench.services.translate import translate_versions

    return translate_versions(
        settings,
        request.target,
        request.version_ids,
        roles=request.roles,
        retranslate=request.retranslate,
        id_range=id_range,
        progress=progress,
    )


def job_engine(settings: Settings) -> Any:
    """The database engine, the schema created/upgraded on first use (``store.migrate``)."""
    from workbench.store.migrate import ensure_database  # alembic: loaded on first use only

    ensure_database(settings.database_url)
    return get_engine(settings.database_url)


def resolve(session: Session, settings: Settings, request: JobRequest) -> JobRequest:
    """Check the request; a story becomes its version ids."""
    target = check_code(request.target)
    if target not in settings.languages:
        raise InputError(
            N_("unknown target language %(target)r; expected one of %(languages)s"),
            target=target,
            languages=", ".join(settings.languages),
        )
    ids = request.version_ids
    if request.story is not None:
        # an id the column cannot hold is refused here, not by the driver (an overflow 500)
        check_id(request.story, "story")
        if session.get(Article, int(request.story)) is None:
            raise NotFoundError(N_("no such story: %(story)s"), story=request.story)
        query = select(Version.id).where(Version.article_id == int(request.story))
        story_ids = [int(v) for v in session.execute(query).scalars()]
        if ids and not set(ids) & set(story_ids):
            raise InputError(
                N_("nothing to translate: versions %(versions)s are not in story %(story)s"),
                versions=", ".join(map(str, ids)),
                story=request.story,
            )
        ids = tuple(v for v in (ids or story_ids) if v in set(story_ids))
    elif ids is not None:
        if not ids:  # round 33: [] named nothing; "the story has no versions" named no story
            raise InputError(
                N_("nothing to translate: 'version_ids' is empty; name at least one version")
            )
        ids = tuple(dict.fromkeys(int(v) for v in ids))
        found = set(session.execute(select(Version.id).where(Version.id.in_(ids))).scalars())  # type: ignore[union-attr]
        missing = [str(v) for v in ids if v not in found]
        if missing:  # the first ten: a list of 100,000 wrong ids made a 600 kB message
            more = f", … (+{len(missing) - 10})" if missing[10:] else ""
            shown = ", ".join(missing[:10]) + more
            raise NotFoundError(N_("no such version: %(versions)s"), versions=shown)
    if ids is not None and not ids:
        raise InputError(N_("nothing to translate: the story has no versions"))
    return JobRequest(target, ids, request.story, request.include_boilerplate, request.retranslate)
