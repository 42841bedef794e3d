"""A caption closed by "(Symbolbild)" is the photo's caption, like "(Archivbild)" (``page_shapes``).

German sites mark a stock photo "(Symbolbild)" / "(Symbolfoto)" where others write "(file
photo)" or "(Archivbild)"; the caption is a full sentence ("Polizei und Rettungskräfte an der
Unfallstelle auf der A1 (Symbolbild).") and was read as the story's first sentence (batches 27
and 56).  A story sentence never closes with such a note.  The pages here are invented.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text

LEAD = (
    "Auf der Autobahn bei Rosenheim ist am Sonntagmorgen ein Reisebus mit 40 Fahrgästen von "
    "der Fahrbahn abgekommen und auf die Seite gekippt."
)
STORY = (
    f"{LEAD}\n"
    "Zwölf Menschen wurden nach Angaben der Polizei leicht verletzt, zwei schwer.\n"
    "Die Autobahn blieb in Richtung Salzburg bis zum Nachmittag gesperrt.\n"
)


@given(st.sampled_from(["(Symbolbild)", "(Symbolfoto)", "(Archivbild)", "(Symbolbild)."]))
def test_a_caption_closed_by_a_stock_photo_note_is_other(note: str) -> None:
    caption = f"Polizei und Rettungskräfte an einer Unfallstelle auf der A8 {note}"
    text = (
        "Busunfall auf der A8: zwölf Verletzte bei Rosenheim\n"
        "27.11.2026, 12:30 Uhr\n"
        f"{caption}\n"
        "\n" + STORY
    )
    roles = roles_by_text(text, "de")
    assert roles[caption] == "other"
    assert roles[LEAD] == "body"
    assert roles["Busunfall auf der A8: zwölf Verletzte bei Rosenheim"] == "headline"


def test_a_story_sentence_naming_a_symbol_stays_story() -> None:
    line = "Der Bürgermeister nannte die Brücke ein Symbol (für die ganze Region)."
    text = "Brücke in Rosenheim wieder offen\n\n" + STORY + line + "\n"
    assert roles_by_text(text, "de")[line] == "body"
