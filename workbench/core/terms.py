"""Finding glossary terms in text, tolerant of case and inflection.

Why stems: a glossary says "troop -> Truppe", but the sentence says "Troops" and
the translation "Truppen"; an exact match would miss both.  Each word is folded
(NFKC, case-folded, ``ё`` -> ``е``) and reduced with the Snowball stemmer of its
language (snowballstemmer: English, German, Russian, French and 30 more).  For a
language without a Snowball stemmer (Ukrainian among them) two words match when
one is the other plus an ending of at most three letters, after dropping a final
vowel or soft sign (``Київ`` ~ ``Києва`` is not caught, ``війська`` ~ ``військами`` is).

A multi-word term matches a run of consecutive words, each matching in turn.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left, insort
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

TERM_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)

SNOWBALL: dict[str, str] = {
    "en": "english", "de": "german", "ru": "russian", "fr": "french", "es": "spanish",
    "it": "italian", "pt": "portuguese", "nl": "dutch", "pl": "polish", "cs": "czech",
    "sv": "swedish", "da": "danish", "no": "norwegian", "nb": "norwegian", "fi": "finnish",
    "hu": "hungarian", "ro": "romanian", "tr": "turkish", "el": "greek", "sr": "serbian",
    "ca": "catalan", "lt": "lithuanian", "et": "estonian", "ga": "irish", "id": "indonesian",
    "ar": "arabic", "hi": "hindi", "fa": "persian", "eu": "basque", "hy": "armenian",
}  # fmt: skip
_ENDING_VOWELS = "aeiouyаеиоуыэюяіїєьй"
_LOCAL = threading.local()


@dataclass(frozen=True)
class Term:
    """One glossary entry as the core sees it (no database ids needed)."""

    source: str
    target: str
    forbidden: bool = False
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class TermHit:
    """A term found in a text: ``text[start:end]`` is the matched span."""

    term: Term
    start: int
    end: int


def fold(word: str) -> str:
    """The comparison form of one word: NFKC, case-folded, ``ё`` as ``е``."""
    return unicodedata.normalize("NFKC", word).casefold().replace("ё", "е")


def _base(lang: str | None) -> str:
    return (lang or "").split("-")[0].lower()


def _stemmer(name: str) -> snowballstemmer.stemmer:
    """Snowball stemmers keep state, so each thread gets its own."""
    cache = getattr(_LOCAL, "stemmers", None)
    if cache is None:
        cache = _LOCAL.stemmers = {}
    if name not in cache:
        cache[name] = snowballstemmer.stemmer(name)
    return cache[name]


@lru_cache(maxsize=100_000)
def stem(word: str, lang: str | None) -> str:
    """The folded stem of ``word`` in ``lang`` (folded word when no stemmer exists)."""
    folded = fold(word)
    name = SNOWBALL.get(_base(lang))
    if name is None:
        return folded
    return str(_stemmer(name).stemWord(folded))


def words_match(a: str, b: str, lang: str | None) -> bool:
    """Whether two words are forms of one another in ``lang`` (see module docstring)."""
    if stem(a, lang) == stem(b, lang):
        return True
    if _base(lang) in SNOWBALL:
        return False
    x, y = sorted((fold(a), fold(b)), key=len)
    core = x.rstrip(_ENDING_VOWELS) if len(x) > 4 else x
    return len(core) >= 4 and y.startswith(core) and len(y) - len(core) <= 3


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` with their spans."""
    return [(m.group(0), m.start(), m.end()) for m in TERM_WORD_RE.finditer(text)]


def find(text: str, phrase: str, lang: str | None) -> list[tuple[int, int]]:
    """Spans of ``text`` where ``phrase`` occurs in any inflected form, in order."""
    wanted = [w for w, _, _ in tokens(phrase)]
    if not wanted:
        return []
    words = tokens(text)
    spans: list[tuple[int, int]] = []
    i = 0
    while i + len(wanted) <= len(words):
        window = words[i : i + len(wanted)]
        if all(words_match(w, t[0], lang) for w, t in zip(wanted, window, strict=True)):
            spans.append((window[0][1], window[-1][2]))
            i += len(wanted)
        else:
            i += 1
    return spans


def contains(text: str, phrase: str, lang: str | None) -> bool:
    """Whether ``phrase`` occurs in ``text`` in any inflected form."""
    return bool(find(text, phrase, lang))


def term_hits(source: str, terms: list[Term], source_lang: str | None) -> list[TermHit]:
    """Glossary terms found in a source text, longest first where they overlap."""
    hits: list[TermHit] = []
    taken: list[tuple[int, int]] = []  # sorted; disjoint, or the very same span
    ordered = sorted((t for t in terms if t.source.strip()), key=lambda t: -len(t.source))
    for term in ordered:
        for start, end in find(source, term.source, source_lang):
            if _overlaps(taken, start, end):
                continue
            insort(taken, (start, end))
            hits.append(TermHit(term, start, end))
    return sorted(hits, key=lambda h: h.start)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a taken span other than itself.

    Why a binary search (round 35): checking every taken span made a segment
    with thousands of hits quadratic (a 426 kB paragraph: 110 s on the version
    page).  Taken spans are disjoint or equal, so sorted by start their ends are
    sorted too: only the spans just before ``end`` can overlap, and walking back
    stops at the first one that ends by ``start`` (past equal spans).
    """
    i = bisect_left(taken, (end, -1))  # the first span starting at or after end
    while i > 0:
        i -= 1
        s, e = taken[i]
        if e <= start:
            return False
        if (s, e) != (start, end):
            return True
    return False
