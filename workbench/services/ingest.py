"""Ingest use case: bytes in, one stored version with labelled segments out.

Steps: decode (encoding, HTML, JSON) -> segment -> language per segment ->
page role per segment (with the outlet's recurring boilerplate) -> one
transaction.  Why one transaction: a failure half-way (bad input found late,
a crash, a constraint race) must never leave a partial version behind.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select, update

from workbench.adapters.decode import Decoded, Region, decode_document
from workbench.adapters.langdetect import detect_segments, detect_text
from workbench.config import Settings
from workbench.core.langid import LangScore, dominant_language
from workbench.core.roles import APPEAL, BODY, OTHER, Zone, assign_roles
from workbench.core.segment import Seg, segment_text, text_hash
from workbench.errors import N_, InputError, Num, TooLargeError
from workbench.services.ingest_checks import (  # noqa: F401  (parse_captured_at, slugify: re-exported)
    check_segments,
    check_size,
    checked_options,
    free_slug,
    language_hint,
    parse_captured_at,
    slugify,
)
from workbench.services.story_match import match_capture
from workbench.services.validation import check_text
from workbench.store.db import get_engine, session_scope
from workbench.store.migrate import ensure_database as store_ensure_database
from workbench.store.models import Article, Outlet, Segment, Version

#: Hashes found in at least this many *other* articles of an outlet are boilerplate.
RECURRING_MIN_OTHER_ARTICLES = 2


@dataclass
class IngestResult:
    """What one ingest did; ``created`` is False when the bytes were already stored."""

    version_id: int
    article_id: int
    created: bool
    segments: int
    encoding: str
    language: str | None
    outlet: str = ""
    article: str = ""
    title: str = ""
    filename: str = ""
    source_format: str = ""
    match: dict[str, Any] | None = None  # how a capture without an article found its story


def ensure_database(settings: Settings) -> None:
    """Create/upgrade the schema once per process and URL (``store.migrate.ensure_database``)."""
    store_ensure_database(settings.database_url)


def _zones(segs: Sequence[Seg], regions: list[Region]) -> list[Zone | None]:
    """The HTML zone of each segment (by the region holding its start offset)."""
    if not regions:
        return [None] * len(segs)
    starts = [r.start for r in regions]
    out: list[Zone | None] = []
    for seg in segs:
        i = bisect.bisect_right(starts, seg.start) - 1
        region = regions[i] if i >= 0 and seg.start < regions[i].end else None
        out.append(Zone(region.zone, region.kind, region.link_share) if region else None)
    return out


def _recurring(session: Session, outlet_id: int, article_id: int, hashes: set[str]) -> set[str]:
    """Hashes of this text that recur in enough other articles of the outlet."""
    found: set[str] = set()
    items = sorted(hashes)
    for i in range(0, len(items), 500):
        chunk = items[i : i + 500]
        stmt = (
            select(Segment.text_hash)
            .join(Version, col(Version.id) == col(Segment.version_id))
            .where(Version.outlet_id == outlet_id, Version.article_id != article_id)
            .where(col(Segment.text_hash).in_(chunk))
            .group_by(Segment.text_hash)
            .having(func.count(func.distinct(Version.article_id)) >= RECURRING_MIN_OTHER_ARTICLES)
        )
        found.update(session.exec(stmt).all())
    return found


def _relabel_older(session: Session, outlet_id: int, recurring: set[str]) -> None:
    """Text now recurring in 3+ articles is boilerplate in the older versions too."""
    if not recurring:
        return
    versions = select(Version.id).where(Version.outlet_id == outlet_id)
    session.exec(  # type: ignore[call-overload]
        update(Segment)
        .where(col(Segment.version_id).in_(versions))
        .where(col(Segment.text_hash).in_(sorted(recurring)))
        .where(col(Segment.role).in_([BODY, OTHER]))
        .values(role=APPEAL)
    )


def _get_or_create(session: Session, outlet: str, slug: str, title: str) -> tuple[Outlet, Article]:
    row = session.exec(select(Outlet).where(Outlet.name == outlet)).first()
    if row is None:
        row = Outlet(name=outlet)
        session.add(row)
        session.flush()
    art = session.exec(select(Article).where(Article.slug == slug)).first()
    if art is None:
        art = Article(slug=slug, title=title)
        session.add(art)
        session.flush()
    elif not art.title and title:
        art.title = title
    return row, art


def _analyse(
    settings: Settings, decoded: Decoded, hint: str | None
) -> tuple[str, list[Seg], list[LangScore]]:
    """Segment and detect languages (no database work, done before the transaction)."""
    if len(decoded.text) > settings.max_input_chars:
        raise TooLargeError(
            N_("decoded text has %(count)s characters; the limit is %(max_input_chars)s"),
            count=Num(len(decoded.text)),
            max_input_chars=Num(settings.max_input_chars),
        )
    # every HTML block is at least one segment: a page of too many blocks is refused
    # before the cost of segmenting it
    check_segments(settings, len(decoded.regions))
    lang_hint = hint or detect_text(decoded.text, settings.languages)
    leading, segs = segment_text(decoded.text, lang_hint)
    if not segs:
        raise InputError(N_("no text to ingest after decoding"))
    check_segments(settings, len(segs))
    langs = detect_segments([s.text for s in segs], settings.languages, prior=hint)
    return leading, segs, langs


def ingest_bytes(
    settings: Settings,
    data: bytes,
    *,
    filename: str,
    outlet: str,
    article: str | None = None,
    url: str | None = None,
    captured_at: datetime | str | None = None,
    fmt: str | None = None,
    match_story: bool = False,
    outlet_fallback: str = "",
) -> IngestResult:
    """Store ``data`` as a version of ``article`` at ``outlet`` (idempotent by sha256).

    Explicit arguments win over metadata inside a JSON file (``outlet``,
    ``article``, ``url``, ``captured_at``, ``language``); ``outlet_fallback``
    (the outlet a file's name gives, ``ingest_files.outlet_from_name``) comes
    last.  With ``match_story`` and no article named, the capture joins the
    stored story it resembles (``services.story_match``), else starts a new one;
    ``result.match`` says which.
    """
    check_size(settings, data)
    check_text(filename, "file name")  # round 44: a NUL in an upload's name was echoed back
    sha = hashlib.sha256(data).hexdigest()
    outlet, url = checked_options(outlet, url, article, captured_at)  # even if stored already
    ensure_database(settings)
    if outlet and (existing := _existing(settings, outlet, sha)) is not None:
        return existing
    decoded = decode_document(data, filename=filename, fmt=fmt)
    meta = decoded.meta
    check_text(decoded.text, "text")
    check_text(decoded.title, "title")
    named = outlet or meta.get("outlet") or outlet_fallback
    outlet, url = checked_options(named or "", url or meta.get("url"))
    if not outlet:
        raise InputError(N_(
            "no outlet given (use --outlet, an 'outlet' field in JSON, "
            "or name the file <outlet>_<lang>.txt)"
        ))  # fmt: skip
    if (existing := _existing(settings, outlet, sha)) is not None:
        return existing
    hint = language_hint(meta.get("language"), settings.languages)
    leading, segs, langs = _analyse(settings, decoded, hint)
    title = decoded.title or _first_headline_text(segs)
    capture = _Capture(
        data, sha, decoded, leading, segs, langs, outlet, title, url, filename,
        parse_captured_at(captured_at or meta.get("captured_at")),
    )  # fmt: skip
    named_story = article or meta.get("article")
    if match_story and not named_story:
        return _insert(settings, capture, *_matched_story(settings, capture))
    return _insert(settings, capture, slugify(named_story or title or Path(filename).stem), None)


def _matched_story(settings: Settings, capture: _Capture) -> tuple[str, Any]:
    """The stored story the capture resembles, else a new slug; and how it was found."""
    found = match_capture(settings, capture.segs, capture.langs)
    # a new story never joins a stored one by title alone: scraped titles are
    # often the outlet's chrome ("News › World"), shared by unrelated stories
    slug = slugify(capture.title or Path(capture.filename).stem)
    return found.slug or _free_slug(settings, slug), found


@dataclass(frozen=True)
class _Capture:
    """One analysed capture, ready to store."""

    data: bytes
    sha: str
    decoded: Decoded
    leading: str
    segs: list[Seg]
    langs: list[LangScore]
    outlet: str
    title: str
    url: str | None
    filename: str
    captured_at: datetime


def _insert(settings: Settings, capture: _Capture, slug: str, found: Any) -> IngestResult:
    """Store the capture in one transaction; a concurrent twin's version if it won the race."""
    c, decoded = capture, capture.decoded
    for attempt in range(2):
        version = Version(
            url=c.url, captured_at=c.captured_at, title=c.title, raw=c.data, sha256=c.sha,
            encoding=decoded.encoding, source_format=decoded.fmt, text=decoded.text,
            leading=c.leading,
        )  # fmt: skip
        try:
            with session_scope(get_engine(settings.database_url)) as session:
                out, art = _get_or_create(session, c.outlet, slug, c.title)
                _store(session, version, out, art, decoded, c.segs, c.langs)
                assert version.id is not None and art.id is not None
                return IngestResult(
                    version.id, art.id, True, len(c.segs), decoded.encoding, version.language,
                    c.outlet, art.slug, c.title, c.filename, decoded.fmt,
                    found.as_dict(art.slug) if found is not None else None,
                )  # fmt: skip
        except IntegrityError:
            # a concurrent ingest won a race: same bytes (return its version) or the
            # same new outlet/article (retry once, now finding them)
            existing = _existing(settings, c.outlet, c.sha)
            if existing is not None:
                return existing
            if attempt:
                raise
    raise AssertionError("unreachable")


def _free_slug(settings: Settings, slug: str) -> str:
    """``slug``, or ``slug-2``, ``slug-3``… when a stored story already has it."""
    with Session(get_engine(settings.database_url)) as session:
        return free_slug(session, slug)


def _store(
    session: Session,
    version: Version,
    out: Outlet,
    art: Article,
    decoded: Decoded,
    segs: list[Seg],
    langs: list[LangScore],
) -> None:
    """Decide roles (needs the outlet's history), then add the version and segments."""
    assert out.id is not None and art.id is not None
    hashes = [text_hash(s.text) for s in segs]
    recurring = _recurring(session, out.id, art.id, set(hashes))
    roles = assign_roles(
        segs,
        title=decoded.title or None,
        zones=_zones(segs, decoded.regions),
        hashes=hashes,
        recurring=recurring,
        langs=[ls.lang for ls in langs],
    )
    body = [i for i, r in enumerate(roles) if r == BODY]
    version.language = dominant_language(
        [segs[i].text for i in body], [langs[i].lang for i in body]
    ) or dominant_language([s.text for s in segs], [ls.lang for ls in langs])
    version.article_id, version.outlet_id = art.id, out.id
    session.add(version)
    session.flush()
    assert version.id is not None
    rows = [
        {
            "version_id": version.id, "position": i, "paragraph": seg.paragraph,
            "start": seg.start, "end": seg.end, "text": seg.text, "separator": seg.separator,
            "lang": ls.lang, "lang_confidence": ls.confidence, "role": role, "text_hash": h,
        }
        for i, (seg, ls, role, h) in enumerate(zip(segs, langs, roles, hashes, strict=True))
    ]  # fmt: skip
    # Core executemany on the table: ORM objects cost ~0.4 ms each, the ORM bulk path ~30 µs
    session.connection().execute(insert(Segment.__table__), rows)  # type: ignore[attr-defined]
    _relabel_older(session, out.id, recurring)
    session.flush()


def _first_headline_text(segs: Sequence[Seg]) -> str:
    roles = assign_roles(segs[:5])
    for seg, role in zip(segs[:5], roles, strict=False):
        if role == "headline":
            return seg.text
    return ""


def _existing(settings: Settings, outlet: str, sha: str) -> IngestResult | None:
    """The stored version with these bytes at this outlet, if any."""
    with Session(get_engine(settings.database_url)) as session:
        row = session.exec(
            select(Version, Article, func.count(col(Segment.id)))
            .join(Outlet, col(Outlet.id) == col(Version.outlet_id))
            .join(Article, col(Article.id) == col(Version.article_id))
            .outerjoin(Segment, col(Segment.version_id) == col(Version.id))
            .where(Outlet.name == outlet, Version.sha256 == sha)
            .group_by(col(Version.id), col(Article.id))
        ).first()
    if row is None:
        return None
    version, art, count = row
    assert version.id is not None and art.id is not None
    return IngestResult(
        version.id, art.id, False, int(count), version.encoding, version.language,
        outlet, art.slug, version.title, "", version.source_format,
    )  # fmt: skip
