"""Deliverable files of a version's translation: txt, html, xliff, tmx."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html

from tests.deliverables.conftest import approve
from tests.deliverables.schema import validate
from tests.web.conftest import XSS, Corpus
from workbench.config import Settings
from workbench.errors import InputError, NotFoundError
from workbench.services.browse import version_detail
from workbench.services.deliverables import FORMATS, export_translation
from workbench.services.postedit import save_translation

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def _export(settings: Settings, version: int, fmt: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
    return export_translation(settings, version, "de", fmt, **kwargs)[0]


def test_txt_best_text_in_source_order_without_boilerplate(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    approve(settings, corpus)
    lines = _export(settings, corpus.v_en1, "txt").splitlines()
    assert lines == [
        "Truppen zurück",  # draft
        "Über 10.000 Soldaten.",  # approved
        "Kyiv captured dozens of settlements.",  # untranslated: the source stays in place
        "The deployment was never confirmed.",
        XSS,  # plain text is not HTML: kept verbatim
    ]
    with_boilerplate = _export(settings, corpus.v_en1, "txt", include_boilerplate=True)
    assert with_boilerplate.splitlines()[-1] == "Dear readers, please support us."


def test_approved_only_keeps_source_for_unapproved(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    approve(settings, corpus)
    body, _fmt, deliverable = export_translation(
        settings, corpus.v_en1, "de", "txt", approved_only=True
    )
    assert body.splitlines()[:2] == ["Troops back on the front line", "Über 10.000 Soldaten."]
    assert deliverable.counts == {"approved": 1, "untranslated": 3}
    assert deliverable.withheld == {"draft": 1}  # not approved: counted apart, not untranslated


def test_machine_text_is_used_when_nothing_better(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    assert _export(settings, corpus.v_en1, "txt").splitlines()[1] == "Mehr als 10.000 Soldaten."


def test_paragraphs_and_lines_follow_the_source(settings, page_version: int) -> None:  # type: ignore[no-untyped-def]
    segments = version_detail(settings, page_version)["segments"]
    for seg in segments:
        save_translation(settings, seg["id"], "de", f"DE {seg['position']}", base_revision=0)
    text = _export(settings, page_version, "txt")
    paras = [p.splitlines() for p in text.strip().split("\n\n")]
    assert len(paras) == 3 and len(paras[1]) == 2, text  # headline / two lines / one line
    assert paras[1][0] == "DE 1 DE 2"  # two sentences of one line stay on that line
    document = lxml_html.document_fromstring(_export(settings, page_version, "html"))
    assert document.get("lang") == "de"
    assert [h.text_content() for h in document.iter("h1")] == ["DE 0"]
    assert [len(p.findall("br")) for p in document.iter("p")] == [1, 0]


def test_html_escapes_text_and_marks_untranslated(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    body = _export(settings, corpus.v_en1, "html")
    document = lxml_html.document_fromstring(body)
    assert document.xpath("//script") == [] and document.xpath("//img") == []
    assert XSS in document.text_content()
    untranslated = document.xpath("//span[@class='untranslated']")
    assert untranslated and all(s.get("lang") == "en" for s in untranslated)
    assert document.findtext(".//title") == "Troops back on the front line"


def test_xliff_states_ids_notes_and_schema(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    approve(settings, corpus)
    save_translation(settings, corpus.segments["xss"], "de", "Text <b>", base_revision=0)
    body = _export(settings, corpus.v_en1, "xliff")
    validate(body)
    root = etree.fromstring(body.encode())
    units = {u.get("id"): u for u in root.iterfind(".//x:trans-unit", NS)}
    assert set(units) == {str(corpus.segments[k]) for k in ("headline", "soldiers", "xss")} | {
        u.get("id") for u in units.values() if u.find("x:target", NS) is None
    }
    soldiers = units[str(corpus.segments["soldiers"])]
    assert soldiers.get("approved") == "yes" and soldiers.get("extradata") == "revision=3"
    assert soldiers.find("x:target", NS).get("state") == "final"
    note = soldiers.find("x:note", NS).text
    assert "test-en-de" in note and "argos" in note  # MT provenance
    assert soldiers.find("x:alt-trans/x:target", NS).text == "Mehr als 10.000 Soldaten."
    headline = units[str(corpus.segments["headline"])]
    assert headline.find("x:target", NS).get("state") == "translated"
    assert headline.find("x:note", NS) is None  # typed by a person: no MT note
    assert units[str(corpus.segments["xss"])].find("x:target", NS).text == "Text <b>"
    assert str(corpus.segments["appeal"]) not in units  # boilerplate left out


def test_machine_state_and_translate_toolkit_reads_it(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    from translate.storage.xliff import xlifffile

    body = _export(settings, corpus.v_en1, "xliff")
    validate(body)
    store = xlifffile.parsestring(body.encode())
    units = {u.xmlelement.get("id"): u for u in store.units}
    soldiers = units[str(corpus.segments["soldiers"])]
    assert soldiers.target == "Mehr als 10.000 Soldaten."
    assert soldiers.xmlelement.find("x:target", NS).get("state") == "needs-review-translation"
    assert soldiers.xmlelement.find("x:target", NS).get("state-qualifier") == "mt-suggestion"
    assert not soldiers.isapproved() and soldiers.isfuzzy()  # a CAT tool shows it as to review
    assert store.getsourcelanguage() == "en" and store.gettargetlanguage() == "de"


def test_same_language_units_are_not_for_translation(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    body = export_translation(settings, corpus.v_de, "de", "xliff")[0]
    validate(body)
    units = etree.fromstring(body.encode()).findall(".//x:trans-unit", NS)
    assert units and all(u.get("translate") == "no" for u in units)


def test_tmx_is_approved_only_by_default(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    approve(settings, corpus)
    root = etree.fromstring(_export(settings, corpus.v_en1, "tmx").encode())
    units = root.findall(".//tu")
    assert len(units) == 1
    segs = [s.text for s in units[0].iter("seg")]
    assert segs == ["More than 10,000 soldiers were sent last year.", "Über 10.000 Soldaten."]
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [t.get(lang) for t in units[0].iter("tuv")] == ["en", "de"]
    everything = _export(settings, corpus.v_en1, "tmx", approved_only=False)
    everything = etree.fromstring(everything.encode())
    assert len(everything.findall(".//tu")) == 2


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ({"fmt": "docx"}, InputError),
        ({"target": "xx"}, InputError),
        ({"version": 10**9}, NotFoundError),
    ],
)
def test_bad_requests_are_clear_errors(settings, corpus: Corpus, args: dict, error: type) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error):
        export_translation(
            settings,
            args.get("version", corpus.v_en1),
            args.get("target", "de"),
            args.get("fmt", "txt"),
        )


def test_registry_names_match_the_cli_choices() -> None:
    from workbench.commands.translation import export_cmd

    choice = next(p for p in export_cmd.params if p.name == "fmt")
    assert list(choice.type.choices) == list(FORMATS)  # type: ignore[attr-defined]
