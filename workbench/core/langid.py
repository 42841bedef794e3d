"""Per-segment language with context smoothing (pure; the detector is an adapter).

Why smoothing: statistical detectors are unreliable on a few words ("Continue"
scores French, "Source link" barely English).  A segment that is short or not
confident takes a vote from its nearest *reliable* neighbours before and after,
added to its own confidence values, so a button label inside an English block
stays English while a confident German line after it stays German.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench.core.languages import script_of, script_of_char

MIN_LETTERS = 10
MIN_CONFIDENCE = 0.9
NEIGHBOUR_WEIGHT = 0.5
PRIOR_WEIGHT = 0.1
WRITTEN_CONFIDENCE = 0.5  # a majority of the detector's score


@dataclass(frozen=True)
class LangScore:
    """The chosen language (``None`` = unknown) and a 0..1 confidence."""

    lang: str | None
    confidence: float
    smoothed: bool = False


def letters(text: str) -> int:
    """Number of alphabetic characters (digits and punctuation carry no language)."""
    return sum(map(str.isalpha, text))  # (a generator costs twice as much per character)


def is_reliable(text: str, scores: Mapping[str, float]) -> bool:
    """Long enough and confident enough to be trusted on its own."""
    if not scores:
        return False
    return letters(text) >= MIN_LETTERS and max(scores.values()) >= MIN_CONFIDENCE


def _top(scores: Mapping[str, float], prefer: str | None = None) -> tuple[str | None, float]:
    """The best language; a tie goes to ``prefer`` (the page's main language), then by code.

    Why a fixed tie-break: a date line between a Ukrainian label and an English
    paragraph gets 0.5 from each side, and the winner used to follow the order in
    which the detector listed its zero scores, which changes from run to run.
    """
    if not scores or max(scores.values()) <= 0:
        return None, 0.0
    lang = max(sorted(scores), key=lambda k: (round(scores[k], 9), k == prefer))
    return lang, scores[lang]


def _nearest_each(reliable: list[str | None], step: int) -> list[str | None]:
    """For every index, the nearest reliable language before (``step=-1``) or after it.

    One pass each way, so a page of thousands of unreliable one-word segments
    costs linear time (a scan per segment was quadratic).
    """
    out: list[str | None] = [None] * len(reliable)
    last: str | None = None
    order = range(len(reliable)) if step < 0 else range(len(reliable) - 1, -1, -1)
    for i in order:
        out[i] = last
        if reliable[i] is not None:
            last = reliable[i]
    return out


def scripts(text: str) -> set[str]:
    """The alphabets (``latin``, ``cyrillic``, ``greek``, ``other``) the letters come from."""
    found: set[str] = set()
    for ch in text:
        script = script_of_char(ch)
        if script is not None:
            found.add(script)
    return found


#: A lower-case word of two or more letters standing free (not inside a web address,
#: handle or path): brand names and credits ("LIGA.net", "EUROKINISSI", "Getty Images")
#: have none, a line of interface text ("View in Telegram", "edited") does.
_FREE_LOWER = re.compile(r"(?<![\w.@/#-])[^\W\d_]{2,}(?![\w.@/:-])")


def spelled_out(text: str) -> bool:
    """Whether the text holds a free lower-case word (it is written in a language)."""
    return any(w.islower() for w in _FREE_LOWER.findall(text))


def _written(text: str, own: Mapping[str, float]) -> bool:
    """Interface text, not a name: a free lower-case word, and the detector has a majority.

    Such a Latin-only line keeps to Latin-script languages even between Cyrillic or
    Greek neighbours ("View in Telegram" on a Ukrainian channel page); a capture stamp
    "date 2025-07-22" (no language wins half the score) still follows its page.
    """
    return spelled_out(text) and max(own.values(), default=0.0) >= WRITTEN_CONFIDENCE


def _possible(text: str, langs: set[str], one_way: bool = True) -> set[str]:
    """Languages the text's alphabet allows (all of them for digits or mixed scripts).

    The alphabet of each language comes from the content-language registry, so a
    Greek-only line can only be Greek and a Cyrillic-only one only ru/uk/...  The
    rule is one-way: Greek and Cyrillic pages print Latin brand names and credits
    ("in.gr", "EUROKINISSI", "LIGA.net") that belong to the page's language, so a
    Latin-only line may take any language (benchmarks/langid_dev.py: Greek 0.986 ->
    1.000 by characters, no set worse).  ``_vote`` turns it off for written lines
    (``_written``).
    """
    found = scripts(text)
    if len(found) != 1 or found == {"other"}:
        return langs
    (script,) = found
    if script == "latin" and one_way:
        return langs  # brand names and credits in Latin letters sit on every page
    return {lang for lang in langs if script_of(lang) == script}


def _vote(
    text: str,
    own: Mapping[str, float],
    before: str | None,
    after: str | None,
    prior: str | None,
    main: str | None = None,
    one_way: bool = True,
) -> LangScore:
    """Combine a segment's own scores with its neighbours' languages."""
    candidates = set(own) | {x for x in (before, after, prior) if x is not None}
    possible = _possible(text, candidates, one_way and not _written(text, own))
    votes: dict[str, float] = {}
    for lang, weight in ((before, NEIGHBOUR_WEIGHT), (after, NEIGHBOUR_WEIGHT)):
        if lang is not None and lang in possible:
            votes[lang] = votes.get(lang, 0.0) + weight
    if prior is not None and prior in possible:
        votes[prior] = votes.get(prior, 0.0) + PRIOR_WEIGHT
    total = {k: v for k, v in own.items() if k in possible}
    for lang, weight in votes.items():
        total[lang] = total.get(lang, 0.0) + weight
    lang, score = _top(total, prior or main)
    if lang is None:
        return LangScore(None, 0.0, True)
    return LangScore(lang, round(score / (1.0 + sum(votes.values())), 4), True)


def smooth_languages(
    texts: Sequence[str],
    scores: Sequence[Mapping[str, float]],
    *,
    prior: str | None = None,
    one_way: bool = True,
) -> list[LangScore]:
    """Choose a language per segment from detector ``scores`` and context.

    ``scores[i]`` maps language codes to the detector's confidence for
    ``texts[i]``.  ``prior`` (e.g. a declared document language) is a weak tie
    breaker.  Reliable segments keep their own top language.  ``one_way=False``
    restricts Latin-only lines to Latin-script languages too (the benchmark's
    alternative; ``benchmarks/langid_dev.py`` chooses between them leave-one-set-out).
    """
    reliable = [
        _top(s)[0] if is_reliable(t, s) else None for t, s in zip(texts, scores, strict=True)
    ]
    before, after = _nearest_each(reliable, -1), _nearest_each(reliable, 1)
    main = dominant_language(texts, reliable)
    out: list[LangScore] = []
    for i, own in enumerate(scores):
        if reliable[i] is not None:
            lang, conf = _top(own)
            out.append(LangScore(lang, round(conf, 4)))
            continue
        out.append(_vote(texts[i], own, before[i], after[i], prior, main, one_way))
    return out


def dominant_language(texts: Sequence[str], langs: Sequence[str | None]) -> str | None:
    """The language carrying the most letters (``None`` when nothing is known)."""
    weight: dict[str, int] = {}
    for text, lang in zip(texts, langs, strict=True):
        if lang:
            weight[lang] = weight.get(lang, 0) + letters(text)
    return max(sorted(weight), key=lambda k: weight[k]) if weight else None
