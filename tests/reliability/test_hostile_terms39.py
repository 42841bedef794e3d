"""Glossary terms carrying markup are shown as text, never as markup (reliab39, a pin).

Why: the brief names "HTML/script in text"; pages and captures were covered (round 27's
escaping tests, ``test_inert_browser``), terms a glossary file brings were not.  A term,
its translation and its note with a script, an event handler and a ``javascript:`` link
are listed escaped on the glossary page and on a version page whose text holds the term
(its glossary hits); the JSON API returns them as data, with a JSON content type.
Already right at START: this pins it.
"""

from __future__ import annotations

from workbench.config import Settings
from workbench.services import glossary
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.web import create_app

TERMS = ('source,target,forbidden,note\n'
         '"bridge<script>alert(1)</script>","<img src=x onerror=alert(2)>Brücke",no,'
         '"<a href=javascript:alert(3)>n</a>"\n'
         'harbour,"<svg onload=alert(4)>",yes,x\n').encode()  # fmt: skip
RAW = ("<script>alert", "<img src=x", "<svg onload", "<a href=javascript")


def test_hostile_terms_are_escaped_where_shown(settings: Settings) -> None:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    assert glossary.import_glossary(settings, TERMS, "g.csv", "en", "de")["added"] == 2
    client = create_app(settings).test_client()
    for url in ("/glossary?source=en&target=de", f"/versions/{ids['northwire-v1.txt']}"):
        html = client.get(url).get_data(as_text=True)
        assert not [raw for raw in RAW if raw in html], url
        assert "&lt;svg onload=alert(4)&gt;" in html, url
    api = client.get("/api/glossary?source=en&target=de")
    assert api.headers["Content-Type"].startswith("application/json")
