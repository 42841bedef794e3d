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


@pytest.mark.bad_input
def test_related_story_teasers_are_ingested(settings: Settings) -> None:
    result = ingest_bytes(settings, shapes.related_articles(40), filename="r.html", outlet="O")
    assert result.created and result.segments > 40


@pytest.mark.bad_input
def test_twin_teasers_choose_the_first_equal_article() -> None:
    page = extract_page(shapes.twin_teasers().decode())
    assert [b.text for b in page.blocks if b.zone == "main"] == ["Same teaser text here."]


@pytest.mark.parametrize("depth", [1_000, 5_000])
@pytest.mark.parametrize("tag", ["div", "span", "font"])
@pytest.mark.bad_input
def test_deep_nesting_closed_and_unclosed(depth: int, tag: str) -> None:
    for closed in (True, False):
        page = extract_page(shapes.deep_nesting(depth, tag, closed).decode())
        assert [b.text for b in page.blocks] == ["The bridge was opened by the mayor."]


def test_depth_is_capped_like_a_browser() -> None:
    builder = _TreeBuilder()
    builder.feed("<div>" * (MAX_DEPTH * 3))
    assert len(builder.stack) == MAX_DEPTH + 1  # root + MAX_DEPTH open elements


@pytest.mark.bad_input
def test_stray_end_tags_do_not_scan_the_stack() -> None:
    html = "<div>" * 100 + "</span>" * 10_000 + "text" + "</div>" * 100
    assert [b.text for b in extract_page(html).blocks] == ["text"]


@pytest.mark.bad_input
def test_element_budget_is_a_clear_error(settings: Settings) -> None:
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    with pytest.raises(TooLargeError, match="HTML elements"):
        ingest_bytes(settings, shapes.many_inline(75_000), filename="i.html", outlet="O")
    assert snapshot(engine) == before


@pytest.mark.bad_input
def test_segment_budget_is_a_clear_error(settings: Settings) -> None:
    small = settings.with_(max_segments=500)
    with pytest.raises(TooLargeError, match="segments"):
        ingest_bytes(small, shapes.unclosed_paragraphs(600), filename="p.html", outlet="O")
    with pytest.raises(TooLargeError, match="600 segments"):  # plain text: counted after
        ingest_bytes(small, b"Word. " * 600, filename="p.txt", outlet="O")
    assert ingest_bytes(small, b"Word. " * 500, filename="q.txt", outlet="O").segments == 500


@pytest.mark.bad_input
def test_too_many_html_blocks_are_refused_before_segmentation(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workbench.services.ingest as ingest

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("segmented a page already known to be over budget")

    monkeypatch.setattr(ingest, "segment_text", never)
    small = settings.with_(max_segments=500)
    with pytest.raises(TooLargeError, match="501 segments or more"):
        ingest_bytes(small, shapes.many_articles(501), filename="a.html", outlet="O")


def test_budgets_can_be_raised_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_MAX_SEGMENTS", "50000")
    monkeypatch.setenv("WORKBENCH_MAX_INPUT_CHARS", "3000000")
    raised = Settings.from_env()
    assert (raised.max_segments, raised.max_input_chars) == (50_000, 3_000_000)
    monkeypatch.setenv("WORKBENCH_MAX_SEGMENTS", "lots")
    with pytest.raises(InputError, match="WORKBENCH_MAX_SEGMENTS must be an integer"):
        Settings.from_env()


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (shapes.nested_json(100_000), "nested deeper"),
        (shapes.nested_json(MAX_JSON_DEPTH + 1), "nested deeper"),
        (b'{"text": "a", "n": ' + b"9" * 5000 + b"}", "integer"),
        (b'{"text": "a", "n": -' + b"9" * 101 + b"}", "integer"),
    ],
)
@pytest.mark.bad_input
def test_json_limits_are_clear_errors(data: bytes, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        decode_document(data, filename="x.json")


def test_json_brackets_inside_strings_are_not_depth() -> None:
    data = b'{"text": "The mayor [' + b"[" * 200 + b'] spoke.", "n": 12345}'
    assert decode_document(data, filename="x.json").text.startswith("The mayor [[[")


@pytest.mark.bad_input
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
@pytest.mark.bad_input
def test_far_over_the_element_budget_is_refused_before_parsing(data: bytes) -> None:
    with pytest.raises(TooLargeError, match="HTML tags"):
        decode_document(data, filename="x.html")


# ------------------------------------------------------- over-long segments in a compare


def test_cheap_diff_rebuilds_both_texts_and_never_understates() -> None:
    from diff_match_patch import diff_match_patch

    from workbench.core.long_text import cheap_diff

    pairs = [("abcXdef", "abcYYdef"), ("same", "same"), ("", "new"), ("old", ""), ("aaaa", "aa"),
             ("prefix only", "prefix"), ("x" * 50_000, "x" * 49_999 + "y")]  # fmt: skip
    for a, b in pairs:
        result = cheap_diff(a, b)
        assert apply_ops(result.ops) == (a, b)
        dmp = diff_match_patch()
        exact = dmp.diff_levenshtein(dmp.diff_main(a, b)) / max(len(a), len(b), 1)
        assert result.edit_ratio >= round(exact, 4)  # an upper bound of the character edits


@pytest.mark.bad_input
def test_a_huge_single_sentence_compares_by_head_and_tail_and_says_so(settings: Settings) -> None:
    from workbench.core.long_text import LONG_SEGMENT_CHARS, PARTIAL
    from workbench.services.compare import alignment_detail, compare_versions

    text = shapes.long_sentence(3 * LONG_SEGMENT_CHARS, seed=4)
    middle = len(text) // 2
    edited = text[:middle] + " 12,000 extra words " + text[middle:]
    left = ingest_bytes(settings, text.encode(), filename="a.txt", outlet="A", article="x")
    right = ingest_bytes(settings, edited.encode(), filename="b.txt", outlet="B", article="x")
    result = compare_versions(settings, left.version_id, right.version_id, roles="all")
    (row,) = alignment_detail(settings, result.alignment_id)["pairs"]
    assert row["status"] == "changed" and set(row["flags"]) == {PARTIAL}  # the middle: unchecked
    assert apply_ops(row["diff_ops"]) == (row["left_text"], row["right_text"])
    assert 0 < row["edit_ratio"] < 0.01  # one small insertion, found between head and tail
    short = ingest_bytes(settings, b"The mayor spoke. 12,000 came.", filename="c.txt", outlet="C")
    other = ingest_bytes(settings, b"The mayor spoke. 13,000 came.", filename="d.txt", outlet="D")
    normal = compare_versions(settings, short.version_id, other.version_id, roles="all")
    rows = alignment_detail(settings, normal.alignment_id)["pairs"]
    assert not any(PARTIAL in r["flags"] for r in rows)  # ordinary rows: checked in full
