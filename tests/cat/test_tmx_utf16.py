"""A TMX in UTF-16 is read, as XLIFF and TBX files already were (round 35).

Why: TMX 1.4b allows UTF-16, and CAT tools write it (Trados exports TMX as UTF-16
with a byte-order mark).  ``parse_tmx`` ran the glossary CSV's text check first,
which calls any file with a NUL byte "binary (or UTF-16), not UTF-8 text": a
translator's memory was refused, while the same file as XLIFF or TBX was read.
One rule for the three XML formats now: the XML parser reads the encoding (a
byte-order mark, else the declaration), as the XML spec says; a file that is not
XML at all (a PDF, a zip) is still "binary", an empty one still "empty".
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from workbench.adapters.tmx import Unit, parse_tmx, write_tmx
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError

UNITS = [Unit("en", "de", "harbour bridge", "Hafenbrücke"), Unit("en", "de", "ferry", "Fähre")]
XML = write_tmx(UNITS, "en")


def _utf16(codec: str) -> bytes:
    return XML.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(codec)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_its_declaration_is_read(codec: str) -> None:
    assert 'encoding="UTF-8"' in XML
    assert parse_tmx(_utf16(codec)) == UNITS


def test_utf16_with_a_byte_order_mark_and_no_declaration_is_read() -> None:
    body = XML.split("?>", 1)[1]
    assert parse_tmx(body.encode("utf-16")) == UNITS


def test_what_is_not_xml_is_still_binary_or_empty() -> None:
    with pytest.raises(InputError, match="binary"):
        parse_tmx(b"%PDF-1.4\n\x00\x01\x02 stream")
    with pytest.raises(InputError, match="empty"):
        parse_tmx(b"  \n")


def test_the_cli_imports_a_utf16_memory(settings: Settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "trados.tmx"
    path.write_bytes(_utf16("utf-16"))
    result = CliRunner().invoke(
        main, ["--database-url", settings.database_url, "tm", "import", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output
