"""Month and weekday names as anchors that survive translation.

Why: two outlets telling one story in two languages date it the same way
("vendredi matin", "am Freitagmorgen", "в пятницу", "on Friday"), and without an
informative MT (the stand-in models copy their input) nothing else the aligner
sees links those words: they are neither digits nor capitalised in every
language.  Each name becomes a key for its weekday (``%w0`` Monday ... ``%w6``)
or month (``%m1`` ... ``%m12``), from CLDR's wide names (through Babel, as
``calendar_words``) in every content language.  Abbreviations are left out
("mar", "sept": ordinary words elsewhere); so is any name that means another
day or month in another language.

Forms CLDR does not list are read by two narrow rules: a Cyrillic, Greek or
Latin inflection that changes only the last letter of a name of five letters
or more ("пятницу" for "пятница", "środę" for "środa"), and a compound that
starts with a name of six letters or more followed by at least four letters
("Freitagmorgen", "Sonntagabend"; not "Montage").  English "may" and "march"
count only capitalised; the Russian "среды"/"среде"/"средой" (mostly
"environment") never.
"""

from __future__ import annotations

from functools import lru_cache

from workbench.core.anchors import WORD_RE
from workbench.core.cldr_names import calendar_names, content_names
from workbench.core.languages import fold_word

#: lower-case English words that are not the month they spell
_CAPITAL_ONLY = frozenset({"may", "march"})
#: inflected forms read as another word more often than as the weekday ("environment")
_NEVER = frozenset({"среды", "среде", "средой"})
_STEM_MIN = 5  # a name this long may change its last letter
_PREFIX_MIN = 6  # a name this long may start a compound
_REST_MIN = 4  # ... followed by this many letters at least


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Folded wide month and weekday names of every content language -> their key."""
    found: dict[str, set[str]] = {}
    for names in content_names():  # core.cldr_names (a trimmed Babel: fewer names)
        for context in ("format", "stand-alone"):
            for day, name in calendar_names(names, "days", "wide", context).items():
                found.setdefault(fold_word(name), set()).add(f"%w{day}")
            for month, name in calendar_names(names, "months", "wide", context).items():
                found.setdefault(fold_word(name), set()).add(f"%m{month}")
    return {name: next(iter(keys)) for name, keys in found.items()
            if len(keys) == 1 and len(name) >= 3}  # fmt: skip


@lru_cache(maxsize=1)
def _stems() -> dict[str, str]:
    """A long name without its last letter -> its key (when that stem is one name's only)."""
    found: dict[str, set[str]] = {}
    for name, key in _names().items():
        if len(name) >= _STEM_MIN:
            found.setdefault(name[:-1], set()).add(key)
    return {stem: next(iter(keys)) for stem, keys in found.items() if len(keys) == 1}


@lru_cache(maxsize=1)
def _prefix_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(n) for n in _names() if len(n) >= _PREFIX_MIN}, reverse=True))


def word_key(token: str) -> str | None:
    """The weekday or month key of one word, or ``None``."""
    word = fold_word(token)
    if word in _NEVER or (word in _CAPITAL_ONLY and not token[:1].isupper()):
        return None
    names = _names()
    key = names.get(word)
    if key is None and len(word) >= _STEM_MIN:
        key = _stems().get(word[:-1])
    for size in _prefix_lengths() if key is None else ():
        if len(word) - size >= _REST_MIN and word[:size] in names:
            return names[word[:size]]
    return key


@lru_cache(maxsize=1 << 16)  # the aligner asks for every sentence of each side, once a pass
def calendar_keys(text: str) -> frozenset[str]:
    """The weekday and month keys of a sentence (``%w4`` Friday, ``%m12`` December)."""
    keys = (word_key(token) for token in WORD_RE.findall(text))
    return frozenset(key for key in keys if key is not None)
