"""XLIFF export → import keeps a segment's white space exactly (round 33, web33).

Why: cat32 made TMX carry every white-space character (docs/cat.md "Round 32
(cat32)"); the XLIFF writer still wrote carriage returns raw, which every XML
parser reads as line feeds, so a CAT tool saw (and saved back) ``\\n`` for a
stored ``\\r\\n``, and nothing told a tool that a unit's runs, tabs and breaks were
data (XLIFF 1.2's ``xml:space="preserve"``; Okapi's filter folds them without it).

The properties: the file as any XML parser reads it holds each text exactly as
``xml_text`` leaves it; a unit whose white space is more than single inner
spaces says ``xml:space="preserve"``; an untouched file changes nothing; a text
edited in the file is stored exactly (the editor's one rule, ends trimmed, kept).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from lxml import etree

from tests.deliverables.test_import import NS
from tests.deliverables.test_import import _row as _stored  # one reader of a stored row
from tests.web.conftest import Corpus
from workbench.adapters.tmx import xml_text
from workbench.config import Settings
from workbench.errors import InputError
from workbench.services.deliverables import export_translation
from workbench.services.postedit import save_translation
from workbench.services.xliff_import import import_xliff
from workbench.store.models import Translation

PIECES = ["Brücke", "zu", " ", "  ", "\t", "\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b"]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RUN = hsettings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _save(settings: Settings, segment: int, text: str) -> Translation:
    """Save ``text`` over whatever the previous example left; skip texts the editor refuses."""
    assume(text.strip())
    try:
        save_translation(
            settings, segment, "de", text, base_revision=_stored(settings, segment).revision
        )
    except InputError:
        assume(False)
    return _stored(settings, segment)


def _unit(body: bytes, segment: int) -> etree._Element:
    root = etree.fromstring(body)
    return next(u for u in root.iterfind(".//x:trans-unit", NS) if u.get("id") == str(segment))


@RUN
@given(text=TEXTS)
@example(text="Brücke\r\nzu")
@example(text="Brücke  zu\tzu")
@example(text="Brücke\x0bBrücke")  # a character XML forbids is no white space of the file
def test_the_file_holds_each_text_exactly_and_says_preserve(
    settings: Settings, corpus: Corpus, text: str
) -> None:
    seg = corpus.segments["soldiers"]
    row = _save(settings, seg, text)
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0].encode()
    unit = _unit(body, seg)
    assert "".join(unit.find("x:target", NS).itertext()) == xml_text(row.text)
    laid_out = xml_text(row.text) != " ".join(xml_text(row.text).split())
    assert (unit.get(XML_SPACE) == "preserve") == laid_out  # source and MT are plain here
    before = _stored(settings, seg)
    report = import_xliff(settings, body, "job.xlf")  # untouched: nothing changes
    assert report.updated == 0 and report.conflicts == []
    after = _stored(settings, seg)
    assert (after.text, after.revision, after.status) == (
        before.text,
        before.revision,
        before.status,
    )


@RUN
@given(text=TEXTS)
@example(text="Brücke\r\nzu")
@example(text="zu\u2028\u2028Brücke  \t zu")
def test_a_text_edited_in_the_file_is_stored_exactly(
    settings: Settings, corpus: Corpus, text: str
) -> None:
    seg = corpus.segments["soldiers"]
    assume(xml_text(text).strip())
    before = _save(settings, seg, "Mehr als 10.000 Soldaten.")
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0].encode()
    root = etree.fromstring(body)
    unit = next(u for u in root.iterfind(".//x:trans-unit", NS) if u.get("id") == str(seg))
    target = unit.find("x:target", NS)
    target.text, target.attrib["state"] = xml_text(text), "translated"
    edited = etree.tostring(root, xml_declaration=True, encoding="UTF-8")  # lxml writes CR as &#13;
    report = import_xliff(settings, edited, "job.xlf")
    assert report.conflicts == []
    after = _stored(settings, seg)
    assert after.text == xml_text(text).strip()  # the editor trims the ends, nothing else
    assert report.updated == (after.revision - before.revision)


@pytest.mark.parametrize("text", ["Brücke zu.", "Die Brücke ist zu."])
def test_plain_texts_carry_no_preserve_mark(settings: Settings, corpus: Corpus, text: str) -> None:
    """Ordinary units stay as before: the mark is only where white space is data."""
    seg = corpus.segments["soldiers"]
    save_translation(settings, seg, "de", text, base_revision=1)
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0].encode()
    assert _unit(body, seg).get(XML_SPACE) is None
