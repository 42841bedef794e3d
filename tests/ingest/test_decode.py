"""Decoding: encodings, BOMs, binary refusal, JSON and HTML inputs."""

from __future__ import annotations

import codecs
import json

import pytest

from workbench.adapters.decode import decode_bytes, decode_document, detect_format
from workbench.adapters.html_text import extract_page
from workbench.errors import InputError

RUSSIAN = (
    "Жители прибрежного города проснулись от штормового ветра. Мост через гавань закрыт "
    "как минимум на десять дней, сообщили власти в понедельник утром."
)
GERMAN = (
    "Die Brücke über den Hafen bleibt mindestens zehn Tage gesperrt, teilten die Behörden "
    "am Montag mit. Größere Schäden an zwei Pfeilern würden geprüft, hieß es weiter."
)


def test_cp1251_russian_is_detected() -> None:
    text, encoding = decode_bytes(RUSSIAN.encode("cp1251"))
    assert text == RUSSIAN
    assert encoding == "cp1251"


def test_latin1_german_is_detected() -> None:
    text, encoding = decode_bytes(GERMAN.encode("latin-1"))
    assert text == GERMAN
    # latin-1, cp1252 and cp1250 decode these bytes identically; the commonest is reported
    assert encoding in {"cp1252", "iso8859-1", "latin-1"}


def test_utf8_with_bom_drops_the_bom() -> None:
    text, encoding = decode_bytes(codecs.BOM_UTF8 + GERMAN.encode("utf-8"))
    assert text == GERMAN and encoding == "utf-8-sig"


@pytest.mark.parametrize("codec,label", [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_with_bom(codec: str, label: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text, encoding = decode_bytes(bom + RUSSIAN.encode(codec))
    assert text == RUSSIAN and encoding == label


def test_plain_utf8() -> None:
    assert decode_bytes("Привет, мир".encode()) == ("Привет, мир", "utf-8")


@pytest.mark.parametrize(
    "data,needle",
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"abc\x00def\x00\x01\x02", "NUL"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
)
def test_binary_and_empty_inputs_are_refused(data: bytes, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        decode_bytes(data)


def test_invalid_bytes_after_a_bom_are_refused() -> None:
    with pytest.raises(InputError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe\xfa broken")


def test_format_detection() -> None:
    assert detect_format("a.HTM", b"x") == "html"
    assert detect_format("a.json", b"x") == "json"
    assert detect_format("noext", b"<!DOCTYPE html><html>") == "html"
    assert detect_format("noext", b'  {"text": "x"}') == "json"
    assert detect_format("notes", b"plain words") == "txt"
    with pytest.raises(InputError, match="unknown format"):
        decode_document(b"x", filename="a.txt", fmt="pdf")


def test_json_object_with_metadata() -> None:
    doc = {
        "title": "Bridge closed",
        "text": "The bridge closed on Monday.\n\nFerries run instead.",
        "url": "https://example.org/a",
        "captured_at": "2026-03-02T08:00:00Z",
        "outlet": "Wire",
        "language": "en",
    }
    decoded = decode_document(json.dumps(doc).encode(), filename="a.json")
    assert decoded.fmt == "json" and decoded.title == "Bridge closed"
    assert decoded.text.startswith("Bridge closed\n\nThe bridge closed")
    assert decoded.meta["outlet"] == "Wire" and decoded.meta["captured_at"].startswith("2026")
    assert decoded.regions[0].zone == "title"


def test_malformed_json_names_line_and_column() -> None:
    with pytest.raises(InputError, match=r"malformed JSON at line 3, column \d+"):
        decode_document(b'{\n  "text": "a",\n  "title": oops\n}', filename="a.json")


@pytest.mark.parametrize(
    "payload,needle",
    [
        (b'["a", "b"]', "one object"),
        (b'{"title": "only a title"}', "no 'text'"),
        (b'{"text": 42}', "'text' must be a string"),
    ],
)
def test_json_shape_errors(payload: bytes, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        decode_document(payload, filename="a.json")


PAGE = """<!doctype html><html><head><meta charset="windows-1251">
<title>Мост закрыт | Вестник</title><style>p { color: red }</style>
<script>document.write("<p>never stored</p>")</script></head><body>
<nav><a href="/">Главная</a> <a href="/news">Новости</a></nav>
<article><h1>Мост закрыт</h1><p>Мост через гавань закрыт &amp; охраняется.<br>Вторая строка.</p>
<p onclick="alert(1)">Паромы ходят <b>каждые</b> 20 минут.</p><script>alert("x")</script>
<div class="donate-box"><p>Поддержите нас!</p></div></article>
<div id="respond"><h3>Оставьте комментарий</h3><form id="commentform"><label>Имя</label>
<input type="text"><input type="submit" value="Отправить комментарий"></form></div>
<footer>© Вестник</footer></body></html>"""


def test_html_extraction_keeps_all_text_drops_scripts_and_markup() -> None:
    decoded = decode_document(PAGE.encode("cp1251"), filename="page.html")
    assert decoded.encoding == "cp1251" and decoded.title == "Мост закрыт"
    text = decoded.text
    assert "never stored" not in text and "alert" not in text and "color" not in text
    assert "<" not in text and "onclick" not in text
    assert "Мост через гавань закрыт & охраняется.\nВторая строка." in text
    assert "Паромы ходят каждые 20 минут." in text
    zones = {text[r.start : r.end]: r.zone for r in decoded.regions}
    assert zones["Мост закрыт"] in {"title", "main"}
    assert zones["Главная Новости"] == "page"
    assert zones["Поддержите нас!"] == "appeal"
    assert zones["Оставьте комментарий"] == "comments"
    assert zones["Отправить комментарий"] == "comments"
    assert zones["© Вестник"] == "page"


def test_html_without_semantic_tags_finds_the_densest_block() -> None:
    body = "".join(
        f"<p>Sentence number {i} of the story is long enough to count.</p>" for i in range(5)
    )
    html = f"<html><body><div class=x><a>Home</a></div><div id=c>{body}</div></body></html>"
    page = extract_page(html)
    main = [b for b in page.blocks if b.zone == "main"]
    assert len(main) == 5 and all(b.kind == "p" for b in main)
    assert [b.zone for b in page.blocks if b.text == "Home"] == ["page"]


def test_html_with_no_visible_text_is_refused() -> None:
    with pytest.raises(InputError, match="no visible text"):
        decode_document(b"<html><script>var a = 1;</script></html>", filename="a.html")


def test_utf16_without_bom_is_recognised() -> None:
    assert decode_bytes(GERMAN.encode("utf-16-le")) == (GERMAN, "utf-16-le")
    assert decode_bytes(RUSSIAN.encode("utf-16-be")) == (RUSSIAN, "utf-16-be")


def test_mixed_utf8_and_cp1252_is_refused_with_the_offset() -> None:
    head = "Grüße aus Köln, schöne Brücke. ".encode()
    data = head + "Straße".encode("cp1252")
    offset = len(head) + len("Stra")
    with pytest.raises(InputError, match=rf"mixed encodings: .* 1 invalid .* byte {offset};"):
        decode_bytes(data)
