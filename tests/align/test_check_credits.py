"""A sign-off or credit after a row's last sentence is provenance (core.check_scope.credit_tail)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_scope
from workbench.core.check_scope import credit_tail
from workbench.core.checks import check_pair

SENTENCE = {
    "fr": "Le maire de Val-Sorène a salué la décision des syndicats de la CGT lundi.",
    "en": "The mayor of Val-Sorene welcomed the decision of the CGT unions on Monday.",
    "de": "Der Bürgermeister von Oberlenzau begrüßte am Montag die Entscheidung der IG Metall.",
}
#: credit lines as outlets print them: bracketed, with a copyright sign, initials, spelled out
CREDITS = ("AFP", "(AFP)", "© AFP", "Avec AFP", "Agence France-Presse", "Agence France Presse",
           "© Agence France-Presse", "(sda/afp)", "mik/dpa", "(dpa)", "Reuters", "Source: Reuters",
           "© dpa-infocom, dpa:261204-930-1/1", "By Agence France-Presse")  # fmt: skip


@given(st.sampled_from(sorted(SENTENCE)), st.sampled_from(("",) + CREDITS),
       st.sampled_from(CREDITS))  # fmt: skip
def test_a_copy_printing_another_credit_raises_no_flag(lang: str, left: str, right: str) -> None:
    """One verbatim copy signs off with the agency, the other does not or spells it otherwise
    (round 27's unseen false 'AFP' / 'France'): no name or figure of the credit is flagged."""
    text = SENTENCE[lang]
    got = check_pair(f"{text} {left}".strip(), f"{text} {right}", left_lang=lang,
                     right_lang=lang, confidence=0.9, similarity=0.9)  # fmt: skip
    assert got == {}


@given(st.sampled_from(CREDITS))
def test_a_changed_figure_or_name_is_still_flagged_beside_a_credit(credit: str) -> None:
    """The credit goes, the sentence's own change stays."""
    text = SENTENCE["en"]
    edited = text.replace("CGT", "CFDT").replace("the decision", "the 12 decisions")
    got = check_pair(f"{text} {credit}", edited, left_lang="en", right_lang="en",
                     confidence=0.9, similarity=0.9)  # fmt: skip
    assert got["names"] == {"left_only": ["CGT"], "right_only": ["CFDT"]}
    assert got["numbers"] == {"right_only": ["12"]}


def test_without_the_rule_the_credit_is_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the switch turns off (``flags_cv.py --switch credit_tails``)."""
    text = SENTENCE["fr"]
    left, right = f"{text} (AFP)", f"{text} © Agence France-Presse"
    monkeypatch.setattr(check_scope, "CREDIT_TAILS", False)
    assert check_pair(left, right, left_lang="fr", right_lang="fr", confidence=0.9,
                      similarity=0.9)  # fmt: skip
    monkeypatch.setattr(check_scope, "CREDIT_TAILS", True)
    assert check_pair(left, right, left_lang="fr", right_lang="fr", confidence=0.9,
                      similarity=0.9) == {}  # fmt: skip


@pytest.mark.parametrize("text", [
    "Le maire a salué la décision.",  # one sentence: nothing after it
    "Bundesgericht kippt Schulhaus-Abstimmung in Oberwilen",  # a headline has no sentence end
    "The deal was signed by the U.S. Army",  # an abbreviation's full stop ends no sentence
    "She met Mrs. Smith",
    "Es kamen ca. 300 Menschen",  # a lower-case word after the stop
    "Er sagte das. 12 Menschen wurden verletzt",  # a digit opens a sentence, not a credit
    "Er sagte das. Dann ging er nach Hause zu seiner Familie",  # more than CREDIT_WORDS
    "Er sagte das. Dann ging er nach Hause.",  # a glued sentence ends like one
    "The mayor told AFP he welcomed it.",  # an attribution inside the sentence stays
])  # fmt: skip
def test_what_is_no_credit_tail_is_kept(text: str) -> None:
    assert credit_tail(text) == text


@pytest.mark.parametrize(("text", "head"), [
    ("Le maire a salué la décision. (AFP)", "Le maire a salué la décision."),
    ("The mayor told AFP. © Agence France-Presse", "The mayor told AFP."),  # an acronym's stop
    ("„Wir kämpfen“, sagte er. (dpa)", "„Wir kämpfen“, sagte er."),
    ("Bundesgericht kippt Schulhaus-Abstimmung in Oberwilen\nsda",
     "Bundesgericht kippt Schulhaus-Abstimmung in Oberwilen"),  # a credit on its own line
])  # fmt: skip
def test_a_credit_tail_comes_off(text: str, head: str) -> None:
    assert credit_tail(text) == head


@given(st.text(alphabet="abcdefgh ABCDEF.,()©/\n0123", max_size=60))
def test_credit_tail_only_ever_cuts_the_end(text: str) -> None:
    """Whatever the text, the result is a prefix of it that keeps at least three words."""
    out = credit_tail(text)
    assert text.startswith(out)
    if out != text:
        assert len(out.split()) >= 3
        assert len(text[len(out):].split()) <= check_scope.CREDIT_WORDS
