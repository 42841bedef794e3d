"""Anchors that survive translation: numbers, capitalised names, transliteration.

Why: machine translation garbles wording but usually carries numbers and names
through unchanged (or transliterated between Cyrillic, Greek and Latin).  The aligner
uses them as a language-independent signal, and the pair checks use them to flag
numbers or names present on one side only.

Number conventions per language: English writes ``10,000.5``; German, Russian,
Ukrainian and French write ``10.000,5`` or ``10 000,5`` (space, no-break space or
narrow no-break space as thousands separator).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from workbench.core.cldr_names import content_names
from workbench.core.languages import LANGUAGES
from workbench.core.similarity import drop_combining
from workbench.core.translit import transliterate as transliterate  # Cyrillic, Greek

# Latin spellings that differ only by convention (ukraine/ukrayina, kh/h, ...):
# names are compared on a coarse "skeleton" so Зеленский ~ Zelensky ~ Selenskyj.
_SKELETON_SUBS = (
    ("shch", "sc"), ("kh", "h"), ("ts", "c"), ("tz", "c"), ("zh", "z"), ("sch", "s"),
    ("sh", "s"), ("ch", "c"), ("yu", "u"), ("ya", "a"), ("ye", "e"), ("yi", "i"),
    ("ie", "i"), ("j", "i"), ("y", "i"), ("w", "v"), ("k", "c"), ("q", "c"), ("x", "cs"),
    ("ph", "f"), ("z", "s"), ("dt", "t"), ("d", "t"),
)  # fmt: skip

_NUMBER_RE = re.compile(r"(?<![\w.,])[-−]?\d+(?:(?:[.,\u00a0\u202f' ])\d{3})*(?:[.,]\d+)?(?!\w)")
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;«»\"“”„()\[\]–—-]$")

# Languages writing "," as the decimal mark (from the content-language registry).
COMMA_DECIMAL = frozenset(code for code, lang in LANGUAGES.items() if lang.decimal_comma)


def fold(text: str) -> str:
    """Lower-case, transliterated, accent-free form used to compare names across scripts."""
    decomposed = unicodedata.normalize("NFKD", transliterate(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1 << 16)  # names recur across sentences; the aligner asks for each
def name_key(token: str) -> str:
    """Coarse spelling skeleton: Зеленский, Zelensky, Selenskyj -> comparable keys."""
    key = fold(token)
    for old, new in _SKELETON_SUBS:
        key = key.replace(old, new)
    key = re.sub(r"(.)\1+", r"\1", key)  # double letters
    return key.rstrip("aeiou") or key


def number_strings(text: str) -> list[str]:
    """The raw number tokens of ``text`` (with their separators), in order."""
    return [m.group(0) for m in _NUMBER_RE.finditer(text)]


def normalize_number(raw: str, lang: str | None = None) -> str:
    """Canonical decimal string for a number token written in ``lang``'s convention.

    ``lang=None`` guesses: a separator followed by exactly three digits is a
    thousands separator, anything else is the decimal mark.
    """
    token = raw.replace("−", "-").replace("\u00a0", " ").replace("\u202f", " ").replace("'", " ")
    sign = "-" if token.startswith("-") else ""
    token = token.lstrip("-").replace(" ", "")
    if lang is not None:
        decimal_mark = "," if lang.split("-")[0].lower() in COMMA_DECIMAL else "."
        thousands = "." if decimal_mark == "," else ","
        token = token.replace(thousands, "").replace(decimal_mark, ".")
    else:
        token = _guess_number(token)
    try:
        value = Decimal(token)
    except InvalidOperation:
        return sign + token
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return sign + text


def _guess_number(token: str) -> str:
    """Separator-agnostic reading: trailing ``[.,]ddd`` groups are thousands."""
    parts = re.split(r"[.,]", token)
    if len(parts) == 1:
        return token
    if all(len(p) == 3 for p in parts[1:]):
        return "".join(parts)
    return "".join(parts[:-1]) + "." + parts[-1]


def numbers(text: str, lang: str | None = None) -> list[str]:
    """Normalised numbers of ``text`` (see ``normalize_number``), in order."""
    return [normalize_number(raw, lang) for raw in number_strings(text)]


def names(text: str) -> list[str]:
    """Capitalised tokens that are not sentence-initial (likely proper names).

    A token right after sentence punctuation is skipped because any word is
    capitalised there; all-caps words of one letter are skipped too.
    """
    found: list[str] = []
    previous_end = 0
    first = True
    for match in WORD_RE.finditer(text):
        token = match.group(0)
        gap = text[previous_end : match.start()].strip()
        starts_sentence = first or bool(gap and _SENTENCE_END.search(gap))
        previous_end = match.end()
        first = False
        if starts_sentence or len(token) < 2 or not token[0].isupper():
            continue
        found.append(token)
    return found


def anchor_keys(text: str) -> frozenset[str]:
    """Language-independent anchors of a sentence for the aligner.

    Numbers are reduced to their digits (``10,000`` = ``10 000`` = ``10.000``),
    capitalised tokens (any position, German nouns included) to their name skeleton;
    a name key only helps when the other side shares it.
    """
    keys = {"#" + re.sub(r"\D", "", raw) for raw in number_strings(text)}
    keys.update("@" + name_key(tok) for tok in WORD_RE.findall(text) if tok[:1].isupper())
    return frozenset(k for k in keys if len(k) > 2)


#: number words that are ordinary words in another configured language ("per cent", an
#: elf): never an anchor; "sept" only when no full stop follows ("Sept. 11" is September)
_AMBIGUOUS_NUMBER_WORDS = frozenset({"cent", "cents", "elf"})
#: languages whose number words ``number_words`` reads (compound parsers, then tables)
_SPELLED_LANGUAGES = ("de", "en", *(c for c, lang in LANGUAGES.items() if lang.number_words))


@functools.lru_cache(maxsize=1 << 16)
def spelled_number_keys(text: str) -> frozenset[str]:
    """Numbers of 2 and more written as words, in any language with a reader, as anchor keys.

    Why: one outlet writes "sept patients", another "sieben Patienten", a third
    "7 patients"; across languages without an informative MT these agree where
    the words do not.  The aligner does not know a sentence's language, so every
    reader (``number_words``) is tried; a word read as different values by two
    languages counts for each, and words that are common in another language
    (``_AMBIGUOUS_NUMBER_WORDS``) are skipped.  One is left out: it is mostly an
    article ("ein", "un", "one of").
    """
    from workbench.core.number_words import word_numbers  # it reads languages, as we do

    keys = set()
    for lang in _SPELLED_LANGUAGES:
        for start, end, value in word_numbers(text, lang):
            word = text[start:end].casefold()
            if value < 2 or word in _AMBIGUOUS_NUMBER_WORDS:
                continue
            if word == "sept" and text[end : end + 1] == ".":
                continue
            keys.add(f"#{value}")
    return frozenset(keys)


def anchor_keys_all(texts: Sequence[str]) -> list[frozenset[str]]:
    """``[anchor_keys(t) for t in texts]``, each pattern run once over all the texts.

    Why: the aligner asks for every sentence of both documents, and two
    pattern calls per sentence plus a skeleton per new name were a twentieth
    of a one-direction MT alignment.  The texts are joined by newlines, which
    no pattern matches and every lookaround reads as a text's edge, so each
    match is one text's own; a text holding a newline falls back.
    """
    if any("\n" in t for t in texts):
        return [anchor_keys(t) for t in texts]
    keys: list[set[str]] = [set() for _ in texts]
    numbered = [i for i, t in enumerate(texts) if _DIGIT.search(t)]  # a number holds a digit
    ends = list(itertools.accumulate(len(texts[i]) + 1 for i in numbered))
    for match in _NUMBER_RE.finditer("\n".join([texts[i] for i in numbered])):
        keys[numbered[bisect_right(ends, match.start())]].add("#" + _NON_DIGITS.sub("", match[0]))
    text, owners, names = 0, [], []
    joined = "\n".join(texts)  # words, and where each text ends; only names are read
    for token in [t for t in _WORD_OR_BREAK.findall(joined) if t == "\n" or t[:1].isupper()]:
        if token == "\n":
            text += 1
        else:
            owners.append(text)
            names.append(token)
    for text, key in zip(owners, name_keys(names), strict=True):
        keys[text].add("@" + key)
    return [frozenset(k for k in found if len(k) > 2) for found in keys]


_WORD_OR_BREAK = re.compile("\n|" + WORD_RE.pattern, re.UNICODE)  # a newline is never a word
_DIGIT = re.compile(r"\d")
_NON_DIGITS = re.compile(r"\D")
_NAME_KEYS: dict[str, str] = {}  # memo of name_keys (emptied when full)
_FOLDED: dict[str, tuple[str, str]] = {}  # name_keys' batches: fold, skeleton (emptied with it)
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")  # transliterate looks at neighbours here


def name_keys(tokens: Sequence[str]) -> list[str]:
    """``[name_key(t) for t in tokens]``, the new tokens' skeletons computed together.

    Every step of ``name_key`` works character by character (or on runs of one
    letter, which a newline ends), so it runs once on the new tokens joined
    by newlines.  Tokens holding Greek (whose digraphs look at neighbours) or
    a newline, and a batch whose decomposition leaves the combining-mark table,
    go one at a time.
    """
    if len(_NAME_KEYS) > 1 << 16:
        _forget()
    missing = [t for t in dict.fromkeys(tokens) if t not in _NAME_KEYS]
    alone = [t for t in missing if "\n" in t or _GREEK.search(t)] if _apart(missing) else []
    together = [t for t in missing if "\n" not in t and not _GREEK.search(t)] if alone else missing
    for token, key in zip(together, _skeletons(together), strict=True):
        _NAME_KEYS[token] = key
    for token in alone:
        _NAME_KEYS[token] = name_key(token)
    return [_NAME_KEYS[t] for t in tokens]


def _forget() -> None:
    """Empty ``name_keys``' memo and the folds its batches kept (``folds`` reads them)."""
    _NAME_KEYS.clear()
    _FOLDED.clear()


name_keys.cache_clear = _forget  # type: ignore[attr-defined]


def _apart(tokens: Sequence[str]) -> bool:
    """Whether any token holds Greek or a newline (then each is asked on its own).

    Why: both are single characters, so the tokens run together hold one exactly
    when one of them does; one search instead of one per token (4,000 per call).
    """
    run = "".join(tokens)
    return "\n" in run or _GREEK.search(run) is not None


def folds(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """``[fold(t) for t in tokens]`` and ``[name_key(t) for t in tokens]``, the tokens
    without Greek letters or newlines folded together.

    Why: the cognate keys fold and skeletonise thousands of distinct words per
    call; one transliteration, case fold and decomposition of them joined by
    newlines costs a fraction of a call per word (as in ``name_keys``: every
    step works character by character, a newline is a starter no decomposition
    holds), and a skeleton starts from the fold.
    """
    alone = {t for t in tokens if "\n" in t or _GREEK.search(t)} if _apart(tokens) else set()
    together = [t for t in tokens if t not in alone] if alone else list(tokens)
    # round 39 (speedb39): a word ``name_keys`` batched (the scorer's anchor names, asked
    # first) has its fold and skeleton already; only the others are folded here
    found = {t: _FOLDED[t] for t in together if t in _FOLDED}
    rest = [t for t in together if t not in found] if found else together
    joined = _folded("\n".join(rest)) if rest else ""
    if joined is None:  # beyond the combining-mark table
        return [fold(t) for t in tokens], [name_key(t) for t in tokens]
    if rest:
        found.update(zip(rest, zip(joined.split("\n"), skeletons(joined), strict=True),
                         strict=True))  # fmt: skip
    pairs = [(fold(t), name_key(t)) if t in alone else found[t] for t in tokens]
    return [f for f, _k in pairs], [k for _f, k in pairs]


def _folded(text: str) -> str | None:
    """``fold(text)``; ``None`` when its decomposition leaves the combining-mark table."""
    decomposed = unicodedata.normalize("NFKD", transliterate(text).casefold())
    if decomposed and max(decomposed) >= "\U0001f000":
        return None
    return drop_combining(decomposed)


def _skeletons(tokens: list[str]) -> list[str]:
    """``name_key`` of tokens without Greek letters or newlines, on the tokens joined; their
    folds and skeletons kept in ``_FOLDED`` (``folds`` reads them: the cognate keys fold the same
    words again, round 39)."""
    if not tokens:
        return []
    key = _folded("\n".join(tokens))
    if key is None:  # beyond the combining-mark table: one at a time
        return [name_key(t) for t in tokens]
    found = skeletons(key)
    _FOLDED.update(zip(tokens, zip(key.split("\n"), found, strict=True), strict=True))
    return found


def skeletons(folded: str) -> list[str]:
    """``name_key``'s last steps on folded tokens joined by newlines: each token's skeleton."""
    for old, new in _SKELETON_SUBS:
        folded = folded.replace(old, new)
    folded = re.sub(r"(.)\1+", r"\1", folded)  # double letters ("." never matches the newline)
    return [part.rstrip("aeiou") or part for part in folded.split("\n")]


# Quoted speech: “…” ‘…’ «…» ‹…› „…“ „…” ‚…‘ and straight "…" (at least 2 words).
# The one detector: the pair checks and the story desk's facts both read it.
_QUOTE_RE = re.compile(
    r"“([^”“]+)”|«\s*([^»«]+?)\s*»|‹\s*([^›‹]+?)\s*›|„([^“”„]+)[“”]|‚([^‘’‚]+)[‘’]"
    r"|\"([^\"]+)\"|‘([^’‘]+)’(?!\w)"
)


def quotations(text: str) -> list[str]:
    """Quoted passages of ``text`` (inner text, at least two words), in order.

    Why: quoted speech is a fact a reader checks across outlets (who said what);
    a quote present on one side only is flagged like a number or a name.
    """
    found = []
    for match in _QUOTE_RE.finditer(text):
        inner = next(g for g in match.groups() if g is not None).strip()
        if len(inner.split()) >= 2:
            found.append(inner)
    return found


def quote_differences(left: str, right: str, *, same_language: bool) -> dict[str, list[str]]:
    """Quotations on one side only: by wording in one language, by count across languages."""
    left_q, right_q = quotations(left), quotations(right)
    if same_language:
        lk = {fold(q).strip(" .,!?") for q in left_q}
        rk = {fold(q).strip(" .,!?") for q in right_q}
        result = {
            "left_only": [q for q in left_q if fold(q).strip(" .,!?") not in rk],
            "right_only": [q for q in right_q if fold(q).strip(" .,!?") not in lk],
        }
    else:
        result = {"left_only": left_q[len(right_q) :], "right_only": right_q[len(left_q) :]}
    return {k: v for k, v in result.items() if v}


def unique_anchors(anchors: list[frozenset[str]]) -> list[frozenset[str]]:
    """Each sentence's anchors that no other sentence of its document holds, small numbers
    (under 10, mostly written as words) left out."""
    seen: dict[str, int] = {}
    for keys in anchors:
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    weak = place_keys()
    return [frozenset(k for k in keys if seen[k] == 1 and not _small(k) and k not in weak)
            for keys in anchors]  # fmt: skip


def _small(key: str) -> bool:
    return key.startswith("#") and key[1:].isdigit() and int(key[1:]) < 10


@functools.lru_cache(maxsize=1)
def place_keys() -> frozenset[str]:
    """Name keys of one-word country and region names (CLDR territories through Babel, every
    content language: "Ukraine" = "Україні" = ``@ucrain``).  A story names the countries it
    is about in many sentences, and where one is named once on each side the two sentences
    often tell different facts (round 12: a shared country name marked 61 gold against 93
    non-gold sentence pairs)."""
    names: set[str] = set()
    for locale_names in content_names():  # core.cldr_names (a trimmed Babel: fewer names)
        names.update(n for n in locale_names["territories"] if n.isalpha())
    keys = anchor_keys_all([f"{n}." for n in sorted(names)])
    return frozenset(k for found in keys for k in found if k.startswith("@"))
