"""The version page editor in real headless Chromium: unsaved marker, leave guard,
Ctrl+Enter save-and-next, jump links and live progress counts."""

from __future__ import annotations

import pytest

from tests.web.conftest import Corpus
from workbench.config import Settings

pytestmark = pytest.mark.browser


def _focused_row(page) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate(
        "document.activeElement.closest('tr') ? document.activeElement.closest('tr').id : ''"
    )


def test_editor_keyboard_flow_and_leave_guard(
    page, serve, settings: Settings, corpus: Corpus
) -> None:  # type: ignore[no-untyped-def]
    base = serve(settings)
    page.goto(f"{base}/versions/{corpus.v_en1}?target=de")
    headline = page.locator(f"#seg-{corpus.segments['headline']}")
    soldiers = page.locator(f"#seg-{corpus.segments['soldiers']}")
    area = headline.locator("textarea")
    area.click()
    area.fill("Truppen zurück an der Front")
    assert headline.locator(".unsaved").is_visible()

    dialogs: list[str] = []

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", on_dialog)
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"] and not page.is_closed()

    area.press("Control+Enter")  # save a draft and move on
    headline.locator(".message.saved").wait_for()
    assert headline.get_attribute("data-state") == "draft"
    assert not headline.locator(".unsaved").is_visible()
    assert page.locator("#count-draft").inner_text() == "1"
    assert page.locator("#count-untranslated").inner_text() == "3"
    assert _focused_row(page) == f"seg-{corpus.segments['soldiers']}"

    soldiers.locator("textarea").press("Control+Shift+Enter")  # approve the MT as it is
    soldiers.locator(".message.saved").wait_for()
    assert soldiers.get_attribute("data-state") == "approved"
    assert "approved" in soldiers.locator(".status").inner_text()
    assert page.locator("#count-approved").inner_text() == "1"
    assert page.locator("#progress-approved").get_attribute("value") == "1"

    page.locator("#next-untranslated").click()  # from the current segment on
    focused = _focused_row(page)
    assert page.locator(f"#{focused}").get_attribute("data-state") == "untranslated"
    page.locator("#next-unapproved").click()
    following = _focused_row(page)
    assert following != focused
    assert page.locator(f"#{following}").get_attribute("data-state") != "approved"

    page.remove_listener("dialog", on_dialog)
    page.goto(f"{base}/")  # nothing unsaved now: leaving needs no confirmation
    assert page.url.endswith("/")
