"""The story page in real headless Chromium: from the article list to a pair's rows.

Over the story fixture (a wire copy, an edited republication with an appeal,
an unrelated text): open the home page, follow the story link, check the
matrix and counts, pick another reference with the form, mark the wire copy,
follow a fact into the compare view, and read the page in de/ru/uk.  A
screenshot goes to test-artifacts/story.png.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.story.conftest import COPY, UNRELATED, WIRE, Ingest, bulk_alignment
from tests.web.test_browser import ARTIFACTS, browser, page, serve  # noqa: F401
from workbench.config import Settings

pytestmark = pytest.mark.browser


def test_story_page_in_chromium(
    settings: Settings,
    ingest: Ingest,
    serve: Callable[[Settings], str],  # noqa: F811
    page,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    wire, herald = ingest(WIRE, "wire", 1), ingest(COPY, "herald", 2)
    ingest(UNRELATED, "gazette", 3)
    base = serve(settings)
    page.goto(base + "/")
    page.click('a[href="/stories/bridge"]')
    page.wait_for_selector("#matrix")
    assert page.locator("#matrix tbody tr").count() == 3
    row = page.locator(f"#version-{herald}")
    assert row.locator("td.count-added").inner_text() == "1"
    assert row.locator("td.count-dropped").inner_text() == "1"
    assert "appeal 1" in row.locator("td.wrapper").inner_text()
    assert page.locator("tr.version.unrelated").count() == 1
    assert "42,000" in page.locator("li.fact-number").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)
    # another reference through the form: the wire copy is now compared with the herald
    page.select_option('#reference-form select[name="reference"]', str(herald))
    page.click('#reference-form button[type="submit"]')
    page.wait_for_url(f"**reference={herald}**")
    assert page.locator(f"#version-{herald}.reference").count() == 1
    assert page.locator(f"#version-{wire} td.count-added").inner_text() == "1"
    page.click("text=Mark the reference as the wire copy")
    page.wait_for_selector(".flash-info")
    assert page.locator(f"#version-{herald}.reference").count() == 1
    # a fact links to its row in the pair's compare view
    page.locator("li.fact-number a").first.click()
    page.wait_for_selector("#compare")
    assert "/alignments/" in page.url and "#pair-" in page.url
    for lang, word in (("de", "Referenz"), ("ru", "Эталон"), ("uk", "Еталон")):
        page.goto(f"{base}/stories/bridge?lang={lang}")
        assert page.locator("html").get_attribute("lang") == lang
        assert word in page.locator("main").inner_text()


def _focused(tab) -> str:  # type: ignore[no-untyped-def]
    return tab.evaluate("document.activeElement ? document.activeElement.id : ''")


def test_compare_windows_keep_j_k_and_moves_working(
    settings: Settings,
    ingest: Ingest,
    serve: Callable[[Settings], str],  # noqa: F811
    page,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    aid = bulk_alignment(settings, ingest, 450)
    base = serve(settings)
    page.goto(f"{base}/alignments/{aid}?status=changed&status=moved&limit=20")
    assert page.locator("#compare tr.pair").count() == 20
    for _ in range(20):
        page.keyboard.press("j")
    assert _focused(page) == page.locator("#compare tr.pair").last.get_attribute("id")
    page.keyboard.press("j")  # past the last change of this window: the next window opens
    page.wait_for_url("**offset=20**")
    page.wait_for_function("document.activeElement && document.activeElement.id")
    first = page.locator("#compare tr.pair").first.get_attribute("id")
    assert _focused(page) == first and "status=moved" in page.url
    page.keyboard.press("k")  # before the first: back to the previous window's last change
    page.wait_for_url("**offset=0**")
    page.wait_for_function("document.activeElement && document.activeElement.id")
    assert _focused(page) == page.locator("#compare tr.pair").last.get_attribute("id")
    page.goto(f"{base}/alignments/{aid}?status=changed&status=moved&limit=10")
    page.locator("#pair-7 a.move").click()  # its counterpart (row 107) is in another window
    page.wait_for_url("**at=107**")
    assert page.locator("#pair-107").count() == 1


def test_pending_comparisons_computed_by_a_followed_job(
    settings: Settings,
    ingest: Ingest,
    serve: Callable[[Settings], str],  # noqa: F811
    page,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    ingest(WIRE, "wire", 1)
    for day, outlet in enumerate(("herald", "courier", "gazette", "tribune"), 2):
        ingest([line.replace("42,000", f"{40 + day},000") for line in COPY], outlet, day)
    base = serve(settings)
    page.goto(f"{base}/stories/bridge")
    assert page.locator('tr.version[data-state="pending"]').count() == 1  # over the inline budget
    page.click("form.pending button[type=submit]")
    page.wait_for_url(f"{base}/stories/bridge", timeout=120_000)  # the job page followed it
    assert page.locator('tr.version[data-state="pending"]').count() == 0
    assert page.locator('tr.version[data-state="done"]').count() == 4
