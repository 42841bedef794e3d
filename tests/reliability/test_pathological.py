"""Ordinary and hostile page shapes: ingest finishes (or refuses clearly), never recurses.

Why these shapes: each one crashed or hung the extractor before (two similar
``<article>`` teasers recursed through dataclass ``__eq__``; 1,000 nested
elements hit the recursion limit; 100k nested JSON arrays crashed the parser;
one unrelated long sentence pair took minutes to diff).  Timings live in
``benchmarks/ingest_pathological.py``; here we pin outcomes.
"""

from __future__ import annotations

import pytest

from tests.reliability.conftest import snapshot
from workbench.adapters.decode import MAX_JSON_DEPTH, decode_document
from workbench.adapters.html_text import MAX_DEPTH, _TreeBuilder, extract_page
from workbench.config import Settings
from workbench.core.diff import MAX_DIFF_TOKENS, apply_ops, tokenize, word_diff
from workbench.errors import InputError, TooLargeError
from workbench.services.ingest import ingest_bytes
from workbench.store.db import get_engine
from workbench.testing import pathological as shapes


def test_related_story_teasers_are_ingested(settings: Settings) -> None:
    result = ingest_bytes(settings, shapes.related_articles(40), filename="r.html", outlet="O")
    assert result.created and result.segments > 40


def test_twin_teasers_choose_the_first_equal_article() -> None:
    page = extract_page(shapes.twin_teasers().decode())
    assert [b.text for b in page.blocks if b.zone == "main"] == ["Same teaser text here."]


@pytest.mark.parametrize("depth", [1_000, 5_000])
@pytest.mark.parametrize("tag", ["div", "span", "font"])
def test_deep_nesting_closed_and_unclosed(depth: int, tag: str) -> None:
    for closed in (True, False):
        page = extract_page(shapes.deep_nesting(depth, tag, closed).decode())
        assert [b.text for b in page.blocks] == ["The bridge was opened by the mayor."]


def test_depth_is_capped_like_a_browser() -> None:
    builder = _TreeBuilder()
    builder.feed("<div>" * (MAX_DEPTH * 3))
    assert len(builder.stack) == MAX_DEPTH + 1  # root + MAX_DEPTH open elements


def test_stray_end_tags_do_not_scan_the_stack() -> None:
    html = "<div>" * 100 + "</span>" * 10_000 + "text" + "</div>" * 100
    assert [b.text for b in extract_page(html).blocks] == ["text"]


def test_element_budget_is_a_clear_error(settings: Settings) -> None:
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    with pytest.raises(TooLargeError, match="HTML elements"):
        ingest_bytes(settings, shapes.many_inline(150_000), filename="i.html", outlet="O")
    assert snapshot(engine) == before


def test_segment_budget_is_a_clear_error(settings: Settings) -> None:
    small = settings.with_(max_segments=500)
    with pytest.raises(TooLargeError, match="segments"):
        ingest_bytes(small, shapes.unclosed_paragraphs(600), filename="p.html", outlet="O")


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (shapes.nested_json(100_000), "nested deeper"),
        (shapes.nested_json(MAX_JSON_DEPTH + 1), "nested deeper"),
        (b'{"text": "a", "n": ' + b"9" * 5000 + b"}", "integer"),
        (b'{"text": "a", "n": -' + b"9" * 101 + b"}", "integer"),
    ],
)
def test_json_limits_are_clear_errors(data: bytes, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        decode_document(data, filename="x.json")


def test_json_brackets_inside_strings_are_not_depth() -> None:
    data = b'{"text": "The mayor [' + b"[" * 200 + b'] spoke.", "n": 12345}'
    assert decode_document(data, filename="x.json").text.startswith("The mayor [[[")


def test_long_unrelated_sentences_diff_as_one_bounded_replacement() -> None:
    a, b = shapes.long_sentence(40_000, seed=1), shapes.long_sentence(40_000, seed=2)
    result = word_diff(a, b)
    assert apply_ops(result.ops) == (a, b)
    assert len(tokenize(a)) + len(tokenize(b)) > MAX_DIFF_TOKENS


def test_long_sentence_with_one_edit_keeps_the_edit_precise() -> None:
    a = shapes.long_sentence(40_000, seed=1)
    b = a.replace(" ", " bridge ", 1)
    ops = word_diff(a, b).ops
    assert [op for op, _ in ops] == [0, 1, 0]
    assert ops[1][1].strip() == "bridge"


@pytest.mark.parametrize(
    "data",
    [shapes.many_inline(600_000), shapes.unclosed_paragraphs(1_000_000),
     shapes.deep_nesting(800_000, "span", closed=False)],
    ids=["600k <i>", "1M <p>", "800k unclosed <span>"],
)  # fmt: skip
def test_far_over_the_element_budget_is_refused_before_parsing(data: bytes) -> None:
    with pytest.raises(TooLargeError, match="HTML tags"):
        decode_document(data, filename="x.html")
