"""Hostile markup stays inert in a real browser (Debian's Chromium via Playwright).

Why a browser on top of the escaped-HTML assertions: escaping checks look for
known strings; the browser proves that nothing executes — no dialog opens and
no script touches the page — for text that went through the real ingest
(plain text and an HTML page with scripts and event handlers) and the real
compare service.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

from tests.reliability.conftest import XSS_LINES
from tests.web.conftest import Api
from tests.web.test_browser import CHROMIUM, FLAGS
from workbench.config import Settings
from workbench.web import create_app

pytestmark = pytest.mark.browser

HOSTILE_HTML = b"""<!doctype html><html><head><title>Hostile page</title>
<script>window.__pwned = 'head script ran'; alert('head')</script></head>
<body><article>
<p onclick="alert('click')">The mayor opened the new bridge over the river today.</p>
<p>The council <img src=x onerror="window.__pwned='onerror ran'"> approved the budget.</p>
<p>Readers wrote &lt;script&gt;alert('entity')&lt;/script&gt; in the comments.</p>
</article></body></html>
"""


@pytest.fixture
def served(settings: Settings) -> Iterator[tuple[str, Api]]:
    """The real app on a loopback port (werkzeug in a thread) and a test-client API helper."""
    app = create_app(settings)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config["TESTING"] = True
    yield f"http://127.0.0.1:{server.server_port}", Api(app.test_client())
    server.shutdown()
    thread.join(10)


def _upload(api: Api, name: str, data: bytes) -> int:
    form = {"outlet": "Hostile", "article": "xss", "file": (io.BytesIO(data), name)}
    response = api.post("/api/ingest", data=form, content_type="multipart/form-data")
    assert response.status_code == 201, response.get_json()
    return int(response.get_json()["result"]["version_id"])


def test_hostile_text_and_html_execute_nothing_in_chromium(
    served: tuple[str, Api],
) -> None:
    from playwright.sync_api import sync_playwright

    base, api = served
    text_version = _upload(api, "hostile.txt", ("\n\n".join(XSS_LINES) + "\n").encode())
    edited = "\n\n".join([*XSS_LINES, "<svg onload=alert(7)> The bridge reopened."]) + "\n"
    edited_version = _upload(api, "hostile-2.txt", edited.encode())
    html_version = _upload(api, "hostile.html", HOSTILE_HTML)
    compared = api.post("/api/compare", {"left": text_version, "right": edited_version})
    assert compared.status_code == 201, compared.get_json()
    pages = [
        f"{base}/versions/{text_version}",
        f"{base}/versions/{html_version}",
        f"{base}/alignments/{compared.get_json()['alignment_id']}?filtered=1",
    ]
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for url in pages:
                page.goto(url)
                page.wait_for_load_state("load")
                page.locator("body").click(position={"x": 5, "y": 5})
                assert page.evaluate("window.__pwned === undefined"), url
            shown = page.locator("body").inner_text()
            page.goto(pages[1])
            html_shown = page.locator("body").inner_text()
        finally:
            browser.close()
    assert dialogs == []
    assert "<svg onload=alert(7)>" in shown  # the markup is visible as text
    assert "<script>alert('entity')</script>" in html_shown
    assert "head script ran" not in html_shown
