"""An XML file whose bytes and declaration disagree gets a sentence that says so (round 35b).

Why: a UTF-16 XLIFF, TBX or TMX whose declaration still says UTF-8 (a file re-saved
by an editor) got the XML parser's English ("encoding specified in XML declaration
is incorrect"); a UTF-32 file got "not well-formed (invalid token)" or "binary
(or UTF-16)"; a UTF-8 file with a byte-order mark under a Latin-1 declaration was
read as mojibake ('FÃ¤hre'), silently.  The rule (XML 1.0, appendix F): the
first bytes say the family (UTF-32, UTF-16, UTF-8 with a mark, or 8-bit), and a
declaration naming another is refused before parsing, in words.  TMX is Unicode
only (TMX 1.4b: UTF-8 or UTF-16, US-ASCII being UTF-8's subset): a TMX declaring
Latin-1 is refused saying why; XLIFF and TBX take any encoding XML does.
"""

from __future__ import annotations

import pytest

from workbench.adapters.termfiles import parse_tbx
from workbench.adapters.tmx import Unit, parse_tmx, write_tmx
from workbench.errors import InputError
from workbench.services.xliff_import import _parse

TMX = write_tmx([Unit("en", "de", "ferry", "Fähre")], "en")
TBX = (
    '<?xml version="1.0" encoding="UTF-8"?><martif type="TBX"><text><body><termEntry>'
    '<langSet xml:lang="en"><tig><term>ferry</term></tig></langSet>'
    '<langSet xml:lang="de"><tig><term>Fähre</term></tig></langSet>'
    "</termEntry></body></text></martif>"
)
XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
    'source-language="en" target-language="de" datatype="plaintext" original="v1">'
    '<body><trans-unit id="1"><source>ferry</source><target>Fähre</target></trans-unit>'
    "</body></file></xliff>"
)


def _read(kind: str, data: bytes) -> object:
    if kind == "TMX":
        return parse_tmx(data)
    if kind == "TBX":
        return parse_tbx(data, "en", "de")
    return _parse(data, "XLIFF")


@pytest.mark.parametrize("kind,text", [("TMX", TMX), ("TBX", TBX), ("XLIFF", XLIFF)])
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_under_a_utf8_declaration_says_so(kind: str, text: str, codec: str) -> None:
    with pytest.raises(InputError) as caught:
        _read(kind, text.encode(codec))
    message = str(caught.value)
    assert "UTF-16" in message and "'UTF-8'" in message, message
    assert "incorrect" not in message and "line 1" not in message, message


@pytest.mark.parametrize("kind,text", [("TMX", TMX), ("TBX", TBX), ("XLIFF", XLIFF)])
@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_named(kind: str, text: str, codec: str) -> None:
    with pytest.raises(InputError, match="UTF-32.*save it as UTF-8"):
        _read(kind, text.replace("UTF-8", "UTF-32").encode(codec))


@pytest.mark.parametrize("kind,text", [("TMX", TMX), ("TBX", TBX), ("XLIFF", XLIFF)])
def test_a_utf8_mark_under_latin1_declaration_is_refused(kind: str, text: str) -> None:
    data = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-8-sig")
    with pytest.raises(InputError, match="UTF-8.*'ISO-8859-1'"):
        _read(kind, data)


def test_a_latin1_tmx_is_refused_saying_tmx_is_unicode_only() -> None:
    data = TMX.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1")
    with pytest.raises(InputError, match="'ISO-8859-1'.*TMX is Unicode only"):
        parse_tmx(data)
    # even when its bytes happen to be valid UTF-8 (it would be read as Latin-1: 'FÃ¤hre')
    with pytest.raises(InputError, match="TMX is Unicode only"):
        parse_tmx(TMX.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-8"))


@pytest.mark.parametrize("kind,text", [("TBX", TBX), ("XLIFF", XLIFF)])
def test_latin1_xliff_and_tbx_with_their_declaration_are_still_read(kind: str, text: str) -> None:
    data = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1")
    _read(kind, data)


@pytest.mark.parametrize("kind,text", [("TMX", TMX), ("TBX", TBX), ("XLIFF", XLIFF)])
@pytest.mark.parametrize(
    "declared,codec",
    [("UTF-16", "utf-16"), ("UTF-16LE", "utf-16-le"), ("utf-16BE", "utf-16-be"),
     ("UTF-8", "utf-8"), ("UTF-8", "utf-8-sig"), ("US-ASCII", "ascii")],
)  # fmt: skip
def test_agreeing_declarations_are_read(kind: str, text: str, declared: str, codec: str) -> None:
    data = text.replace('encoding="UTF-8"', f'encoding="{declared}"')
    if codec == "ascii":
        data = data.replace("Fähre", "F&#228;hre")
    _read(kind, data.encode(codec))
