"""How ``checks`` tells that two name tokens are one name: the spelling-tolerant key
and the matching rules that compare keys.

The group belongs together because every name test of a pair (``name_differences``)
and of a page (``page_tokens``, ``check_pair``'s moved-away pass) must build keys
and compare them the same way: one apostrophe/elision/h~g key (``_name_key``), one
test of inflection, spelling variant, transliteration and Slavic stem alternation
(``_matches``), and the script test that picks which of those apply (``_script``,
``_cyrillic``).  Moved out of ``checks`` (round 16) to keep it under ~400 lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from os.path import commonprefix

from rapidfuzz.distance import Levenshtein

from workbench.core.anchors import WORD_RE, fold, name_key
from workbench.core.languages import script_of_char


def _name_key(token: str) -> str:
    """``name_key`` with apostrophes unified, possessives dropped, a French or Italian
    elided article dropped ("l'OGBL" ~ "OGBL", "d'Esch" ~ "Esch") and h ~ g (Гельга ~ Helga)."""
    token = re.sub(r"['’‘`´]s?$", "", token.replace("’", "'"))
    return name_key(_ELIDED.sub("", token)).replace("h", "g")


#: A French or Italian article or particle elided onto the next word ("l'OGBL", "d'Esch",
#: "qu'Aurelis", "dell'Ucraina"): the name starts after the apostrophe.
_ELIDED = re.compile(r"^(?:[ldjnsmtc]|qu|jusqu|lorsqu|puisqu|dell|dall|nell|sull|all)'(?=\w)",
                     re.I)


def _keys(text: str) -> set[str]:
    # each distinct token once: a long text repeats its words (linear in the vocabulary)
    return {_name_key(tok) for tok in set(WORD_RE.findall(text))}


def _matches(key: str, keys: Iterable[str], across: bool = False, slavic: bool = False,
             tolerant: bool = True) -> bool:  # fmt: skip
    """Same skeleton, an inflected form (Kyiv ~ Kyieva), a close spelling variant, or
    a part of a hyphen compound on either side ("ІТ-системи" ~ "системи", "Graz-Liebenau" ~
    "Graz", "Listerien" ~ "Listerien-Fund").

    In one script a spelling variant differs by one edit (two from eight letters on):
    a ratio of common letters let "Кашаган" pass for "Казахстан" (blind batch 9).
    ``across`` scripts transliteration adds noise ("Μπάιντεν" ~ "Biden"): the ratio stays.
    ``slavic`` (a Cyrillic name against its own script) also accepts a case form or
    adjective whose last stem vowel alternates (``_slavic_stem``).
    ``tolerant=False`` drops the one- or two-edit spelling tolerance (round 38, flagsb38:
    ``check_near_names`` asks whether a name is told without it).
    """
    for other in keys:
        if key == other or (slavic and _slavic_stem(key, other)):
            return True
        short, long = sorted((key, other), key=len)
        if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3:
            return True
        if tolerant and len(short) >= 5 and Levenshtein.distance(key, other) <= (
                1 if len(short) < 8 else 2):  # fmt: skip
            return True  # Zelenskyy ~ Selenskyj (same skeleton), Volodymyr ~ Vladimir: no
        if across and len(short) >= 5 and SequenceMatcher(None, key, other).ratio() >= 0.8:
            return True
    parts = [part for part in key.split("-") if len(part) >= 4]
    if "-" in key and any(_matches(part, keys, across, tolerant=tolerant) for part in parts):
        return True
    # the other side's compound holds the name ("Listerien" ~ "Listerien-Fund")
    return any(key == part for other in keys if "-" in other for part in other.split("-"))


#: A Cyrillic place or person name and its case forms and adjectives share a stem of
#: at least this many letters (skeleton, vowels folded), ending all but a short tail of
#: the shorter form: Фастів / Фастовом, Харкові / Харківської, Салтівці / Салтівському.
SLAVIC_STEM = 6
SLAVIC_TAIL = 3


def _slavic_stem(key: str, other: str) -> bool:
    """Whether two skeletons are forms of one Ukrainian/Russian name: the stem vowel
    alternates in case forms and adjectives (і / о: "Фастів", "Фастова"; "Харків",
    "Харкова", "харківський"), which a prefix or one-edit test misses.

    Vowels are folded, then the common start must reach ``SLAVIC_STEM`` letters and
    leave at most ``SLAVIC_TAIL`` of the shorter form ("Чернігів" / "Чернівці" share 5:
    two towns).
    """
    a, b = _VOWELS.sub("*", key), _VOWELS.sub("*", other)
    common = len(commonprefix([a, b]))
    return common >= SLAVIC_STEM and min(len(a), len(b)) - common <= SLAVIC_TAIL


_VOWELS = re.compile(r"[aeiou]")


def _cyrillic(token: str) -> bool:
    return _script(token) == "cyrillic"


def _script(text: str) -> str | None:
    """The script of the first letter of ``text`` (its side of a pair is in one language)."""
    return next((script_of_char(ch) for ch in text if ch.isalpha()), None)


#: Round 34 (flags34): a longer form that adds a surname-forming suffix to the other's stem is
#: another name, not a case form ("Рибак" / "Рибачук", "Коваль" / "Ковальчук", "Hof" /
#: "Hofmann"): ``_matches``' prefix test took any tail of up to three letters.
SURNAME_SUFFIXES = True

#: Folded (transliterated) endings that make a surname of a stem and are no case ending of
#: it: Ukrainian -чук / -юк / -енко, East Slavic patronymic -ович / -евич and -ов / -ев
#: (never -ова / -ева: "Иванова" is also the genitive of "Иванов"), German -mann, Nordic
#: -sen / -son.  Adjective endings ("-ський", "-er") are left out: "Київ" / "Київська" is one
#: place.
_SURNAME_ENDINGS = ("chuk", "iuk", "yuk", "enko", "ovych", "evych", "ovich", "evich", "ov", "ev",
                    "mann", "sen", "son")  # fmt: skip


def surname_of(token: str, word: str) -> bool:
    """Whether one of ``token`` / ``word`` is the other's stem with a surname suffix.

    The longer form must end with a suffix the shorter does not, and drop to a stem of at
    least three letters that starts the shorter form; what the shorter keeps past the stem
    is at most one consonant (the one the suffix alternates: Рибак -> Рибачук) and vowels
    (its case ending: Рибака).  So a case form with consonants in its ending ("Рибаком",
    "Рибакові"), a place in another language ("Харків" / "Харьков") and a female form
    ("Иванов" / "Иванова") stay one name.
    """
    short, long = sorted((fold(token), fold(word)), key=len)
    if len(short) < 4:
        return False
    for ending in _SURNAME_ENDINGS:
        if not long.endswith(ending) or short.endswith(ending):
            continue
        stem = long[: -len(ending)]
        if len(stem) >= 3 and short.startswith(stem):
            return len(short[len(stem):].rstrip("aeiouy")) <= 1
    return False


def renamed(token: str, word: str) -> bool:
    """``surname_of`` when ``SURNAME_SUFFIXES`` is on: ``word`` tells another name."""
    return SURNAME_SUFFIXES and word != token and surname_of(token, word)


def surname_keys(token: str, other: str | Iterable[str]) -> set[str]:
    """The keys of ``other``'s capitalised words (a text, or a page's words) that are
    ``token`` with a surname suffix (or ``token`` theirs): no evidence that ``other``
    tells ``token``'s name."""
    if not SURNAME_SUFFIXES:
        return set()
    words = set(WORD_RE.findall(other)) if isinstance(other, str) else set(other)
    return {_name_key(word) for word in words if word[:1].isupper() and renamed(token, word)}
