"""Compare is idempotent, refuses a version against itself, and calls unrelated texts so."""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import Session, select, update

from tests.story.conftest import COPY, UNRELATED, WIRE, Ingest
from tests.web.conftest import Api
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError
from workbench.services.alignment_store import aligner_digest, core_digest
from workbench.services.compare import compare_versions
from workbench.store.db import get_engine
from workbench.store.models import Alignment, Segment
from workbench.web import create_app


def _count(settings: Settings) -> int:
    with Session(get_engine(settings.database_url)) as session:
        return len(session.exec(select(Alignment.id)).all())


def test_same_comparison_returns_the_stored_alignment(settings: Settings, ingest: Ingest) -> None:
    left, right = ingest(WIRE, "wire"), ingest(COPY, "herald", 2)
    first = compare_versions(settings, left, right)
    again = compare_versions(settings, left, right, roles=["headline", "body"])
    assert not first.reused and again.reused
    assert again.alignment_id == first.alignment_id and again.summary == first.summary
    assert _count(settings) == 1
    other_roles = compare_versions(settings, left, right, roles="all")
    reverse = compare_versions(settings, right, left)
    assert len({first.alignment_id, other_roles.alignment_id, reverse.alignment_id}) == 3
    assert _count(settings) == 3


def test_a_changed_input_gives_a_fresh_alignment(settings: Settings, ingest: Ingest) -> None:
    left, right = ingest(WIRE, "wire"), ingest(COPY, "herald", 2)
    first = compare_versions(settings, left, right)
    with Session(get_engine(settings.database_url)) as session:  # a sentence relabelled
        session.exec(  # type: ignore[call-overload]
            update(Segment)
            .where(Segment.version_id == right, Segment.text.like("A temporary%"))  # type: ignore[union-attr]
            .values(role="appeal")
        )
        session.commit()
    second = compare_versions(settings, left, right)
    assert second.alignment_id != first.alignment_id and not second.reused
    assert second.summary["added"] == first.summary["added"] - 1


def test_concurrent_identical_compares_store_one(settings: Settings, ingest: Ingest) -> None:
    left, right = ingest(WIRE, "wire"), ingest(COPY, "herald", 2)
    ids: list[int] = []

    def run() -> None:
        ids.append(compare_versions(settings, left, right).alignment_id)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ids) == 3 and len(set(ids)) == 1 and _count(settings) == 1


def test_self_compare_is_refused_everywhere(settings: Settings, ingest: Ingest) -> None:
    version = ingest(WIRE, "wire")
    with pytest.raises(InputError, match="with itself"):
        compare_versions(settings, version, version)
    result = CliRunner().invoke(
        main, ["--database-url", settings.database_url, "compare", str(version), str(version)]
    )
    assert result.exit_code == 2 and "Error: cannot compare version" in result.output
    assert "Traceback" not in result.output
    api = Api(create_app(settings).test_client())
    response = api.post("/api/compare", {"left": version, "right": version})
    assert response.status_code == 422
    assert "with itself" in response.get_json()["error"]
    assert _count(settings) == 0


def test_unrelated_texts_are_a_verdict_not_a_page_of_changes(
    settings: Settings, ingest: Ingest
) -> None:
    wire, copy = ingest(WIRE, "wire"), ingest(COPY, "herald", 2)
    other = ingest(UNRELATED, "gazette", 3, article="orchards")
    related = compare_versions(settings, wire, copy).summary
    unrelated = compare_versions(settings, wire, other).summary
    assert related["relation"] == "related" and related["evidence"]["links"] >= 4
    assert unrelated["relation"] == "unrelated"
    assert unrelated["evidence"]["share"] < related["evidence"]["share"]
    api = Api(create_app(settings).test_client())
    response = api.post("/api/compare", {"left": wire, "right": other})
    assert response.status_code == 200 and response.get_json()["result"]["reused"]
    url = f"/alignments/{response.get_json()['alignment_id']}"
    page = api.client.get(url).get_data(as_text=True)
    assert "look unrelated" in page and 'class="pair' not in page
    shown = api.client.get(f"{url}?rows=all")
    assert 'class="pair' in shown.get_data(as_text=True)
    cli = CliRunner().invoke(
        main, ["--database-url", settings.database_url, "compare", str(wire), str(other)]
    )
    assert cli.exit_code == 0 and "unrelated" in cli.output and "reused" in cli.output


def test_cross_language_without_mt_is_not_judged(settings: Settings, ingest: Ingest) -> None:
    wire = ingest(WIRE, "wire")
    german = ingest(
        [
            "Sturmschaden legt die Hafenbrücke in Port Elden lahm",
            "",
            "Ingenieure sperrten die Hafenbrücke in Port Elden am Sonntag nach einer Sturmflut.",
            "Etwa 42.000 Fahrzeuge überqueren die Brücke täglich, teilte die Verkehrsbehörde mit.",
        ],
        "abendpost",
        4,
    )
    summary = compare_versions(settings, wire, german).summary
    assert summary["left_language"] == "en" and summary["right_language"] == "de"
    assert summary["relation"] == "unknown"


def test_cross_language_with_a_copy_model_is_not_judged(
    settings: Settings, ingest: Ingest, tmp_path: Path
) -> None:
    """web34: the demo's en->uk model copies its input, so the "MT" was English against
    Ukrainian; the demo's faithful Ukrainian republication was called "unrelated" (the
    compare view's banner hid its rows, the story desk said "no relation").  MT that
    translated no line is no MT: the relation is "unknown", as without a model."""
    from workbench.adapters.mt import install_package
    from workbench.services.compare_pairs import relation
    from workbench.testing.argos_models import build_test_packages

    assert settings.models_dir is not None
    for path in build_test_packages(tmp_path, (("en", "uk"),), demo=True).values():
        install_package(settings.models_dir, path)
    wire = ingest(WIRE, "wire")
    ukrainian = ingest(
        [
            "Шторм вивів з ладу гавань-міст у Порт-Елдені",
            "",
            "Інженери закрили міст у Порт-Елдені в неділю після штормового нагону.",
            "Близько 42 000 автомобілів щодня перетинають міст, повідомило управління.",
        ],
        "visnyk",
        4,
    )
    result = compare_versions(settings, wire, ukrainian)
    assert result.summary["right_language"] == "uk"
    assert result.summary["relation"] == "unknown" and result.summary["evidence"] is None

    class Line:  # a segment as ``relation`` reads it
        def __init__(self, text: str) -> None:
            self.text = text

    left = [Line("Engineers closed the bridge."), Line("About 42,000 cars a day.")]
    right = [Line("Інженери закрили міст."), Line("Близько 42 000 авто на день.")]
    copied = relation(left, right, ["Engineers  closed the bridge.", "About 42,000 cars a day."],
                      [], cross=True)  # type: ignore[arg-type]  # fmt: skip
    assert copied["relation"] == "unknown"
    same_language = relation(left, left, None, [], cross=False)  # type: ignore[arg-type]
    assert same_language["relation"] != "unknown"  # only a cross-language pair needs MT


def test_the_aligner_digest_reads_every_core_module(tmp_path: Path) -> None:
    """A change in any core module, listed or not, must give new alignments (round 24: the
    moved halves lived in a module a hand-kept list of nine did not name)."""
    core = resources.files("workbench") / "core"
    for source in core.iterdir():
        if source.is_file() and source.name.endswith((".py", ".json")):
            (tmp_path / source.name).write_bytes(source.read_bytes())
    assert core_digest(tmp_path) == aligner_digest()
    for name in ("align_move_halves.py", "check_durations.py", "align_decision.json"):
        copy = tmp_path / name
        kept = copy.read_bytes()
        copy.write_bytes(kept + b"\n")
        assert core_digest(tmp_path) != aligner_digest(), name
        copy.write_bytes(kept)
    (tmp_path / "notes.txt").write_text("not code", encoding="utf-8")
    assert core_digest(tmp_path) == aligner_digest()
