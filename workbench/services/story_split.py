"""Split versions out of a story into a new one: a wrong merge undone (round 38, web38).

Why: a merge (``story_merge``) removes the story folded in, and nothing led back: a
journalist who merged the wrong story had to read the move log and move its versions one
by one into a story they created by hand.  A split takes chosen versions out of a story
into a new story in one transaction.  Like a move it changes the versions' story and
nothing else: ids, segments, translations with their revisions and stored comparisons
stay; each version's move is logged (``story_move``, kind ``split``); the wire copy goes
with its version.  ``last_merge`` reads the move log for the newest merge into a story
(its versions still there, and the slug they came from): the page's "Undo this merge" and
the CLI's ``--undo-merge`` are a split of those versions back into that slug.

Nothing is overwritten silently: the caller names the versions it saw in the story
(``expected``); a story that gained or lost a version meanwhile is a 409 and nothing
changes, and the update is a compare-and-set on each version's story.  A split never
empties a story (that is a merge, or a rename) and never joins an existing one (that is
a move or a merge: the story named may have been created meanwhile, and joining it would
mix its captures with these unasked).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, ConflictError, InputError, NotFoundError
from workbench.services.ingest_checks import free_slug, slugify
from workbench.store.db import get_engine, retry_on_conflict, session_scope
from workbench.store.models import Article, Version, utcnow
from workbench.store.story_models import StoryMove

#: rows of one merge are written in one transaction; before round 38 each had its own time
MERGE_WINDOW = timedelta(seconds=5)


def _ids(session: Session, article_id: int) -> list[int]:
    return sorted(session.exec(  # type: ignore[arg-type]
        select(Version.id).where(Version.article_id == article_id)
    ).all())  # fmt: skip


def _listed(ids: list[int]) -> str:
    return ", ".join(map(str, ids)) or "-"


def _check_exist(session: Session, take: list[int]) -> None:
    """An id that exists in no story is not found (404, exit 3): "moved meanwhile?" (409)
    sent the journalist to reload a page that will never hold it (reliabc38).  Checked
    before the story's own refusals: no reload makes such a split possible."""
    found = set(session.exec(select(Version.id).where(col(Version.id).in_(take))).all())
    if nowhere := sorted(set(take) - found):  # type: ignore[arg-type]
        raise NotFoundError(N_("no version %(ids)s; nothing was split"), ids=_listed(nowhere))


def _check_name_free(session: Session, slug: str, to_slug: str, ids: list[int]) -> None:
    """A split into a slug a story already has is refused naming that slug, a free one and
    the move that joins it instead (round 42: "story 'x' exists" left the journalist to
    guess a name that is free, and how to join the story named)."""
    if session.exec(select(Article.id).where(Article.slug == to_slug)).first() is None:
        return
    free = free_slug(session, to_slug)
    if to_slug == slug:
        raise InputError(N_("the versions are in story %(slug)r already; a split makes a new "
                            "story: name one that is free, such as %(free)r; nothing was split"),
                         slug=slug, free=free)  # fmt: skip
    raise InputError(
        N_("the name %(taken)r is taken by another story; a split makes a new story: name one "
           "that is free, such as %(free)r, or, to add version(s) %(ids)s to %(taken)r, move each "
           "(`workbench move ID %(to)s --from %(here)s`); nothing was split"),
        taken=to_slug, free=free, ids=_listed(ids), to=to_slug, here=slug)  # fmt: skip


def _check_take(slug: str, take: list[int], held: list[int], expected: list[int] | None) -> None:
    """The refusals that need the story's versions: changed meanwhile, not in it, all."""
    if expected is not None and sorted(set(expected)) != held:
        raise ConflictError(
            N_("story %(slug)r changed meanwhile: it holds versions %(now)s, not %(saw)s; "
               "nothing was split"),
            slug=slug, now=_listed(held), saw=_listed(sorted(set(expected))),
        )  # fmt: skip
    if missing := sorted(set(take) - set(held)):
        raise ConflictError(N_("versions %(ids)s are not in story %(slug)r (moved meanwhile?); "
                               "nothing was split"), ids=_listed(missing), slug=slug)  # fmt: skip
    if len(set(take)) >= len(held):
        raise InputError(N_("a split leaves at least one version in story %(slug)r; to move "
                            "them all, merge the story"), slug=slug)  # fmt: skip


def _split_story_once(
    settings: Settings, slug: str, take: list[int], into: str,
    expected: list[int] | None = None, by: str = "", title: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Move versions ``take`` out of story ``slug`` into a new story ``into`` (a name or a
    slug).  ``expected``: the ids the caller saw in ``slug`` (None: whatever it holds);
    ``title``: the new story's (None: its first version's headline; an undo passes the
    merged-away story's own, webb38).
    Returns ``from``, ``into``, ``versions`` (sorted), ``created`` (always true: a split
    makes a story) and ``wire_version_id`` (the new story's)."""
    to_slug = slugify(into) if into.strip() else ""
    if not to_slug:
        raise InputError(N_("name the new story to split the versions into"))
    ids = sorted(set(take))
    if not ids:
        raise InputError(N_("choose the versions to split out of story %(slug)r"), slug=slug)
    with session_scope(get_engine(settings.database_url)) as session:
        src = session.exec(select(Article).where(Article.slug == slug)).first()
        if src is None:
            raise NotFoundError(N_("no article with slug %(slug)r"), slug=slug)
        assert src.id is not None
        _check_name_free(session, slug, to_slug, ids)
        _check_exist(session, ids)
        _check_take(slug, ids, _ids(session, src.id), expected)
        first = session.get(Version, ids[0])
        if title is None:
            title = first.title if first is not None else to_slug
        dst = Article(slug=to_slug, title=title)
        session.add(dst)
        session.flush()
        moved = session.exec(  # type: ignore[call-overload]
            update(Version)
            .where(col(Version.article_id) == src.id, col(Version.id).in_(ids))
            .values(article_id=dst.id)
        )  # fmt: skip
        if moved.rowcount != len(ids):  # moved by another request between read and write
            raise ConflictError(N_("story %(slug)r changed meanwhile; nothing was split"),
                                slug=slug)  # fmt: skip
        if src.wire_version_id in ids:
            dst.wire_version_id, src.wire_version_id = src.wire_version_id, None
            session.add_all([src, dst])
        now = utcnow()
        session.add_all(StoryMove(version_id=vid, from_slug=slug, to_slug=to_slug, kind="split",
                                  by=by, moved_at=now) for vid in ids)  # fmt: skip
        wire = dst.wire_version_id
    return {"from": slug, "into": to_slug, "versions": ids, "created": True,
            "wire_version_id": wire}  # fmt: skip


def split_story(
    settings: Settings, slug: str, take: list[int], into: str,
    expected: list[int] | None = None, by: str = "", title: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """``_split_story_once`` (it says what a split does), run again on a conflict with
    the other story (reliab39): a target merged away or emptied, or a new story of the
    same name made, between the read and the write ended in the database's constraint
    ("unexpected IntegrityError"); run again, it ends as if the two writes came one
    after the other."""
    return retry_on_conflict(
        lambda: _split_story_once(settings, slug, take, into, expected, by, title))


def _merges(session: Session, slug: str) -> list[tuple[str, list[int], str | None]]:
    """The merges into ``slug``, newest first: (slug merged in, its version ids, its title
    when logged: migration 0012).  Rows of one merge share their story pair and (within
    ``MERGE_WINDOW``) their time."""
    rows = session.exec(
        select(StoryMove)
        .where(col(StoryMove.to_slug) == slug, col(StoryMove.kind) == "merge")
        .order_by(col(StoryMove.moved_at).desc(), col(StoryMove.id).desc())
    ).all()  # fmt: skip
    groups: list[tuple[str, list[int], Any, str | None]] = []
    for row in rows:
        last = groups[-1] if groups else None
        if last and last[0] == row.from_slug and last[2] - row.moved_at <= MERGE_WINDOW:
            last[1].append(row.version_id)
        else:
            groups.append((row.from_slug, [row.version_id], row.moved_at, row.from_title))
    return [(source, ids, title) for source, ids, _at, title in groups]


def undo_of(session: Session, slug: str) -> dict[str, Any] | None:
    """``last_merge`` in an open session (the story view reads it with the move log)."""
    for source, ids, title in _merges(session, slug):
        here = session.exec(
            select(Version.id).join(Article, col(Article.id) == col(Version.article_id))
            .where(col(Article.slug) == slug, col(Version.id).in_(ids))
        ).all()  # fmt: skip
        if here:
            taken = session.exec(select(Article.id).where(Article.slug == source)).first()
            merge = {"from": source, "versions": sorted(here),  # type: ignore[arg-type]
                     "slug_taken": taken is not None, "title": title}  # fmt: skip
            merge["came_back"] = _came_back(session, slug, merge)
            return merge
    return None


def last_merge(settings: Settings, slug: str) -> dict[str, Any] | None:
    """The newest merge into story ``slug`` that can be undone: ``from`` (the slug merged
    in), ``versions`` (its versions still in ``slug``), ``slug_taken`` (a new story took
    ``from`` since: the undo is refused, a split with another name is not; webb38) and
    ``title`` (the story's own, which the undo gives back; None for a merge logged before
    migration 0012: then its first version's headline); None
    when every merge's versions left since (an undone merge is skipped) or there was none."""
    with Session(get_engine(settings.database_url)) as session:
        return undo_of(session, slug)


def undo_last_merge(
    settings: Settings, slug: str, expected: list[int] | None = None, by: str = ""
) -> dict[str, Any]:
    """Split the newest merge into ``slug`` back out into the slug it came from; when a new
    story has taken that slug, refused saying which versions to split out under another
    name (webb38: "story exists" left the journalist to work out which)."""
    merge = last_merge(settings, slug)
    if merge is None:
        raise InputError(N_("no merge into story %(slug)r to undo"), slug=slug)
    if expected is None:
        _refuse_undo_after_undo(settings, slug, merge)
    if merge["slug_taken"] and merge["came_back"]:
        raise _came_back_refusal(slug, merge)  # the story taken is the one the undo made
    if merge["slug_taken"]:
        raise InputError(
            N_("a new story has taken the name %(old)r since the merge; split its versions out "
               "into a story with another name (versions: %(ids)s); nothing was split"),
            old=merge["from"], ids=_listed(merge["versions"]))  # fmt: skip
    return split_story(settings, slug, merge["versions"], merge["from"], expected, by,
                       title=merge["title"])


def _undone_since(session: Session, slug: str, merge: dict[str, Any]) -> str | None:
    """The slug the newest undo of a merge into ``slug`` split its versions back into,
    when that undo came after ``merge`` (the one a bare undo would reach); else None.

    An undo is a split out of ``slug`` of a version a merge into ``slug`` had brought,
    back into the slug it came from (the CLI's ``--undo-merge`` or the page's button).
    Moves and splits in between do not count (reliabc39: reliabb39 read only the
    story's newest move, so one move after the undo opened the older merge again)."""
    merged_at = session.exec(
        select(func.max(StoryMove.moved_at)).where(
            col(StoryMove.kind) == "merge", col(StoryMove.to_slug) == slug,
            col(StoryMove.from_slug) == merge["from"],
            col(StoryMove.version_id).in_(merge["versions"]))
    ).one()  # fmt: skip
    if merged_at is None:
        return None
    splits = session.exec(
        select(StoryMove)
        .where(col(StoryMove.kind) == "split", col(StoryMove.from_slug) == slug,
               col(StoryMove.moved_at) > merged_at)
        .order_by(col(StoryMove.moved_at).desc(), col(StoryMove.id).desc())
    ).all()  # fmt: skip
    for split in splits:
        undid = session.exec(
            select(StoryMove.id).where(
                col(StoryMove.kind) == "merge", col(StoryMove.from_slug) == split.to_slug,
                col(StoryMove.to_slug) == slug, col(StoryMove.version_id) == split.version_id,
                col(StoryMove.moved_at) < split.moved_at)
        ).first()  # fmt: skip
        if undid is not None:
            return split.to_slug
    return None


def _came_back(session: Session, slug: str, merge: dict[str, Any]) -> list[int]:
    """The versions of ``merge`` still in ``slug`` that an undo of that very merge (a
    split out of ``slug`` back into the slug they came from, after the merge) sent out
    and a move brought back (reliab40).  A split into another name is no undo
    (reliab41: "their merge was undone" would then be untrue)."""
    merged_at = session.exec(
        select(func.max(StoryMove.moved_at)).where(
            col(StoryMove.kind) == "merge", col(StoryMove.to_slug) == slug,
            col(StoryMove.version_id).in_(merge["versions"]))
    ).one()  # fmt: skip
    if merged_at is None:
        return []
    left = session.exec(
        select(StoryMove.version_id).where(
            col(StoryMove.kind) == "split", col(StoryMove.from_slug) == slug,
            col(StoryMove.to_slug) == merge["from"],
            col(StoryMove.version_id).in_(merge["versions"]), col(StoryMove.moved_at) > merged_at)
    ).all()  # fmt: skip
    return sorted(set(left))  # type: ignore[arg-type]


def _came_back_refusal(slug: str, merge: dict[str, Any]) -> ConflictError:
    """The refusal of an undo whose merge's versions came back by a move after that merge
    was undone: it names them and the move that sends them back (reliab40).  A move, not
    a split: the story the undo made may still hold another version (reliab41)."""
    return ConflictError(
        N_("version(s) %(ids)s came back into story %(slug)r by a move after their merge "
           "from %(old)r was undone; to send them back, run `workbench move ID %(to)s "
           "--from %(here)s` for each; nothing was split"),
        ids=_listed(merge["came_back"]), slug=slug, old=merge["from"], to=merge["from"],
        here=slug,
    )  # fmt: skip


def _refuse_undo_after_undo(settings: Settings, slug: str, merge: dict[str, Any]) -> None:
    """A bare undo is refused when an undo has happened since the merge it would undo
    (reliabb39; reliabc39: whatever moved in between), naming the ids that undo that
    merge on purpose.

    Why: the page's undo posts the versions it showed, so a second click is a 409; the
    CLI's bare ``--undo-merge`` run again (the shell's history, a script run twice, a
    retry of a command that had gone through) split out the merge before it, one the
    journalist had not asked to undo.  ``--expect-versions`` (what the story holds now)
    says it is meant, as it guards every other change of the desk.  When the merge
    reached is the undone one itself (its versions moved back by hand), "the one
    before it" was untrue: the refusal names the versions that came back and the move
    that sends them back (reliab40; a split into the story the undo made, if it still
    holds a version, would be refused, a move is not)."""
    with Session(get_engine(settings.database_url)) as session:
        undone = _undone_since(session, slug, merge)
        if undone is None:
            return
        story = session.exec(select(Article).where(Article.slug == slug)).first()
        held = _ids(session, story.id) if story is not None and story.id is not None else []
    if merge["came_back"]:
        raise _came_back_refusal(slug, merge)
    raise ConflictError(
        N_("the newest merge into story %(slug)r was undone already (back into %(undone)r); "
           "to undo the one before it too (versions %(ids)s back into %(old)r), repeat with "
           "--expect-versions %(now)s; nothing was split"),
        slug=slug, undone=undone, ids=_listed(merge["versions"]), old=merge["from"],
        now=",".join(map(str, held)),
    )  # fmt: skip
