"""Merge a story into another: the same story filed under two slugs (round 37, web37).

Why: the upload joins the story a capture resembles, or the one its Article field names;
the same wire story ingested under two headlines ends up as two stories, and the only way
to join them was to move their versions one by one.  A merge moves every version of
``source`` into ``into`` in one transaction.  Like a move it changes the versions' story
and nothing else: ids, segments, translations with their revisions and stored comparisons
stay; each version's move is logged (``story_move``, kind ``merge``); the emptied story is
removed.

Nothing is overwritten silently: the caller names the versions it saw in ``source``
(``expected``); when a capture was filed into it or moved out meanwhile, the merge is a
409 naming both lists, and nothing changes.  The update itself is a compare-and-set on
each version's story, and a capture filed into ``source`` between our read and our write
keeps the story (the merge is refused then, too).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, exists, func, update
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, ConflictError, InputError, NotFoundError
from workbench.services.ingest_checks import slugify
from workbench.services.validation import check_name
from workbench.store.db import get_engine, retry_on_conflict, session_scope
from workbench.store.models import Article, Outlet, Version
from workbench.store.story_models import StoryMove

FOLLOW_HOPS = 10  # a story merged into one merged in turn...: followed this far
FIND_SHOWN = 50  # stories the merge form's search lists (the total is said)
FIND_MAX_CHARS = 200  # a search longer than any slug or title is a mistake


def _story(session: Session, slug: str) -> Article:
    article = session.exec(select(Article).where(Article.slug == slug)).first()
    if article is None:
        raise NotFoundError(N_("no article with slug %(slug)r"), slug=slug)
    return article


class TargetMergedError(NotFoundError):
    """A merge's target was itself merged away (round 38, web38): still a not-found (404,
    exit 3), plus ``merged_into`` (the end of the chain) for a program to offer."""

    def __init__(self, message: str, /, **params: str) -> None:
        super().__init__(message, **params)
        self.details = {"merged_into": params["final"]}


def _target(session: Session, settings: Settings, source: str, into: str) -> Article:
    """The merge's target; one merged away is refused naming where it went.

    Why refused, not re-aimed: the journalist chose INTO from a list read when the page
    was shown; the story INTO joined holds other captures too, and a click meant for one
    story must not silently fold this one into another (as webd37 for forms on OLD)."""
    try:
        return _story(session, into)
    except NotFoundError:
        final = merged_into(settings, into)
        if final is None:
            raise
        if final == source:
            raise InputError(N_("story %(into)r was merged into this story, %(slug)r, already; "
                                "nothing was merged"), into=into, slug=source) from None
        raise TargetMergedError(N_("story %(into)r was merged into %(final)r; merge into "
                                   "%(final)r instead; nothing was merged"),
                                into=into, final=final) from None  # fmt: skip


def _ids(session: Session, article_id: int) -> list[int]:
    return sorted(session.exec(  # type: ignore[arg-type]
        select(Version.id).where(Version.article_id == article_id)
    ).all())  # fmt: skip


def _changed(slug: str, now: list[int], saw: list[int]) -> ConflictError:
    return ConflictError(
        N_("story %(slug)r changed meanwhile: it holds versions %(now)s, not %(saw)s; "
           "nothing was merged"),
        slug=slug, now=", ".join(map(str, now)) or "-", saw=", ".join(map(str, saw)) or "-",
    )  # fmt: skip


def _merge_stories_once(
    settings: Settings, source: str, into: str, expected: list[int] | None = None, by: str = ""
) -> dict[str, Any]:
    """Move every version of story ``source`` into story ``into`` and remove ``source``.

    ``expected``: the version ids the caller saw in ``source`` (None: whatever it holds);
    a difference is a 409.  The target keeps its title and wire copy; when it has none,
    the source's wire copy becomes it.  Returns ``from``, ``into``, ``versions`` (the ids
    merged) and ``wire_version_id`` (the target's after the merge)."""
    from_slug, to_slug = slugify(source), slugify(into)
    if not from_slug or not to_slug:
        raise InputError(N_("name the story to merge this one into"))
    if from_slug == to_slug:
        raise InputError(N_("story %(slug)r cannot be merged into itself"), slug=from_slug)
    with session_scope(get_engine(settings.database_url)) as session:
        src = _story(session, from_slug)
        dst = _target(session, settings, from_slug, to_slug)
        assert src.id is not None and dst.id is not None
        ids = _ids(session, src.id)
        if expected is not None and sorted(set(expected)) != ids:
            raise _changed(from_slug, ids, sorted(set(expected)))
        moved = session.exec(  # type: ignore[call-overload]
            update(Version)
            .where(col(Version.article_id) == src.id, col(Version.id).in_(ids))
            .values(article_id=dst.id)
        )  # fmt: skip
        if moved.rowcount != len(ids) or _ids(session, src.id):  # moved or filed meanwhile
            raise _changed(from_slug, _ids(session, src.id), ids)
        if dst.wire_version_id is None and src.wire_version_id in ids:
            dst.wire_version_id = src.wire_version_id
            session.add(dst)
        session.add_all(StoryMove(version_id=vid, from_slug=from_slug, to_slug=to_slug,
                                  kind="merge", by=by, from_title=src.title)
                        for vid in ids)  # fmt: skip
        session.exec(delete(Article).where(  # type: ignore[call-overload]
            col(Article.id) == src.id, ~exists().where(col(Version.article_id) == src.id)))
        wire = dst.wire_version_id
    return {"from": from_slug, "into": to_slug, "versions": ids, "wire_version_id": wire}


def merge_stories(
    settings: Settings, source: str, into: str, expected: list[int] | None = None, by: str = ""
) -> dict[str, Any]:  # fmt: skip
    """``_merge_stories_once`` (it says what a merge does), run again on a conflict with
    the other story (reliab39): a target merged away or emptied, or a new story of the
    same name made, between the read and the write ended in the database's constraint
    ("unexpected IntegrityError"); run again, it ends as if the two writes came one
    after the other."""
    return retry_on_conflict(lambda: _merge_stories_once(settings, source, into, expected, by))


def story_choices(settings: Settings, exclude: str | None = None) -> list[dict[str, Any]]:
    """The stories a story can be merged into: ``slug``, ``title``, ``versions`` (a count).

    Why: the merge form needs a list to pick from, and the only list of stories
    (``browse.list_articles``) reads every version of every story.  This is one query, a
    count per story (an outer join, so an empty story is listed with 0), by slug;
    ``exclude`` (the story shown) is left out, as it cannot be merged into itself."""
    count = func.count(col(Version.id))
    stmt = (
        select(Article.slug, Article.title, count)
        .join(Version, col(Version.article_id) == col(Article.id), isouter=True)
        .group_by(col(Article.id), col(Article.slug), col(Article.title))
        .order_by(col(Article.slug))
    )
    if exclude:
        stmt = stmt.where(col(Article.slug) != exclude)
    with Session(get_engine(settings.database_url)) as session:
        rows = session.exec(stmt).all()  # type: ignore[call-overload]
    return [{"slug": slug, "title": title, "versions": int(n)} for slug, title, n in rows]


def _languages(session: Session) -> dict[str, str | None]:
    """Each story's language (slug -> the language of the version its title came from: the
    version whose headline is the title, else the earliest), for the search's ``lang``
    attribute (round 38, webb38): one query over versions, ids only and short fields."""
    rows = session.exec(  # type: ignore[call-overload]
        select(Article.slug, Article.title, Version.title, Version.language)
        .join(Version, col(Version.article_id) == col(Article.id))
        .order_by(col(Version.id))
    ).all()  # fmt: skip
    first: dict[str, str | None] = {}
    titled: dict[str, str | None] = {}
    for slug, title, headline, language in rows:
        first.setdefault(slug, language)
        if headline == title:
            titled.setdefault(slug, language)
    return {**first, **titled}


def labelled_choices(settings: Settings, exclude: str | None = None) -> list[dict[str, Any]]:
    """``story_choices`` plus each title's ``language`` (``_languages``: the search's rule),
    for the page's datalist: its titles carried no ``lang`` while the search results
    (webb38) did, so a screen reader read a Ukrainian headline in the page's voice
    (reliabc38).  HTML only: the JSON twin never carried the list."""
    choices = story_choices(settings, exclude=exclude)
    with Session(get_engine(settings.database_url)) as session:
        languages = _languages(session)
    return [{**choice, "language": languages.get(choice["slug"])} for choice in choices]


def _outlets(session: Session) -> dict[str, list[str]]:
    """Each story's outlets (slug -> sorted names): one query over versions and outlets."""
    rows = session.exec(  # type: ignore[call-overload]
        select(Article.slug, Outlet.name).distinct()
        .join(Version, col(Version.article_id) == col(Article.id))
        .join(Outlet, col(Outlet.id) == col(Version.outlet_id))
    ).all()  # fmt: skip
    named: dict[str, list[str]] = {}
    for slug, name in rows:
        named.setdefault(slug, []).append(name)
    return {slug: sorted(names) for slug, names in named.items()}


def find_stories(
    settings: Settings, find: str, exclude: str | None = None, limit: int = FIND_SHOWN
) -> dict[str, Any]:
    """The stories whose slug, title or outlets hold every word of ``find`` (round 38).

    Why: with hundreds of stories the merge form's list (``story_choices``) is a scroll of
    slugs, and a journalist knows a story by its headline or by who filed it.  Words are
    matched case-folded (Python's, so Cyrillic and German fold as Latin does: SQLite's
    LIKE folds ASCII only), in any order.  ``total`` is
    every match, ``stories`` the first ``limit`` by slug (``story_choices`` plus
    ``outlets`` and ``language``: the title's, for the page's ``lang``, webb38).  Three
    queries however many stories."""
    check_name(find, "find", FIND_MAX_CHARS)
    words = find.casefold().split()
    choices = story_choices(settings, exclude=exclude)
    with Session(get_engine(settings.database_url)) as session:
        outlets, languages = _outlets(session), _languages(session)
    hits = []
    for choice in choices:
        named = outlets.get(choice["slug"], [])
        hay = " ".join([choice["slug"], choice["title"], *named]).casefold()
        if words and all(w in hay for w in words):
            hits.append({**choice, "outlets": named, "language": languages.get(choice["slug"])})
    return {"find": find, "total": len(hits), "stories": hits[:limit]}


def current_story(settings: Settings, slug: str) -> str:
    """The story a job queued for ``slug`` should work on now (round 37, webb37).

    Why: a compare job names its story by slug, and a merge removes that story while the
    job waits.  A story that exists is itself; one merged away is followed (the move log's
    newest move out of it is a ``merge``; merged on in turn, followed again); one emptied by
    moves is not guessed at: the error names where its versions went.  Never stored: the
    plain "no article" error."""
    with Session(get_engine(settings.database_url)) as session:
        for _hop in range(FOLLOW_HOPS):
            if session.exec(select(Article.id).where(Article.slug == slug)).first() is not None:
                return slug
            out = session.exec(
                select(StoryMove).where(col(StoryMove.from_slug) == slug)
                .order_by(col(StoryMove.moved_at).desc(), col(StoryMove.id).desc())
            ).all()  # fmt: skip
            if not out:
                break
            if out[0].kind != "merge":
                where = ", ".join(dict.fromkeys(m.to_slug for m in out))
                raise NotFoundError(
                    N_("story %(slug)r no longer exists: its versions were moved to %(where)s; "
                       "nothing was computed"), slug=slug, where=where)  # fmt: skip
            slug = out[0].to_slug
    raise NotFoundError(N_("no article with slug %(slug)r"), slug=slug)


def merged_into(settings: Settings, slug: str) -> str | None:
    """The story a merged-away ``slug`` now lives in (round 37, webc37), else None.

    Why: a bookmark or a colleague's link to ``/stories/<slug>`` broke when the story was
    merged away.  The move log is followed exactly as a compare job follows it
    (``current_story``); asked only after the slug was not found, so a story page pays
    nothing.  None: the slug exists, never existed, or was emptied by single moves (not
    guessed at)."""
    try:
        into = current_story(settings, slug)
    except NotFoundError:
        return None
    return None if into == slug else into
