"""A wire story's lead under its dateline is no deck; a stamp closed by an abbreviated credit
is a stamp (round 42 roles42; both ship off, studies: ``benchmarks/role_lead_cv.py``).

``RoleParams.lead_dateline`` (``core.page_deck`` / ``page_dateline.opens_with_agency``): an
agency copy printing title, stamp and its lead in one block ("Rüetschwil (SDA) Die …", a
dateline without a dash: 152 jurasuedfuss_news_sda_de; dashed: 130 hessenticker_dpa_de) had
its lead read as the deck.  ``RoleParams.abbrev_stamp`` (``core.page_shapes.stamp_text``): a
stamp ending "ATS/réd." read as a sentence, so the deck above it was read as the story (152
le_regional_romand_fr).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with, rules_only
from workbench.core.page_dateline import opens_with_agency
from workbench.core.page_shapes import DEFAULT_PARAMS, is_metadata, stamp_text

MENU = "Home › Kanton › Wasseramt & Bucheggberg"
TITLE = "Markthalle Rüetschwil wird geschlossen – Parlament sagt Ja zum Aus"
STAMP = "Dienstag, 9. November 2027 (sda)"
LEAD = (
    "Rüetschwil (SDA) Die denkmalgeschützte Markthalle in Rüetschwil SO soll Ende März 2028 "
    "schliessen. Der Einwohnerrat hat am Montagabend mit 23 zu 17 Stimmen einem entsprechenden "
    "Antrag des Stadtrats zugestimmt."
)
REST = [
    "Die Sanierung der 1898 eröffneten Halle würde nach Schätzung der Stadt rund 14,6 Millionen "
    "Franken kosten. «Diese Summe können wir nicht stemmen», sagte die Stadtpräsidentin.",
    "In der Halle verkaufen derzeit 31 Händlerinnen und Händler Gemüse, Käse und Backwaren. "
    "Eine Petition für den Erhalt der Markthalle hatte mehr als 8400 Unterschriften gesammelt.",
]

FR_TITLE = "Soleure: la halle du marché de Rüetschwil fermera ses portes"
FR_DECK = "Trop chère à rénover, la halle historique de 1898 sera fermée fin mars 2028."
FR_STAMP = "Publié le 9 novembre 2027 à 18h12 ATS/réd."
FR_STORY = [
    "Le parlement communal de Rüetschwil a approuvé lundi soir la fermeture de la halle du "
    "marché, un bâtiment protégé ouvert en 1898.",
    "Le vote a été serré: 23 voix pour, 17 contre.",
    "La rénovation de la halle coûterait quelque 14,6 millions de francs, une somme que la "
    "ville dit ne pas pouvoir assumer.",
    "Une pétition pour sauver la halle du marché avait recueilli plus de 8400 signatures.",
]


def _first(roles: dict[str, str], start: str) -> str:
    return next(role for text, role in roles.items() if text.startswith(start))


def test_an_agency_lead_in_the_title_block_is_the_story() -> None:
    """Off, the lead under the stamp is the deck (headline); on, it is the story's body."""
    text = "\n".join([MENU, TITLE, STAMP, LEAD, "", *(f"{p}\n" for p in REST)])
    with rules_only():
        off = roles_with(text, "de", lead_dateline=False)
        on = roles_with(text, "de", lead_dateline=True)
    assert off[TITLE] == on[TITLE] == "headline"
    assert _first(off, "Rüetschwil (SDA)") == "headline"
    assert _first(on, "Rüetschwil (SDA)") == "body"
    assert {k: v for k, v in on.items() if not k.startswith(("Rüetschwil", "Der Einwohner"))} == {
        k: v for k, v in off.items() if not k.startswith(("Rüetschwil", "Der Einwohner"))
    }


def test_which_lines_open_with_an_agency_dateline() -> None:
    """A dashed dateline or a capitalised place with one bracketed token and a capitalised
    word after it; a title's canton, a party, an acronym in a sentence, a count are not."""
    for text in ("Rüetschwil (SDA) Die Halle", "Sarnols GR (sda) Wölfe haben", "Kembs (dpa) - Ein"):
        assert opens_with_agency(text), text
    for text in ("Lindegg (ZH) gèle les loyers", "Bürgermeister Frank Ehrler (parteilos) sagte",
                 "Das Neue Museum Biel (NMB) erhält", "Kommentare (3) Jetzt kommentieren",
                 "Capital (avec AFP) Publié le 30/11/2026"):  # fmt: skip
        assert not opens_with_agency(text), text


def test_a_stamp_closed_by_an_abbreviated_credit_closes_the_deck() -> None:
    """Off, the stamp reads as a sentence: deck and stamp are the story; on, the deck is the
    headline's and the stamp chrome, the story unchanged."""
    text = "\n".join([FR_TITLE, FR_DECK, FR_STAMP, *FR_STORY]) + "\n"
    with rules_only():
        off = roles_with(text, "fr", abbrev_stamp=False)
        on = roles_with(text, "fr", abbrev_stamp=True)
    assert (off[FR_DECK], off[FR_STAMP]) == ("body", "body")
    assert (on[FR_DECK], on[FR_STAMP]) == ("headline", "other")
    assert all(off[s] == on[s] == "body" for s in FR_STORY)


@given(st.sampled_from(["réd", "red", "Min", "pm", "ats"]), st.integers(1, 28))
def test_an_abbreviation_keeps_a_stamp_a_stamp(word: str, day: int) -> None:
    """Whatever short word the period closes, the stamp stays one with the switch on and is
    what ``is_metadata`` says without it (off: START's reading)."""
    text = f"Publié le {day} novembre 2027 à 18h12 ATS/{word}."
    on = replace(DEFAULT_PARAMS, abbrev_stamp=True)
    off = replace(DEFAULT_PARAMS, abbrev_stamp=False)
    assert stamp_text(text, on)
    assert stamp_text(text, off) == is_metadata(text)
    assert not stamp_text("Der Gemeinderat tagt am 9. November 2027 um 18:12 Uhr in der Aula.", on)
