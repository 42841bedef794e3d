"""A bulk translation never holds the SQLite write lock while the model works.

Why: ``translate`` used to keep the write lock through a whole batch of model
work; with a real-size model, 3 of 4 post-edits from the web failed with
"database is locked" after 31-34 s.  Now each batch is translated outside any
write transaction and written in one short transaction.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlmodel import select

from workbench.adapters.mt import engine as mt_engine
from workbench.adapters.mt import install_package
from workbench.config import Settings
from workbench.services.ingest import ingest_bytes
from workbench.services.postedit import save_translation
from workbench.services.translate import translate_versions
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment
from workbench.testing.argos_models import build_random_package


def _sqlite_only(settings: Settings) -> Path:
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("the write lock is SQLite's; PostgreSQL locks rows (see tests/mt)")
    return Path(settings.database_url.split("///", 1)[1])


def _story(n: int, tag: str) -> bytes:
    return "\n\n".join(f"The mayor opened bridge number {i} of {tag}." for i in range(n)).encode()


def _segment_ids(settings: Settings, version_id: int) -> list[int]:
    with session_scope(get_engine(settings.database_url)) as session:
        rows = session.exec(select(Segment.id).where(Segment.version_id == version_id))
        return sorted(rows)


def test_model_work_runs_without_the_write_lock(
    mt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the model translates, another connection can take the write lock at once."""
    database = _sqlite_only(mt_settings)
    version = ingest_bytes(mt_settings, _story(12, "a"), filename="a.txt", outlet="W").version_id
    real = mt_engine.LoadedModel.translate
    probes: list[bool] = []

    def probing(self, texts, prefixes=None):  # type: ignore[no-untyped-def]
        other = sqlite3.connect(database, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")  # fails at once if anyone holds the write lock
            other.execute("ROLLBACK")
            probes.append(True)
        except sqlite3.OperationalError:
            probes.append(False)
        finally:
            other.close()
        return real(self, texts, prefixes)

    monkeypatch.setattr(mt_engine.LoadedModel, "translate", probing)
    report = translate_versions(mt_settings, "de", [version], batch_size=4)
    assert report.translated == 12
    assert probes and all(probes), probes


@pytest.fixture(scope="module")
def real_size_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An en->de package of real size (6+6 layers, d=512, 32k vocabulary, random weights)."""
    folder = tmp_path_factory.mktemp("real-size")
    return build_random_package(folder / "en_de-big.argosmodel")


def test_post_edits_succeed_during_a_bulk_run_with_a_real_size_model(
    settings: Settings, real_size_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sqlite_only(settings)
    mt = settings.with_(mt_threads=1)
    assert mt.models_dir is not None
    install_package(mt.models_dir, real_size_package)
    bulk = ingest_bytes(mt, _story(8, "bulk"), filename="b.txt", outlet="W").version_id
    edited = ingest_bytes(mt, _story(20, "edit"), filename="e.txt", outlet="V").version_id
    targets = _segment_ids(mt, edited)
    errors: list[BaseException] = []
    saved: list[dict] = []
    translating = threading.Event()
    real = mt_engine.LoadedModel.translate

    def signalling(self, texts, prefixes=None):  # type: ignore[no-untyped-def]
        translating.set()
        return real(self, texts, prefixes)

    monkeypatch.setattr(mt_engine.LoadedModel, "translate", signalling)

    def run() -> None:
        try:
            translate_versions(mt, "de", [bulk], batch_size=4)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert translating.wait(600), "the bulk run never reached the model"
    for i, segment_id in enumerate(targets):  # during the run: one every 0.1 s
        saved.append(save_translation(mt, segment_id, "de", f"Übersetzung {i}.", base_revision=0))
        time.sleep(0.1)
    worker.join()
    assert not errors, errors
    assert len(saved) == 20 and all(s["revision"] == 1 for s in saved)
