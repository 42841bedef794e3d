"""The merge form's search in real Chromium, with and without JavaScript (round 38, web38).

At phone width: a journalist types an outlet's name into the search, the GET form lists the
matching stories as radio buttons of the merge form, one is picked by its label and merged;
the same with JavaScript off (the search is a plain GET form), and the page does not scroll
sideways with the list open.
"""

from __future__ import annotations

import pytest

from tests.web import test_browser
from tests.web.test_browser import close_context
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_move import move_version

pytestmark = pytest.mark.browser
browser, serve = test_browser.browser, test_browser.serve  # the module's fixtures
STORY, OTHER = "harbour-bridge-closure", "bridge-shut-after-storm"


@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
def test_find_and_merge_at_phone_width(browser, serve, settings: Settings, script: bool) -> None:  # type: ignore[no-untyped-def]
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    move_version(settings, ids["visnyk-uk.txt"], OTHER)
    move_version(settings, ids["abendpost-de.html"], "abendpost-story")  # a second choice
    base = serve(settings)
    context = browser.new_context(viewport={"width": 390, "height": 800},
                                  java_script_enabled=script)  # fmt: skip
    try:
        page = context.new_page()
        page.goto(f"{base}/stories/{OTHER}?lang=en&compute=0")
        page.get_by_text("Merge this story into another").click()
        page.get_by_label("Find the story by title, slug or outlet").fill("northwire")
        page.get_by_role("button", name="Search", exact=True).click()
        page.wait_for_load_state()
        assert "find=northwire" in page.url
        legend = page.locator(".merge-found legend").inner_text()
        assert legend == "Stories matching “northwire”: 1", legend
        wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not wide
        page.get_by_label(f"({STORY})", exact=False).check()
        page.get_by_role("button", name="Merge", exact=True).click()
        page.wait_for_load_state()
        assert page.url.split("?")[0].endswith(f"/stories/{STORY}")
        said = page.locator(".flash").first.inner_text()
        assert f"Merged story {OTHER} into this one" in said, said
    finally:
        close_context(context)
