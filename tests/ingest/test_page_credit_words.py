"""A photo label with French "de"/"par" is a credit only where a credit line can start.

``page_shapes._CREDIT`` read "crédit de" anywhere in a line of up to 12 words, so a story
sentence about a loan ("Le crédit de 18,4 millions de francs avait été accepté à 25 voix
près.", batch 37) was chrome.  "Photo de …", "Crédit par …" now count where the label opens
the line or follows a stop, a bracket, a dash or a wide gap; "Photo: …", "Foto von …",
"Photo by …" and "©" anywhere, as before.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from workbench.core.page_shapes import _CREDIT, DEFAULT_PARAMS, chrome_shape, shapes
from workbench.core.segment import segment_text


def _chrome(text: str) -> bool:
    seg = segment_text(text, "fr")[1][0]
    return chrome_shape(seg.text, shapes([seg])[0], DEFAULT_PARAMS)


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Le crédit de 18,4 millions de francs avait été accepté à 25 voix près.", False),
        ("La commune a obtenu un crédit de 2 millions pour l'école.", False),
        ("Photo de Jean Dupont", True),
        ("Crédit photo : Keystone", True),
        ("L'école d'Oberwilen (Photo de Jean Dupont)", True),
        ("The school in Oberwilen Photo: Anna Berger", True),
        ("Foto von Anna Berger", True),
    ],
)
def test_a_credit_label_is_read_where_a_credit_starts(text: str, credit: bool) -> None:
    assert _chrome(text) is credit


STORY = [
    "Les électeurs d'Oberwilen devront se prononcer une nouvelle fois sur leur nouvelle école.",
    "Le Tribunal fédéral a annulé jeudi le scrutin de mars, jugeant les coûts minimisés.",
    "Le crédit de 18,4 millions de francs avait été accepté à 25 voix près.",
    "Les juges ont admis par quatre voix contre une le recours de trois électeurs de la commune.",
]


def test_a_story_sentence_about_a_loan_stays_in_the_story() -> None:
    text = "\n".join(["Oberwilen revotera sur son école", *STORY, "Partager"]) + "\n"
    roles = roles_by_text(text, "fr")
    assert all(roles[s] == "body" for s in STORY)


@given(st.sampled_from(["photo", "Photo", "crédit", "Crédit", "image", "illustration"]),
       st.sampled_from(["de", "par"]))  # fmt: skip
def test_mid_sentence_the_label_is_a_word_and_after_a_stop_a_credit(label: str, prep: str) -> None:
    assert not _chrome(f"La commune a voté le {label.lower()} {prep} la nouvelle école hier.")
    assert _CREDIT.search(f"La nouvelle école. {label} {prep} Jean Dupont")
    assert _CREDIT.search(f"La nouvelle école  {label} {prep} Jean Dupont")  # a wide gap
    assert _chrome(f"{label} {prep} Jean Dupont")
