"""Properties of the alignment exports (hypothesis): streamed = in memory, and read back.

What is promised (``services.export``, ``services.export_stream``): the
streamed JSON, JSON Lines and TMX are the in-memory documents, whatever the
pairs hold; JSON files are strict JSON that give back every text, id and
flag; a JSON Lines file is one record per line for every line splitter
(``str.splitlines`` too); a TMX file is one a TMX reader (``adapters.tmx.parse_tmx``)
reads back as exactly the texts an XML file can carry (white space included, round 32).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.adapters.tmx import parse_tmx, xml_text
from workbench.errors import InputError
from workbench.services import export, export_stream

_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_TEXT = st.one_of(
    st.text(_CHARS, max_size=40),
    st.sampled_from(["", " ", "a\rb", "x\x01y", "שלום", "e\u0301", "\ufeffBOM", "]]>", "&amp;",
                     "a\u2028b\x85c\u2029", "  two  spaces\tand\nbreaks ", "\n indented \n"]),
)
_FLAGS = st.dictionaries(
    st.sampled_from(["numbers", "names", "quotes"]),
    st.fixed_dictionaries({"left_only": st.lists(_TEXT, max_size=2)}),
    max_size=2,
)
_LANG = st.sampled_from([None, "de", "en", "uk", "fr"])


@st.composite
def _pair(draw: st.DrawFn, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "kind": draw(st.sampled_from(["1-1", "1-2", "0-1", "1-0"])),
        "status": draw(st.sampled_from(["same", "changed", "added", "moved"])),
        "roles": draw(st.sampled_from(["body", "", "headline,body"])),
        "score": draw(st.floats(0, 1)),
        "edit_ratio": draw(st.one_of(st.none(), st.floats(0, 1))),
        "left_segment_ids": draw(st.lists(st.integers(1, 2**62), max_size=2)),
        "right_segment_ids": draw(st.lists(st.integers(1, 2**62), max_size=2)),
        "left_text": draw(_TEXT),
        "right_text": draw(_TEXT),
        "compared_text": draw(st.one_of(st.just(""), _TEXT)),
        "diff_ops": draw(st.lists(st.tuples(st.sampled_from([-1, 0, 1]), _TEXT), max_size=3)),
        "flags": draw(_FLAGS),
        "move_to": draw(st.one_of(st.none(), st.integers(0, 50))),
        "confidence": draw(st.floats(0, 1)),
    }


@st.composite
def _detail(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(0, 5))
    return {
        "id": draw(st.integers(1, 2**62)),
        "method": draw(st.sampled_from(["same-language", "mt:left->right"])),
        "roles": draw(st.sampled_from(["default", "all"])),
        "created_at": "2026-12-04T10:00:00Z",
        "summary": {
            "left_language": draw(_LANG),
            "right_language": draw(_LANG),
            "pairs": n,
        },
        "params": {"mt": draw(st.sampled_from([None, "left->right"]))},
        "left": {"version_id": 1, "outlet": draw(_TEXT), "url": None},
        "right": {"version_id": 2, "outlet": draw(_TEXT), "url": None},
        "mt_model": draw(st.sampled_from(["", "argos:de_en@1.0"])),
        "pairs": [draw(_pair(i)) for i in range(n)],
    }


class _Frozen(datetime):
    @classmethod
    def now(cls, tz: Any = None) -> _Frozen:  # type: ignore[override]
        return cls(2026, 12, 4, 10, 0, 0, tzinfo=UTC)


@pytest.fixture(autouse=True, scope="module")
def _frozen_clock() -> Any:
    """Both writers stamp the time of export; one instant for both."""
    saved = export.datetime, export_stream.datetime
    export.datetime = export_stream.datetime = _Frozen  # type: ignore[misc]
    yield
    export.datetime, export_stream.datetime = saved  # type: ignore[misc]


def _strict(text: str) -> Any:
    def refuse(name: str) -> None:
        raise AssertionError(f"not JSON: {name}")

    return json.loads(text, parse_constant=refuse)


@settings(max_examples=40)
@given(_detail())
def test_streamed_exports_are_the_in_memory_ones(detail: dict[str, Any]) -> None:
    pairs = detail["pairs"]
    assert "".join(export_stream.stream_json(detail, iter(pairs))) == export.to_json(detail)
    assert "".join(export_stream.stream_jsonl(detail, iter(pairs))) == export.to_jsonl(detail)
    streamed = "".join(export_stream.stream_tmx(detail, iter(pairs)))
    assert _xml_shape(streamed) == _xml_shape(export.to_tmx(detail))


def _xml_shape(text: str) -> list[tuple[str, dict[str, str], str | None]]:
    """Elements, attributes and texts; white space between elements (indentation) aside."""
    return [
        (e.tag, dict(e.attrib), e.text if e.text and e.text.strip() or e.tag == "seg" else None)
        for e in ET.fromstring(text.encode("utf-8")).iter()
    ]


@settings(max_examples=40)
@given(_detail())
def test_json_exports_give_back_every_pair(detail: dict[str, Any]) -> None:
    document = _strict(export.to_json(detail))
    lines = [_strict(line) for line in export.to_jsonl(detail).splitlines()]  # round 32
    assert len(lines) == len(detail["pairs"]) + 1
    assert [p["left"]["text"] for p in document["pairs"]] == [
        p["left_text"] for p in detail["pairs"]
    ]
    assert [line["right"]["text"] for line in lines[1:]] == [
        p["right_text"] for p in detail["pairs"]
    ]
    for got, pair in zip(document["pairs"], detail["pairs"], strict=True):
        assert got["left"]["segment_ids"] == pair["left_segment_ids"]
        assert got["flags"] == pair["flags"]
        assert got["diff_ops"] == [list(op) for op in pair["diff_ops"]]
        assert got["compared_text"] == (pair["compared_text"] or None)


def _as_read(text: str) -> str:
    return xml_text(text)  # round 32: exactly (was: white space folded, CR read as LF)


@settings(max_examples=40)
@given(_detail())
@example(
    {
        "id": 1, "method": "same-language", "roles": "default", "created_at": None,
        "summary": {"left_language": "de", "right_language": "en", "pairs": 1},
        "params": {}, "left": {}, "right": {}, "mt_model": "",
        "pairs": [{
            "position": 0, "kind": "1-1", "status": "changed", "roles": "body", "score": 0.5,
            "edit_ratio": None, "left_segment_ids": [1], "right_segment_ids": [2],
            "left_text": "a\x01 b", "right_text": "c\r\nd", "compared_text": "",
            "diff_ops": [], "flags": {}, "move_to": None, "confidence": 1.0,
        }],
    }
)  # fmt: skip
def test_tmx_export_reads_back_as_its_texts(detail: dict[str, Any]) -> None:
    summary = detail["summary"]
    left = summary["left_language"] or "und"
    right = summary["right_language"] or "und"
    expected = [
        (_as_read(p["left_text"]), _as_read(p["right_text"]))
        for p in detail["pairs"]
        if p["left_text"] and p["right_text"]
    ]
    expected = [e for e in expected if all(t.strip() for t in e)]
    data = export.to_tmx(detail).encode("utf-8")
    if left == right or not expected:
        return  # one language on both sides or nothing to read: not a translation memory
    units = parse_tmx(data)
    assert [(u.source, u.target) for u in units] == expected
    streamed = parse_tmx("".join(export_stream.stream_tmx(detail, iter(detail["pairs"]))).encode())
    assert [(u.source, u.target) for u in streamed] == expected
    assert {(u.source_lang, u.target_lang) for u in units} == {(left, right)}


def test_jsonl_escapes_the_line_breaks_json_keeps_raw() -> None:
    """Round 32: U+0085, U+2028 and U+2029 are valid raw in JSON strings, but
    ``str.splitlines`` (and line tools) end a line there: written escaped, one record a line."""
    pair = {
        "position": 0, "kind": "1-1", "status": "changed", "roles": "body", "score": 0.5,
        "edit_ratio": None, "left_segment_ids": [1], "right_segment_ids": [2],
        "left_text": "a\u2028b\x85c", "right_text": "d\u2029e Grüße", "compared_text": "",
        "diff_ops": [], "flags": {}, "move_to": None, "confidence": 1.0,
    }  # fmt: skip
    detail = {**_EMPTY, "pairs": [pair]}
    streamed = "".join(export_stream.stream_jsonl(detail, iter([pair])))
    for text in (export.to_jsonl(detail), streamed):
        assert not {"\x85", "\u2028", "\u2029"} & set(text) and "Grüße" in text
        header, record = (json.loads(line) for line in text.splitlines())
        texts = (record["left"]["text"], record["right"]["text"])
        assert texts == ("a\u2028b\x85c", "d\u2029e Grüße")
    assert export.json_line({"t": "\u2028"}) == '{"t": "\\u2028"}'


def test_export_stamps_are_utc_with_z() -> None:
    """Every JSON output writes times as ``store.models.iso_utc`` does (``...Z``)."""
    for text in (export.to_json(_EMPTY), export.to_jsonl(_EMPTY).split("\n")[0]):
        assert _strict(text)["exported_at"] == "2026-12-04T10:00:00Z"


def test_tmx_reader_refuses_a_file_without_units() -> None:
    with pytest.raises(InputError):
        parse_tmx(export.to_tmx({**_EMPTY, "pairs": []}).encode("utf-8"))


_EMPTY: dict[str, Any] = {
    "id": 1, "method": "same-language", "roles": "default", "created_at": None,
    "summary": {"left_language": "de", "right_language": "en"}, "params": {},
    "left": {}, "right": {}, "mt_model": "", "pairs": [],
}  # fmt: skip
