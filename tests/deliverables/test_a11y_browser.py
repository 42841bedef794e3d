"""Every page in real Chromium at phone width (390 px) and desktop width: axe-core finds
no WCAG 2.2 A/AA violation (contrast >= 4.5:1, target size >= 24 px, names, labels...)
and nothing scrolls sideways.

axe-core comes from the ``axe-playwright-python`` package (its bundled ``axe.min.js``,
axe 4.x), installed by the test extras; nothing is copied into the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.web.conftest import Corpus
from tests.web.test_browser import ARTIFACTS, close_context
from workbench.config import Settings

pytestmark = pytest.mark.browser
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def _pages(corpus: Corpus) -> dict[str, str]:
    return {
        "home": "/",
        "version": f"/versions/{corpus.v_en1}?target=de",
        "version-de": f"/versions/{corpus.v_de}",
        "compare": f"/alignments/{corpus.alignment}",
        "cross-compare": f"/alignments/{corpus.cross_alignment}",
        "story": "/stories/north-korean-troops",
        "upload": "/upload",
        "tm": "/tm",
        "glossary": "/glossary",
        "qa": f"/versions/{corpus.v_en1}/qa?target=de",
        "history": f"/segments/{corpus.segments['soldiers']}/history/de",
        "users": "/users",
        "login": "/login",
        "models": "/models",
        "not-found": "/versions/999999",
    }


def _violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(f"{n['target'][0]} {n.get('failureSummary', '')[:160]}" for n in v["nodes"][:3])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("locale", ["en", "ru"])
def test_every_page_is_accessible_and_fits(browser, serve, settings: Settings, corpus: Corpus,
                                           width: int, locale: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    base = serve(settings)
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(f"{base}/?lang={locale}")
        source = _axe_source()
        problems: dict[str, list[str]] = {}
        for name, url in _pages(corpus).items():
            page.goto(base + url)
            page.evaluate(source)
            found = _violations(page)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                found.append(f"scrolls sideways by {overflow}px at {width}px")
            if found:
                problems[name] = found
            if width == 390 and name in ("version", "home"):  # for a person to look at
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / f"{name}-390-{locale}.png"), full_page=True)
        assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
    finally:
        close_context(context)


@pytest.mark.parametrize("locale", ["de", "ru", "uk"])
def test_every_page_speaks_the_interface_language_at_phone_width(
    browser,
    serve,
    settings: Settings,
    corpus: Corpus,
    locale: str,  # type: ignore[no-untyped-def]
) -> None:
    """Each page as Chromium renders it (scripts run) at 390 px in de/ru/uk: no English
    interface word (data is marked ``lang``/``translate="no"``) and no sideways scroll."""
    from tests.deliverables.conftest import approve
    from tests.deliverables.test_visible_strings import english_words

    approve(settings, corpus)
    base = serve(settings)
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{base}/?lang={locale}")
        problems: dict[str, list[str]] = {}
        for name, url in _pages(corpus).items():
            page.goto(base + url)
            found = english_words(page.content(), latin_ok=locale == "de")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                found.append(f"scrolls sideways by {overflow}px")
            if found:
                problems[name] = found
        assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
    finally:
        close_context(context)
