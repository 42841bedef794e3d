"""Which stored story does a new capture belong to?  (``workbench ingest`` without ``--article``)

A folder of captures rarely says which story each page tells.  For a capture
with no article given, the candidates are the ``MAX_CANDIDATES`` most recently
captured stories; each is represented by its earliest capture's content
sentences (headline and body roles).  Candidates are ranked cheaply by the
Dice similarity of whole-document n-gram profiles, then the best
``VERIFY_TOP`` are aligned sentence by sentence and judged by
``core.relatedness`` (evidenced links per sentence of the shorter side).  The
capture joins the best story whose share reaches ``MATCH_THRESHOLD``; else it
starts a new story.

Across languages the capture's sentences are machine-translated into the
candidate's language when a model (or a pivot route) is installed; without
one that candidate cannot be judged and is skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.core.align import align
from workbench.core.langid import LangScore, dominant_language
from workbench.core.relatedness import RELATED, relatedness
from workbench.core.roles import assign_roles
from workbench.core.segment import Seg
from workbench.core.similarity import ProfileBuilder, dice
from workbench.errors import InputError, LanguagePairError, ModelError
from workbench.services.translate import translate_texts
from workbench.store.db import get_engine
from workbench.store.models import Article, Segment, Version

#: Evidenced links per sentence of the shorter side needed to join a story.
#: Above ``core.relatedness.MIN_RELATED_SHARE`` (0.10, "not chance"): joining a
#: story needs more than sharing a background paragraph.  Dev (stories-dev, its
#: 6 English pages of 3 stories ingested in capture order): thresholds .15-.25
#: all give pairwise precision = recall = 1.00; .10 merges two stories, .30
#: splits one.  .20 is the middle of that plateau, not a fitted optimum.
MATCH_THRESHOLD = 0.20
MAX_CANDIDATES = 200
VERIFY_TOP = 3
CONTENT_ROLES = ("headline", "body")


@dataclass(frozen=True)
class StoryMatch:
    """The story a capture was attached to (``slug`` None: none reached the threshold)."""

    slug: str | None
    share: float
    version_id: int | None = None  # the candidate's version it was compared with
    translated: bool = False

    def as_dict(self, stored_as: str) -> dict[str, object]:
        """JSON-ready, with the slug the capture was stored under and the threshold."""
        return {"slug": self.slug, "story": stored_as, "share": self.share,
                "threshold": MATCH_THRESHOLD, "version_id": self.version_id,
                "translated": self.translated}  # fmt: skip


def _candidates(session: Session) -> list[tuple[str, int, str | None, list[str]]]:
    """(slug, earliest version id, its language, its content sentences), recent stories first."""
    latest = (
        select(Version.article_id, func.max(Version.captured_at).label("last"))
        .group_by(col(Version.article_id))
        .subquery()
    )
    articles = session.exec(
        select(Article.id, Article.slug)
        .join(latest, latest.c.article_id == col(Article.id))
        .order_by(latest.c.last.desc())
        .limit(MAX_CANDIDATES)
    ).all()
    out = []
    for article_id, slug in articles:
        first = session.exec(
            select(Version.id, Version.language)
            .where(Version.article_id == article_id)
            .order_by(col(Version.captured_at), col(Version.id))
        ).first()
        if first is None:
            continue
        texts = session.exec(
            select(Segment.text)
            .where(Segment.version_id == first[0], col(Segment.role).in_(CONTENT_ROLES))
            .order_by(col(Segment.position))
        ).all()
        if texts:
            out.append((slug, first[0], first[1], list(texts)))
    return out


def _in_language(
    settings: Settings, texts: list[str], source: str | None, target: str | None,
    cache: dict[str | None, list[str] | None],
) -> list[str] | None:  # fmt: skip
    """``texts`` in ``target`` (MT when the languages differ); None when no model can."""
    if not source or not target or source == target:
        return texts
    if target not in cache:
        try:
            cache[target] = translate_texts(settings, texts, source, target)
        except (LanguagePairError, ModelError, InputError):
            cache[target] = None
    return cache[target]


def match_story(settings: Settings, sentences: Sequence[str], language: str | None) -> StoryMatch:
    """The stored story ``sentences`` (a capture's content) most resembles, if any."""
    texts = [t for t in sentences if t.strip()]
    if not texts:
        return StoryMatch(None, 0.0)
    with Session(get_engine(settings.database_url)) as session:
        candidates = _candidates(session)
    builder = ProfileBuilder()
    cache: dict[str | None, list[str] | None] = {}
    ranked = []
    for slug, version_id, lang, theirs in candidates:
        mine = _in_language(settings, texts, language, lang, cache)
        if mine is None:
            continue
        score = dice(builder.profile(" ".join(mine)), builder.profile(" ".join(theirs)))
        ranked.append((score, slug, version_id, mine, theirs, lang != language))
    ranked.sort(key=lambda r: -r[0])
    best = StoryMatch(None, 0.0)
    for _, slug, version_id, mine, theirs, translated in ranked[:VERIFY_TOP]:
        beads = align(theirs, mine)
        found = relatedness(theirs, mine, [(b.left, b.right) for b in beads])
        if found.relation == RELATED and found.share >= max(MATCH_THRESHOLD, best.share):
            if found.share > best.share:
                best = StoryMatch(slug, found.share, version_id, translated)
    return best


def match_capture(
    settings: Settings, segs: Sequence[Seg], langs: Sequence[LangScore]
) -> StoryMatch:
    """``match_story`` for a capture being ingested: its headline and body sentences."""
    roles = assign_roles(segs)
    keep = [k for k, role in enumerate(roles) if role in CONTENT_ROLES]
    texts = [segs[k].text for k in keep]
    language = dominant_language(texts, [langs[k].lang for k in keep])
    return match_story(settings, texts, language)


def describe_dict(match: dict[str, object]) -> str:
    """The line ``workbench ingest`` prints about a capture's story (from ``as_dict``)."""
    if match.get("slug"):
        via = " through MT" if match.get("translated") else ""
        return (f"attached to story {match['slug']} (resembles version {match['version_id']}"
                f"{via}: evidence {match['share']:.2f} >= {MATCH_THRESHOLD:.2f})")  # fmt: skip
    return (f"new story {match.get('story')} "
            f"(no stored story resembles it above {MATCH_THRESHOLD:.2f})")  # fmt: skip
