"""Fixtures for the web tests: an app per test database, a CSRF-aware API helper,
and a small corpus of rows inserted straight into the shared tables."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from workbench.config import Settings
from workbench.store.db import get_engine, session_scope
from workbench.store.models import (
    AlignedPair,
    Alignment,
    Article,
    Outlet,
    Segment,
    Translation,
    Version,
)
from workbench.web import create_app

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def app(settings: Settings) -> Flask:
    """The real app on the per-test database, CSRF protection ON."""
    application = create_app(settings)
    application.config["TESTING"] = True
    return application


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


class Api:
    """Posts JSON with a CSRF token fetched the way a browser script gets one."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self._token: str | None = None

    @property
    def token(self) -> str:
        if self._token is None:
            self._token = self.client.get("/api/csrf").get_json()["csrf_token"]
        return self._token

    def post(self, url: str, json: Any = None, **kwargs: Any):  # type: ignore[no-untyped-def]
        headers = {"X-CSRFToken": self.token, **kwargs.pop("headers", {})}
        return self.client.post(url, json=json, headers=headers, **kwargs)


@pytest.fixture
def api(client: FlaskClient) -> Api:
    return Api(client)


@dataclass
class Corpus:
    """Ids of the rows ``corpus`` inserted."""

    article: int
    v_en1: int
    v_en2: int
    v_de: int
    segments: dict[str, int]
    alignment: int
    cross_alignment: int


def _segments(session, version: Version, rows: list[tuple[str, str, str]]) -> list[Segment]:  # type: ignore[no-untyped-def]
    result = []
    offset = 0
    for position, (text, lang, role) in enumerate(rows):
        seg = Segment(
            version_id=version.id,  # type: ignore[arg-type]
            position=position,
            start=offset,
            end=offset + len(text),
            text=text,
            separator="\n",
            lang=lang,
            role=role,
            text_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
        offset += len(text) + 1
        session.add(seg)
        result.append(seg)
    session.flush()
    return result


def _version(
    session, article: Article, outlet: Outlet, rows, lang: str, day: int
) -> tuple[Version, list[Segment]]:  # type: ignore[no-untyped-def]
    text = "\n".join(r[0] for r in rows) + "\n"
    version = Version(
        article_id=article.id,  # type: ignore[arg-type]
        outlet_id=outlet.id,  # type: ignore[arg-type]
        url=f"https://example.org/{outlet.name}/{day}",
        captured_at=datetime(2025, 2, day, 12, 0, tzinfo=UTC),
        title=rows[0][0],
        raw=text.encode(),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8",
        source_format="txt",
        text=text,
        language=lang,
    )
    session.add(version)
    session.flush()
    return version, _segments(session, version, rows)


EN1 = [
    ("Troops back on the front line", "en", "headline"),
    ("More than 10,000 soldiers were sent last year.", "en", "body"),
    ("Kyiv captured dozens of settlements.", "en", "body"),
    ("The deployment was never confirmed.", "en", "body"),
    (XSS, "en", "body"),
    ("Dear readers, please support us.", "en", "appeal"),
]
EN2 = [
    ("Troops back on the front line", "en", "headline"),
    ("The deployment was never confirmed.", "en", "body"),
    ("More than 11,000 soldiers were sent last year.", "en", "body"),
    ("Zelensky spoke in his evening address.", "en", "body"),
    (XSS + "!", "en", "body"),
    ("Dear readers, please support us.", "en", "appeal"),
]
DE = [
    ("Truppen wieder an der Front", "de", "headline"),
    ("Mehr als 10.000 Soldaten wurden geschickt.", "de", "body"),
]


def _pair(
    alignment: Alignment,
    position: int,
    status: str,
    left: list[Segment],
    right: list[Segment],
    **extra: Any,
) -> AlignedPair:
    return AlignedPair(
        alignment_id=alignment.id,  # type: ignore[arg-type]
        position=position,
        kind=f"{len(left)}-{len(right)}",
        status=status,
        left_segment_ids=[s.id for s in left],
        right_segment_ids=[s.id for s in right],
        left_text=" ".join(s.text for s in left),
        right_text=" ".join(s.text for s in right),
        **extra,
    )


def _alignments(session, v1, s1, v2, s2, vde, sde) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    al = Alignment(
        left_version_id=v1.id, right_version_id=v2.id, method="test", summary={"changed": 1}
    )
    session.add(al)
    session.flush()
    diff = [
        [0, "More than "],
        [-1, "10,000"],
        [1, "11,000"],
        [0, " soldiers were sent last year."],
    ]
    pairs = [
        _pair(al, 0, "unchanged", [s1[0]], [s2[0]], diff_ops=[[0, s1[0].text]], score=1.0),
        _pair(al, 1, "moved", [s1[3]], [], move_to=3, score=0.9),
        _pair(
            al,
            2,
            "changed",
            [s1[1]],
            [s2[2]],
            diff_ops=diff,
            edit_ratio=0.12,
            score=0.8,
            flags={"numbers": {"left": ["10,000"], "right": ["11,000"]}, "names": []},
        ),
        _pair(al, 3, "moved", [s1[3]], [s2[1]], move_to=1, score=0.9),  # the landing: the link
        _pair(al, 4, "removed", [s1[2]], [], diff_ops=[[-1, s1[2].text]], edit_ratio=1.0),
        _pair(
            al,
            5,
            "added",
            [],
            [s2[3]],
            diff_ops=[[1, s2[3].text]],
            edit_ratio=1.0,
            flags={"names": ["Zelensky"]},
        ),
        _pair(al, 6, "changed", [s1[4]], [s2[4]], diff_ops=[[-1, XSS], [1, XSS + "!"]]),
        _pair(al, 7, "unchanged", [s1[5]], [s2[5]], diff_ops=[[0, s1[5].text]]),
    ]
    cross = Alignment(left_version_id=v1.id, right_version_id=vde.id, method="test", summary={})
    session.add_all(pairs + [cross])
    session.flush()
    compared = "Truppen zurück an der Front"
    session.add(
        _pair(
            cross,
            0,
            "changed",
            [s1[0]],
            [sde[0]],
            compared_text=compared,
            diff_ops=[[0, "Truppen "], [-1, "zurück"], [1, "wieder"], [0, " an der Front"]],
        )
    )
    return al.id, cross.id  # type: ignore[return-value]


@pytest.fixture
def corpus(settings: Settings) -> Corpus:
    """Two English versions (an edit) and a German one, with alignments and a translation."""
    with session_scope(get_engine(settings.database_url)) as session:
        a, b = Outlet(name="moscow-times"), Outlet(name="dpa")
        article = Article(slug="north-korean-troops", title="Troops back on the front line")
        session.add_all([a, b, article])
        session.flush()
        v1, s1 = _version(session, article, a, EN1, "en", 7)
        v2, s2 = _version(session, article, a, EN2, "en", 8)
        vde, sde = _version(session, article, b, DE, "de", 9)
        session.add(
            Translation(
                segment_id=s1[1].id,
                target_lang="de",
                model_id="test-en-de",
                text="Mehr als 10.000 Soldaten.",
                mt_text="Mehr als 10.000 Soldaten.",
                status="machine",
                revision=1,
            )
        )
        al, cross = _alignments(session, v1, s1, v2, s2, vde, sde)
        names = {
            "headline": s1[0].id,
            "soldiers": s1[1].id,
            "xss": s1[4].id,
            "appeal": s1[5].id,
            "de_headline": sde[0].id,
        }
        return Corpus(article.id, v1.id, v2.id, vde.id, names, al, cross)  # type: ignore[arg-type]
