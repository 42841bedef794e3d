"""The UI in real headless Chromium (Debian's /usr/bin/chromium via Playwright).

The real app runs in a thread on a free loopback port; the browser opens the
compare view, walks the changes with j/k, post-edits and approves a segment,
and hits a conflict from a stale revision.  A screenshot of the compare view
is saved to test-artifacts/compare.png.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.web.conftest import Corpus
from workbench.config import Settings
from workbench.web import create_app

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def live_url(settings: Settings) -> Iterator[str]:
    """The real app served by werkzeug in a thread on 127.0.0.1 and a free port."""
    server = make_server("127.0.0.1", 0, create_app(settings), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    yield tab
    context.close()


def _focused(page) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def test_compare_view_keyboard_navigation_and_screenshot(
    page, live_url: str, corpus: Corpus
) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_url}/alignments/{corpus.alignment}")
    assert page.locator("tr.pair").count() >= 5
    assert page.locator("#pair-2 del", has_text="10,000").is_visible()
    assert page.locator("#pair-2 td.left ins").count() == 0  # insertions only on the right
    assert page.locator("#pair-2 td.right ins", has_text="11,000").is_visible()
    assert page.locator("#pair-7").count() == 0  # boilerplate hidden by default
    assert (
        page.locator("td.left", has_text='<script>alert("x")</script>').count() == 1
    )  # inert text
    page.keyboard.press("j")
    first = _focused(page)
    page.keyboard.press("j")
    second = _focused(page)
    assert first.startswith("pair-") and second.startswith("pair-") and first != second
    assert page.locator(f"#{first}").get_attribute("data-status") != "unchanged"
    page.keyboard.press("k")
    assert _focused(page) == first
    assert page.locator("#position").inner_text() == "1 / " + str(
        page.locator("tr.pair.change").count()
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.keyboard.press("j")
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)
    assert (ARTIFACTS / "compare.png").stat().st_size > 10_000
    page.locator("input[name=role][value=appeal]").check()  # auto-submits the filter form
    page.wait_for_selector("#pair-7")
    assert "role=appeal" in page.url


def test_post_edit_approve_then_conflict(browser, live_url: str, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    seg = corpus.segments["soldiers"]
    url = f"{live_url}/versions/{corpus.v_en1}?target=de"
    context = browser.new_context()
    try:
        first, second = context.new_page(), context.new_page()
        first.goto(url)
        second.goto(url)  # both tabs start from revision 1
        row1, row2 = first.locator(f"#seg-{seg}"), second.locator(f"#seg-{seg}")
        assert row1.locator(".mt").inner_text().endswith("Mehr als 10.000 Soldaten.")
        row1.locator("textarea").fill("Mehr als 10.000 Soldaten wurden entsandt.")
        row1.get_by_role("button", name="Approve").click()
        first.wait_for_selector(f"#seg-{seg} .message.saved")
        assert row1.locator(".status").inner_text() == "approved"
        assert row1.locator(".rev").inner_text() == "2"
        assert row1.locator(".edit").inner_text() != "–"

        row2.locator("textarea").fill("Eine veraltete Fassung.")
        row2.get_by_role("button", name="Save draft").click()
        second.wait_for_selector(f"#seg-{seg} .message.conflict")
        message = row2.locator(".message").inner_text()
        assert "Conflict" in message and "Mehr als 10.000 Soldaten wurden entsandt." in message
        assert row2.locator("textarea").input_value() == "Eine veraltete Fassung."  # not lost

        first.reload()  # the server kept the approved text, not the stale one
        assert row1.locator("textarea").input_value() == "Mehr als 10.000 Soldaten wurden entsandt."
        assert row1.locator(".status").inner_text() == "approved"
    finally:
        context.close()
