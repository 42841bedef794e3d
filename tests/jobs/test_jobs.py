"""Background translation jobs (in-process worker thread) and re-translation."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlmodel import select

from tests.mt.conftest import AddVersion
from workbench.adapters.mt import install_package
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError, NotFoundError
from workbench.services import jobs
from workbench.services.translate import translate_versions
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, Translation
from workbench.testing import corpus


def _rows(settings: Settings) -> dict[int, Translation]:
    with session_scope(get_engine(settings.database_url)) as session:
        return {t.segment_id: t for t in session.exec(select(Translation)).all()}


def _with_roles(settings: Settings, version_id: int, roles: list[str]) -> None:
    with session_scope(get_engine(settings.database_url)) as session:
        segs = session.exec(
            select(Segment).where(Segment.version_id == version_id).order_by(Segment.position)
        ).all()
        for seg, role in zip(segs, roles, strict=True):
            seg.role = role
            session.add(seg)


def test_job_runs_in_a_thread_and_reports_progress(
    mt_settings: Settings, add_version: AddVersion
) -> None:
    texts = corpus.sentences("en", 6, seed=2)
    vid = add_version([(t, "en") for t in texts])
    _with_roles(mt_settings, vid, ["headline", "body", "body", "appeal", "link_residue", "body"])
    job_id = jobs.start_job(mt_settings, "de", version_ids=[vid], include_boilerplate=False)
    state = jobs.wait_for(mt_settings, job_id, timeout=120)
    assert state["status"] == "done", state
    assert state["segments"] == {"done": 4, "total": 4}
    assert state["backend"] == "thread" and state["report"]["translated"] == 4
    assert state["params"]["include_boilerplate"] is False
    rows = _rows(mt_settings)
    assert len(rows) == 4
    assert [r["id"] for r in jobs.list_jobs(mt_settings)] == [job_id]
    again = jobs.wait_for(
        mt_settings, jobs.start_job(mt_settings, "de", story=None, version_ids=[vid])
    )
    assert again["report"]["translated"] == 2 and again["report"]["skipped_existing"] == 4


def test_job_errors(mt_settings: Settings, add_version: AddVersion) -> None:
    vid = add_version([("Dzień dobry.", "pl")])
    with pytest.raises(NotFoundError):
        jobs.start_job(mt_settings, "de", version_ids=[vid, 999])
    with pytest.raises(NotFoundError):
        jobs.start_job(mt_settings, "de", story=999)
    with pytest.raises(InputError):
        jobs.start_job(mt_settings, "xx", version_ids=[vid])
    with pytest.raises(NotFoundError):
        jobs.job_progress(mt_settings, 12345)
    state = jobs.wait_for(mt_settings, jobs.start_job(mt_settings, "de", version_ids=[vid]))
    assert state["status"] == "failed" and "pl→de" in state["error"]


def test_story_job_translates_all_its_versions(
    mt_settings: Settings, add_version: AddVersion
) -> None:
    first = add_version([("The mayor opened the bridge.", "en")])
    add_version([("The storm.", "en")])
    with session_scope(get_engine(mt_settings.database_url)) as session:
        from workbench.store.models import Version

        story = session.get(Version, first).article_id  # type: ignore[union-attr]
    state = jobs.wait_for(mt_settings, jobs.start_job(mt_settings, "de", story=story))
    assert state["status"] == "done" and state["segments"]["total"] == 1


def _reinstall_en_de(settings: Settings, tmp_path, version: str) -> None:  # type: ignore[no-untyped-def]
    from workbench.testing.argos_models import build_test_packages

    built = build_test_packages(tmp_path / f"v{version}", [("en", "de")])
    import zipfile

    src = built[("en", "de")]
    out = tmp_path / f"en_de-{version}.argosmodel"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith("metadata.json"):
                meta = json.loads(data)
                meta["package_version"] = version
                data = json.dumps(meta).encode()
            zout.writestr(item, data)
    assert settings.models_dir is not None
    install_package(settings.models_dir, out)


def test_retranslate_replaces_only_unedited_rows_of_another_model(
    mt_settings: Settings, add_version: AddVersion, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    texts = corpus.sentences("en", 4, seed=9)
    vid = add_version([(t, "en") for t in texts] + [("Hallo Welt.", "de")])
    translate_versions(mt_settings, "de", [vid])
    before = _rows(mt_settings)
    edited_id = sorted(before)[0]
    with session_scope(get_engine(mt_settings.database_url)) as session:
        row = session.exec(select(Translation).where(Translation.segment_id == edited_id)).one()
        row.text, row.status, row.revision = "Von Hand.", "approved", 2
        session.add(row)
    same = translate_versions(mt_settings, "de", [vid], retranslate=True)
    assert same.replaced == 0 and same.skipped_existing == 5  # same model: nothing to do
    _reinstall_en_de(mt_settings, tmp_path, "1.1")
    report = translate_versions(mt_settings, "de", [vid], retranslate=True)
    assert report.replaced == 3 and report.translated + report.cached == 3
    after = _rows(mt_settings)
    assert after[edited_id].text == "Von Hand." and after[edited_id].model_version == "1.0"
    changed = [s for s in after if after[s].model_version == "1.1"]
    assert len(changed) == 3 and all(after[s].revision == 2 for s in changed)
    assert [r.engine for r in after.values()].count("identity") == 1


def test_cli_retranslate_skip_boilerplate_and_jobs(
    mt_settings: Settings, add_version: AddVersion, monkeypatch: pytest.MonkeyPatch
) -> None:
    vid = add_version([("The storm.", "en"), ("Donate now.", "en")])
    _with_roles(mt_settings, vid, ["body", "appeal"])
    monkeypatch.setenv("WORKBENCH_HOME", str(mt_settings.home))
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", mt_settings.database_url)
    monkeypatch.setenv("WORKBENCH_MODELS_DIR", str(mt_settings.models_dir))
    runner = CliRunner()
    command = ["translate", "--to", "de", "--all", "--skip-boilerplate", "--json"]
    if mt_settings.database_url.startswith("sqlite"):
        command.append("--queue")  # no queue on SQLite: runs here (PostgreSQL: test_queue.py)
    out = runner.invoke(main, command)
    assert out.exit_code == 0, out.output
    report = json.loads(out.stdout)
    assert report["translated"] == 1 and report["complete"] is True
    out = runner.invoke(main, ["translate", "--to", "de", "--all", "--retranslate"])
    assert out.exit_code == 0 and "re-translated 0" in out.output
    job_id = jobs.start_job(mt_settings, "de", version_ids=[vid])
    jobs.wait_for(mt_settings, job_id)
    listed = runner.invoke(main, ["jobs"])
    assert listed.exit_code == 0 and f"#{job_id}" in listed.output and "done" in listed.output
    shown = json.loads(runner.invoke(main, ["jobs", str(job_id), "--json"]).output)
    assert shown["status"] == "done" and shown["report"]["skipped_existing"] == 2
    assert runner.invoke(main, ["jobs", "999"]).exit_code == 3
