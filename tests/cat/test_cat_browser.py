"""The CAT additions in real headless Chromium: glossary page, term marks, QA after save."""

from __future__ import annotations

import pytest

from tests.cat.conftest import Corpus
from workbench.config import Settings
from workbench.services import glossary

pytestmark = pytest.mark.browser


def test_glossary_page_add_edit_delete(page, serve, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    base = serve(settings)
    page.goto(f"{base}/glossary?source=en&target=de")
    page.fill("#term-add input[name=source_term]", "troop")
    page.fill("#term-add input[name=target_term]", "Truppe")
    page.click("#term-add button[type=submit]")
    page.wait_for_selector("text=Term added.")
    assert page.locator("#glossary-terms tbody tr").first.inner_text().startswith("troop")
    page.get_by_role("link", name="Edit").click()
    page.fill(".term-edit input[name=target_term]", "Einheit")
    page.check(".term-edit input[name=forbidden]")
    page.click(".term-edit button[type=submit]")
    page.wait_for_selector("text=Term saved.")
    assert page.locator("#glossary-terms s").inner_text() == "Einheit"
    page.get_by_role("button", name="Delete").click()
    page.wait_for_selector("text=Term deleted.")
    assert page.locator("text=No terms yet.").count() == 1


def test_terms_marked_and_qa_refreshed_after_save(
    page, serve, settings: Settings, corpus: Corpus
) -> None:  # type: ignore[no-untyped-def]
    glossary.add_term(settings, "en", "de", "soldier", "Soldat")
    base = serve(settings)
    page.goto(f"{base}/versions/{corpus.v_en1}?target=de")
    seg = corpus.segments["soldiers"]
    row = page.locator(f"#seg-{seg}")
    mark = row.locator("td.source mark.term")
    assert mark.inner_text() == "soldiers" and "Soldat" in (mark.get_attribute("title") or "")
    assert row.locator(".cat-qa li").count() == 0  # "Mehr als 10.000 Soldaten." is clean
    row.locator("textarea").fill("Mehr als 12.000 Krieger wurden wurden geschickt.")
    row.get_by_role("button", name="Save draft").click()
    page.wait_for_selector(f"#seg-{seg} .cat-qa li")
    checks = row.locator(".cat-qa li").evaluate_all("els => els.map(e => e.dataset.check)")
    assert checks == ["numbers", "glossary_missing", "doubled_word"]
    assert "Numbers differ" in row.locator(".cat-qa").inner_text()
    page.click("#qa-report-link")
    page.wait_for_url("**/qa?target=de")
    assert page.locator(f"#qa-{seg} li.qa-warning").count() == 3


def test_memory_match_used_and_propagation_undone(
    page, serve, settings: Settings, corpus: Corpus
) -> None:  # type: ignore[no-untyped-def]
    from workbench.services.postedit import save_translation

    soldiers = corpus.segments["soldiers"]
    save_translation(
        settings,
        soldiers,
        "de",
        "Mehr als 10.000 Soldaten wurden geschickt.",
        base_revision=1,
        status="approved",
    )
    base = serve(settings)
    page.goto(f"{base}/versions/{corpus.v_en2}?target=de")
    row = page.locator("tr.segment", has=page.locator(".tm-match")).first
    assert row.locator(".tm-score").inner_text().endswith("%")
    assert row.locator(".tm-source del").inner_text() == "10,000"
    row.get_by_role("button", name="Use").click()
    assert row.locator("textarea").input_value() == "Mehr als 10.000 Soldaten wurden geschickt."
    # the headline repeats in version 1: approving it here propagates, and Undo takes it back
    head = page.locator("tr.segment", has=page.locator("span[data-role=headline]")).first
    assert "apply to 1 repeats" in head.locator(".cat-propagate").inner_text()
    head.locator("textarea").fill("Truppen wieder an der Front")
    head.get_by_role("button", name="Approve").click()
    head.locator(".cat-undo").wait_for()
    assert "Applied to repeats: 1" in head.locator(".propagated").inner_text()
    head.locator(".cat-undo").click()
    page.wait_for_selector("text=Propagation undone: 1")
    page.goto(f"{base}/versions/{corpus.v_en1}?target=de")
    first = page.locator(f"#seg-{corpus.segments['headline']} textarea")
    assert first.input_value() == ""


def test_login_redirects_back_and_logout(page, serve, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from workbench.services.accounts import add_user

    add_user(settings, "ada", "admin", "correct horse")
    base = serve(settings)
    page.goto(f"{base}/glossary?source=en&target=de")
    page.wait_for_url("**/login?next=**")
    page.fill("#login input[name=name]", "ada")
    page.fill("#login input[name=password]", "wrong password")
    page.click("#login button[type=submit]")
    page.wait_for_selector("text=wrong user name or password")
    page.fill("#login input[name=name]", "ada")
    page.fill("#login input[name=password]", "correct horse")
    page.click("#login button[type=submit]")
    page.wait_for_url("**/glossary?source=en&target=de")
    assert page.locator("#account").inner_text() == "ada (admin)"
    page.get_by_role("link", name="Team").click()
    page.wait_for_selector("#user-ada")
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login")
    page.goto(f"{base}/users")
    page.wait_for_url("**/login?next=**")


def test_memory_page_search_and_history_revert(
    page, serve, settings: Settings, corpus: Corpus, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from tests.cat.test_tm import TMX
    from workbench.services.postedit import save_translation

    seg = corpus.segments["soldiers"]
    save_translation(
        settings,
        seg,
        "de",
        "Mehr als 10.000 Soldaten wurden geschickt.",
        base_revision=1,
        status="approved",
    )
    base = serve(settings)
    page.goto(f"{base}/tm")
    tmx = tmp_path / "client.tmx"
    tmx.write_bytes(TMX)
    page.set_input_files("#tm-import input[type=file]", str(tmx))
    page.click("#tm-import button[type=submit]")
    page.wait_for_selector("text=2 added")
    assert "en → de" in page.locator("#tm-stats").inner_text()
    page.fill("#tm-search input[name=q]", "More than 11,000 soldiers were sent last year.")
    page.click("#tm-search button[type=submit]")
    match = page.locator("#tm-results .tm-match").first
    assert "Mehr als 10.000 Soldaten wurden geschickt." in match.inner_text()
    assert match.locator("del").first.inner_text() == "10,000"
    page.goto(f"{base}/versions/{corpus.v_en1}?target=de")
    page.locator(f"#seg-{seg}").get_by_role("link", name="History").click()
    page.wait_for_selector("#history tr.revision")
    assert page.locator("#history tr.revision").count() == 2  # the MT, then the approval
    page.locator("#history tr.revision[data-revision='1']").get_by_role(
        "button", name="Revert to this"
    ).click()
    page.wait_for_selector("text=Reverted.")
    assert page.locator("#history tr.revision").first.get_attribute("data-revision") == "3"


def test_translator_sees_approve_disabled(page, serve, settings: Settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    from workbench.services.accounts import add_user

    add_user(settings, "ada", "admin", "correct horse")
    add_user(settings, "tom", "translator", "correct horse")
    base = serve(settings)
    page.goto(f"{base}/login")
    page.fill("#login input[name=name]", "tom")
    page.fill("#login input[name=password]", "correct horse")
    page.click("#login button[type=submit]")
    page.wait_for_selector("#account")
    page.goto(f"{base}/versions/{corpus.v_en1}?target=de")
    row = page.locator(f"#seg-{corpus.segments['soldiers']}")
    assert row.get_by_role("button", name="Approve").is_disabled()
    row.locator("textarea").fill("Mehr als 10.000 Soldaten wurden entsandt.")
    row.get_by_role("button", name="Save draft").click()
    page.wait_for_selector(f"#seg-{corpus.segments['soldiers']} .message.saved")
    page.goto(f"{base}/segments/{corpus.segments['soldiers']}/history/de")
    assert page.locator("#history tr.revision").first.locator("td").nth(3).inner_text() == "tom"
