"""A name changed by a letter or two inside its stem, in a same-language, same-script pair.

Why: ``check_name_keys._matches`` lets a name key pass for another one or two edits away
("Zelenskyy" ~ "Selenskyj", "Hnatiuk" ~ "Gnatyuk"): built for transliterations, which
two copies of one language in one script do not need.  So "Polizeisprecher Stefan
Wendelin" / "Stefan Wendling" (round 37's unseen German rewrite) or "Tschofen" /
"Tschofer" raised nothing.  What such a copy does write differently is an inflection
("Maletzkis", "Tschofens": the prefix test, kept) or a transcription ("Müller" / "Mueller",
"Strauß" / "Strauss", accents dropped): those stay one name; any other letter changed inside
the stem counts as another name.  Latin script only: a Cyrillic copy's case forms alternate
their stem vowels (``_slavic_stem``), and transliterations cross scripts or languages.
"""

from __future__ import annotations

import re
import unicodedata
from os.path import commonprefix

from workbench.core.anchors import WORD_RE
from workbench.core.check_name_keys import _matches, _name_key, _script

#: Round 38 (flagsb38): off, a study (``flags_cv.py --switch near_names``).
NEAR_NAMES = False

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_INFLECTION = 3  # letters an inflection adds at most ("Tschofens", "Maletzkis")
#: German adjective endings, swapped by case inside a name ("Rotem Kreuz" / "des Roten
#: Kreuzes", "Neuer Markt" / "am Neuen Markt"): read so only before a capitalised word.
_ADJECTIVE_ENDINGS = frozenset({"", "e", "em", "en", "er", "es"})


def _spellings(token: str) -> set[str]:
    """The transcriptions one language writes of ``token``: umlauts spelt out ("Mueller"),
    dropped ("Muller", either way), "ß" as "ss"; any other accent dropped; a possessive cut."""
    word = token.casefold().replace("’", "'").split("'")[0]

    def bare(text: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(ch))  # fmt: skip

    spelt = bare(word.translate(_UMLAUTS))
    return {spelt, bare(word.replace("ß", "ss")),
            spelt.replace("ae", "a").replace("oe", "o").replace("ue", "u")}  # "Muller"


def variant(token: str, word: str, adjectives: bool = False) -> bool:
    """Whether ``word`` writes ``token``'s name in the same language: a transcription, or
    one of them an inflection of the other (a tail of at most three letters); with
    ``adjectives``, also one adjective ending swapped for another ("Rotem" / "Roten").
    A foreign name romanised two ways in one language ("Hnatiuk" / "Gnatyuk", "Oleksii" /
    "Oleksiy") differs in vowels only once the name key has folded h ~ g: one name too."""
    if _consonants(token) == _consonants(word):
        return True
    for one in _spellings(token):
        for two in _spellings(word):
            short, long = sorted((one, two), key=len)
            if long.startswith(short) and (one == two or (
                    len(short) >= 4 and len(long) - len(short) <= _INFLECTION)):  # fmt: skip
                return True
            if adjectives and _ending_swap(one, two):
                return True
    return False


def _consonants(token: str) -> str:
    return re.sub(r"[aeiouyj]", "", _name_key(token))


def _ending_swap(one: str, two: str) -> bool:
    """Whether ``one`` and ``two`` share a stem of three letters or more ("rot") and each ends it
    with an adjective ending."""
    stem = commonprefix([one, two])
    return any(len(stem) - cut >= 3 and one[len(stem) - cut:] in _ADJECTIVE_ENDINGS
               and two[len(stem) - cut:] in _ADJECTIVE_ENDINGS for cut in range(3))  # fmt: skip


def _before_capital(text: str, token: str) -> bool:
    """Whether ``token`` stands before a capitalised word in ``text`` (a name's head noun)."""
    return any(m.group(1).isupper() for m in re.finditer(
        r"(?<!\w)" + re.escape(token) + r"\s+([^\W\d_])", text))  # fmt: skip


def near_change(token: str, keys: set[str], other: str, text: str = "") -> bool:
    """Whether ``token`` is told by ``other`` (whose name ``keys`` are given) only through the
    spelling tolerance, by a word that is neither an inflection nor a transcription of it.

    ``text`` is ``token``'s own side (an adjective ending swaps only before a capitalised word
    on both sides).  Call only for a same-language pair; ``NEAR_NAMES`` off answers False.
    """
    if not NEAR_NAMES or "-" in token or _script(token) != "latin" or _script(other) != "latin":
        return False
    key = _name_key(token)
    if _matches(key, keys, tolerant=False):
        return False
    close = [w for w in set(WORD_RE.findall(other))  # a capital: "Europe's" / "euros" is none
             if w[:1].isupper() and _matches(key, {_name_key(w)})]  # fmt: skip
    before = _before_capital(text, token)
    return bool(close) and not any(
        variant(token, w, before and _before_capital(other, w)) for w in close)
