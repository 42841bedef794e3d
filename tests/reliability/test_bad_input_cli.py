"""Bad input through the CLI: a clear ``Error:`` message, the right exit code, nothing stored.

Why every case checks the same three things (exit code, a message naming the
problem, every row of every table unchanged): "bad input gets a clear error
and nothing is lost" is one promise, whatever the command.  The web side of
the same promise is ``test_bad_input_web.py``.
"""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.reliability.conftest import PNG, UTF8_GERMAN, snapshot
from workbench.cli import main
from workbench.config import Settings
from workbench.services.ingest import ingest_bytes
from workbench.store.db import get_engine

pytestmark = pytest.mark.bad_input  # each case: one kind (tests/reliability/kinds.py)

OFFLINE_INDEX = "http://127.0.0.1:9/index.json"  # loopback discard port: refused at once


def _cli(settings: Settings, args: list[str]) -> Result:
    env = {
        "WORKBENCH_DATABASE_URL": settings.database_url,
        "WORKBENCH_HOME": str(settings.home),
        "WORKBENCH_MODELS_DIR": str(settings.models_dir),
        "WORKBENCH_ARGOS_INDEX_URL": OFFLINE_INDEX,
    }
    return CliRunner().invoke(main, args, env=env)


def _assert_refused(settings: Settings, run: Callable[[], Result], code: int, needle: str) -> None:
    """``run`` fails with ``code`` and ``Error: ...needle...``; the database is untouched."""
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    result = run()
    assert result.exit_code == code, result.output
    assert needle.lower() in result.output.lower(), result.output
    assert "Traceback" not in result.output
    assert snapshot(engine) == before


# --------------------------------------------------------------------------- CLI ingest

INGEST_CASES = [
    ("empty.txt", b"", [], "empty"),
    ("blank.txt", b"  \n\t \r\n", [], "empty"),
    ("picture.txt", PNG, [], "binary"),
    ("nul.txt", b"abc\x00\x01\x02def\x00" * 51, [], "binary"),
    ("controls.txt", bytes(range(1, 9)) * 200, [], "binary"),
    ("mixed.txt", UTF8_GERMAN * 3 + "Grüße".encode("latin-1") + b"\n", [], "mixed encodings"),
    ("badbom.txt", codecs.BOM_UTF8 + b"ok \xff\xfe\xfd", [], "byte-order mark"),
    ("odd.txt", codecs.BOM_UTF16_LE + "Hello world".encode("utf-16-le")[:-1], [], "utf-16"),
    ("truncated.json", b'{"text": "The mayor opened the', [], "json"),
    ("list.json", b'["The mayor opened the bridge."]', [], "one object"),
    ("notext.json", b'{"title": "Only a title"}', [], "'text'"),
    ("number.json", b'{"text": 42}', [], "must be a string"),
    ("scripts.html", b"<html><body><script>alert(1)</script></body></html>", [], "no visible"),
    ("fine.txt", b"The council approved the budget.\n", ["--captured-at", "yesterday"], "ISO"),
    ("fine.txt", b"The council approved the budget.\n", ["--format", "xml"], "invalid value"),
]


@pytest.mark.parametrize(("name", "data", "extra", "needle"), INGEST_CASES)
def test_cli_ingest_refuses_bad_files(
    seeded: Settings, tmp_path: Path, name: str, data: bytes, extra: list[str], needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    args = ["ingest", str(path), "--outlet", "Wire", *extra]
    _assert_refused(seeded, lambda: _cli(seeded, args), 2, needle)


def test_cli_ingest_refuses_a_huge_file(seeded: Settings, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"The mayor opened the bridge. " * (seeded.max_upload_bytes // 29 + 10))
    args = ["ingest", str(path), "--outlet", "Wire"]
    _assert_refused(seeded, lambda: _cli(seeded, args), 2, "limit")


def test_cli_ingest_refuses_missing_path_and_missing_outlet(
    seeded: Settings, tmp_path: Path
) -> None:
    missing = ["ingest", str(tmp_path / "nope.txt"), "--outlet", "Wire"]
    _assert_refused(seeded, lambda: _cli(seeded, missing), 2, "no such file")
    good = tmp_path / "good.txt"
    good.write_bytes(b"The council approved the budget.\n")
    _assert_refused(seeded, lambda: _cli(seeded, ["ingest", str(good)]), 2, "outlet")


# ----------------------------------------------------------------------- CLI translate etc.

MT_CASES = [
    (["translate", "--to", "Deutsch!", "--all"], 2, "unknown language code"),
    (["translate", "--to", "xx", "--all"], 5, "no translation model"),
    (["translate", "--to", "de", "--version", "999999"], 3, "999999"),
    (["translate", "--to", "de", "--all", "--version", "1"], 2, "exactly one"),
    (["translate", "--to", "de", "no-such-file.txt", "--out", "out"], 2, "no such file"),
    (["models", "remove", "xx", "yy"], 3, "xx"),
    (["compare", "999998", "999999"], 3, "not found"),
    (["export", "999999"], 3, "999999"),
    (["export", "1", "--format", "docx"], 2, "invalid value"),
    (["show", "999999"], 3, "999999"),
]


@pytest.mark.parametrize(("args", "code", "needle"), MT_CASES)
def test_cli_refuses_unknown_languages_pairs_and_ids(
    mt_settings: Settings, args: list[str], code: int, needle: str
) -> None:
    ingest_bytes(mt_settings, b"The mayor opened the bridge.\n", filename="s.txt", outlet="W")
    _assert_refused(mt_settings, lambda: _cli(mt_settings, args), code, needle)


ALIGN_FILES = {
    "de.txt": b"Hallo Welt.\nZweiter Satz.\n",
    "fr.txt": b"Bonjour le monde.\nDeuxieme phrase.\n",
    "empty.txt": b"",
    "binary.txt": PNG,
    "short-mt.txt": b"Bonjour.\n",
}
ALIGN_CASES = [
    (["empty.txt", "fr.txt"], "is empty"),
    (["de.txt", "binary.txt"], "binary"),
    (["de.txt", "missing.txt"], "missing.txt"),
    (["de.txt", "fr.txt", "--translation", "short-mt.txt"], "has 1 lines"),
    (["de.txt", "fr.txt", "--format", "xml"], "invalid value"),
]


@pytest.mark.parametrize(("args", "needle"), ALIGN_CASES)
def test_cli_align_refuses_bad_sentence_files(
    seeded: Settings, tmp_path: Path, args: list[str], needle: str
) -> None:
    for name, data in ALIGN_FILES.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / a) if a.endswith(".txt") else a for a in args]
    _assert_refused(seeded, lambda: _cli(seeded, ["align", *paths]), 2, needle)


@pytest.mark.parametrize("args", [["models", "available"], ["models", "install", "en", "de"]])
def test_cli_model_index_offline_names_the_offline_alternative(
    seeded: Settings, args: list[str]
) -> None:
    _assert_refused(seeded, lambda: _cli(seeded, args), 7, ".argosmodel")


def test_cli_translate_without_any_model_names_the_fix(seeded: Settings) -> None:
    args = ["translate", "--to", "de", "--all"]
    _assert_refused(seeded, lambda: _cli(seeded, args), 5, "models install")


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _package_cases(tmp: Path, good: Path) -> dict[str, tuple[Path, str]]:
    truncated = tmp / "truncated.argosmodel"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    flipped = bytearray(good.read_bytes())
    payload = bytes(flipped).find(b"shared_vocabulary")  # the member name in a local header
    flipped[payload + 200 : payload + 260] = bytes(60)  # zero a run of the member's data
    bad_crc = tmp / "badcrc.argosmodel"
    bad_crc.write_bytes(bytes(flipped))
    garbage = tmp / "garbage.argosmodel"
    garbage.write_bytes(b"this is not a zip archive at all\n" * 20)
    return {
        "garbage": (garbage, "not a zip"),
        "truncated": (truncated, "not a zip"),
        "bad-crc": (bad_crc, "corrupt"),
        "traversal": (
            _zip(tmp / "slip.argosmodel", {"pkg/metadata.json": b"{}", "../../evil.txt": b"x"}),
            "unsafe path",
        ),
        "two-folders": (_zip(tmp / "two.argosmodel", {"a/x": b"1", "b/y": b"2"}), "one top-level"),
        "no-metadata": (
            _zip(tmp / "nometa.argosmodel", {"pkg/model/model.bin": b"\0" * 64}),
            "not a usable",
        ),
    }


@pytest.mark.parametrize(
    "case", ["garbage", "truncated", "bad-crc", "traversal", "two-folders", "no-metadata"]
)
def test_cli_refuses_corrupt_model_packages(
    seeded: Settings,
    tmp_path: Path,
    argos_packages: dict[tuple[str, str], Path],
    case: str,
) -> None:
    path, needle = _package_cases(tmp_path, argos_packages[("en", "de")])[case]
    args = ["models", "install", str(path)]
    _assert_refused(seeded, lambda: _cli(seeded, args), 6, needle)
    assert seeded.models_dir is not None
    leftovers = list(seeded.models_dir.glob("*")) if seeded.models_dir.exists() else []
    assert leftovers == [], "a failed install left files behind"
    assert not any(p.name == "evil.txt" for p in tmp_path.parent.rglob("evil.txt"))
    listed = _cli(seeded, ["models", "list"])
    assert listed.exit_code == 0, listed.output


def test_cli_refuses_a_missing_model_file(seeded: Settings, tmp_path: Path) -> None:
    args = ["models", "install", str(tmp_path / "missing.argosmodel")]
    _assert_refused(seeded, lambda: _cli(seeded, args), 2, "no such package file")


# ------------------------------------------------------------- round 43 sweep (reliab43)

#: Numbers and folders the round-43 sweep found accepted, clamped or crashing:
#: ``jobs --limit -1`` was "unexpected DataError" on PostgreSQL (``LIMIT -1``) and every
#: job on SQLite; ``--watch`` alone listed once and exited 0; ``--batch-size 0/-3`` ran as
#: 1; an empty folder given to ``ingest`` printed nothing and exited 0.
SWEEP43_CASES = [
    (["jobs", "--limit", "-1"], "between 1 and"),
    (["jobs", "--limit", "0"], "between 1 and"),
    (["jobs", "--watch"], "needs a job_id"),
    (["translate", "--to", "de", "--all", "--batch-size", "0"], "batch size"),
    (["translate", "--to", "de", "--all", "--batch-size", "-3"], "batch size"),
    (["ingest", "{empty}", "--outlet", "Wire"], "holds no file"),
    (["ingest", "{nested}", "--outlet", "Wire"], "holds no file"),
]


@pytest.mark.parametrize(("args", "needle"), SWEEP43_CASES)
def test_cli_refuses_odd_numbers_and_empty_folders(
    seeded: Settings, tmp_path: Path, args: list[str], needle: str
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "nested" / "only" / "folders").mkdir(parents=True)
    (tmp_path / "nested" / "photo.png").write_bytes(PNG)  # not a kind ingest reads
    folders = {"empty": str(tmp_path / "empty"), "nested": str(tmp_path / "nested")}
    filled = [a.format(**folders) for a in args]
    _assert_refused(seeded, lambda: _cli(seeded, filled), 2, needle)


#: ``workbench worker`` numbers (PostgreSQL only: on SQLite the worker is refused first).
#: ``--heartbeat nan``/``inf`` ended in "unexpected ConnectorException" (exit 1);
#: ``--heartbeat 0``/``-1`` beat in a busy loop and ``--concurrency 0`` ran one block.
WORKER43_CASES = [
    (["--heartbeat", "nan"], "heartbeat"),
    (["--heartbeat", "inf"], "heartbeat"),
    (["--heartbeat", "0"], "heartbeat"),
    (["--heartbeat", "-1"], "heartbeat"),
    (["--concurrency", "0"], "concurrency"),
    (["--concurrency", "-2"], "concurrency"),
]


@pytest.mark.backends("postgresql")
@pytest.mark.parametrize(("args", "needle"), WORKER43_CASES)
def test_cli_worker_refuses_odd_numbers_before_it_starts(
    seeded: Settings, args: list[str], needle: str
) -> None:
    run = lambda: _cli(seeded, ["worker", "--burst", *args])  # noqa: E731
    _assert_refused(seeded, run, 2, needle)
    assert "Worker on" not in run().output  # refused before it says it started


# ------------------------------------------------------------- round 44 (reliab44)

#: Empty and blank values, ``-`` and folders where a file is wanted.  Before: ``--article
#: ''``, ``--url ''``, ``--captured-at ' '`` stored the capture as if not given (exit 0);
#: ``--database-url ''`` used the default database; ``ingest ''`` ingested the working
#: folder (``Path('')`` is ``.``); ``--to ' '`` was "unknown language ' '"; ``show ' '``,
#: ``export 1 --format ''`` and a folder for a file were click's three-line usage text;
#: ``-`` was "no such file: -"; ``story ''`` was "no article with slug ''" (exit 3).
BLANK44_CASES = [
    (["ingest", "{good}", "--outlet", "Wire", "--article", ""], "article is empty"),
    (["ingest", "{good}", "--outlet", "Wire", "--article", " "], "article is empty"),
    (["ingest", "{tmp}", "--outlet", "Wire", "--article", ""], "article is empty"),  # once
    (["ingest", "{good}", "--outlet", "Wire", "--url", ""], "url is empty"),
    (["ingest", "{good}", "--outlet", "Wire", "--captured-at", " "], "captured_at is empty"),
    (["--database-url", "", "versions"], "--database-url is empty"),
    (["show", "1", "--to", " "], "no target language given"),
    (["translate", "--to", "", "--all"], "no language code given"),
    (["translation", "export", "1", "--to", " "], "no target language given"),
    (["show", " "], "version_id is empty"),
    (["export", "1", "--format", ""], "--format is empty"),
    (["story", ""], "story is empty"),
    (["versions", "--article", ""], "article is empty"),
    (["ingest", "", "--outlet", "Wire"], "paths is empty"),
    (["ingest", "-", "--outlet", "Wire"], "is '-'"),
    (["align", "-", "{good}"], "is '-'"),
    (["align", "{folder}", "{good}"], "is a folder"),
    (["tm", "import", "{folder}"], "is a folder"),
    (["translation", "import", " "], "file is empty"),
    (["models", "install", ""], "is empty"),
    (["export", "1", "-o", "{folder}"], "is a folder"),
]


@pytest.mark.parametrize(("args", "needle"), BLANK44_CASES)
def test_cli_refuses_blank_values_dash_and_folders_in_one_line(
    seeded: Settings, tmp_path: Path, args: list[str], needle: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(b"The council approved the budget.\n")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "second.txt").write_bytes(b"The mayor opened the bridge.\n")
    places = {"good": str(good), "folder": str(tmp_path / "folder.txt"), "tmp": str(tmp_path)}
    filled = [a.format(**places) for a in args]
    _assert_refused(seeded, lambda: _cli(seeded, filled), 2, needle)
    lines = _cli(seeded, filled).output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), lines  # no usage text
