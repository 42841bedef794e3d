"""Fixtures of the MT tests: stored versions built directly with SQLModel rows."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import pytest

from workbench.config import Settings
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Article, Outlet, Segment, Version

AddVersion = Callable[[Sequence[tuple[str, str | None]]], int]


@pytest.fixture
def add_version(mt_settings: Settings) -> AddVersion:
    """Store a version whose segments are ``(text, lang)`` pairs; returns its id."""
    counter = iter(range(1, 1000))

    def add(segments: Sequence[tuple[str, str | None]]) -> int:
        n = next(counter)
        text = "\n".join(t for t, _ in segments)
        raw = text.encode("utf-8")
        with session_scope(get_engine(mt_settings.database_url)) as session:
            outlet = Outlet(name=f"outlet-{n}")
            article = Article(slug=f"story-{n}", title="Story")
            session.add(outlet)
            session.add(article)
            session.flush()
            assert outlet.id is not None and article.id is not None
            version = Version(
                article_id=article.id,
                outlet_id=outlet.id,
                raw=raw,
                sha256=hashlib.sha256(raw).hexdigest(),
                encoding="utf-8",
                source_format="txt",
                text=text,
            )
            session.add(version)
            session.flush()
            assert version.id is not None
            start = 0
            for position, (seg_text, lang) in enumerate(segments):
                session.add(
                    Segment(
                        version_id=version.id,
                        position=position,
                        start=start,
                        end=start + len(seg_text),
                        text=seg_text,
                        separator="\n",
                        lang=lang,
                        role="body",
                        text_hash=hashlib.sha256(seg_text.encode()).hexdigest(),
                    )
                )
                start += len(seg_text) + 1
            return version.id

    return add
