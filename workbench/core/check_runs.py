"""A name as the reader meets it: whole across its words, without its possessive ending.

Why (round 19's unseen batch 65, now dev): names are matched on spelling skeletons over
every word of the other side, lower case too, so a word of a multi-word name that is also a
common word ("told OC Media" against a neighbouring "independent media") was taken for told
while its first word ("OC") was flagged: the reader was shown half a name.  A capitalised
name word standing in one run of capitalised words with a flagged name word is part of that
name, unless the other side's row itself tells the word (in any case: the row, not its
neighbours or page, is where the name would be told).  Not in languages that capitalise
every noun (a German run "CDU Politiker" holds nouns).  And a name is flagged without its
possessive ending: "Kutaisi's" is the name Kutaisi, which the other copy's page names and
the gold accepts either way; the reader and the gold judge the name, not its case.
"""

from __future__ import annotations

import re

from workbench.core.calendar_words import is_calendar_word
from workbench.core.check_name_keys import _keys, _matches, _name_key
from workbench.core.check_nouns import HONORIFICS, TIME_WORDS, name_candidates
from workbench.core.check_place_prefixes import with_place_names

#: Switches (``benchmarks/flags_cv.py --switch name_runs`` / ``possessives``, round 20).
NAME_RUNS = True
POSSESSIVES = True

_POSSESSIVE = re.compile(r"(?<=\w)['’](?:s)?$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def bare_name(token: str) -> str:
    """``token`` without an English possessive ending ("Kutaisi's", "Reuters'")."""
    return _POSSESSIVE.sub("", token) if POSSESSIVES else token


def with_name_runs(flags: dict, left: str, right: str, lang: tuple[str | None, str | None],
                   capitalising: frozenset[str]) -> dict:  # fmt: skip
    """``flags`` with the run-mates of each flagged name (``NAME_RUNS``): the capitalised
    name candidates of ``left`` / ``right`` joined to a flagged one by single spaces, which
    the other row does not tell; ``capitalising`` are the languages left alone."""
    names = flags.get("names", {})
    if not NAME_RUNS or not names:
        return flags
    out = {side: list(tokens) for side, tokens in names.items()}
    for side, text, other, code in (("left_only", left, right, lang[0]),
                                    ("right_only", right, left, lang[1])):  # fmt: skip
        tokens = out.get(side, [])
        if not tokens or (code or "").split("-")[0] in capitalising:
            continue
        candidates = {bare_name(w) for w in with_place_names(name_candidates(text, code), text)}
        told = _keys(other)
        for run in _runs(text):
            words = [bare_name(w) for w in run]
            if len(words) < 2 or not any(w in tokens for w in words):
                continue
            for word in words:
                if word in candidates and word not in tokens and _untold(word, told):
                    tokens.append(word)
    return {**flags, "names": {side: t for side, t in out.items() if t}}


def _runs(text: str) -> list[list[str]]:
    """Runs of two or more capitalised words with a single space and nothing else between."""
    out: list[list[str]] = []
    end: int | None = None  # where the last capitalised word ended (None: a lower-case one)
    for m in _WORD.finditer(text):
        word = m.group(0)
        if not word[0].isupper():
            end = None
            continue
        if end is not None and text[end : m.start()] == " ":
            out[-1].append(word)
        else:
            out.append([word])
        end = m.end()
    return [run for run in out if len(run) > 1]


def _untold(word: str, told: set[str]) -> bool:
    """A name word the other row does not tell, and no time zone, title or calendar word."""
    if word in TIME_WORDS or word.rstrip(".") in HONORIFICS or is_calendar_word(word):
        return False
    return not _matches(_name_key(word), told)
