"""Every user mistake is one ``Error:`` line with the documented exit code, never a traceback.

Why one file: the README's exit-code table is a promise about every command;
these cases are the ones that used to end in a traceback or in an exit code
that differed between commands (busy ports, database URLs, output paths,
missing input files, invalid language codes).
"""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.reliability.conftest import snapshot
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import EXIT_CODES
from workbench.services.compare import compare_versions
from workbench.services.ingest import ingest_bytes
from workbench.store.db import get_engine

README = Path(__file__).resolve().parents[2] / "README.md"


def _cli(settings: Settings, *args: str, database_url: str | None = None) -> Result:
    env = {
        "WORKBENCH_DATABASE_URL": database_url or settings.database_url,
        "WORKBENCH_HOME": str(settings.home),
        "WORKBENCH_MODELS_DIR": str(settings.models_dir),
    }
    return CliRunner().invoke(main, list(args), env=env)


def _refused(result: Result, code: int, needle: str) -> None:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert errors and needle.lower() in errors[-1].lower(), result.output


def test_readme_table_is_the_code_table() -> None:
    rows = re.findall(r"^\| (\d+) \| (.+?) \|$", README.read_text(encoding="utf-8"), re.M)
    table = {int(code): text for code, text in rows}
    assert set(table) == {0, *EXIT_CODES}, "README exit-code table and errors.EXIT_CODES differ"


def _subclasses(cls: type) -> list[type]:
    return [cls] + [s for sub in cls.__subclasses__() for s in _subclasses(sub)]


def test_every_error_class_uses_a_documented_code() -> None:
    import workbench.errors as errors
    from workbench.cli import main as _  # noqa: F401  (commands register their errors)

    for cls in _subclasses(errors.WorkbenchError):
        assert cls.exit_code in EXIT_CODES, f"{cls.__name__}.exit_code {cls.exit_code} undocumented"


@pytest.fixture
def busy_port():  # type: ignore[no-untyped-def]
    """A loopback port that something is listening on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@pytest.mark.bad_input
def test_serve_on_a_busy_port_says_so_before_announcing(settings: Settings, busy_port: int) -> None:
    result = _cli(settings, "serve", "--port", str(busy_port))
    _refused(result, 9, "already in use")
    assert "Serving" not in result.output


@pytest.mark.bad_input
def test_demo_on_a_busy_port_fails_before_doing_the_work(
    settings: Settings, busy_port: int
) -> None:
    before = snapshot(get_engine(settings.database_url))
    result = _cli(settings, "demo", "--port", str(busy_port))
    _refused(result, 9, "already in use")
    assert snapshot(get_engine(settings.database_url)) == before


@pytest.mark.bad_input
def test_serve_on_an_unknown_host(settings: Settings) -> None:
    _refused(_cli(settings, "serve", "--host", "no-such-host.invalid"), 9, "cannot listen")


@pytest.mark.parametrize(
    ("url", "needle"),
    [
        ("foo://bar", "unsupported database url"),
        ("mysql://user:secret@127.0.0.1/db", "unsupported database url"),
        ("not a url at all", "cannot parse the database url"),
        ("postgresql://postgres:secret@127.0.0.1:9/nope", "cannot use the database"),
        ("sqlite:////proc/no-such-dir/workbench.db", "database"),
    ],
)
@pytest.mark.bad_input
def test_unusable_database_urls(settings: Settings, url: str, needle: str) -> None:
    for args in (["versions"], ["ingest", __file__, "--outlet", "x"], ["init"]):
        result = _cli(settings, *args, database_url=url)
        _refused(result, 8, needle)
        assert "secret" not in result.output  # passwords are never printed


def _alignment(settings: Settings) -> int:
    v1 = ingest_bytes(settings, b"The bridge opened.\n", filename="a.txt", outlet="W").version_id
    v2 = ingest_bytes(settings, b"The bridge closed.\n", filename="b.txt", outlet="W").version_id
    return compare_versions(settings, v1, v2).alignment_id


@pytest.mark.bad_input
def test_export_output_paths(settings: Settings, tmp_path: Path) -> None:
    aid = str(_alignment(settings))
    _refused(_cli(settings, "export", aid, "-o", str(tmp_path / "no" / "x.json")), 2,
             "does not exist")  # fmt: skip
    existing = tmp_path / "x.json"
    existing.write_text("keep me", encoding="utf-8")
    _refused(_cli(settings, "export", aid, "-o", str(existing)), 2, "already exists")
    assert existing.read_text(encoding="utf-8") == "keep me"
    _refused(_cli(settings, "export", aid, "-o", "/proc/workbench-test.json"), 2, "cannot write")
    forced = _cli(settings, "export", aid, "-o", str(existing), "--force")
    assert forced.exit_code == 0, forced.output
    assert '"pairs"' in existing.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".x.json*")), "a temporary file was left behind"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
@pytest.mark.bad_input
def test_export_into_a_read_only_folder(settings: Settings, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = _cli(settings, "export", str(_alignment(settings)), "-o", str(locked / "x.json"))
    _refused(result, 2, "permission denied")


@pytest.mark.bad_input
def test_align_output_paths(settings: Settings, tmp_path: Path) -> None:
    src, tgt = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text("One.\nTwo.\n", encoding="utf-8")
    tgt.write_text("One.\nTwo!\n", encoding="utf-8")
    _refused(_cli(settings, "align", str(src), str(tgt), "-o", str(tmp_path / "no" / "o")), 2,
             "does not exist")  # fmt: skip
    _refused(_cli(settings, "align", str(src), str(tgt), "-o", str(tgt)), 2, "already exists")
    assert tgt.read_text(encoding="utf-8") == "One.\nTwo!\n"


@pytest.mark.bad_input
def test_translate_out_naming_an_existing_file(mt_settings: Settings, tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("The bridge opened.\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_text("keep me", encoding="utf-8")
    result = _cli(mt_settings, "translate", "--to", "de", str(source), "--out", str(out))
    _refused(result, 2, "is a file")
    assert out.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "{missing}", "--outlet", "W"],
        ["align", "{missing}", "{missing}"],
        ["translate", "--to", "de", "{missing}", "--out", "{tmp}/out"],
        ["models", "install", "{missing}"],
    ],
)
@pytest.mark.bad_input
def test_a_missing_input_file_is_code_2_everywhere(
    settings: Settings, tmp_path: Path, args: list[str]
) -> None:
    missing = str(tmp_path / "missing.txt")
    filled = [a.format(missing=missing, tmp=tmp_path) for a in args]
    _refused(_cli(settings, *filled), 2, "missing.txt")


@pytest.mark.bad_input
def test_invalid_language_code_is_not_a_missing_model(mt_settings: Settings) -> None:
    _refused(_cli(mt_settings, "translate", "--to", "Deutsch!", "--all"), 2, "language code")
    _refused(_cli(mt_settings, "models", "install", "english", "de"), 2, "language code")
    ingest_bytes(mt_settings, "Dzień dobry, panie.\n".encode(), filename="p.txt", outlet="W")
    no_model = _cli(mt_settings, "translate", "--to", "fr", "--all")
    assert no_model.exit_code in (0, 5), no_model.output
