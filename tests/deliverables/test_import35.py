"""XLIFF back from a reviewer (round 35): a sign-off on untouched MT, units left alone.

A reviewer returns the whole file.  Two things went wrong at START ``368fae3``:
``approved="yes"`` on a machine unit whose state the tool left at
``needs-review-translation`` was counted "unchanged" (the approval lost), and a unit the
reviewer never touched, but the translator edited in the editor meanwhile, came back as a
conflict quoting the old machine text as "your text".
"""

from __future__ import annotations

from lxml import etree

from tests.deliverables.test_import import NS, _edit, _row
from tests.web.conftest import Corpus
from workbench.config import Settings
from workbench.services.deliverables import export_translation
from workbench.services.postedit import save_translation
from workbench.services.xliff_import import import_xliff


def _sign_off(body: bytes, segment: int) -> bytes:
    """What translate-toolkit's ``markapproved`` does: the attribute only, state untouched."""
    root = etree.fromstring(body)
    for unit in root.iterfind(".//x:trans-unit", NS):
        if int(unit.get("id")) == segment:
            unit.set("approved", "yes")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_a_sign_off_on_untouched_machine_text_approves_it(
    settings: Settings, corpus: Corpus
) -> None:
    soldiers = corpus.segments["soldiers"]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0].encode()
    assert b'state="needs-review-translation"' in body
    report = import_xliff(settings, _sign_off(body, soldiers), "review.xlf")
    assert (report.updated, report.approved, report.conflicts) == (1, 1, [])
    row = _row(settings, soldiers)
    assert (row.text, row.status, row.revision) == ("Mehr als 10.000 Soldaten.", "approved", 2)


def test_units_the_reviewer_left_alone_are_no_conflicts(settings: Settings, corpus: Corpus) -> None:
    soldiers, headline = corpus.segments["soldiers"], corpus.segments["headline"]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    # the translator goes on in the editor after sending the file out
    save_translation(settings, soldiers, "de", "Im Editor weiter übersetzt.", base_revision=1)
    returned = _edit(body, {headline: ("Vom Prüfer.", "final")})  # soldiers left alone
    report = import_xliff(settings, returned, "review.xlf")
    assert (report.updated, report.approved, report.conflicts) == (1, 1, [])
    assert _row(settings, soldiers).text == "Im Editor weiter übersetzt."  # newer text kept
    assert _row(settings, headline).text == "Vom Prüfer."
    untouched = import_xliff(settings, body.encode(), "job.xlf")  # the plain export too
    assert untouched.updated == 0 and untouched.conflicts == []


def test_a_unit_both_changed_is_still_a_conflict(settings: Settings, corpus: Corpus) -> None:
    soldiers = corpus.segments["soldiers"]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    save_translation(settings, soldiers, "de", "Im Editor.", base_revision=1)
    edited = import_xliff(settings, _edit(body, {soldiers: ("Vom Prüfer.", "translated")}))
    assert [c["file_text"] for c in edited.conflicts] == ["Vom Prüfer."]
    # a sign-off of the old text is a decision on it: a conflict, not silently dropped
    signed = import_xliff(settings, _sign_off(body.encode(), soldiers))
    assert [c["file_text"] for c in signed.conflicts] == ["Mehr als 10.000 Soldaten."]
    assert _row(settings, soldiers).text == "Im Editor."
