"""No English left on the de/ru/uk pages: every visible interface string is translated.

Why a test on rendered pages and not only on the catalogs: a string that was never
wrapped for Babel (or a service word shown raw, like a status key) is not in any
catalog, so a catalog check cannot see it.  Data shown on the pages (titles,
outlets, segment text, model names, codes) is marked ``translate="no"`` or carries
its own ``lang``; everything else must not contain English words.
"""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from lxml import html as lxml_html

from tests.deliverables.conftest import approve
from tests.web.conftest import Corpus
from workbench.config import Settings
from workbench.core.languages import LANGUAGES

#: Latin-script words that are the same in every interface language (names, formats, keys),
#: the content-language codes among them (one registry: workbench/core/languages.py).
ALLOWED = set(LANGUAGES) | {
    "mt", "id", "ok", "qa",  # QA: the CAT-tool term
    "workbench", "xliff", "html", "tmx", "txt", "xlf", "json", "url", "iso", "cat", "ctrl",
    "enter", "shift", "alt", "demo", "argos", "slug", "diff", "format", "export", "mib", "kib",
    "jsonl", "csv", "tbx", "api",
}  # fmt: skip
#: For German (Latin script too): English words that German never uses.
ENGLISH = {
    "the", "and", "of", "to", "is", "this", "not", "with", "from", "for", "by", "into", "only",
    "was", "are", "has", "have", "your", "you", "yes", "next", "save", "saved", "draft",
    "approved", "machine", "untranslated", "translated", "translation", "language", "source",
    "captured", "articles", "upload", "back", "changed", "added", "removed", "moved", "unchanged",
    "size", "maximum", "error", "item", "does", "exist", "progress", "same", "role", "roles",
    "outlet", "title", "segments", "compare", "filters", "apply", "show", "keyboard",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z]{2,}")
DATA = ".//*[@translate='no'] | .//*[@lang] | .//time | .//textarea | .//script | .//style"


def english_words(page: str, latin_ok: bool = False) -> list[str]:
    """English words in the visible interface text of ``page`` (data parts removed):
    any Latin-script word for a Cyrillic interface, known English words for German."""
    tree = lxml_html.document_fromstring(page)
    body = tree.find("body")
    for element in body.xpath(DATA + " | .//*[contains(@class, 'lang')]"):
        element.drop_tree()
    text = " ".join(body.itertext())
    attrs = " ".join(body.xpath(".//@aria-label | .//@title | .//@placeholder | .//@data-label"))
    found = WORD.findall(text + " " + attrs)
    if latin_ok:
        return sorted({w for w in found if w.lower() in ENGLISH})
    return sorted({w for w in found if w.lower() not in ALLOWED})


@pytest.mark.parametrize("lang", ["de", "ru", "uk"])
def test_pages_have_no_untranslated_interface_strings(
    client: FlaskClient, settings: Settings, corpus: Corpus, lang: str
) -> None:
    """Every page of the accessibility run (home, versions, compare views, story desk,
    upload, TM, glossary, QA, history, users, login, models, an error page)."""
    from tests.deliverables.test_a11y_browser import _pages

    approve(settings, corpus)
    client.get(f"/?lang={lang}")
    pages = {
        **_pages(corpus),
        "filtered": f"/versions/{corpus.v_en1}?target=de&filtered=1&role=body&role=appeal",
    }
    found = {
        name: english_words(client.get(url).get_data(as_text=True), latin_ok=lang == "de")
        for name, url in pages.items()
    }
    assert found == {name: [] for name in pages}


def test_the_check_sees_english(client: FlaskClient, corpus: Corpus) -> None:
    client.get("/?lang=ru")
    assert "Translation" in english_words("<html><body><p>Translation</p></body></html>")
    assert english_words('<html><body><p lang="en">Translation</p></body></html>') == []
    assert english_words("<html><body><p>Die Übersetzung of</p></body></html>", True) == ["of"]
