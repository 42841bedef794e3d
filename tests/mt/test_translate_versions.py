"""Bulk translation of stored segments: rows, cache, skips, post-edits, crash and resume."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from tests.mt.conftest import AddVersion
from workbench.adapters.mt import STATS
from workbench.config import Settings
from workbench.errors import LanguagePairError, NotFoundError
from workbench.services.translate import translate_versions
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, Translation, TranslationCacheEntry
from workbench.testing import corpus

APPEAL = "The weather was without storm and the market opened today."


def _table(settings: Settings) -> list[tuple[Any, ...]]:
    """Translation rows keyed by (version, position): comparable across runs."""
    with session_scope(get_engine(settings.database_url)) as session:
        rows = session.exec(
            select(Segment, Translation).where(Translation.segment_id == Segment.id)
        ).all()
        return sorted(
            (
                s.version_id,
                s.position,
                t.target_lang,
                t.text,
                t.mt_text,
                t.status,
                t.engine,
                t.model_id,
                t.model_version,
                t.revision,
            )
            for s, t in rows
        )


def _corpus(add_version: AddVersion) -> list[int]:
    english = corpus.sentences("en", 12, seed=5)
    first = add_version(
        [(english[0], "en"), ("Schreibe einen Kommentar", "de"), (APPEAL, "en"), ("???", None)]
        + [(t, "en") for t in english[1:6]]
        + [("Мэр открыл новый мост.", "ru"), ("Dzień dobry.", "pl")]
    )
    second = add_version([(t, "en") for t in english[6:]] + [(APPEAL, "en")])
    return [first, second]


def test_translates_versions_into_rows(mt_settings: Settings, add_version: AddVersion) -> None:
    first, second = _corpus(add_version)
    report = translate_versions(mt_settings, "de", None, batch_size=4)
    assert report.failed_pairs.keys() == {"pl→de"} and report.failed == 1
    assert (report.skipped_same_lang, report.skipped_unknown_lang) == (1, 1)
    assert report.translated + report.cached == 15
    assert report.cached >= 1  # the appeal repeated in the second version
    assert report.total == 18
    rows = {(r[0], r[1]): r for r in _table(mt_settings)}
    assert len(rows) == 16
    appeal = rows[(first, 2)]
    assert appeal[3] == corpus.dictionary_reference(APPEAL) == appeal[4]
    assert appeal[5:9] == ("machine", "argos", "argos:en_de", "1.0")
    assert rows[(second, 6)][3] == appeal[3]
    assert rows[(first, 1)][3:8] == ("Schreibe einen Kommentar",) * 2 + (
        "machine",
        "identity",
        "identity",
    )
    assert rows[(first, 9)][7:9] == ("argos:ru_en+argos:en_de", "1.0+1.0")
    assert (first, 3) not in rows and (first, 10) not in rows


def test_rerun_does_no_model_work_and_keeps_post_edits(
    mt_settings: Settings, add_version: AddVersion
) -> None:
    ids = _corpus(add_version)
    translate_versions(mt_settings, "de", ids)
    with session_scope(get_engine(mt_settings.database_url)) as session:
        edited = session.exec(select(Translation).order_by(Translation.id)).first()
        assert edited is not None
        edited.text, edited.status, edited.revision = "Von Hand.", "approved", 2
        session.add(edited)
    before_rows, before_model = _table(mt_settings), STATS.segments
    report = translate_versions(mt_settings, "de", ids)
    assert STATS.segments == before_model
    assert report.translated == report.cached == 0 and report.skipped_existing == 16
    assert _table(mt_settings) == before_rows
    assert any(r[3] == "Von Hand." and r[5] == "approved" for r in before_rows)


def test_cache_serves_a_fresh_target_table(mt_settings: Settings, add_version: AddVersion) -> None:
    ids = _corpus(add_version)
    translate_versions(mt_settings, "de", ids)
    with session_scope(get_engine(mt_settings.database_url)) as session:
        for row in session.exec(select(Translation)).all():
            session.delete(row)
    before = STATS.segments
    report = translate_versions(mt_settings, "de", ids)
    assert STATS.segments == before and report.translated == 0 and report.cached == 15


class Crash(Exception):
    """Injected failure after the first committed batch."""


def test_resume_after_crash_matches_uninterrupted_run(
    mt_settings: Settings, add_version: AddVersion
) -> None:
    ids = _corpus(add_version)

    def crash_after_first_batch(done: int, total: int) -> None:
        if done > 0:
            raise Crash

    with pytest.raises(Crash):
        translate_versions(mt_settings, "de", ids, progress=crash_after_first_batch, batch_size=3)
    survived = len(_table(mt_settings))
    assert 1 <= survived <= 3  # exactly the first committed chunk survived
    resumed = translate_versions(mt_settings, "de", ids, batch_size=3)
    assert resumed.skipped_existing == survived
    after_resume = _table(mt_settings)

    with session_scope(get_engine(mt_settings.database_url)) as session:
        for model in (Translation, TranslationCacheEntry):
            for row in session.exec(select(model)).all():
                session.delete(row)
    translate_versions(mt_settings, "de", ids, batch_size=3)
    assert _table(mt_settings) == after_resume
    assert len({(r[0], r[1], r[2]) for r in after_resume}) == len(after_resume) == 16


def test_progress_and_errors(mt_settings: Settings, add_version: AddVersion) -> None:
    ids = _corpus(add_version)
    calls: list[tuple[int, int]] = []
    translate_versions(mt_settings, "uk", ids[1:], progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 7) and calls[-1] == (7, 7)
    with pytest.raises(NotFoundError, match="no such version"):
        translate_versions(mt_settings, "de", [ids[0], 999_999])
    with pytest.raises(LanguagePairError):
        translate_versions(mt_settings, "not a language", ids)
