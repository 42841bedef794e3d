"""The merge form's list of stories and the desk's times, in real Chromium (round 37, webb37).

At phone width: the merge form's slug field offers the other stories (a ``<datalist>``
Chromium shows as suggestions), a story picked from it merges, the page does not scroll
sideways, and every time on the desk says UTC.
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


def test_merge_from_the_list_at_phone_width(browser, serve, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    move_version(settings, ids["visnyk-uk.txt"], OTHER)
    base = serve(settings)
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{base}/stories/{OTHER}?lang=en&compute=0")
        page.get_by_text("Merge this story into another").click()
        field = page.get_by_label("Merge into story (its slug)")
        assert field.get_attribute("list") == "merge-stories"
        offered = page.locator("#merge-stories option").evaluate_all(
            "os => os.map(o => [o.value, o.textContent])")  # fmt: skip
        assert [v for v, _ in offered] == [STORY], offered
        assert "Versions: " in offered[0][1]
        times = page.locator("time").all_inner_texts()
        assert times and all(t.endswith(" UTC") for t in times), times
        wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not wide
        field.fill(offered[0][0])
        page.get_by_role("button", name="Merge", exact=True).click()
        page.wait_for_load_state()
        assert page.url.split("?")[0].endswith(f"/stories/{STORY}")
        said = page.locator(".flash").first.inner_text()
        assert f"Merged story {OTHER} into this one" in said, said
    finally:
        close_context(context)
