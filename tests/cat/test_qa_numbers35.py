"""A figure copied in the source's format (round 35): named once, as what to change.

At START ``368fae3`` "42,000" copied into a German translation (where it reads 42) was
reported as ``missing: 42,000 · extra: 42,000``, the same spelling twice, on the version
page, the QA page, after a save and in the CLI's sentence.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.cat.conftest import Corpus
from workbench.config import Settings
from workbench.core.qa import check_translation, describe
from workbench.services.postedit import save_translation


def _numbers(source: str, target: str, src: str = "en", tgt: str = "de") -> dict:
    found = [w for w in check_translation(source, target, source_lang=src, target_lang=tgt)
             if w.check == "numbers"]  # fmt: skip
    assert len(found) == 1
    return {"detail": found[0].detail, "message": describe(found[0])}


def test_a_copied_figure_is_named_once_as_the_source_format() -> None:
    got = _numbers("About 42,000 cars cross the 1.3-kilometre bridge.",
                   "Etwa 42,000 Autos fahren über die 1.3-Kilometer-Brücke.")  # fmt: skip
    assert got["detail"] == {"missing": [], "extra": [], "source_format": ["42,000", "1.3"]}
    assert got["message"] == (
        "numbers differ: written in the source language's format: 42,000, 1.3"
    )
    mixed = _numbers("About 42,000 cars in 7 days.", "Etwa 42,000 Autos in 8 Tagen.")
    assert mixed["detail"] == {"missing": ["7"], "extra": ["8"], "source_format": ["42,000"]}
    assert mixed["message"] == (
        "numbers differ: missing 7, extra 8, written in the source language's format: 42,000"
    )


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_copied_spellings_are_never_missing_and_extra_at_once(high: int, low: int) -> None:
    figure = f"{high},{low:03d}"  # English thousands: another value in German
    detail = _numbers(f"It cost {figure} euros.", f"Es kostete {figure} Euro.")["detail"]
    assert not set(detail["missing"]) & set(detail["extra"])
    assert detail["source_format"] == [figure]


def test_the_qa_page_and_twin_say_it_in_the_interface_language(
    settings: Settings, corpus: Corpus, client
) -> None:  # type: ignore[no-untyped-def]
    soldiers = corpus.segments["soldiers"]
    save_translation(settings, soldiers, "de", "Mehr als 10,000 Soldaten.", base_revision=1)
    page = client.get(f"/versions/{corpus.v_en1}/qa?target=de&lang=de").get_data(as_text=True)
    assert "im Format der Ausgangssprache geschrieben: 10,000" in page
    assert "fehlt: 10,000" not in page and "zusätzlich: 10,000" not in page
    twin = client.get(f"/api/versions/{corpus.v_en1}/qa?target=de").get_json()
    row = next(r for r in twin["report"]["segments"] if r["segment_id"] == soldiers)
    assert row["warnings"][0]["detail"]["source_format"] == ["10,000"]
    version = client.get(f"/versions/{corpus.v_en1}?target=de&lang=uk").get_data(as_text=True)
    assert 'data-source-format="записано у форматі мови оригіналу"' in version
