"""Deterministic toy data for generated test models: a word lexicon and a corpus.

The corpus only trains the SentencePiece tokenizer of the generated models, so
it needs the characters and words the tests use, not linguistic realism.
"""

from __future__ import annotations

import itertools
import random
import re

#: EN -> DE lexicon of the dictionary test model (single words on both sides).
EN_DE_WORDS: dict[str, str] = {
    "The": "Die",
    "the": "die",
    "mayor": "Bürgermeister",
    "town": "Stadt",
    "council": "Rat",
    "voted": "stimmte",
    "approved": "billigte",
    "budget": "Haushalt",
    "school": "Schule",
    "bridge": "Brücke",
    "river": "Fluss",
    "storm": "Sturm",
    "flood": "Hochwasser",
    "water": "Wasser",
    "police": "Polizei",
    "reported": "meldete",
    "today": "heute",
    "yesterday": "gestern",
    "morning": "Morgen",
    "evening": "Abend",
    "and": "und",
    "for": "für",
    "new": "neue",
    "old": "alte",
    "two": "zwei",
    "three": "drei",
    "hospital": "Krankenhaus",
    "train": "Zug",
    "station": "Bahnhof",
    "opened": "eröffnete",
    "closed": "schloss",
    "workers": "Arbeiter",
    "strike": "Streik",
    "children": "Kinder",
    "market": "Markt",
    "farmers": "Bauern",
    "weather": "Wetter",
    "road": "Straße",
    "after": "nach",
    "with": "mit",
    "without": "ohne",
    "was": "war",
}

_TEMPLATES: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "en": (
        ["The mayor", "The town council", "The police", "Workers", "Farmers", "Children"],
        ["opened", "closed", "approved", "reported", "voted for", "visited"],
        ["the new bridge", "the old school", "the budget", "the train station", "the market"],
        ["", " today", " yesterday", " after the storm", " in the morning", " with two workers"],
    ),
    "de": (
        ["Der Bürgermeister", "Der Stadtrat", "Die Polizei", "Arbeiter", "Die Bauern"],
        ["eröffnete", "schloss", "billigte", "meldete", "besuchte"],
        ["die neue Brücke", "die alte Schule", "den Haushalt", "den Bahnhof", "den Markt"],
        ["", " heute", " gestern", " nach dem Sturm", " am Morgen"],
    ),
    "ru": (
        ["Мэр", "Городской совет", "Полиция", "Рабочие", "Фермеры"],
        ["открыл", "закрыл", "одобрил", "сообщил о", "посетил"],
        ["новый мост", "старую школу", "бюджет", "вокзал", "рынок"],
        ["", " сегодня", " вчера", " после шторма", " утром"],
    ),
    "uk": (
        ["Мер", "Міська рада", "Поліція", "Робітники", "Фермери"],
        ["відкрив", "закрив", "схвалив", "повідомив про", "відвідав"],
        ["новий міст", "стару школу", "бюджет", "вокзал", "ринок"],
        ["", " сьогодні", " вчора", " після шторму", " вранці"],
    ),
    "fr": (
        ["Le maire", "Le conseil municipal", "La police", "Les ouvriers", "Les agriculteurs"],
        ["a ouvert", "a fermé", "a approuvé", "a signalé", "a visité"],
        ["le nouveau pont", "la vieille école", "le budget", "la gare", "le marché"],
        ["", " aujourd'hui", " hier", " après la tempête", " ce matin"],
    ),
}

_WORD = re.compile(r"(?<!\S)[A-Za-z]+(?![^\W_])")

_EXTRA_LINES = [
    "On 3 May 2025, 1,250 people (about 4.5%) said: \"no\"; 'maybe' - ok? yes!",
    "Évidemment, l'été à Genève coûte 12,50 € — « très cher » …",
    "Straßenbahn, Größe, Übermaß: 10.000 € (ca. 7 %)!",
    "Ночью, 24 февраля, «Ура»: ёлка, Ёж — 3,14%.",
    "Їжак, ґанок, Євген; пʼять — «так»?",
]


def sentences(lang: str, count: int, seed: int = 0) -> list[str]:
    """``count`` template sentences in ``lang`` (shuffled, deterministic)."""
    subjects, verbs, objects, tails = _TEMPLATES[lang]
    combos = list(itertools.product(subjects, verbs, objects, tails))
    random.Random(f"{lang}-{seed}").shuffle(combos)
    return [f"{s} {v} {o}{t}." for s, v, o, t in combos[:count]]


def training_corpus(per_language: int = 120) -> list[str]:
    """Lines that train the shared SentencePiece model of the test packages."""
    lines: list[str] = []
    for lang in _TEMPLATES:
        lines += sentences(lang, per_language)
    lines.append(" ".join(EN_DE_WORDS) + ".")
    lines.append(" ".join(EN_DE_WORDS.values()) + ".")
    lines += _EXTRA_LINES
    random.Random(7).shuffle(lines)
    return lines


def dictionary_reference(text: str) -> str:
    """What the EN->DE dictionary model must output: whole-word lexicon replacement.

    A word is replaced only when it starts after whitespace (or the start) and
    is not followed by a letter or digit, mirroring the model's word gate.
    """
    return _WORD.sub(lambda m: EN_DE_WORDS.get(m.group(0), m.group(0)), text)
