"""The compare view's side labels at phone width (round 36, web36), in real Chromium.

Round 35 gave each text cell a side label for phones (the header row, which names each
side's outlet and language, is hidden there), but the label said "Links #1 Wire" and
nothing of the language: across languages a journalist could not tell which text was
the German one.  It was also a ``::before`` of the cell, whose ``lang`` is the text's,
so a screen reader spoke the interface's words in the text's voice.  Now the label is an
element of its own in the interface's language, naming side, version, outlet and the
text's language; on a wide screen the header says it and the label is not shown.
"""

from __future__ import annotations

import pytest

from tests.web import test_browser
from tests.web.conftest import Corpus
from tests.web.test_browser import close_context
from workbench.config import Settings

pytestmark = pytest.mark.browser
browser, serve = test_browser.browser, test_browser.serve  # the module's fixtures

LABELS = """row => ['left', 'right'].map(s => {
  const cell = row.querySelector('td.' + s), label = cell.querySelector('.side');
  return label && {text: label.innerText.trim(), shown: getComputedStyle(label).display !== 'none',
                   lang: label.closest('[lang]').lang, cell: cell.lang};
})"""


@pytest.mark.parametrize("locale", ["de", "uk"])
def test_phone_side_labels_name_the_language(
    browser,
    serve,
    settings: Settings,
    corpus: Corpus,
    locale: str,  # type: ignore[no-untyped-def]
) -> None:
    base = serve(settings)
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{base}/?lang={locale}")
        page.goto(f"{base}/alignments/{corpus.cross_alignment}")
        row = page.locator("#compare tbody tr.pair").first
        left, right = row.evaluate(LABELS)
        assert left and right, "no side label element"
        word = {"de": ("Links", "Rechts"), "uk": ("Ліворуч", "Праворуч")}[locale]
        assert left["text"].startswith(f"{word[0]} #{corpus.v_en1} ") and "(en)" in left["text"]
        assert right["text"].startswith(f"{word[1]} #{corpus.v_de} ") and "(de)" in right["text"]
        for label, text_lang in ((left, "en"), (right, "de")):
            assert label["shown"] and label["lang"] == locale and label["cell"] == text_lang
        page.set_viewport_size({"width": 1280, "height": 800})
        wide = row.evaluate(LABELS)
        assert not wide[0]["shown"] and not wide[1]["shown"]  # the header says it there
    finally:
        close_context(context)
