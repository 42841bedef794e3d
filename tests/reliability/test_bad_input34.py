"""Round 34's CLI walk: bad input earlier rounds did not try, each a clear ``Error:``.

Why: a glossary CSV with an unterminated quote was imported as one term whose
target swallowed the rest of the file (``b\\nc,d``), with "1 added" and no word
said; every term after the quote was lost to the user.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings
from workbench.services import glossary

pytestmark = [pytest.mark.bad_input]


@pytest.mark.parametrize("data", [b'a,"b\nc,d\ne,f\n', b'a;b\nc;"d\n'], ids=["comma", "semicolon"])
def test_a_csv_with_a_broken_quote_is_refused(
    settings: Settings, tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "terms.csv"
    path.write_bytes(data)
    env = {"WORKBENCH_DATABASE_URL": settings.database_url, "WORKBENCH_HOME": str(settings.home)}
    result = CliRunner().invoke(
        main, ["glossary", "import", str(path), "--from", "en", "--to", "de"], env=env
    )
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: malformed CSV"), result.output
    assert glossary.list_terms(settings, "en", "de") == []


def test_quotes_used_right_still_import(settings: Settings) -> None:
    data = b'a,"b ""x"" c"\n"line, front","Front\nLinie"\nd,e\n'
    assert glossary.import_glossary(settings, data, "t.csv", "en", "de")["added"] == 3
    terms = {t["source_term"]: t["target_term"] for t in glossary.list_terms(settings, "en", "de")}
    assert terms == {"a": 'b "x" c', "line, front": "Front\nLinie", "d": "e"}


def _xliff(settings: Settings, tmp_path: Path) -> tuple[dict[str, str], str]:
    """A one-page database and its German XLIFF (the CLI's own export)."""
    env = {"WORKBENCH_DATABASE_URL": settings.database_url, "WORKBENCH_HOME": str(settings.home)}
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><h1>Bridge closed</h1><p>The bridge stays closed.</p></body></html>"
    )
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(page), "--outlet", "x"], env=env).exit_code == 0
    out = tmp_path / "job.xlf"
    args = ["translation", "export", "1", "--to", "de", "--format", "xliff", "-o", str(out)]
    assert runner.invoke(main, args, env=env).exit_code == 0, out
    return env, out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "bad", ["²", "١", "9" * 5000, "99999999999999999999999"], ids=["super", "arabic", "long", "big"]
)
def test_an_xliff_unit_id_that_is_no_segment_id_is_named(
    settings: Settings, tmp_path: Path, bad: str
) -> None:
    """``str.isdigit`` let ``²`` (``int()`` then failed), ``١`` (read as segment 1), a
    5,000-digit id (``int()``'s digit limit) and one past SQLite's integers (an overflow in
    the driver) through: three were "unexpected ... (a bug)", exit 1."""
    env, text = _xliff(settings, tmp_path)
    first = text.index('<trans-unit id="') + len('<trans-unit id="')
    end = text.index('"', first)
    path = tmp_path / "edited.xlf"
    path.write_text(text[:first] + bad + text[end:], encoding="utf-8")
    result = CliRunner().invoke(main, ["translation", "import", str(path)], env=env)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ") and "is not a workbench segment id" in result.output
    assert len(result.output) < 400  # a 5,000-digit id is not echoed whole


def test_an_xliff_revision_of_5000_digits_is_no_revision(
    settings: Settings, tmp_path: Path
) -> None:
    """``extradata="revision=999…"`` (5,000 digits) hit ``int()``'s digit limit: "unexpected
    ValueError ... (a bug)", exit 1.  Such a number is no revision the file was made from,
    so the unit is read as one of unknown base (a conflict if the segment has a translation)."""
    env, text = _xliff(settings, tmp_path)
    path = tmp_path / "edited.xlf"
    path.write_text(text.replace("revision=0", "revision=" + "9" * 5000, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["translation", "import", str(path)], env=env)
    assert result.exit_code == 0, result.output
    assert "unexpected" not in result.output


@pytest.mark.parametrize(
    "bad", ["²", "9" * 5000, "99999999999999999999999"], ids=["super", "long", "big"]
)
def test_an_xliff_file_original_that_names_no_version_is_refused(
    settings: Settings, tmp_path: Path, bad: str
) -> None:
    """``<file original="workbench:version/²">`` passed ``isdigit`` and failed in ``int()``."""
    env, text = _xliff(settings, tmp_path)
    path = tmp_path / "edited.xlf"
    path.write_text(
        text.replace("workbench:version/1", "workbench:version/" + bad), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["translation", "import", str(path)], env=env)
    assert result.exit_code == 2, result.output
    assert "is not a workbench export" in result.output and len(result.output) < 400
