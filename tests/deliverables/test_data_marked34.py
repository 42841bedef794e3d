"""Data on a page is marked as data; interface words are in the interface language
(round 34, web34: found walking the demo in uk/ru/de).

* The models page named each pair from the package metadata ("German → English")
  on every interface; it now uses CLDR names (``language_name``) like the other pages,
  and the tokenizer and the package README are marked ``translate="no"``.
* A memory match's source sentence (version page and memory page) had no ``lang``: a
  screen reader read the English source with the Ukrainian voice (WCAG 3.1.2) and a
  browser's page translation rewrote it.  Its origin line (title, outlet, person) is data.
"""

from __future__ import annotations

from flask.testing import FlaskClient
from lxml import html as lxml_html

from tests.deliverables.test_visible_strings import english_words
from tests.web.conftest import Corpus
from workbench.config import Settings
from workbench.services.postedit import save_translation
from workbench.web import create_app


def test_models_page_names_languages_in_the_interface_language(demo_settings: Settings) -> None:
    client = create_app(demo_settings).test_client()
    for lang, pair in (("uk", "німецька → англійська"), ("de", "Deutsch → Englisch")):
        client.get(f"/?lang={lang}")
        page = client.get("/models").get_data(as_text=True)
        assert pair in page
        # "README" is the file's name in every catalog
        assert set(english_words(page, latin_ok=lang == "de")) <= {"README"}
        tree = lxml_html.document_fromstring(page)
        assert tree.xpath("//pre[@class='readme']") and all(
            e.get("translate") == "no" for e in tree.xpath("//pre[@class='readme']")
        )


def test_memory_match_source_carries_its_language(
    client: FlaskClient, settings: Settings, corpus: Corpus
) -> None:
    seg = corpus.segments["soldiers"]
    save_translation(settings, seg, "de", "Mehr als 10.000 Soldaten.", base_revision=1,
                     status="approved")  # fmt: skip
    client.get("/?lang=uk")
    pages = {
        "version": f"/versions/{corpus.v_en2}?target=de",
        "memory": "/tm?source=en&target=de&q=More than 11,000 soldiers were sent last year.",
    }
    for name, url in pages.items():
        tree = lxml_html.document_fromstring(client.get(url).get_data(as_text=True))
        sources = tree.xpath("//div[contains(@class, 'tm-source')]")
        origins = tree.xpath("//div[contains(@class, 'tm-origin')]")
        assert sources and origins, name
        assert {e.get("lang") for e in sources} == {"en"}, name
        assert {e.get("translate") for e in origins} == {"no"}, name
