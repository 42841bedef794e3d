"""Fuzzing the ingest contract: a stored version or a ``WorkbenchError``, nothing else.

Hypothesis builds HTML (deep, wide, malformed), JSON (any shape, odd values)
and text/bytes with every Unicode oddity (lone surrogates, NUL, bidi and
zero-width characters, combining marks, private use).  For each input the
contract is: ``ingest_bytes`` returns a stored version within the segment
budget, or raises a ``WorkbenchError`` and every row of every table is
unchanged.  Example counts are kept small so the suite stays fast; the shapes
that once crashed are pinned separately in ``test_pathological.py``.
"""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.conftest import snapshot
from workbench.adapters.html_text import extract_page
from workbench.config import Settings
from workbench.errors import WorkbenchError
from workbench.services.ingest import ingest_bytes
from workbench.store.db import get_engine

#: Examples per fuzz test; ``WORKBENCH_FUZZ_EXAMPLES=500`` for a long local hunt.
EXAMPLES = int(os.environ.get("WORKBENCH_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ODD = [
    "\u0000", "\ud800", "\udfff", "\u200b", "\u200e", "\u202e", "\u2066", "\ufeff", "\ufffd",
    "\u0301", "\ue000", "\U0001f600", "\u00ad", "\u2028", "\u0085", "\x1b", "\x7f", "\r",
    "Ǆ", "ﬁ", "İ", "ß", "ѣ", "\u0627\u0644", "&#0;", "&#xD800;", "&amp;", "&bogus;", "]]>",
]  # fmt: skip
WORDS = ["The", "mayor", "opened", "bridge", "Die", "Brücke", "Мост", "відкрили", "a", "."]
TAGS = ["div", "p", "span", "article", "main", "li", "ul", "section", "font", "b", "i", "br",
        "h1", "h2", "table", "tr", "td", "pre", "script", "style", "nav", "aside", "form",
        "input", "img", "svg", "template", "x-widget", "title"]  # fmt: skip
CLASSES = ["", "article-body", "comment", "donate", "related", "nav", "teaser", "footer"]

any_char = st.characters(codec=None, categories=None)  # includes surrogates and controls
odd_text = st.lists(st.one_of(st.sampled_from(ODD + WORDS), st.text(any_char, max_size=8)),
                    max_size=25).map(" ".join)  # fmt: skip


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def render(tag: str, cls: str, inner: list[str], close: bool) -> str:
        attr = f' class="{cls}"' if cls else ""
        return f"<{tag}{attr}>" + "".join(inner) + (f"</{tag}>" if close else "")

    return st.builds(
        render, st.sampled_from(TAGS), st.sampled_from(CLASSES),
        st.lists(children, max_size=5), st.booleans(),
    )  # fmt: skip


html_tree = st.recursive(odd_text, _element, max_leaves=40)
malformed = st.sampled_from(
    ["<", ">", "</", "<!--", "-->", "<![CDATA[", "<!doctype", "<?xml", "</p>", "</div>",
     "<p", '<a href="javascript:x">', "<td>", "&", "&#", "&#x110000;", "<br/>", "</br>"]
)  # fmt: skip


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A page from a random tree, wrapped in up to 1,500 unclosed (or closed) elements."""
    body = "".join(draw(st.lists(st.one_of(html_tree, malformed), min_size=1, max_size=8)))
    depth = draw(st.sampled_from([0, 0, 3, 40, 600, 1500]))
    tag = draw(st.sampled_from(["div", "span", "font", "li", "article"]))
    close = draw(st.booleans())
    return f"<{tag}>" * depth + body + (f"</{tag}>" * depth if close else "")


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), odd_text),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=20,
)  # fmt: skip


@st.composite
def json_documents(draw: st.DrawFn) -> bytes:
    """Article-like objects with fields of any type, or any JSON at all, or broken JSON."""
    fields = draw(st.dictionaries(
        st.sampled_from(["text", "html", "title", "url", "outlet", "captured_at", "language",
                         "article", "extra"]),
        st.one_of(odd_text, json_values, html_pages()), max_size=6,
    ))  # fmt: skip
    doc = draw(st.one_of(st.just(fields), json_values))
    raw = json.dumps(doc, ensure_ascii=draw(st.booleans()), allow_nan=True)
    cut = draw(st.one_of(st.none(), st.integers(0, len(raw))))
    data = raw if cut is None else raw[:cut]
    return data.encode("utf-8", "surrogatepass")


def _contract(settings_: Settings, data: bytes, filename: str, **kwargs: Any) -> None:
    engine = get_engine(settings_.database_url)
    before = snapshot(engine)
    try:
        result = ingest_bytes(settings_, data, filename=filename, outlet="Fuzz", **kwargs)
    except WorkbenchError as exc:
        assert exc.message and "Traceback" not in exc.message
        assert snapshot(engine) == before
        return
    assert 0 < result.segments <= settings_.max_segments
    assert len(snapshot(engine)["version"]) >= len(before["version"])


@FUZZ
@given(page=html_pages())
def test_fuzz_html_ingest(settings: Settings, page: str) -> None:
    _contract(settings, page.encode("utf-8", "surrogatepass"), "page.html")


@FUZZ
@given(data=json_documents())
def test_fuzz_json_ingest(settings: Settings, data: bytes) -> None:
    _contract(settings, data, "story.json")


@FUZZ
@given(text=odd_text, encoding=st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1", "raw"]))
def test_fuzz_text_ingest(settings: Settings, text: str, encoding: str) -> None:
    data = (
        text.encode("utf-8", "surrogatepass")
        if encoding == "raw"
        else text.encode(encoding, "replace" if encoding != "utf-16" else "surrogatepass")
    )
    _contract(settings, data, "story.txt")


@FUZZ
@given(data=st.binary(max_size=300), name=st.sampled_from(["a.txt", "a.html", "a.json", "a"]))
def test_fuzz_raw_bytes(settings: Settings, data: bytes, name: str) -> None:
    _contract(settings, data, name)


@FUZZ
@given(
    outlet=odd_text,
    url=st.one_of(st.none(), odd_text, st.sampled_from(["javascript:x", "https://x.org/a"])),
    captured=st.one_of(st.none(), odd_text, st.sampled_from(["9999-12-31T23:59-23:59"])),
)
def test_fuzz_ingest_options(
    settings: Settings, outlet: str, url: str | None, captured: str | None
) -> None:
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    data = b"The mayor opened the bridge.\n"
    try:
        ingest_bytes(settings, data, filename="a.txt", outlet=outlet, url=url, captured_at=captured)
    except WorkbenchError:
        assert snapshot(engine) == before


@settings(max_examples=EXAMPLES * 6, deadline=None)
@given(page=html_pages())
def test_fuzz_extractor_is_total(page: str) -> None:
    """The pure extractor never fails on any string (recursion, budget aside)."""
    result = extract_page(page)
    for block in result.blocks:
        assert block.text == block.text.strip() and block.text
        assert block.zone in {"main", "appeal", "comments", "page"}
