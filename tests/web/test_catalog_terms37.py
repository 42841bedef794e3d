"""One word per term in each catalog: the story desk's "story" and "version" (round 37, web37).

Walking the story desk in the four UI languages after a move and a merge: the German page
said "Fassungen: 4" in its header and "Version #4 wurde … verschoben" in its move log, and
the Russian and Ukrainian pages were headed "Сюжет: …" while every move message (round 36)
said "история" / "історія" — which is also these catalogs' word for a segment's *history*
("Move to story" read as "move to history").  The catalogs now keep one word each: German
"Fassung" for a version, Russian and Ukrainian "сюжет" for a story.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from workbench.web import TRANSLATIONS_DIR

PLACEHOLDER = re.compile(r"%\([^)]*\)[a-z]")  # ``%(version)s`` is a name, not a word

#: (language, the English word in the msgid, a rendering that is refused, the catalog's word)
TERMS = [
    ("de", r"\bversions?\b", r"\bVersion(en)?\b", "Fassung"),
    ("ru", r"\bstor(y|ies)\b", r"истори", "сюжет"),
    ("uk", r"\bstor(y|ies)\b", r"істор", "сюжет"),
]


@pytest.mark.parametrize(("lang", "english", "refused", "word"), TERMS)
def test_one_word_per_term(lang: str, english: str, refused: str, word: str) -> None:
    with open(TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle)
    wrong = [
        message.id for message in catalog
        if message.id and isinstance(message.string, str)
        and re.search(english, message.id, re.I)
        and re.search(refused, PLACEHOLDER.sub("", message.string), re.I)
    ]  # fmt: skip
    assert not wrong, f"{lang}: these say {refused!r} where the catalog says {word!r}: {wrong}"
