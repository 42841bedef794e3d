"""The README's main job: ``workbench demo`` on a fresh home, offline."""

from __future__ import annotations

from click.testing import CliRunner
from sqlmodel import Session, func, select

from workbench.cli import main
from workbench.config import Settings
from workbench.services.browse import list_articles
from workbench.services.demo import run_demo
from workbench.store.db import get_engine
from workbench.store.models import AlignedPair, Alignment, Translation, Version
from workbench.web import create_app


def _counts(settings: Settings) -> dict[str, int]:
    with Session(get_engine(settings.database_url)) as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in (Version, Translation, Alignment, AlignedPair)
        }


def test_demo_ingests_translates_compares_and_is_idempotent(settings: Settings) -> None:
    messages: list[str] = []
    result = run_demo(settings, log=messages.append)

    assert result.demo_models_installed, "a fresh home gets the generated demo models"
    assert any("DEMO models" in m for m in messages)
    outlets = {item.outlet for item in result.ingested}
    assert {"Northwire", "Rheinische Abendpost", "Portovyi Visnyk"} <= outlets
    assert {item.language for item in result.ingested} >= {"en", "de", "uk"}
    assert result.translated["de"] > 0 and result.translated["en"] > 0

    edit = result.comparisons[0]["summary"]
    assert edit["changed"] >= 1 and edit["added"] >= 1 and edit["removed"] >= 1
    assert edit["moved"] >= 1

    # one story, told by three outlets, in three languages
    (article,) = list_articles(settings)
    assert len(article["versions"]) == 4

    before = _counts(settings)
    again = run_demo(settings)
    assert not again.demo_models_installed
    assert [c["alignment_id"] for c in again.comparisons] == [
        c["alignment_id"] for c in result.comparisons
    ]
    assert _counts(settings) == before


def test_demo_result_is_served_by_the_ui(settings: Settings) -> None:
    result = run_demo(settings)
    client = create_app(settings).test_client()
    alignment_id = result.comparisons[1]["alignment_id"]
    page = client.get(f"/alignments/{alignment_id}")
    assert page.status_code == 200
    assert "Abendpost" in page.get_data(as_text=True)
    twin = client.get(f"/api/alignments/{alignment_id}").get_json()
    assert twin["ok"] is True


def test_demo_cli_without_serving(settings: Settings) -> None:
    runner = CliRunner()
    out = runner.invoke(
        main, ["--database-url", settings.database_url, "demo", "--no-serve"],
        env={"WORKBENCH_HOME": str(settings.home)},
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "Compare view: http://127.0.0.1:8000/alignments/" in out.output
