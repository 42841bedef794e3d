"""Moving a version to another story from its page, in real Chromium (round 36, webb36).

Two tabs show the same capture; the first moves it, the second (still showing the old
story) tries another move: refused, with a message in the page's language, and the first
move stands.  At phone width the form is reachable and its label names the field.
"""

from __future__ import annotations

import pytest

from tests.web import test_browser
from tests.web.conftest import Corpus
from tests.web.test_browser import close_context
from workbench.config import Settings
from workbench.services.browse import version_detail

pytestmark = pytest.mark.browser
browser, serve = test_browser.browser, test_browser.serve  # the module's fixtures


def _move(page, story: str) -> str:  # type: ignore[no-untyped-def]
    page.get_by_text("Move this version").click()  # the <summary> opens the form
    page.get_by_label("Move to story").fill(story)
    page.get_by_role("button", name="Move", exact=True).click()
    page.wait_for_load_state()
    return str(page.locator(".flash").first.inner_text())


def test_two_tabs_move_the_same_version(
    browser, serve, settings: Settings, corpus: Corpus  # type: ignore[no-untyped-def]
) -> None:
    base = serve(settings)
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        first, second = context.new_page(), context.new_page()
        for tab in (first, second):
            tab.goto(f"{base}/versions/{corpus.v_en2}?lang=en")
        before = version_detail(settings, corpus.v_en2)["article_slug"]
        said = _move(first, "Other story")
        assert f"from story {before} to story other-story" in said, said
        link = first.locator("p.story-link a").get_attribute("href")
        assert link and link.endswith("/stories/other-story")
        refused = _move(second, "third-story")
        assert "moved meanwhile" in refused and "nothing was changed" in refused, refused
        assert version_detail(settings, corpus.v_en2)["article_slug"] == "other-story"
    finally:
        close_context(context)
