"""CLI: init, ingest, versions, show, and clean errors for bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from workbench.config import Settings

Cli = Callable[..., Result]
Counts = Callable[[], dict[str, int]]


def test_init_prints_the_database(cli: Cli, settings: Settings) -> None:
    result = cli("init")
    assert result.exit_code == 0, result.output
    assert settings.database_url in result.output


def test_ingest_versions_show_on_the_seed(cli: Cli, seed_article: Path) -> None:
    result = cli(
        "ingest", str(seed_article), "--outlet", "The Moscow Times", "--article", "seed",
        "--url", "https://example.org/seed", "--captured-at", "2025-02-07T10:00:00Z",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("created  version ")
    assert "33 segments, utf-8, language en" in result.stdout
    version_id = int(result.stdout.split()[2].rstrip(":"))

    again = cli("ingest", str(seed_article), "--outlet", "The Moscow Times")
    assert again.exit_code == 0 and again.stdout.startswith(f"existing version {version_id}:")

    listing = cli("versions", "--json")
    rows = json.loads(listing.stdout)
    assert [(r["id"], r["article"], r["outlet"], r["language"]) for r in rows] == [
        (version_id, "seed", "The Moscow Times", "en")
    ]
    assert rows[0]["captured_at"] == "2025-02-07T10:00:00Z"
    table = cli("versions", "--article", "seed")
    assert "The Moscow Times" in table.stdout and "seed" in table.stdout

    shown = cli("show", str(version_id))
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    assert any(line.split()[1:3] == ["link_residue", "en"] and line.endswith("Source link")
               for line in lines)  # fmt: skip
    assert any(line.split()[1:3] == ["comment_form", "de"] and "Schreibe einen" in line
               for line in lines)  # fmt: skip
    assert any(line.split()[1:3] == ["appeal", "en"] and line.endswith("Remind me later.")
               for line in lines)  # fmt: skip
    data = json.loads(cli("show", str(version_id), "--json").stdout)
    assert data["id"] == version_id and data["segments"][0]["role"] == "headline"
    assert "veröffentlicht" in cli("show", str(version_id), "--json").stdout  # ensure_ascii=False


def test_many_files_with_progress_and_one_bad(cli: Cli, counts: Counts, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("First story\n\nThe port reopened.", encoding="utf-8")
    (tmp_path / "two.html").write_text("<html><body><h1>Second</h1><p>Ferries resumed.</p>"
                                       "</body></html>", encoding="utf-8")  # fmt: skip
    (tmp_path / "three.json").write_text('{"title": "Third", "text": "Roads', encoding="utf-8")
    result = cli("ingest", str(tmp_path), "--outlet", "Wire")
    assert result.exit_code == 12  # partial: some stored, some refused
    assert result.stdout.count("created  version") == 2
    assert "three.json: malformed JSON at line 1, column" in result.stderr
    assert "Error: 1 of 3 files failed" in result.stderr
    assert counts()["Version"] == 2


def test_bad_inputs_give_clean_errors_and_change_nothing(
    cli: Cli, counts: Counts, tmp_path: Path
) -> None:
    cli("init")
    before = counts()
    cases = {
        "empty.txt": (b"", "empty input"),
        "binary.txt": (b"\x00\x01\x02\x03ELF\x00\x00", "binary file"),
        "bad.json": (b'{"title": "x",\n "text": }', "malformed JSON at line 2, column 10"),
        "doc.pdf": (b"%PDF-1.4\n...", "PDF"),
    }
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = cli("ingest", str(path), "--outlet", "Wire")
        assert result.exit_code == 2, (name, result.output)
        assert result.stderr.startswith("Error: ") and message in result.stderr, result.stderr
        assert "Traceback" not in result.output
    missing = cli("ingest", str(tmp_path / "nope.txt"), "--outlet", "Wire")
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    assert cli("show", "999999").exit_code == 3
    assert cli("versions", "--article", "unknown").exit_code == 3
    good = tmp_path / "good.txt"
    good.write_text("A story\n\nIt happened today.", encoding="utf-8")
    bad_time = cli("ingest", str(good), "--outlet", "W", "--captured-at", "soon")
    assert bad_time.exit_code == 2 and "ISO 8601" in bad_time.stderr
    assert counts() == before


def test_a_web_address_is_refused_as_one_not_as_a_missing_file(cli: Cli, counts: Counts) -> None:
    """``ingest https://...`` once said "no such file: https:/..." (slashes folded)."""
    before = counts()
    for url in ("https://example.org/news/flood", "HTTP://example.org", "ftp://host/a.txt"):
        result = cli("ingest", url, "--outlet", "Wire")
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"Error: {url} is a web address"), result.stderr
        assert "fetches no page" in result.stderr and "Traceback" not in result.output
    local = cli("ingest", "https:notes.txt", "--outlet", "Wire")  # a file name, not an address
    assert local.exit_code == 2 and "no such file: https:notes.txt" in local.stderr
    assert counts() == before


def test_commands_initialise_a_fresh_database(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from workbench.cli import main

    url = f"sqlite:///{tmp_path / 'fresh' / 'wb.db'}"
    result = CliRunner().invoke(main, ["--database-url", url, "versions"])
    assert result.exit_code == 0 and "No versions yet" in result.stdout


def test_show_filters_by_role(cli: Cli, seed_article: Path) -> None:
    cli("ingest", str(seed_article), "--outlet", "MT")
    version_id = json.loads(cli("versions", "--json").stdout)[0]["id"]
    data = json.loads(cli("show", str(version_id), "--role", "comment_form", "--json").stdout)
    assert [s["text"] for s in data["segments"]] == [
        "Schreibe einen Kommentar",
        "Deine E-Mail-Adresse wird nicht veröffentlicht.",
        "Erforderliche Felder sind mit * markiert",
    ]
