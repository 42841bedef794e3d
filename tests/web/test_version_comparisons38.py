"""The version page names what each stored comparison compares it with (round 38, web38).

Walked on the demo (en/de/ru/uk): the Abendpost's version page (#3) read "Comparisons: #2",
the alignment's id, where every other "#N" on the page and on the story desk is a version:
a journalist reads it as "compared with the 11:30 capture (#2)", while alignment 2 is the
Abendpost against the 08:00 capture (#1).  The link now names the other version as the
rest of the page does ("with #1 Northwire (en) 2026-03-02 08:00 UTC"); its address is
still the comparison's.
"""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from workbench.config import Settings
from workbench.services.compare import compare_versions
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.web import create_app


def test_the_link_names_the_other_version(settings: Settings) -> None:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    first, german = ids["northwire-v1.txt"], ids["abendpost-de.html"]
    compare_versions(settings, ids["northwire-v1.txt"], ids["northwire-v2.json"])  # id 1
    done = compare_versions(settings, first, german)
    alignment = done["alignment_id"] if isinstance(done, dict) else done.alignment_id
    client: FlaskClient = create_app(settings).test_client()
    for lang, word in (("en", "with"), ("de", "mit"), ("uk", "з")):
        page = client.get(f"/versions/{german}?lang={lang}").get_data(as_text=True)
        link = re.search(rf'<a href="/alignments/{alignment}">(.*?)</a>', page, re.S)
        assert link is not None, page
        text = " ".join(re.sub(r"<[^>]+>", "", link.group(1)).split())
        assert '<span translate="no">' in link.group(1)  # data, not interface text
        assert text == f"{word} #{first} Northwire (en) 2026-03-02 08:00 UTC", text
