"""A wrong merge undone from the story page, in real Chromium (round 38, web38).

At phone width, in Ukrainian and in English: a story merged by mistake, the move log's
"Undo this merge" button puts its versions back into the story they came from, whose page
(its address its own again, no redirect) lists them; the page does not scroll sideways.
"""

from __future__ import annotations

import pytest

from tests.web import test_browser
from tests.web.test_browser import close_context
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_merge import merge_stories
from workbench.services.story_move import move_version

pytestmark = pytest.mark.browser
browser, serve = test_browser.browser, test_browser.serve  # the module's fixtures
STORY, OTHER = "harbour-bridge-closure", "bridge-shut-after-storm"


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_undo_the_merge_at_phone_width(browser, serve, settings: Settings, lang: str) -> None:  # type: ignore[no-untyped-def]
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    uk = ids["visnyk-uk.txt"]
    move_version(settings, uk, OTHER)
    merge_stories(settings, OTHER, STORY)
    base = serve(settings)
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{base}/stories/{STORY}?lang={lang}&compute=0")
        button = page.locator(".undo-merge button")
        assert str(uk) in button.inner_text() and OTHER in button.inner_text()
        wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not wide
        button.click()
        page.wait_for_load_state()
        assert page.url.split("?")[0].endswith(f"/stories/{OTHER}")
        said = page.locator(".flash").first.inner_text()
        assert str(uk) in said and STORY in said, said
        assert page.locator(f"#version-{uk}").count() == 1
        assert page.locator(".undo-merge").count() == 0  # nothing merged into OTHER
    finally:
        close_context(context)
