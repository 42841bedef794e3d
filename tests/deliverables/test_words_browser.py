"""Table cells in real Chromium keep their words whole (round 34, web34).

`td, th { overflow-wrap: anywhere }` let the table layout shrink a column below its
longest word, so at desktop width German, Russian and Ukrainian headers and labels were
cut mid-word ('Vergleiche|n', 'Spra|che', 'Порівнят|и', 'маши|нный').  A word may still
break at its own hyphen ('2026-|03-02') or on a phone (any break beats sideways
scrolling); between phone and desktop width no page scrolls sideways.
"""

from __future__ import annotations

import json

import pytest

from tests.deliverables.test_a11y_browser import _pages
from tests.web.conftest import Corpus
from tests.web.test_browser import close_context
from workbench.config import Settings

pytestmark = pytest.mark.browser

#: words (split at white space and hyphens) of table cells drawn on more than one line
BROKEN_WORDS = """() => { const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (!node.parentElement.closest('td, th')) continue;
    const re = /[^\\s-]+/g; let m;
    while ((m = re.exec(node.textContent))) {
      if (m[0].length < 4) continue;
      const r = document.createRange();
      r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
      const rects = [...r.getClientRects()].filter((x) => x.width > 0);
      const lines = new Set(rects.map((x) => Math.round(x.top)));
      if (lines.size > 1) out.push(m[0]);
    } }
  return out; }"""
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("locale", ["de", "uk"])
def test_desktop_tables_never_cut_a_word(browser, serve, settings: Settings, corpus: Corpus,
                                         locale: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    base = serve(settings)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{base}/?lang={locale}")
        problems: dict[str, list[str]] = {}
        for name, url in _pages(corpus).items():
            page.goto(base + url)
            if broken := page.evaluate(BROKEN_WORDS):
                problems[name] = broken
        assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
    finally:
        close_context(context)


@pytest.mark.parametrize("width", [660, 800])
def test_between_phone_and_desktop_nothing_scrolls_sideways(
    browser, serve, settings: Settings, corpus: Corpus, width: int  # type: ignore[no-untyped-def]
) -> None:
    base = serve(settings)
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        problems: dict[str, int] = {}
        for locale in ("de", "uk"):
            page.goto(f"{base}/?lang={locale}")
            for name, url in _pages(corpus).items():
                page.goto(base + url)
                if (overflow := page.evaluate(SIDEWAYS)) > 0:
                    problems[f"{name} ({locale})"] = overflow
        assert not problems, problems
    finally:
        close_context(context)
