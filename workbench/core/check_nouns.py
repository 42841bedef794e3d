"""Which capitalised words of a copy are names at all, before they are compared.

Why a module of its own: ``core.checks`` flags names one copy has and the other
lacks; a capital alone says little.  German capitalises every noun, so its
grammar (a determiner, an adjective, a number before it) and its page (the same
word marked a noun in another sentence of either copy, or a compound ending in
such a noun) have to be read; an acronym may abbreviate a name the other copy
spells out; a dateline or a time zone names no part of the story; and in
Cyrillic script a capital after a colon marks a name.  Names mostly stand bare
("in Graz", "Thomas Reiter"), so what is left after this is mostly names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from babel import Locale

from workbench.core.anchors import WORD_RE, names
from workbench.core.check_acronyms import compound_initials
from workbench.core.german_lexicon import is_name_form
from workbench.core.languages import script_of
from workbench.core.number_words import german_number

# German determiners, possessives and article contractions ("der", "seines", "zum").
_DETERMINER = re.compile(
    r"(?:der|die|das|den|dem|des|ein|eine[mnrs]?|k?ein\w*|mein\w*|dein\w*|sein\w*|ihr\w*"
    r"|unser\w*|eu\w*r\w*|dies\w*|jen\w*|jed\w*|manch\w*|welch\w*|solch\w*|all\w*|viel\w*"
    r"|wenig\w*|beid\w*|mehrer\w*|einig\w*|etlich\w*|am|im|ins|ums|zum|zur|vom|beim|ans|aufs|fürs|durchs)",
    re.IGNORECASE,
)
_INFLECTED = re.compile(r"[a-zäöüß][a-zäöüß-]{2,}(?:e|en|er|es|em)")  # "französische", "frühen"


def common_nouns(text: str) -> frozenset[str]:
    """Capitalised words of a German text that its grammar marks as common nouns.

    German capitalises every noun, so capitals say little; but a word after a
    determiner ("das Werk", "des Havariekommandos"), after a determiner and
    inflected adjectives ("der französische Autobauer", "zum frühen Morgen") or
    after a number ("3.40 Uhr", "drei Minuten") is a noun.  Names mostly stand
    bare ("in Graz", "Thomas Reiter"); the few with an article ("der Donau") are
    given up, because a flag on every changed noun of a rewrite is worse.
    """
    words = _NOUN_CONTEXT_RE.findall(text)
    nouns: set[str] = set()
    for k, word in enumerate(words):
        after = words[k + 1 : k + 2]
        if word[0].isupper() and k and _noun_context(words[max(0, k - 3) : k], after):
            nouns.add(word)
        elif k and _nominal_neuter(words[k - 1], word):
            nouns.add(word)
    return frozenset(n for n in nouns if not is_country(n))


@cache
def _countries() -> frozenset[str]:
    """German one-word country names (Babel's CLDR territory names, read once)."""
    names = Locale("de").territories.values()
    return frozenset(n for n in names if " " not in n and "-" not in n)


def is_country(word: str) -> bool:
    """A country, also with its article or genitive: "in der Ukraine", "der Schweiz",
    "Rumäniens"; German gives some countries an article, which makes them look like nouns."""
    return word in _countries() or (word.endswith("s") and word[:-1] in _countries())


def _noun_context(before: list[str], after: list[str]) -> bool:
    """A determiner (maybe across inflected adjectives), a number, or a genitive article after."""
    if after and after[0] in ("des", "eines"):
        return True  # "Nach Angaben des Havariekommandos", "seit Beginn des Krieges"
    last = before[-1]
    if last[0].isdigit() or german_number(last.lower()) is not None:
        return True  # "3.40 Uhr", "drei Minuten"
    for word in reversed(before):
        if _DETERMINER.fullmatch(word):
            return True
        if not _INFLECTED.fullmatch(word):
            return False
    return False


#: Switch (round 32, flags32b): "als Weiteres", "ohne Weiteres", "als Erstes" are adjectives
#: made nouns, not names.
NOMINAL_NEUTER = True
# the strong neuter ending "-es" after a consonant, six letters or more ("Weiteres", "Erstes")
_NEUTER = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}[b-df-hj-np-tv-zß]es")


def _nominal_neuter(before: str, word: str) -> bool:
    """Whether ``word`` is an adjective made a noun after "als" or "ohne" ("als Nächstes",
    "ohne Weiteres"): no article stands there, and the strong neuter "-es" ends no noun
    after them; a name of that shape ("Mercedes") is in the dictionary's names."""
    if not NOMINAL_NEUTER or before.lower() not in ("als", "ohne") or not _NEUTER.fullmatch(word):
        return False
    return not is_name_form(word)


_NOUN_CONTEXT_RE = re.compile(r"\d[\d.,]*|[^\W\d_][\w-]*")


def page_nouns(texts: Iterable[str]) -> frozenset[str]:
    """The common nouns marked anywhere on a page (its sentences read one by one).

    A noun keeps its article in one sentence and drops it in another, mostly in
    headlines ("Feuer auf Fähre vor Kap Arkona" / "der Fähre, die von Kiel ..."):
    the page as a whole says what the word is.
    """
    nouns: set[str] = set()
    for text in texts:
        nouns |= common_nouns(text)
    return frozenset(nouns)


#: The shortest noun accepted as the last part of a closed compound ("Drohnen|fund").
COMPOUND_TAIL = 4


def is_noun(token: str, nouns: frozenset[str]) -> bool:
    """Whether ``token`` is one of ``nouns`` or a compound that ends in one of them.

    German joins nouns into one word ("Drohnenfund", "Ostsee-Fähre"); the last
    part decides what the compound is.  A hyphen compound led by an acronym
    ("OZ-Informationen", "dpa-Angaben") names its source and stays a candidate;
    a closed compound needs a tail of ``COMPOUND_TAIL`` letters or more after a
    head of three, so that a place like "Rostock" is not read as "Ros|tock".
    """
    if token in nouns:
        return True
    head, _, tail = token.rpartition("-")
    if head:
        first = head.split("-")[0]
        return not (len(first) > 1 and first.isupper()) and (tail in nouns or is_noun(tail, nouns))
    lowered = token.lower()
    for noun in nouns:
        if len(noun) >= COMPOUND_TAIL and len(lowered) - len(noun) >= 3:
            if lowered.endswith(noun.lower()) and "-" not in noun:
                return True
    return False


_RUN_WORD = re.compile(r"[^\W\d_][\w'’]*")


def spelled_acronyms(texts: Iterable[str], lang: str | None = None) -> frozenset[str]:
    """Every acronym the name-like word runs of ``texts`` spell ("Запорізька АЕС" -> "ЗАЕС").

    A copy that writes a name out and one that abbreviates it ("ЗАЕС", "IAEA" for
    "International Atomic Energy Agency") name the same thing.  A run starts at a
    capitalised word and takes up to six words; each word gives its initial, an
    acronym inside the run gives itself, and short lower-case words ("з", "of")
    may be left out, as acronyms do.  In German (``lang``) a compound may give a letter for
    each of its parts ("Technisches Hilfswerk" -> "THW": ``check_acronyms``, off by default).
    """
    found: set[str] = set()
    for text in texts:
        words = [m.group(0) for m in _RUN_WORD.finditer(text)]
        for start, word in enumerate(words):
            if word[0].isupper():
                found |= _spelled(words[start : start + 6], lang)
    return frozenset(found)


def _spelled(words: list[str], lang: str | None = None) -> set[str]:
    """The acronyms of ``words[:2]``, ``words[:3]`` ...: each prefix, short words kept or not."""
    out: set[str] = set()
    partial = {""}
    for k, word in enumerate(words):
        part = word if word.isupper() and len(word) > 1 else word[0].upper()
        grown = {p + part for p in partial}
        grown |= {p + letters for p in partial for letters in compound_initials(word, lang)}
        if not k:  # "BND" for "Bundesnachrichtendienst": one compound spells it alone
            out |= {p for p in grown if len(p) >= 2}
        if len(word) <= 2 and word.islower():
            grown |= partial  # "служба з надзвичайних": the "з" may be left out
        partial = grown
        if k:
            out |= {p for p in partial if len(p) >= 2}
    return out


#: Time-zone designators written after a clock time.
TIME_WORDS = frozenset(
    {"GMT", "UTC", "MEZ", "MESZ", "CET", "CEST", "EET", "EEST", "MSK", "Ortszeit", "Lokalzeit"}
)


#: Titles written before a name ("Mr Belyakov" in one house style, "Belyakov" in another).
HONORIFICS = frozenset(
    {"Mr", "Mrs", "Ms", "Dr", "Dre", "Prof", "Sir", "Herr", "Frau", "Mme", "Mlle", "Me", "Hr", "Fr",
     "Sig", "Sra", "Sr", "пан", "пані", "Пан", "Пані", "г-н", "г-жа"}
)


def name_candidates(text: str, lang: str | None = None) -> list[str]:
    """``anchors.names`` plus, in Cyrillic script, a capitalised word after a colon or dash.

    Ukrainian and Russian go on in lower case after a colon or a dash ("Збій на
    кордоні: у Дорогуську"), so a capital there marks a name ("Сили оборони
    уразили НПЗ у Сизрані: Генштаб підтвердив удар"); in English or German it
    may just start a clause. ``anchors.names`` also takes an opening bracket for a
    sentence start: a capital right after one is a name ("des Nationalen Instituts für
    Erdphysik (INFP)", blind batch 10), in every language. A company's legal form
    written before its quoted name ("КП «Теплокомуненерго»", "ТОВ „Агро“", "ПрАТ") is
    no name: the name is the quoted one (``_LEGAL_FORM``).
    """
    legal = {m.group(1) for m in _LEGAL_FORM.finditer(text) if _form_shaped(m.group(1))}
    found = [w for w in names(text) if w not in legal]
    soft = list(_IN_BRACKETS.findall(text))  # "(INFP)", "(CTS)": a bracket starts no sentence
    if script_of(lang) == "cyrillic":
        soft += _AFTER_COLON_WORD.findall(text)
    found += [w for w in dict.fromkeys(soft)
              if w[0].isupper() and len(w) > 1 and w not in found and w not in legal]  # fmt: skip
    return found


#: A short capitalised abbreviation right before an opening quote and a capital: a legal
#: form (ТОВ, ПАТ, ПрАТ, КП, ООО, АО, ДП) heading the company name the quotes hold
#: ("gegen die AfD“ und": a closing quote, the AfD stays a name).
_LEGAL_FORM = re.compile(
    r"(?<![\w'’-])([^\W\d_]{2,5})\s?(?=[«„“\"](?=[^\W\d_])[^\W\d_a-zß-ÿа-яёіїєґ])"
)


def _form_shaped(token: str) -> bool:
    return token[0].isupper() and sum(ch.isupper() for ch in token) >= 2


_AFTER_COLON_WORD = re.compile(r"\w[»\"”)]?\s?[:–—]\s+([^\W\d_][\w'’-]*)")
_IN_BRACKETS = re.compile(r"\(\s*([^\W\d_][\w'’-]*)")


# "Graz/Paris – ", "Bukarest (dpa) - ", "MOSCOW/ASTANA, Nov 29 (Reuters) - ",
# "KYIV, Ukraine (AP) — "
_DATELINE = re.compile(
    r"^\s*(?=[^–—-]{0,40}?(?:[/,(]|\b[A-ZА-Я]{3}))[^\W\d_][\w'’.]*(?:\s?[/,]?\s?[\w'’.]+){0,4}"
    r"(?:\s*\([^()]{1,30}\))?\s+[–—-]\s+"
)


def without_dateline(text: str) -> str:
    """``text`` without the dateline that opens it: where the outlet filed from is no
    name of the story ("Graz/Paris – Der Autohersteller …" against "Der Autohersteller …").

    A dateline has a slash, comma or bracket before its dash, or a capitalised
    place ("MOSCOW"), so "Zelensky – who …" keeps its name.
    """
    return _DATELINE.sub("", text, count=1)


def without_glued_dateline(text: str) -> str:
    """``text`` without a wire dateline a row carries after a headline glued into it (the
    checks' reading only: ``without_dateline`` also tells page roles where a story opens)."""
    return _GLUED_DATELINE.sub(" ", text) if GLUED_DATELINES else text


# A wire dateline a row carries after a headline glued into it: "… without electricity KYIV,
# Ukraine (AP) — Russia struck …": a place in capitals, at most three more words, the agency
# in brackets and a dash (mid-row the bracket is required: "NATO – which …" keeps its name).
_GLUED_DATELINE = re.compile(
    r"(?<=\s)[A-ZА-ЯІЇЄҐ]{3,}(?:[/,]?\s?[\w'’.]+){0,3}\s*\([^()]{1,30}\)\s+[–—-]\s+"
)
GLUED_DATELINES = True  # switch: ``benchmarks/flags_cv.py --switch glued_datelines`` (round 21)


#: Switch (round 32, flags32b): a word opening a row's segment or line, or following an
#: ellipsis or a sentence end inside a closing quote, is sentence-initial, not a name.
OPENERS = True
#: The separator ``services.compare_pairs`` joins a row's segments with for the checks.
SEGMENT_BREAK = "\u2029"
# a gap after which any word is capitalised: a line or segment break, "…" / "...",
# or a sentence end before a closing quote or bracket (".’", "?»")
_OPENING_GAP = re.compile(r"[\n\u2029]|(?:…|\.\.\.|[.!?][’'»\"”)]+)\s*$")


def sentence_openers(text: str) -> frozenset[str]:
    """Capitalised words ``anchors.names`` reads as names that ``text`` writes only where a
    sentence opens: after a segment or line break (a headline glued to a sentence without a
    full stop), after "…", or after a sentence end inside a closing quote.

    Why: any word is capitalised there ("Als Weiteres …" after a crosshead), so that capital
    is no evidence of a name; a word the text also writes capitalised mid-sentence stays.
    """
    if not OPENERS:
        return frozenset()
    opening: set[str] = set()
    inside: set[str] = set()
    previous_end = 0
    for match in WORD_RE.finditer(text):
        gap = text[previous_end : match.start()]
        previous_end = match.end()
        token = match.group(0)
        (opening if _OPENING_GAP.search(gap) else inside).add(token)
    return frozenset(opening - inside)


def page_capitals(texts: Iterable[str]) -> frozenset[str]:
    """The words a page writes capitalised mid-sentence (``anchors.names`` less openers)."""
    found: set[str] = set()
    for text in texts:
        found |= set(names(text)) - sentence_openers(text)
    return frozenset(found)


def without_openers(
    found: dict[str, list[str]], texts: tuple[str, str], capitals: frozenset[str] | None,
) -> dict[str, list[str]]:  # fmt: skip
    """``found`` less the names a side writes only as a sentence opener (``sentence_openers``)
    that neither page (``capitals``, ``PageTokens.capitals``) writes capitalised mid-sentence."""
    out: dict[str, list[str]] = {}
    for side, text in zip(("left_only", "right_only"), texts, strict=True):
        openers = sentence_openers(text) - (capitals or frozenset())
        kept = [n for n in found.get(side, []) if n not in openers]
        if kept:
            out[side] = kept
    return out
