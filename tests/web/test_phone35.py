"""Phone width (390 px) in real Chromium (round 35, web35): tables stack, words stay whole.

Below 640 px any break beats sideways scrolling (round 34), but the story desk's two
tables, the QA report and a segment's history kept their columns: Chromium shrank them
until 'Northwire' stood one letter a line and German headers read 'Fas|sung',
'Über|setzung'.  They now stack as the article list and the version page do, each cell
labelled; the compare view's text cells name their side, since its header row is hidden.
"""

from __future__ import annotations

import json

import pytest

from tests.deliverables.test_words_browser import BROKEN_WORDS, SIDEWAYS
from tests.web import test_browser
from tests.web.conftest import Corpus
from tests.web.test_browser import close_context
from workbench.config import Settings
from workbench.services.stories import story_view

pytestmark = pytest.mark.browser
browser, serve = test_browser.browser, test_browser.serve  # the module's fixtures


def _pages(corpus: Corpus) -> dict[str, str]:
    return {
        "story": "/stories/north-korean-troops",
        "qa": f"/versions/{corpus.v_en1}/qa?target=de",
        "history": f"/segments/{corpus.segments['soldiers']}/history/de",
        "compare": f"/alignments/{corpus.alignment}",
    }


@pytest.mark.parametrize("locale", ["de", "uk"])
def test_phone_tables_keep_their_words_whole(
    browser,
    serve,
    settings: Settings,
    corpus: Corpus,
    locale: str,  # type: ignore[no-untyped-def]
) -> None:
    from workbench.services.postedit import save_translation

    save_translation(
        settings, corpus.segments["soldiers"], "de", "Mehr als 10,000 Soldaten.", base_revision=1
    )  # fmt: skip  (a QA warning and two history rows)
    story_view(settings, "north-korean-troops")  # every comparison computed
    base = serve(settings)
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{base}/?lang={locale}")
        problems: dict[str, object] = {}
        for name, url in _pages(corpus).items():
            page.goto(base + url)
            if broken := page.evaluate(BROKEN_WORDS):
                problems[name] = broken
            if (overflow := page.evaluate(SIDEWAYS)) > 0:
                problems[f"{name} sideways"] = overflow
        assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
        page.goto(f"{base}/alignments/{corpus.alignment}")
        sides = page.locator("#compare tbody tr").first.evaluate(  # an element since round 36
            "row => ['left', 'right'].map(s => row.querySelector('td.' + s + ' .side').innerText)"
        )
        assert sides[0].startswith(f'{"Links" if locale == "de" else "Ліворуч"} #{corpus.v_en1} ')
        assert f"#{corpus.v_en2} " in sides[1]
    finally:
        close_context(context)
