"""A word that opens a row's segment or line, or follows "…", is sentence-initial, not a name
(round 32, flags32b: round 31's unseen false 'Als' / 'Weiteres' of "Als Weiteres …")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import check_nouns
from workbench.core.check_nouns import SEGMENT_BREAK, common_nouns, sentence_openers
from workbench.core.checks import check_pair, page_tokens

RIGHT = "Fire at chemical plant. People were told to keep windows shut."
HEADLINE_JOINED = ("Fire at chemical plant" + SEGMENT_BREAK
                   + "Residents were told to keep windows shut.")  # fmt: skip
AFTER_ELLIPSIS = "The fire was out … Crews stayed at the site overnight."
AFTER_LINE = "The fire was out\nCrews stayed at the site overnight."
OTHER = "The fire was out. Firefighters stayed at the site overnight."
GERMAN = ("Schnee fehlt im Skigebiet" + SEGMENT_BREAK
          + "Als Weiteres meldete der Betreiber kürzere Öffnungszeiten.")  # fmt: skip
GERMAN_OTHER = "Schnee fehlt im Skigebiet. Der Betreiber meldete kürzere Öffnungszeiten."

CASES = [
    (HEADLINE_JOINED, RIGHT, "en", "Residents"),
    (AFTER_ELLIPSIS, OTHER, "en", "Crews"),
    (AFTER_LINE, OTHER, "en", "Crews"),
    (GERMAN, GERMAN_OTHER, "de", "Weiteres"),
]


@pytest.fixture
def switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_nouns, "OPENERS", False)
    monkeypatch.setattr(check_nouns, "NOMINAL_NEUTER", False)


@pytest.mark.parametrize(("left", "right", "lang", "word"), CASES)
def test_before_the_rule_a_sentence_opener_is_flagged(
    switched_off: None, left: str, right: str, lang: str, word: str
) -> None:
    got = check_pair(left, right, left_lang=lang, right_lang=lang)
    assert got == {"names": {"left_only": [word]}}


@pytest.mark.parametrize(("left", "right", "lang", "word"), CASES)
def test_a_sentence_opener_is_no_name(left: str, right: str, lang: str, word: str) -> None:
    assert check_pair(left, right, left_lang=lang, right_lang=lang) == {}


def test_openers_of_a_row() -> None:
    assert sentence_openers(HEADLINE_JOINED) >= {"Residents"}
    assert "Crews" in sentence_openers(AFTER_ELLIPSIS)
    assert "Crews" in sentence_openers(AFTER_LINE)
    assert "Crews" in sentence_openers("He said: “It is over.” Crews left.")
    # the same word also written mid-sentence in the row: it stays a candidate
    assert "Zurich" not in sentence_openers("Fire" + SEGMENT_BREAK + "Zurich crews came to Zurich.")


def test_a_name_the_page_writes_mid_sentence_stays_a_name() -> None:
    left = "Fire at chemical plant" + SEGMENT_BREAK + "Zurich crews kept windows shut."
    right = "Fire at chemical plant. Crews kept windows shut."
    pages = (page_tokens([left, "Crews drove in from Zurich at night."], "en"),
             page_tokens([right], "en"))  # fmt: skip
    got = check_pair(left, right, left_lang="en", right_lang="en", pages=pages)
    assert got == {"names": {"left_only": ["Zurich"]}}
    assert check_pair(left, right, left_lang="en", right_lang="en") == {}


def test_german_adjectives_made_nouns_after_als_and_ohne() -> None:
    assert "Weiteres" in common_nouns("Als Weiteres meldete der Betreiber Schäden.")
    assert "Nächstes" in common_nouns("Er will als Nächstes das Werk schließen.")
    assert "Weiteres" in common_nouns("Das geht nicht ohne Weiteres.")
    assert "Weiteres" not in common_nouns("Weiteres folgt.")  # no "als" / "ohne" before
    assert "Graz" not in common_nouns("Er arbeitet als Koch in Graz.")


WORD = st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(name=WORD)
def test_a_name_written_mid_sentence_is_flagged_as_before(name: str) -> None:
    """The rule only ever drops a word the row writes at a sentence opening: a made-up name
    mid-sentence is flagged with the rule on exactly as with it off."""
    left = f"Fire at chemical plant{SEGMENT_BREAK}Crews from {name} kept windows shut."
    right = "Fire at chemical plant. Crews kept windows shut."
    on = check_pair(left, right, left_lang="en", right_lang="en")
    check_nouns.OPENERS, check_nouns.NOMINAL_NEUTER = False, False
    try:
        off = check_pair(left, right, left_lang="en", right_lang="en")
    finally:
        check_nouns.OPENERS, check_nouns.NOMINAL_NEUTER = True, True
    assert on == off
    if on:
        assert "Crews" not in on["names"]["left_only"]


@settings(max_examples=60, deadline=None)
@given(name=WORD)
def test_a_word_only_opening_a_segment_is_never_a_name(name: str) -> None:
    left = f"Fire at chemical plant{SEGMENT_BREAK}{name} crews kept windows shut."
    right = "Fire at chemical plant. Crews kept windows shut."
    assert check_pair(left, right, left_lang="en", right_lang="en") == {}
