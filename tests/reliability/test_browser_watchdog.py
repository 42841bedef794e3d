"""A browser call that never returns fails its test in seconds instead of hanging the run.

Real Chromium, a real Playwright call with no timeout of its own (a page script
awaiting a promise that never settles): the watchdog of ``tests/web/browser_guard.py``
kills the Chromium processes this test started, the pending call raises, and the
watchdog reports the test as failed.
"""

from __future__ import annotations

import os
import time

import pytest

from tests.web.browser_guard import chromium_descendants, watchdog
from tests.web.test_browser import CHROMIUM, FLAGS

pytestmark = pytest.mark.browser


def test_a_call_chromium_never_answers_fails_fast_and_leaves_no_chromium() -> None:
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        assert chromium_descendants(os.getpid())  # the browser runs below this process
        with pytest.raises(pytest.fail.Exception, match="longer than 2 s"):
            with watchdog(2, "a never-settling evaluate") as fired:
                with pytest.raises(Error):
                    page.evaluate("new Promise(() => {})")  # no timeout in Playwright
        assert fired.is_set()  # the watchdog ended the call: it never returns by itself
        for _ in range(50):  # SIGKILL is asynchronous: give the kernel a moment
            if not chromium_descendants(os.getpid()):
                break
            time.sleep(0.1)
        assert chromium_descendants(os.getpid()) == []
        try:
            browser.close()
        except Error:
            pass  # already gone


def test_a_block_inside_its_limit_is_left_alone() -> None:
    with watchdog(30, "a quick block") as fired:
        time.sleep(0.01)
    assert not fired.is_set()
