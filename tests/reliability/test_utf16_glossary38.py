"""A glossary CSV in UTF-16 (Excel's "Unicode text") is read; unmarked UTF-16 is named (round 38).

Why: Excel's "Save as Unicode text" writes tab-separated UTF-16 LE with a
byte-order mark; ``glossary import`` refused it as "binary (or UTF-16)",
though the mark says exactly how to read it.  A file with a UTF-16 or UTF-32
mark is now decoded by it (as a UTF-8 mark already was) and imports the same
terms as its UTF-8 twin; UTF-16 without a mark (a guess, never certain) is
refused naming the encoding and how to save as UTF-8, and a marked file that
does not decode says where.  TMX and XLIFF with a mark were already read
(round 37's walk): pinned here for TMX through the CLI.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings

TERMS = "source\ttarget\tnote\nriver\tFluss\tÜberschwemmung\nbridge\tBrücke\t\n"


def _run(settings: Settings, *args: str) -> tuple[int, str]:
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_DATABASE_URL": settings.database_url}
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.output


def _glossary(settings: Settings) -> str:
    return _run(settings, "glossary", "list", "--from", "en", "--to", "de")[1]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be-bom", "utf-32"])
def test_a_marked_unicode_csv_imports_as_its_utf8_twin(
    settings: Settings, tmp_path: Path, codec: str
) -> None:
    data = (b"\xfe\xff" + TERMS.encode("utf-16-be")) if codec == "utf-16-be-bom" else (
        TERMS.encode(codec))  # fmt: skip  (Python's utf-16/utf-32 write a mark)
    path = tmp_path / "terms.txt"
    path.write_bytes(data)
    code, output = _run(settings, "glossary", "import", str(path), "--from", "en", "--to", "de")
    assert code == 0, output
    assert "2" in output, output
    listed = _glossary(settings)
    assert "Fluss" in listed and "Brücke" in listed, listed


@pytest.mark.bad_input
def test_utf16_without_a_mark_is_named_with_the_way_out(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_bytes(TERMS.encode("utf-16-le"))
    code, output = _run(settings, "glossary", "import", str(path), "--from", "en", "--to", "de")
    assert code == 2, output
    assert output.startswith("Error: ") and "UTF-16" in output and "UTF-8" in output, output
    assert "byte-order mark" in output, output


@pytest.mark.bad_input
def test_a_mark_over_bytes_that_are_not_that_encoding(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_bytes(b"\xff\xfe" + "river\tFluss\n".encode("utf-16-le") + b"\x00\xdc")
    code, output = _run(settings, "glossary", "import", str(path), "--from", "en", "--to", "de")
    assert code == 2, output
    assert output.startswith("Error: ") and "UTF-16" in output, output
    assert "Traceback" not in output


@pytest.mark.parametrize("mark", [b"\xef\xbb\xbf", b"\xff\xfe"])
def test_a_tmx_with_a_mark_imports(settings: Settings, tmp_path: Path, mark: bytes) -> None:
    body = ('<?xml version="1.0"?><tmx version="1.4"><header srclang="en" datatype="plaintext" '
            'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>'
            '<body><tu><tuv xml:lang="en"><seg>The river rose.</seg></tuv>'
            '<tuv xml:lang="de"><seg>Der Fluss stieg.</seg></tuv></tu></body></tmx>')  # fmt: skip
    data = mark + body.encode("utf-8" if mark.startswith(b"\xef") else "utf-16-le")
    path = tmp_path / "memory.tmx"
    path.write_bytes(data)
    code, output = _run(settings, "tm", "import", str(path))
    assert code == 0, output


@pytest.mark.bad_input
def test_an_unmarked_utf16_tmx_is_named_without_excel(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    path.write_bytes('<tmx version="1.4"><header srclang="en"/><body/></tmx>'.encode("utf-16-le"))
    code, output = _run(settings, "tm", "import", str(path))
    assert code == 2 and output.startswith("Error: the TMX file looks like UTF-16"), output
    assert "XML declaration" in output and "Excel" not in output, output
