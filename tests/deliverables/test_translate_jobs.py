"""Translate as a background job from the UI: the version page's button, the story-wide
"translate all versions", boilerplate skipped unless asked, retranslate passed through,
and the page in real Chromium (button disabled while running, progress, reload when done)."""

from __future__ import annotations

import json
import re

import pytest
from flask.testing import FlaskClient

from tests.deliverables.conftest import PAGE
from tests.web.test_browser import close_context
from workbench.config import Settings
from workbench.services.browse import version_detail
from workbench.services.ingest import ingest_bytes
from workbench.web import create_app

jobs = pytest.importorskip("workbench.services.jobs", reason="needs the jobs service (issue 13)")

APPEAL = PAGE + b"\nDear readers, please support our journalism with a donation today.\n"


def _token(client: FlaskClient, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def _translated(settings: Settings, version: int, lang: str) -> dict[str, str]:
    return {
        s["role"] + str(s["position"]): s["translations"][lang]["text"]
        for s in version_detail(settings, version, lang)["segments"]
        if lang in s["translations"]
    }


def test_version_button_starts_a_job_and_the_page_shows_it(mt_settings: Settings) -> None:
    settings = mt_settings
    version = ingest_bytes(settings, PAGE, filename="storm.txt", outlet="wire").version_id
    client = create_app(settings).test_client()
    url = f"/versions/{version}?target=de"
    form = {"csrf_token": _token(client, url), "target": "de", "retranslate": "1"}
    started = client.post(f"/versions/{version}/translate", data=form)
    assert started.status_code == 302
    job_id = int(re.search(r"job=(\d+)", started.headers["Location"]).group(1))  # type: ignore[union-attr]
    state = jobs.wait_for(settings, job_id, timeout=120)
    assert state["status"] == "done" and state["params"]["retranslate"] is True
    assert state["params"]["include_boilerplate"] is False  # skipped unless asked
    page = client.get(started.headers["Location"]).get_data(as_text=True)
    assert 'class="job-status"' in page and "job-summary" in page
    assert len(_translated(settings, version, "de")) == 5  # every segment of the page


def test_story_wide_translate_all_versions(mt_settings: Settings) -> None:
    settings = mt_settings
    a = ingest_bytes(settings, PAGE, filename="a.txt", outlet="wire", article="storm")
    b = ingest_bytes(settings, APPEAL, filename="b.txt", outlet="daily", article="storm")
    client = create_app(settings).test_client()
    home = client.get("/").get_data(as_text=True)
    action = re.search(r'action="(/articles/(\d+)/translate)"', home)
    assert action, "the article list offers translate-all"
    form = {"csrf_token": _token(client, "/"), "target": "de"}
    started = client.post(action.group(1), data=form)
    job_id = int(re.search(r"job=(\d+)", started.headers["Location"]).group(1))  # type: ignore[union-attr]
    assert jobs.wait_for(settings, job_id, timeout=120)["status"] == "done"
    assert _translated(settings, a.version_id, "de") and _translated(settings, b.version_id, "de")
    segments = version_detail(settings, b.version_id, "de")["segments"]
    assert "appeal" in {s["role"] for s in segments}  # the page has one (hidden by default)
    assert "appeal" not in {s["role"] for s in segments if "de" in s["translations"]}


def test_unknown_language_is_a_flashed_error(mt_settings: Settings) -> None:
    version = ingest_bytes(mt_settings, PAGE, filename="s.txt", outlet="wire").version_id
    client = create_app(mt_settings).test_client()
    form = {"csrf_token": _token(client, f"/versions/{version}"), "target": "xx"}
    page = client.post(f"/versions/{version}/translate", data=form, follow_redirects=True)
    assert page.status_code == 200 and "flash-error" in page.get_data(as_text=True)


# Records each state of the job's progress box (its text, and whether the button was
# disabled) in sessionStorage, which survives the reload that ends the job.
_RECORD_STATUS = """
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.translate-job");
  if (!form) { return; }
  const box = form.querySelector(".job-status");
  new MutationObserver(() => {
    if (box.hidden) { return; }
    const seen = JSON.parse(sessionStorage.getItem("job-status") || "[]");
    const disabled = form.querySelector("button[type=submit]").disabled;
    seen.push({ text: box.querySelector(".job-text").textContent, disabled: disabled });
    sessionStorage.setItem("job-status", JSON.stringify(seen));
  }).observe(box, { attributes: true, childList: true, subtree: true, characterData: true });
});
"""


@pytest.mark.browser
def test_translate_button_runs_a_job_in_the_browser(browser, serve, mt_settings: Settings) -> None:  # type: ignore[no-untyped-def]
    version = ingest_bytes(mt_settings, PAGE, filename="storm.txt", outlet="wire").version_id
    base = serve(mt_settings)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(_RECORD_STATUS)
        page.goto(f"{base}/versions/{version}?target=de")
        assert page.locator("tr.segment .mt").count() == 0
        form = page.locator("form.translate-job")
        form.locator("select[name=target]").select_option("de")
        with page.expect_navigation(timeout=120_000):  # reloads itself when the job is done
            form.get_by_role("button").click()
        # The job may finish within the first poll, so the progress the page showed
        # is read from what it recorded before reloading, not raced against the reload.
        seen = json.loads(page.evaluate("sessionStorage.getItem('job-status') || '[]'"))
        assert seen, "the progress box was never shown"
        assert seen[0]["disabled"]  # no double submission while it runs
        assert "5 / 5" in seen[-1]["text"]
        assert page.locator("tr.segment .mt").count() == 5
        assert page.locator("#count-machine").inner_text() == "5"
    finally:
        close_context(context)


def test_story_desk_form_returns_to_the_story_never_elsewhere(mt_settings: Settings) -> None:
    ingest_bytes(mt_settings, PAGE, filename="a.txt", outlet="wire", article="storm")
    client = create_app(mt_settings).test_client()
    page = client.get("/stories/storm").get_data(as_text=True)
    action = re.search(r'action="(/articles/\d+/translate)"', page).group(1)  # type: ignore[union-attr]
    form = {"csrf_token": _token(client, "/stories/storm"), "target": "de"}
    back = client.post(action, data={**form, "next": "/stories/storm"})
    assert re.match(r"/stories/storm\?job=\d+$", back.headers["Location"])
    job_id = int(back.headers["Location"].rsplit("=", 1)[1])
    assert jobs.wait_for(mt_settings, job_id, timeout=120)["status"] == "done"
    shown = client.get(back.headers["Location"]).get_data(as_text=True)
    assert "job-summary" in shown
    away = client.post(action, data={**form, "next": "//evil.example/x"})
    assert away.headers["Location"].startswith("/?job=")
