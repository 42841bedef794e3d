"""Whether a sentence reports speech: a quote in any of the news languages' quote marks, or a
speech verb ("sagte", "said", "a déclaré", "заявив", "сказал" …) from a small list per language.

Why (round 39, ``beadsd39``): a paraphrase's merge that a join should read (``align_merge_halves``)
is mostly a speaker's sentence plus his quote, or a "he said" continuation, told as one
sentence by the shorter report; the wrong joins glue a right 1-1 to a sentence the gold leaves
alone, and the lengths alone cannot tell the two apart.  A quote or attribution on the half, or
on the link's own sentence beside it, is a cue that the two belong to one telling.  The lists
are closed and short on purpose: a cue, not a parser; every language is read on every sentence
(the two sides of a pair are in different languages, and a quote keeps its words).
"""

from __future__ import annotations

import re

#: opening and closing quote marks of de („ “ ‚ ‘), en (“ ” "), fr (« » ‹ ›) and uk / ru (« » „ “);
#: the straight and curly single quotes are left out (apostrophes in en, uk, fr elisions)
QUOTE_MARKS = frozenset('"„“”«»‹›')

#: speech verbs and attribution words per language, lower case, whole words
SPEECH_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset({
        "sagte", "sagten", "sagt", "sagen", "erklärte", "erklärten", "erklärt", "betonte",
        "betont", "meinte", "meint", "ergänzte", "ergänzt", "fügte", "berichtete", "sprach",
        "warnte", "zufolge", "räumte", "kritisierte", "versicherte", "bestätigte",
    }),
    "en": frozenset({
        "said", "says", "say", "told", "added", "stated", "explained", "according", "stressed",
        "warned", "noted", "admitted", "insisted", "confirmed", "quoted",
    }),
    "fr": frozenset({
        "déclaré", "déclare", "dit", "selon", "expliqué", "explique", "affirmé", "affirme",
        "souligné", "souligne", "ajouté", "ajoute", "précisé", "précise", "estimé", "estime",
        "confié", "assuré", "assure", "reconnu",
    }),
    "uk": frozenset({
        "заявив", "заявила", "заявили", "сказав", "сказала", "сказали", "розповів", "розповіла",
        "розповіли", "зазначив", "зазначила", "наголосив", "наголосила", "повідомив",
        "повідомила", "додав", "додала", "пояснив", "пояснила", "словами", "каже", "визнав",
        "визнала", "підкреслив", "підкреслила",
    }),
    "ru": frozenset({
        "заявил", "заявила", "заявили", "сказал", "сказала", "сказали", "рассказал",
        "рассказала", "отметил", "отметила", "подчеркнул", "подчеркнула", "сообщил",
        "сообщила", "добавил", "добавила", "пояснил", "пояснила", "словам", "говорит", "признал",
    }),
}

#: every language's words in one set (a pair's two sides are read alike)
ALL_SPEECH_WORDS = frozenset().union(*SPEECH_WORDS.values())

_WORD = re.compile(r"\w+", re.UNICODE)


def has_quote(text: str) -> bool:
    """Whether ``text`` holds a double quote mark of any of the languages' styles."""
    return any(ch in QUOTE_MARKS for ch in text)


def speech_words(text: str) -> frozenset[str]:
    """The speech verbs and attribution words ``text`` holds (lower-cased whole words)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w in ALL_SPEECH_WORDS)


def reports_speech(text: str) -> bool:
    """Whether ``text`` quotes someone or attributes words to someone (a quote mark or a
    speech word of any language)."""
    return has_quote(text) or bool(speech_words(text))
