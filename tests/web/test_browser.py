"""The UI in real headless Chromium (Debian's /usr/bin/chromium via Playwright).

The real app runs in a thread on a free loopback port over the bundled sample
corpus (ingested, translated and compared by the real services); the browser
opens the compare view, walks the changes with j/k, post-edits and approves a
segment, and hits a conflict from a stale revision.  A screenshot of the
compare view is saved to test-artifacts/compare.png.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.web.conftest import XSS, Corpus
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus
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
def serve() -> Iterator[Callable[[Settings], str]]:
    """Start the real app for some settings (werkzeug, a thread, 127.0.0.1, free port)."""
    servers = []

    def start(settings: Settings) -> str:
        server = make_server("127.0.0.1", 0, create_app(settings), threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server, thread in servers:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    yield tab
    close_context(context)


def close_context(context) -> None:  # type: ignore[no-untyped-def]
    """Close the tabs first, then the context; the test's watchdog bounds both."""
    for tab in list(context.pages):
        tab.close()
    context.close()


def _focused(page) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def test_compare_view_keyboard_navigation_and_screenshot(
    page, serve, mt_settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(mt_settings)}
    base = serve(mt_settings)
    page.goto(f"{base}/")  # the compare button on the home page (a CSRF-protected form)
    page.select_option("select[name=left]", str(ids["northwire-v1.txt"]))
    page.select_option("select[name=right]", str(ids["northwire-v2.json"]))
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/alignments/*")
    changes = page.locator("tr.pair.change")
    assert changes.count() >= 4
    assert page.locator("td.left del").count() >= 1 and page.locator("td.right ins").count() >= 1
    assert page.locator("td.left ins").count() == 0  # insertions only on the right
    assert page.locator("a.move").count() >= 1 and page.locator("li.flag-numbers").count() >= 1
    page.keyboard.press("j")
    first = _focused(page)
    page.keyboard.press("j")
    second = _focused(page)
    assert first.startswith("pair-") and second.startswith("pair-") and first != second
    assert page.locator(f"#{first}").get_attribute("data-status") != "unchanged"
    page.keyboard.press("k")
    assert _focused(page) == first
    assert page.locator("#position").inner_text() == f"1 / {changes.count()}"
    links = page.locator("a.move")  # a moved row's link jumps to its partner ...
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    target = min(hrefs, key=lambda h: int(h.split("-")[1]))  # its partner comes later
    links.nth(hrefs.index(target)).click()
    page.wait_for_url(f"**{target}")
    expected = page.evaluate(
        """(id) => { const rows = [...document.querySelectorAll('#compare tr.pair')];
        const at = rows.indexOf(document.getElementById(id));
        return rows.slice(at + 1).find((r) => r.classList.contains('change')).id; }""",
        target[1:],
    )
    page.keyboard.press("j")  # ... and j continues from there
    assert _focused(page) == expected
    # web34: a page opened at a change (the story desk's "row N" links) shows its place
    second_change = changes.nth(1).get_attribute("id")
    opened = page.url.split("#")[0]
    page.goto("about:blank")
    page.goto(f"{opened}#{second_change}")
    assert page.locator("#position").inner_text() == f"2 / {changes.count()}"
    page.keyboard.press("j")
    assert _focused(page) == changes.nth(2).get_attribute("id")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)
    assert (ARTIFACTS / "compare.png").stat().st_size > 10_000
    hidden = page.locator("input[name=role][value=appeal]")
    assert not hidden.is_checked()  # boilerplate hidden by default
    hidden.check()  # ticking a role re-applies the filters
    page.wait_for_url("**role=appeal**")


def test_post_edit_approve_then_conflict(browser, serve, mt_settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from workbench.services.translate import translate_versions

    version_id = ingest_sample_corpus(mt_settings)[0].version_id
    translate_versions(mt_settings, "de", version_ids=[version_id])
    base = serve(mt_settings)
    context = browser.new_context()
    try:
        first, second = context.new_page(), context.new_page()
        url = f"{base}/versions/{version_id}?target=de"
        first.goto(url)
        second.goto(url)  # both tabs start from revision 1
        row1 = first.locator("tr.segment", has=first.locator("span[data-role=body]")).first
        seg = row1.get_attribute("id")
        row2 = second.locator(f"#{seg}")
        assert row1.locator(".mt").inner_text().strip()
        assert row1.locator(".rev").inner_text() == "1"
        row1.locator("textarea").fill("Ingenieure sperrten die Hafenbrücke am Sonntagabend.")
        row1.get_by_role("button", name="Approve").click()
        first.wait_for_selector(f"#{seg} .message.saved")
        assert "approved" in row1.locator(".status").inner_text()
        assert row1.locator(".rev").inner_text() == "2"
        assert row1.locator(".edit").inner_text().endswith(")")  # "NN% (distance)"

        row2.locator("textarea").fill("Eine veraltete Fassung.")
        row2.get_by_role("button", name="Save draft").click()
        second.wait_for_selector(f"#{seg} .message.conflict")
        message = row2.locator(".message").inner_text()
        assert "Conflict" in message and "Ingenieure sperrten die Hafenbrücke" in message
        assert row2.locator("textarea").input_value() == "Eine veraltete Fassung."  # not lost
        # web34: the stale tab now shows the server's state and counts, so saving again
        # is a deliberate overwrite of an *approved* text, not of "machine" as it read
        assert "approved" in row2.locator(".status").inner_text()
        assert row2.get_attribute("data-state") == "approved"
        assert row2.locator(".rev").inner_text() == "2"
        assert second.locator("#count-approved").inner_text() == "1"
        assert "dirty" in (row2.locator("form.postedit").get_attribute("class") or "")

        first.reload()  # the server kept the approved text, not the stale one
        row1 = first.locator(f"#{seg}")
        assert row1.locator("textarea").input_value().startswith("Ingenieure sperrten")
        assert "approved" in row1.locator(".status").inner_text()
    finally:
        close_context(context)


def test_script_in_text_stays_inert(page, serve, settings: Settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    base = serve(settings)
    for url in (f"/alignments/{corpus.alignment}", f"/versions/{corpus.v_en1}?target=de"):
        page.goto(base + url)
        assert page.get_by_text(XSS).count() >= 1  # shown as text
        assert page.locator("td img").count() == 0
    assert dialogs == []
