"""A stamp line closes a deck printed above the byline (``RoleParams.deck_stamp``).

"Rappel produit : …" / "Quelque 380 000 exemplaires sont concernés … Voici comment savoir
si votre batterie est touchée." / "Publié le 27/11/26 à 09h12  Partager : Facebook X
E-mail" / "Par Lucie Marchandeau" / the story: the stamp line has too many words for a
metadata line, so the deck above it was read as the story's lead.  A line that starts a
line, ends with no sentence stop and carries a numeric date or clock time is a stamp and
closes the deck as a byline does; a story sentence telling a time ("… um 03:40 Uhr.")
does not.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with

_TITLE = "Rappel produit : la batterie externe Norvolt Pocket 10 présente un risque d'incendie"
_DECK = "Quelque 120 000 exemplaires sont concernés en Europe, dont une partie vendue en France."
_STORY = (
    "Si vous avez acheté une batterie externe Norvolt l'an dernier, vérifiez son numéro.",
    "Le fabricant rappelle environ 120 000 batteries Pocket 10, dont l'accumulateur peut chauffer.",
    "La marque recense neuf incidents, dont deux départs de feu dans des logements en France.",
    "Les clients concernés peuvent rapporter la batterie en magasin contre remboursement.",
)


def _page(stamp: str, story: str = "\n\n".join(_STORY)) -> str:
    head = f"Tests Guides Comparatifs Forum\n\n{_TITLE}\n\n{_DECK}\n\n{stamp}\n\n"
    return head + f"Par Lucie Martin\n\n{story}\n"


def test_a_deck_above_a_long_stamp_line_is_the_headlines() -> None:
    text = _page("Publié le 27/11/26 à 09h12  Partager : Facebook X E-mail")
    assert roles_by_text(text, "fr")[_DECK] == "headline"
    assert roles_with(text, "fr", deck_stamp=False)[_DECK] == "body"


def test_a_sentence_telling_a_time_closes_no_deck() -> None:
    """Without a stamp line the first sentence stays the story's lead."""
    text = _page("Le rappel a été annoncé le 27/11/26 à 09h12 par le fabricant lui-même.")
    assert roles_by_text(text, "fr")[_DECK] == "body"


@given(
    stamp=st.sampled_from(
        [
            "Publié le 27/11/26 à 09h12  Partager : Facebook X E-mail",
            "Aktualisiert am 26.11.2026 von Redaktion Gesundheit 2 Minuten",
            "Le rappel a été annoncé le 27/11/26 à 09h12 par le fabricant lui-même.",
            "Partager : Facebook X E-mail",
            "Mis à jour 14:05",
        ]
    ),
    lines=st.integers(min_value=1, max_value=len(_STORY)),
)
def test_the_rule_only_ever_moves_lines_above_the_stamp_into_the_headline(
    stamp: str, lines: int
) -> None:
    """On and off differ only on lines above the stamp line, which on become ``headline``."""
    text = _page(stamp, "\n\n".join(_STORY[:lines]))
    on, off = roles_by_text(text, "fr"), roles_with(text, "fr", deck_stamp=False)
    order = list(on)
    for line, role in on.items():
        if role != off[line]:
            assert role == "headline" and order.index(line) < order.index(stamp)
