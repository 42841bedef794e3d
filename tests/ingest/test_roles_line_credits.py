"""A caption's line closed by a credit the line's shape alone does not show (round 24).

``RoleParams.line_credits``: "Werkstor der Kronauer Getriebe GmbH in Dillenburg. Quelle:
Fabian Lensch/dpa" (a source line a phrase rule fixed as the photo's credit) and "Un poste
de contrôle … en 2025. AFP - ANDREI MOCANU" (an agency and a name in capitals) open a line
with a photo's caption and end it with its credit; ``chrome_shape`` knows neither credit,
so the caption pass left the caption as the story's sentence.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with, rules_only
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.roles import assign_roles
from workbench.core.segment import segment_text

PAGES = Path(__file__).resolve().parents[1] / "data" / "story-pairs"
MARBURG = PAGES / "batch48/pages/kronauer-dillenburg-closure-2026-11-26/op_marburg_dpa_de.txt"
MIDILIBRE = PAGES / "batch65/pages/varnita-journalist-detention-2026-11-27/midilibre_afp_fr.txt"


@pytest.mark.parametrize(
    ("page", "lang", "line"),
    [
        (MARBURG, "de", "Werkstor der Kronauer Getriebe GmbH in Dillenburg."),
        (
            MIDILIBRE,
            "fr",
            "Un poste de contrôle sur la ligne de démarcation entre la Moldavie et la "
            "Transnistrie, en 2025.",
        ),
    ],
)
def test_a_caption_before_a_credit_on_its_line_is_chrome(page: Path, lang: str, line: str) -> None:
    """The rule takes the caption; without it the rules (and the product) read it as story.

    Round 28's ``caption_tails`` (``page_labels.caption_lines``) takes the same lines by
    their shape alone, so both are switched off to see the story reading.
    """
    text = page.read_text(encoding="utf-8").removeprefix("\ufeff")
    assert roles_by_text(text, lang)[line] == "other"
    assert roles_with(text, lang, line_credits=False, caption_tails=False)[line] == "body"
    with rules_only():
        assert roles_by_text(text, lang)[line] == "other"


def test_a_cut_word_after_a_sentence_is_no_credit() -> None:
    """A capture cut ("… wieder versorgen. Ein") ends the line with a plain word: story stays."""
    text = (
        "Eisregen legt Stromnetz lahm\n"
        "26.11.2026, 14:05 Uhr\n\n"
        "Nach Eisregen sind im Landkreis Ostervelde rund 140.000 Haushalte ohne Strom.\n\n"
        "Die Polizei meldete mehrere leichte Unfälle an Kreuzungen mit ausgefallenen Ampeln.\n\n"
        "Weserland Netz will bis zum Abend einen Teil der Haushalte wieder versorgen. Ein"
    )
    sentence = "Weserland Netz will bis zum Abend einen Teil der Haushalte wieder versorgen."
    assert roles_by_text(text, "de")[sentence] == "body"
    assert roles_with(text, "de", line_credits=False)[sentence] == "body"


_SENTENCES = (
    "Une journaliste ukrainienne a été retenue pendant 31 heures par les autorités séparatistes.",
    "Iryna Volochtchouk, 34 ans, travaille pour le site d'information Nistru Report.",
    "Elle a été relâchée samedi soir après l'intervention de la diplomatie moldave.",
    "Les autorités de Tiraspol n'ont pas commenté sa détention, selon l'AFP.",
)
_CAPTIONS = (
    "Un poste de contrôle sur la ligne de démarcation, en 2025.",
    "Le pont sur le Dniestr près de Varnita.",
)
_TAILS = ("AFP - ANDREI MOCANU", "Daniel Löwer", "AFP", "ein")
_HEADER = (
    "Midi Libre\nActualités Sports Loisirs\n\n"
    "Moldavie : une journaliste ukrainienne retenue 31 heures en Transnistrie\n"
    "Publié le 27/11/2026 à 11:52\n\n"
)


@given(
    order=st.permutations(range(len(_SENTENCES))),
    inside=st.lists(
        st.tuples(st.sampled_from(_CAPTIONS), st.sampled_from(_TAILS), st.integers(0, 3)),
        max_size=2,
    ),
)
def test_the_rule_only_takes_a_sentence_opening_a_line_a_credit_ends(
    order: list[int], inside: list[tuple[str, str, int]]
) -> None:
    """On or off, a segment differs only as body -> other, opening a line a credit ends.

    Round 28's ``caption_tails`` is off in both runs: it takes such lines by their shape
    (with story above them), so with it on a caption the credit rule left could still move.
    """
    paras = [_SENTENCES[k] for k in order]
    for caption, tail, at in inside:
        paras.insert(at, f"{caption} {tail}")
    text = _HEADER + "\n\n".join(paras) + "\n"
    _, segs = segment_text(text, "fr")
    base = replace(DEFAULT_PARAMS, caption_tails=False)
    on = assign_roles(segs, params=base)
    off = assign_roles(segs, params=replace(base, line_credits=False))
    for k, (a, b) in enumerate(zip(off, on, strict=True)):
        if a != b:
            assert (a, b) == ("body", "other")
            assert k + 1 < len(segs) and "\n" not in segs[k].separator
            assert segs[k + 1].text in _TAILS and segs[k + 1].text != "ein"
            assert on[k + 1] == off[k + 1] == "other"
    for k, seg in enumerate(segs[:-1]):  # an agency and a name in capitals: its caption is taken
        if seg.text in _CAPTIONS and segs[k + 1].text == _TAILS[0]:
            assert on[k] == "other"
