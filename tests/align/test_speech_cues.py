"""Whether a sentence reports speech (``core/speech_cues``): a quote mark of any of the news
languages' styles or a speech verb from a small list per language.

Why (round 39, beadsd39, a study shipped off): the merge halves' speech gate
(``align_merge_halves.MERGE_HALF_SPEECH``) lets a free half join a link only when it, or the
link's sentence, quotes or attributes words (``docs/align.md`` "Round 39 (beadsd39)").
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import speech_cues as sc


@pytest.mark.parametrize("text", [
    "„Wir wollen weitermachen“, sagte er.",
    "Der Bürgermeister erklärte, man prüfe alles.",
    "\"We will reopen,\" the mayor said.",
    "Il a déclaré que l'enquête suivait son cours.",
    "« Nous restons mobilisés », selon le maire.",
    "Риби стало менше, – розповів він.",
    "За словами директора, проби відібрали вчора.",
    "Как заявил глава района, работы продолжатся.",
])  # fmt: skip
def test_quotes_and_speech_verbs_of_each_language(text: str) -> None:
    assert sc.reports_speech(text)


@pytest.mark.parametrize("text", [
    "Bürgermeister Ferdinand Aigner zeigte sich dennoch erfreut.",
    "Volunteers removed roughly 800 kg of fish within a day.",
    "L'hôpital n'a pas encore communiqué l'aujourd'hui.",  # elisions are no quotes
    "Поліція відкрила кримінальне провадження.",
    "It's the council's decision.",  # an apostrophe is no quote
])  # fmt: skip
def test_plain_statements_report_no_speech(text: str) -> None:
    assert not sc.reports_speech(text)


def test_speech_words_are_whole_words_in_any_case() -> None:
    assert sc.speech_words("SAGTE er") == {"sagte"}
    assert not sc.speech_words("Unsaid things")  # "said" inside a word is no verb
    assert sc.ALL_SPEECH_WORDS >= sc.SPEECH_WORDS["uk"]


_PLAIN = st.text(alphabet=st.characters(blacklist_characters="".join(sc.QUOTE_MARKS)))


@given(_PLAIN, st.sampled_from(sorted(sc.QUOTE_MARKS)), _PLAIN)
def test_any_quote_mark_anywhere_reports_speech(before: str, mark: str, after: str) -> None:
    """A quote mark is a cue wherever it stands, whatever surrounds it."""
    assert sc.has_quote(before + mark + after) and sc.reports_speech(before + mark + after)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,"))
def test_cues_only_grow_with_added_text(text: str) -> None:
    """Appending a sentence never takes a cue away (the test reads each word on its own)."""
    if sc.reports_speech(text):
        assert sc.reports_speech(text + " Es regnete.")
    assert sc.reports_speech(text + " , sagte er.")
