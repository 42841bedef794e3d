"""Checks of an ingest's input before any work: options, sizes, times, slugs, language hint.
A story's free slug (``free_slug``) too: ingest files a capture under it, and a split refused
for a taken name offers it (round 42).

Why a module of its own: ``services.ingest`` runs the use case (decode, segment,
detect, store in one transaction); the rules for what a capture may be are
shared with the folder and web entrances and read on their own.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, InputError, Num, TooLargeError
from workbench.services.validation import (
    MAX_OUTLET,
    MAX_SLUG,
    check_captured_at,
    check_given,
    check_name,
    check_text,
    check_url,
)
from workbench.store.models import Article


def parse_captured_at(value: datetime | str | None) -> datetime:
    """ISO 8601 (``Z`` allowed) to an aware UTC datetime; naive means UTC."""
    if value is None or value == "":
        return datetime.now(UTC)
    if isinstance(value, str):
        check_text(value, "captured_at", max_chars=100)
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise InputError(
                N_("captured_at is not an ISO 8601 time: %(value)r"), value=value
            ) from exc
    return check_captured_at(value)


def slugify(text: str, fallback: str = "article") -> str:
    """Lower-case ASCII slug (transliteration-free: non-Latin letters are kept)."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    slug = re.sub(r"[^\w]+", "-", norm).strip("-_")[:80].strip("-_")
    return slug or fallback


def free_slug(session: Session, slug: str) -> str:
    """``slug``, or ``slug-2``, ``slug-3``… when a stored story already has it."""
    query = select(Article.slug).where(col(Article.slug).startswith(slug))
    taken = set(session.exec(query).all())
    k, free = 2, slug
    while free in taken:
        free, k = f"{slug[: MAX_SLUG - 8]}-{k}", k + 1
    return free


def check_given_options(
    article: str | None, url: str | None, captured_at: datetime | str | None
) -> None:
    """Refuse an option given empty or blank (round 44: ``--article ''`` was "not given").

    ``ingest_paths`` and the CLI call it once before any file (per file it was one error
    a file of a folder, after the progress bar had started); ``checked_options`` for
    every capture, the web's included.
    """
    stamp = captured_at if isinstance(captured_at, str) else None
    for value, field in ((article, "article"), (url, "url"), (stamp, "captured_at")):
        check_given(value, field)


def checked_options(
    outlet: str,
    url: str | None,
    article: str | None = None,
    captured_at: datetime | str | None = None,
) -> tuple[str, str | None]:
    """The stripped outlet and URL, after the checks both backends need."""
    outlet = check_name(outlet.strip(), "outlet", MAX_OUTLET)
    check_given_options(article, url, captured_at)
    if article:
        check_name(article, "article", MAX_SLUG)
    if captured_at:
        parse_captured_at(captured_at)
    return outlet, check_url(url)


def check_size(settings: Settings, data: bytes) -> None:
    if len(data) > settings.max_upload_bytes:
        raise TooLargeError(
            N_("input is %(count)s bytes; the limit is %(max_upload_bytes)s bytes"),
            count=Num(len(data)),
            max_upload_bytes=Num(settings.max_upload_bytes),
        )


def check_segments(settings: Settings, count: int) -> None:
    if count > settings.max_segments:
        raise TooLargeError(
            N_(
                "the text splits into %(count)s segments or more; the limit is "
                "%(max_segments)s (split the document, or raise WORKBENCH_MAX_SEGMENTS)"
            ),
            count=Num(count),
            max_segments=Num(settings.max_segments),
        )


def language_hint(language: object, languages: tuple[str, ...] | list[str]) -> str | None:
    """A capture's declared language as a configured content language, else ``None``.

    Pages declare regional tags ("el-GR", "pt_BR", "EN"): the base code is the
    content language; an unknown or malformed tag is no hint (detection decides).
    """
    if not isinstance(language, str):
        return None
    base = language.replace("_", "-").split("-")[0].strip().lower()
    return base if base in languages else None
