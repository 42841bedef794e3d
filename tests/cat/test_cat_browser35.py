"""The translator's keyboard path in real headless Chromium (round 35, web35)."""

from __future__ import annotations

import pytest

from tests.cat.conftest import Corpus
from workbench.config import Settings
from workbench.services.postedit import save_translation

pytestmark = pytest.mark.browser


def test_a_used_memory_match_is_an_unsaved_edit(
    page, serve, settings: Settings, corpus: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """At START the match filled the editor but the row looked saved and leaving asked nothing."""
    save_translation(
        settings, corpus.segments["soldiers"], "de", "Mehr als 10.000 Soldaten wurden geschickt.",
        base_revision=1, status="approved",
    )  # fmt: skip
    base = serve(settings)
    page.goto(f"{base}/versions/{corpus.v_en2}?target=de")
    row = page.locator("tr.segment", has=page.locator(".tm-match")).first
    use = row.get_by_role("button", name="Use")
    use.focus()
    page.keyboard.press("Enter")  # keyboard only
    area = row.locator("textarea")
    assert area.input_value() == "Mehr als 10.000 Soldaten wurden geschickt."
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    assert row.locator(".unsaved").is_visible()
    assert "dirty" in (row.locator("form.postedit").get_attribute("class") or "")
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"] and not page.is_closed()
    page.remove_listener("dialog", on_dialog)
    area.press("Control+Enter")  # saved: the mark goes
    row.locator(".message.saved").wait_for()
    assert not row.locator(".unsaved").is_visible()


def _focused_row(page) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate(
        "document.activeElement.closest('tr') ? document.activeElement.closest('tr').id : ''"
    )


def test_alt_arrows_walk_segments_without_saving(
    page, serve, settings: Settings, corpus: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """At START the only way back a segment was Shift+Tab through the row above's controls."""
    base = serve(settings)
    page.goto(f"{base}/versions/{corpus.v_en1}?target=de&lang=de")
    rows = page.locator("tr.segment:has(form.postedit)")
    ids = [rows.nth(i).get_attribute("id") for i in range(rows.count())]
    assert len(ids) >= 3
    first = page.locator(f"#{ids[0]} textarea")
    revision = page.locator(f"#{ids[0]} .rev").inner_text()
    first.focus()
    first.press("Control+End")
    page.keyboard.type(" (neu)")
    page.keyboard.press("Alt+ArrowDown")
    assert _focused_row(page) == ids[1]
    page.keyboard.press("Alt+ArrowDown")
    assert _focused_row(page) == ids[2]
    page.keyboard.press("Alt+ArrowUp")
    page.keyboard.press("Alt+ArrowUp")
    assert _focused_row(page) == ids[0]
    page.keyboard.press("Alt+ArrowUp")  # the first stays the first
    assert _focused_row(page) == ids[0]
    assert first.input_value().endswith(" (neu)")  # nothing saved, nothing lost
    assert page.locator(f"#{ids[0]} .unsaved").is_visible()
    assert page.locator(f"#{ids[0]} .rev").inner_text() == revision
    assert "Alt+↓ / Alt+↑" in page.locator(".progress-block .hint").inner_text()
    assert "ohne zu speichern" in page.locator(".progress-block .hint").inner_text()


def test_a_copied_figure_after_a_save_is_named_once(
    page, serve, settings: Settings, corpus: Corpus
) -> None:  # type: ignore[no-untyped-def]
    """cat.js's warning after a save, as the page writes it (round 35: missing and extra both)."""
    base = serve(settings)
    page.goto(f"{base}/versions/{corpus.v_en1}?target=de&lang=de")
    row = page.locator(f"#seg-{corpus.segments['soldiers']}")
    row.locator("textarea").fill("Mehr als 10,000 Soldaten.")
    row.locator("textarea").press("Control+Enter")
    page.wait_for_selector(f"#seg-{corpus.segments['soldiers']} .cat-qa li")
    said = row.locator(".cat-qa").inner_text()
    assert "im Format der Ausgangssprache geschrieben: 10,000" in said
    assert "fehlt" not in said and "zusätzlich" not in said


def test_a_repeat_on_the_same_page_shows_its_propagation_in_the_page_language(
    page, serve, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    """The Abendpost page repeats its headline (positions 0 and 5).  At START approving the
    first wrote 'approved' into the second row in English, kept its state 'untranslated'
    and left the counts as they were; the undo did the same the other way."""
    from workbench.services.ingest_files import ingest_sample_corpus

    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    base = serve(settings)
    page.goto(f"{base}/versions/{ids['abendpost-de.html']}?target=en&lang=de")
    heads = page.locator("tr.segment:has(span[data-role=headline])")
    first, repeat = heads.nth(0), heads.nth(1)
    assert first.locator("td.source").inner_text() == repeat.locator("td.source").inner_text()
    approved = int(page.locator("#count-approved").inner_text())
    untranslated = int(page.locator("#count-untranslated").inner_text())
    text = "Storm damage: Port Elden harbour bridge closed"
    first.locator("textarea").fill(text)
    first.locator("button[value=approved]").click()
    first.locator(".cat-undo").wait_for()
    assert repeat.get_attribute("data-state") == "approved"
    assert repeat.locator(".status").inner_text() == "✓ freigegeben"
    assert repeat.locator("textarea").input_value() == text
    assert not repeat.locator(".unsaved").is_visible()
    assert page.locator("#count-approved").inner_text() == str(approved + 2)
    assert page.locator("#count-untranslated").inner_text() == str(untranslated - 2)
    first.locator(".cat-undo").click()
    page.wait_for_selector("text=Übertragung rückgängig gemacht: 1")
    assert repeat.get_attribute("data-state") == "untranslated"
    assert repeat.locator("textarea").input_value() == ""
    assert page.locator("#count-approved").inner_text() == str(approved + 1)
