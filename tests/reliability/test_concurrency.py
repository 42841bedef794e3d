"""Concurrency: parallel bulk jobs and parallel post-edits on one database.

Why: on a shared server two translators start the same bulk job, and several
people edit one segment at once.  Neither may duplicate rows or silently lose
an edit.
"""

from __future__ import annotations

import json
import subprocess
import threading
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select, text
from sqlmodel import Session

from tests.conftest import _fresh_database_url
from tests.reliability.conftest import (
    cache_state,
    cli_env,
    corpus_text,
    translation_state,
    workbench_exe,
)
from tests.web.conftest import Api
from workbench.config import Settings
from workbench.services.ingest import ingest_bytes
from workbench.services.translate import translate_versions
from workbench.store.db import get_engine, session_scope
from workbench.store.migrate import upgrade
from workbench.store.models import Segment, Translation, TranslationCacheEntry
from workbench.web import create_app

SENTENCES = 800


def _scalar(settings: Settings, statement) -> int:  # type: ignore[no-untyped-def]
    with Session(get_engine(settings.database_url)) as session:
        return int(session.scalar(statement) or 0)


def _two_parallel_jobs(settings: Settings) -> list[dict]:
    """Run ``workbench translate --to de --all`` twice at once; returns both JSON reports."""
    command = [workbench_exe(), "translate", "--to", "de", "--all", "--batch-size", "16", "--json"]
    env = cli_env(settings)
    procs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [proc.communicate(timeout=300) for proc in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err.decode()
    return [json.loads(out) for out, _ in outputs]


def _counts(settings: Settings) -> tuple[int, int, int, int]:
    """(segments, distinct segment texts, translations, cache entries)."""
    return (
        _scalar(settings, select(func.count()).select_from(Segment)),
        _scalar(settings, select(func.count(func.distinct(Segment.text_hash)))),
        _scalar(settings, select(func.count()).select_from(Translation)),
        _scalar(settings, select(func.count()).select_from(TranslationCacheEntry)),
    )


def test_two_processes_translating_one_corpus_write_no_duplicate_rows(
    mt_settings: Settings, tmp_path: Path
) -> None:
    data = corpus_text(SENTENCES).encode("utf-8")
    ingest_bytes(mt_settings, data, filename="long.txt", outlet="Wire", article="long")
    _two_parallel_jobs(mt_settings)

    segments, distinct_texts, translations, cache_entries = _counts(mt_settings)
    assert translations == segments
    assert cache_entries == distinct_texts
    duplicates = text(
        "SELECT segment_id, target_lang FROM translation"
        " GROUP BY segment_id, target_lang HAVING COUNT(*) > 1"
    )
    with get_engine(mt_settings.database_url).connect() as conn:
        assert conn.execute(duplicates).all() == []

    reference = mt_settings.with_(database_url=_fresh_database_url(tmp_path / "reference"))
    upgrade(reference.database_url)
    ingest_bytes(reference, data, filename="long.txt", outlet="Wire", article="long")
    translate_versions(reference, "de")
    engine, ref_engine = get_engine(mt_settings.database_url), get_engine(reference.database_url)
    assert translation_state(engine) == translation_state(ref_engine)
    assert cache_state(engine) == cache_state(ref_engine)


def test_two_processes_translating_one_corpus_do_not_duplicate_model_work(
    mt_settings: Settings,
) -> None:
    """Each segment is written by one job, and the model sees each distinct text once."""
    data = corpus_text(SENTENCES).encode("utf-8")
    ingest_bytes(mt_settings, data, filename="long.txt", outlet="Wire", article="long")
    reports = _two_parallel_jobs(mt_settings)
    segments, distinct_texts, _, _ = _counts(mt_settings)
    assert sum(r["translated"] + r["cached"] for r in reports) == segments, reports
    assert sum(r["translated"] for r in reports) == distinct_texts, reports


def _segment_with_translation(settings: Settings) -> int:
    result = ingest_bytes(
        settings, b"The mayor opened the bridge.\n", filename="a.txt", outlet="Wire"
    )
    with session_scope(get_engine(settings.database_url)) as session:
        segment_id = session.scalar(
            select(Segment.id).where(Segment.version_id == result.version_id)
        )
        assert segment_id is not None
        session.add(
            Translation(
                segment_id=segment_id,
                target_lang="de",
                text="Der Bürgermeister.",
                mt_text="Der Bürgermeister.",
                model_id="test",
            )  # fmt: skip
        )
    return segment_id


def test_twenty_concurrent_post_edits_one_winner_per_revision(settings: Settings) -> None:
    """20 editors race in rounds: each revision is won exactly once, the rest get 409."""
    segment_id = _segment_with_translation(settings)
    app = create_app(settings)
    app.config["TESTING"] = True
    url = f"/api/translations/{segment_id}/de"
    rounds, editors = 3, 20
    outcomes: list[tuple[int, int, int, str]] = []  # (round, status, base, text or revision)
    lock = threading.Lock()
    barrier = threading.Barrier(editors)

    def editor(n: int) -> None:
        api = Api(app.test_client())
        for r in range(rounds):
            barrier.wait()  # everybody read the same revision...
            base = 1 + r
            body = {"text": f"Fassung {r}-{n}", "base_revision": base, "status": "draft"}
            response = api.post(url, body)  # ...and everybody saves at once
            payload = response.get_json()
            with lock:
                saved = payload.get("translation") or payload.get("current") or {}
                outcomes.append((r, response.status_code, base, str(saved.get("revision"))))
                if response.status_code == 200:
                    outcomes.append((r, -1, base, payload["translation"]["text"]))
            barrier.wait()

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(editors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not any(thread.is_alive() for thread in threads)

    statuses = Counter((r, status) for r, status, _, _ in outcomes if status != -1)
    for r in range(rounds):
        assert statuses[(r, 200)] == 1, statuses
        assert statuses[(r, 409)] == editors - 1, statuses
    winners = {r: rev for r, status, _, rev in outcomes if status == 200}
    assert winners == {r: str(r + 2) for r in range(rounds)}
    last_text = next(t for r, status, _, t in outcomes if status == -1 and r == rounds - 1)
    with Session(get_engine(settings.database_url)) as session:
        row = session.scalar(select(Translation).where(Translation.segment_id == segment_id))
        assert row is not None
        assert (row.revision, row.text, row.status) == (rounds + 1, last_text, "draft")
        assert row.mt_text == "Der Bürgermeister."
