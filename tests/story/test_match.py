"""Folder ingest into a story: ``--article`` for all, else the story each capture resembles."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.story.conftest import COPY, UNRELATED, WIRE
from workbench.cli import main
from workbench.config import Settings
from workbench.services.browse import list_versions
from workbench.services.ingest import ingest_bytes
from workbench.testing.corpus import dictionary_reference


def _capture(folder: Path, name: str, outlet: str, lines: list[str], day: int) -> None:
    meta = {"outlet": outlet, "captured_at": f"2026-03-{day:02d}T08:00:00Z",
            "title": lines[0], "text": "\n".join(lines[2:])}  # fmt: skip
    (folder / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def _stories(settings: Settings) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for v in list_versions(settings):
        out.setdefault(v["article"], set()).add(v["outlet"])
    return out


def _run(settings: Settings, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--database-url", settings.database_url, "ingest", *args])


def test_folder_into_a_named_story(settings: Settings, tmp_path: Path) -> None:
    for k, (outlet, lines) in enumerate((("wire", WIRE), ("herald", COPY), ("gazette", UNRELATED))):
        _capture(tmp_path, outlet, outlet, lines, k + 1)
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not an ingestible file: not walked
    result = _run(settings, str(tmp_path), "--article", "harbour")
    assert result.exit_code == 0, result.output
    assert _stories(settings) == {"harbour": {"wire", "herald", "gazette"}}
    assert "attached to story" not in result.output  # named: no matching


def test_captures_join_the_story_they_resemble(settings: Settings, tmp_path: Path) -> None:
    first, second = tmp_path / "day1", tmp_path / "day2"
    first.mkdir()
    second.mkdir()
    _capture(first, "wire", "wire", WIRE, 1)
    assert _run(settings, str(first), "--article", "bridge").exit_code == 0
    _capture(second, "a-herald", "herald", COPY, 2)
    _capture(second, "b-gazette", "gazette", UNRELATED, 3)
    result = _run(settings, str(second))
    assert result.exit_code == 0, result.output
    stories = _stories(settings)
    assert stories["bridge"] == {"wire", "herald"}
    assert [s for s, outlets in stories.items() if outlets == {"gazette"}]
    assert "attached to story bridge (resembles version" in result.output
    assert "new story volunteers-plant" in result.output and "above 0.20" in result.output
    as_json = _run(settings, str(second), "--json")  # same bytes again: nothing new
    assert as_json.exit_code == 0


def test_across_languages_through_mt(mt_settings: Settings) -> None:
    english = [
        "The mayor opened the new bridge after the storm.",
        "The police reported two workers and children at the train station.",
        "The town council approved the school budget yesterday morning.",
        "Farmers closed the old road after the flood.",
    ]
    german = [dictionary_reference(line) for line in english]  # what the EN->DE model says
    stored = ingest_bytes(mt_settings, "\n".join(german).encode(), filename="de.txt",
                          outlet="abendpost", article="brücke")  # fmt: skip
    assert stored.language == "de"
    found = ingest_bytes(mt_settings, "\n".join(english).encode(), filename="en.txt",
                         outlet="northwire", match_story=True)  # fmt: skip
    assert found.language == "en" and found.article == "brücke"
    assert found.match is not None and found.match["translated"] is True
    other = ingest_bytes(mt_settings, "\n".join(UNRELATED[2:]).encode(), filename="x.txt",
                         outlet="gazette", match_story=True)  # fmt: skip
    assert other.article != "brücke" and other.match is not None and other.match["slug"] is None


def test_a_shared_title_alone_never_joins_a_story(settings: Settings, tmp_path: Path) -> None:
    """Scraped titles are often chrome ("News › World"): same title, unrelated text -> two
    stories; same title and related text -> one, by resemblance, said so."""
    chrome = "News \u203a World"
    _capture(tmp_path, "a-wire", "wire", [chrome, "", *WIRE[2:]], 1)
    _capture(tmp_path, "b-gazette", "gazette", [chrome, "", *UNRELATED[2:]], 2)
    _capture(tmp_path, "c-herald", "herald", [chrome, "", *COPY[2:]], 3)
    result = _run(settings, str(tmp_path))
    assert result.exit_code == 0, result.output
    assert _stories(settings) == {"news-world": {"wire", "herald"}, "news-world-2": {"gazette"}}
    assert "new story news-world-2 (no stored story resembles it above 0.20)" in result.output
    assert "attached to story news-world (resembles version" in result.output
