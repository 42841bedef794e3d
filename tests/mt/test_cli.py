"""``workbench models ...`` and ``workbench translate`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.mt.conftest import AddVersion
from workbench.cli import main
from workbench.config import Settings

Packages = dict[tuple[str, str], Path]


def _run(settings: Settings, *args: str) -> Result:
    env = {
        "WORKBENCH_HOME": str(settings.home),
        "WORKBENCH_DATABASE_URL": settings.database_url,
        "WORKBENCH_MODELS_DIR": str(settings.models_dir),
        "WORKBENCH_MT_THREADS": "1",
        "WORKBENCH_ARGOS_INDEX_URL": "http://127.0.0.1:9/index.json",
    }
    return CliRunner().invoke(main, list(args), env=env)


def test_models_install_list_remove(settings: Settings, argos_packages: Packages) -> None:
    result = _run(settings, "models", "install", str(argos_packages[("en", "de")]))
    assert result.exit_code == 0, result.output
    assert "Installed argos:en_de@1.0" in result.output
    assert settings.models_dir is not None
    (settings.models_dir / "junk").mkdir()
    listing = _run(settings, "models", "list")
    assert "en → de  1.0" in listing.output and "BROKEN   junk: no metadata.json" in listing.output
    data = json.loads(_run(settings, "models", "list", "--json").output)
    assert [(d["from_code"], d["to_code"], d["broken"]) for d in data] == [
        ("en", "de", False),
        ("", "", True),
    ]
    assert _run(settings, "models", "remove", "en", "de").exit_code == 0
    missing = _run(settings, "models", "remove", "en", "de")
    assert missing.exit_code == 3 and "Error: no installed model for en → de" in missing.output


def test_models_errors(settings: Settings, tmp_path: Path) -> None:
    corrupt = tmp_path / "bad.argosmodel"
    corrupt.write_bytes(b"PK\x03\x04 truncated")
    result = _run(settings, "models", "install", str(corrupt))
    assert result.exit_code == 6 and result.output.startswith("Error: bad.argosmodel")
    offline = _run(settings, "models", "available")
    assert offline.exit_code == 7
    assert "workbench models install PATH.argosmodel" in offline.output
    assert _run(settings, "models", "install", "en", "de").exit_code == 7


def test_translate_versions_cli(mt_settings: Settings, add_version: AddVersion) -> None:
    vid = add_version([("The mayor opened the bridge.", "en"), ("Guten Tag.", "de")])
    result = _run(mt_settings, "translate", "--to", "de", "--version", str(vid), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{") :])
    assert (report["translated"], report["skipped_same_lang"]) == (1, 1)
    again = _run(mt_settings, "translate", "--to", "de", "--all")
    assert again.exit_code == 0 and "already done 2" in again.output


def test_translate_cli_errors(mt_settings: Settings, add_version: AddVersion) -> None:
    vid = add_version([("Dzień dobry.", "pl")])
    failed = _run(mt_settings, "translate", "--to", "de", "--version", str(vid))
    assert failed.exit_code == 5 and "no translation model for pl → de" in failed.output
    assert _run(mt_settings, "translate", "--to", "de").exit_code == 2  # no mode chosen
    bad = _run(mt_settings, "translate", "--to", "??", "--all")
    assert bad.exit_code == 2 and "unknown language code" in bad.output  # bad input, not a model
    assert _run(mt_settings, "translate", "--to", "de", "--version", "999999").exit_code == 3


def test_translate_files(mt_settings: Settings, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("The mayor opened the bridge.\n\n  The storm.\n", encoding="utf-8")
    (src / "b.md").write_bytes("\ufeffwater and road.".encode())
    out = tmp_path / "out"
    result = _run(
        mt_settings,
        "translate",
        "--to",
        "de",
        "--from",
        "en",
        "--out",
        str(out),
        str(src / "a.txt"),
        str(src / "b.md"),
    )
    assert result.exit_code == 0, result.output
    assert (out / "a.txt").read_text(encoding="utf-8") == (
        "Die Bürgermeister eröffnete die Brücke.\n\n  Die Sturm.\n"
    )
    assert (out / "b.md").read_text(encoding="utf-8") == "Wasser und Straße."


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"  \n", "is empty"), (b"\x00\x01\x02\x03binary", "binary"), (b"%PDF-1.4 x", "PDF")],
)
def test_translate_files_bad_input_writes_nothing(
    mt_settings: Settings, tmp_path: Path, content: bytes, message: str
) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("The storm.", encoding="utf-8")
    bad.write_bytes(content)
    out = tmp_path / "out"
    args = ["translate", "--to", "de", "--from", "en", "--out", str(out), str(good), str(bad)]
    result = _run(mt_settings, *args)
    assert result.exit_code == 2 and message in result.output
    assert not out.exists() or not any(out.iterdir())


def test_translate_files_detects_encoding_and_language(
    mt_settings: Settings, tmp_path: Path
) -> None:
    russian = "Мэр открыл новый мост сегодня. Полиция сообщила о шторме вчера.\n"
    german = "Der Bürgermeister eröffnete gestern die neue Brücke über den Fluss.\n"
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    (tmp_path / "de.txt").write_text(german, encoding="utf-8")
    out = tmp_path / "out"
    files = [str(tmp_path / "ru.txt"), str(tmp_path / "de.txt")]
    result = _run(mt_settings, "translate", "--to", "en", "--out", str(out), *files)
    assert result.exit_code == 0, result.output
    # ru->en and de->en are copy models: the decoded text comes back exactly
    assert (out / "ru.txt").read_text(encoding="utf-8") == russian
    assert (out / "de.txt").read_text(encoding="utf-8") == german
    no_model = _run(mt_settings, "translate", "--to", "pl", "--out", str(out), files[1])
    assert no_model.exit_code == 5 and "de → pl" in no_model.output
