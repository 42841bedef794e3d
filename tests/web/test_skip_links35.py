"""Skip links: a keyboard user reaches the content without tabbing through the header (round 35).

Why: every page starts with the header (brand, 3–6 links, 4 interface languages,
the logout button); the compare view then has the export links and a dozen
filter boxes before its first aligned row, and the version page its compare form
and filters before the first segment.  No page had a skip link (WCAG 2.4.1,
"bypass blocks").  Now each page begins with "Skip to content" (to ``main``), and
the two long pages with a second one: "Skip to the aligned rows" (compare view)
and "Skip to the segments" (version page).  The links are hidden until focused.
"""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import Corpus
from tests.web.test_browser import browser, page, serve  # noqa: F401
from workbench.config import Settings

FOCUSABLE = re.compile(r"<(a|button|input|select|textarea)\b[^>]*>")


def _pages(corpus: Corpus) -> list[str]:
    return [
        "/", f"/versions/{corpus.v_en1}", f"/versions/{corpus.v_en1}/qa?target=de", "/glossary",
        "/tm", "/stories/north-korean-troops", f"/alignments/{corpus.alignment}", "/upload",
        f"/segments/{corpus.segments['soldiers']}/history/de", "/login", "/models",
        "/versions/999",
    ]  # fmt: skip


def _focusable(html: str) -> list[str]:
    body = html.split("<body", 1)[1]
    return [m.group(0) for m in FOCUSABLE.finditer(body) if 'type="hidden"' not in m.group(0)]


def test_every_page_begins_with_a_skip_link(client: FlaskClient, corpus: Corpus) -> None:
    for url in _pages(corpus):
        html = client.get(url).get_data(as_text=True)
        first = _focusable(html)[0]
        assert 'class="skip"' in first and 'href="#main"' in first, (url, first)
        assert '<main id="main" tabindex="-1">' in html, url


@pytest.mark.parametrize(
    ("kind", "anchor"), [("compare", "#compare"), ("version", "#segments")]
)  # fmt: skip
def test_long_pages_skip_to_their_rows(
    client: FlaskClient, corpus: Corpus, kind: str, anchor: str
) -> None:
    url = f"/alignments/{corpus.alignment}" if kind == "compare" else f"/versions/{corpus.v_en1}"
    html = client.get(url).get_data(as_text=True)
    second = _focusable(html)[1]
    assert 'class="skip"' in second and f'href="{anchor}"' in second, second
    assert re.search(rf'<table [^>]*id="{anchor[1:]}"[^>]*tabindex="-1"', html), anchor


@pytest.mark.browser
def test_the_rows_are_two_tabs_away(page, serve, settings: Settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(f"{serve(settings)}/alignments/{corpus.alignment}")
    page.keyboard.press("Tab")
    skip = page.evaluate("[document.activeElement.className, document.activeElement.hash]")
    assert skip == ["skip", "#main"]
    box = page.evaluate("JSON.stringify(document.activeElement.getBoundingClientRect())")
    assert '"x":-' not in box and '"y":-' not in box, box  # shown when focused
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hash") == "#compare"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "compare"
    page.keyboard.press("j")  # and j starts from the first change
    assert page.evaluate("document.activeElement.id").startswith("pair-")
