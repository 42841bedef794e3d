"""Names on one side of a row: which capitalised words are names, and which the other side lacks.

Why a module of its own: ``core.checks`` grew past the size the code rules allow (406
lines, round 33), and the name reading is one piece of it that the number checks never
touch.  Moved here unchanged from ``core.checks``, which re-exports ``name_differences`` and
``NOUN_CAPITALISING`` for its callers (``core.qa``, services, tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workbench.core.anchors import WORD_RE, fold
from workbench.core.calendar_words import is_calendar_word
from workbench.core.check_double_names import barrel_keys
from workbench.core.check_first_names import BEYOND, similar_beyond, swapped_first_names
from workbench.core.check_name_keys import (
    _cyrillic,
    _keys,
    _matches,
    _name_key,
    _script,
    surname_keys,
)
from workbench.core.check_near_names import near_change
from workbench.core.check_nouns import (
    HONORIFICS,
    TIME_WORDS,
    common_nouns,
    is_noun,
    name_candidates,
    spelled_acronyms,
)
from workbench.core.check_place_prefixes import with_place_names
from workbench.core.check_runs import bare_name
from workbench.core.german_ambiguous import named, noun_unless_named
from workbench.core.german_lexicon import is_common_noun, nominalised
from workbench.core.languages import LANGUAGES

# Languages that capitalise every noun: across languages their capitalised words
# are only name candidates when an MT of that side shows which survive translation.
NOUN_CAPITALISING = frozenset(
    {"lb"} | {code for code, lang in LANGUAGES.items() if lang.capitalises_nouns}
)


_DEMONYM = re.compile(r"(ian|ean|ese|ish|ic)$")

#: Round 34 (flags34): a common noun before a name ("der Vorsitzende Tobias Rennert") is a
#: title, not the head of a longer name, so the other side's "Der Vorsitzende des
#: Kreiselternrats, Thomas Rennert" does not tell "Tobias" (``_tail_of_shared_name``).
NOUN_HEADS = True


def _followed_by_lower(text: str, token: str) -> bool:
    """Whether ``token`` is directly followed by a lower-case word (an adjective's noun)."""
    m = re.search(re.escape(token) + r"\s+(\w)", text)
    return bool(m and m.group(1).islower())


def _one_sided(
    text: str, other_keys: set[str], kept_keys: set[str] | None, other: str = "",
    nouns: frozenset[str] = frozenset(), spelled: frozenset[str] = frozenset(),
    lang: str | None = None, shown: frozenset[str] = frozenset(), same: bool = False,
) -> list[str]:  # fmt: skip
    german = _base(lang) in NOUN_CAPITALISING
    found: list[str] = []
    for token in with_place_names(name_candidates(text, lang), text):  # "St. Alban": "Alban"
        if token.isupper() and token in spelled:
            continue  # "ЗАЕС" where the other copy writes "Запорізька АЕС"
        if token in TIME_WORDS or token.rstrip(".") in HONORIFICS:
            continue  # "(2.14 Uhr MEZ)": a time zone; "Mr Belyakov": house style, not a name
        if is_calendar_word(token) or (_DEMONYM.search(token) and _followed_by_lower(text, token)):
            continue  # "Saturday", "Februar"; "Ukrainian leader" (an adjective, not a name)
        if is_noun(token, nouns) or (german and (is_common_noun(token) or nominalised(token))):
            continue  # German "das Werk", "3.40 Uhr", "an Land", "seit Längerem": no name
        if german and noun_unless_named(token, shown):
            continue  # "Geduld", "Knapper Sieg": also a name, but no page names it so
        key = _name_key(token)
        if kept_keys is not None and not _matches(key, kept_keys):
            continue  # translated away by MT: a common noun, not a name
        if _tail_of_shared_name(text, token, other, _noun_head(nouns, german)):
            continue  # "Baltic Sea" for "Baltic", "Kharkiv Oblast" for "Kharkiv region"
        across = _script(token) != _script(other)
        slavic = not across and _cyrillic(token)
        keys = other_keys - surname_keys(token, other)  # "Рибак" / "Рибачук": two names
        if same:  # "Pühringer-Lasser" / "Pühringer-Lassnig": two names (check_double_names)
            keys -= barrel_keys(token, keys)
        if _adjective_of(token, other) or (_matches(key, keys, across, slavic) and not (
                same and near_change(token, keys, other, text))):  # "Wendelin" / "Wendling"
            continue
        if token not in found:
            found.append(bare_name(token))  # "Kutaisi's": the name is Kutaisi
    return found


def _adjective_of(token: str, other: str) -> bool:
    """Whether the other side says it with an adjective of the name ("з України" /
    "на українському боці", "Rumänien" / "rumänische"): a lower-case word that starts
    with all of the name's letters but its last two (four at least), transliterated
    (a coarser skeleton made "казахстанское" an adjective of "Кашаган")."""
    name = fold(token)
    stem = max(4, len(name) - 2)
    if len(name) < stem:
        return False
    return any(fold(word).startswith(name[:stem]) for word in WORD_RE.findall(other)
               if word[0].islower())  # fmt: skip


def _before_shared(rest: str, other: str) -> bool:
    """Whether ``rest`` opens with a capitalised word whose name key ``other`` holds too."""
    m = re.match(r"\s+([^\W\d_][\w'’-]*)", rest)
    return bool(m and m.group(1)[0].isupper() and _name_key(m.group(1)) in _keys(other))


def _noun_head(nouns: frozenset[str], german: bool) -> Callable[[str], bool]:
    """Which capitalised words before a name are common nouns (``NOUN_HEADS``; none when off)."""
    if not NOUN_HEADS:
        return lambda _word: False
    return lambda word: is_noun(word, nouns) or (
        german and (is_common_noun(word) or nominalised(word)))  # fmt: skip


def _tail_of_shared_name(text: str, token: str, other: str,
                         noun: Callable[[str], bool] = lambda _word: False) -> bool:  # fmt: skip
    """Whether ``token`` only lengthens a name the other side ends there ("Baltic Sea" / "Baltic").

    The other side must name the head and end the name with it ("the northern
    Baltic.", "Kharkiv region"): "Mayor Petra Vogt" against "Mayor Jonas Feld" or
    "North Korea" against "South Korea" are different names.  A head that is a common
    ``noun`` is a title before the name when a name both sides tell follows the token
    ("Vorsitzende Tobias Rennert" / "Der Vorsitzende des Kreiselternrats, Thomas Rennert":
    a first name changed under one surname), not the start of it; before anything else it
    still ends a shared name ("im Westen Berlins" / "im Berliner Norden und Westen",
    "Talsperre Kessbach so leer" / "Talsperre in Nordhessen").
    """
    for m in re.finditer(r"([^\W\d_]{4,})\s+" + re.escape(token) + r"(?!\w)", text):
        head = m.group(1)
        if not head[0].isupper() or (noun(head) and _before_shared(text[m.end():], other)):
            continue
        for o in re.finditer(r"(?<!\w)" + re.escape(head) + r"(?!\w)(\s+[^\W\d_])?", other):
            if o.group(1) is None or not o.group(1).strip()[0].isupper():
                return True
    return False


def name_differences(
    left: str,
    right: str,
    *,
    left_mt: str | None = None,
    right_mt: str | None = None,
    left_lang: str | None = None,
    right_lang: str | None = None,
    page_nouns: frozenset[str] = frozenset(),
    spelled: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    page_named: frozenset[str] = frozenset(),
) -> dict[str, list[str]]:
    """Names present on one side only.

    ``left_mt`` is the left text machine-translated into the right's language
    (and ``right_mt`` the reverse); pass them for cross-language pairs.  In a
    language that capitalises nouns, words a determiner, adjective or number
    shows to be nouns are no names (``common_nouns``), nor the ``page_nouns``
    (the nouns the pages mark elsewhere, ``PageTokens.nouns``) and compounds of them;
    nor an acronym the other side (or its page: ``spelled``, left and right) spells out,
    nor a German word that is both a noun and a name unless the pair or ``page_named``
    (``german_ambiguous.named``) writes it as a name.
    """
    left_kept = _keys(left_mt) if left_mt is not None else None
    right_kept = _keys(right_mt) if right_mt is not None else None
    right_keys = _keys(right) | (_keys(right_mt) if right_mt else set())
    left_keys = _keys(left) | (_keys(left_mt) if left_mt else set())
    result: dict[str, list[str]] = {}
    left_nouns = _nouns(left, left_lang, page_nouns)
    right_nouns = _nouns(right, right_lang, page_nouns)
    shown = page_named | named([left, right])
    left_args = (left_kept, right, left_nouns, spelled[1] | spelled_acronyms([right], right_lang),
                 left_lang, shown)  # fmt: skip
    right_args = (right_kept, left, right_nouns, spelled[0] | spelled_acronyms([left], left_lang),
                  right_lang, shown)  # fmt: skip
    same = left_lang is not None and _base(left_lang) == _base(right_lang)
    only_left = _one_sided(left, right_keys, *left_args, same=same)
    only_right = _one_sided(right, left_keys, *right_args, same=same)
    if _base(left_lang) == _base(right_lang) and _base(left_lang) in NOUN_CAPITALISING:
        # "Das sagte Matthias Tremmel" / "Markus Tremmel warnt": a first name the noun and
        # opener readings drop (``check_first_names.FIRST_NAMES``, round 35)
        swapped = swapped_first_names(left, right)
        only_left += [name for name in swapped[0] if name not in only_left]
        only_right += [name for name in swapped[1] if name not in only_right]
    elif _base(left_lang) == _base(right_lang) and _base(left_lang) in BEYOND:
        # "Katrin" / "Karin Sommerfeld" in English (``SIMILAR_FIRST_NAMES_BEYOND``, flagsc36)
        swapped = similar_beyond(left, right)
        only_left += [name for name in swapped[0] if name not in only_left]
        only_right += [name for name in swapped[1] if name not in only_right]
    if only_left:
        result["left_only"] = only_left
    if only_right:
        result["right_only"] = only_right
    return result


def _nouns(text: str, lang: str | None, page: frozenset[str] = frozenset()) -> frozenset[str]:
    return common_nouns(text) | page if _base(lang) in NOUN_CAPITALISING else frozenset()


def _base(lang: str | None) -> str | None:
    return lang.split("-")[0].lower() if lang else None
