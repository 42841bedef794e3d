"""Per-segment language with context smoothing (pure; the detector is an adapter).

Why smoothing: statistical detectors are unreliable on a few words ("Continue"
scores French, "Source link" barely English).  A segment that is short or not
confident takes a vote from its nearest *reliable* neighbours before and after,
added to its own confidence values, so a button label inside an English block
stays English while a confident German line after it stays German.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MIN_LETTERS = 10
MIN_CONFIDENCE = 0.9
NEIGHBOUR_WEIGHT = 0.5
PRIOR_WEIGHT = 0.1


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


def _top(scores: Mapping[str, float]) -> tuple[str | None, float]:
    if not scores or max(scores.values()) <= 0:
        return None, 0.0
    lang = max(scores, key=lambda k: scores[k])
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


#: Languages written in Cyrillic among those lingua knows; the rest here use Latin.
CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "mn"})


def scripts(text: str) -> set[str]:
    """``{"cyrillic", "latin"}`` subsets: which alphabets the letters come from."""
    found: set[str] = set()
    for ch in text:
        if ch.isalpha():
            found.add("cyrillic" if "\u0400" <= ch <= "\u052f" else "latin")
    return found


def _possible(text: str, langs: set[str]) -> set[str]:
    """Languages the text's alphabet allows (all of them for digits or mixed scripts)."""
    found = scripts(text)
    if len(found) != 1:
        return langs
    cyrillic = found == {"cyrillic"}
    return {lang for lang in langs if (lang in CYRILLIC_LANGUAGES) == cyrillic}


def _vote(
    text: str,
    own: Mapping[str, float],
    before: str | None,
    after: str | None,
    prior: str | None,
) -> LangScore:
    """Combine a segment's own scores with its neighbours' languages."""
    candidates = set(own) | {x for x in (before, after, prior) if x is not None}
    possible = _possible(text, candidates)
    votes: dict[str, float] = {}
    for lang, weight in ((before, NEIGHBOUR_WEIGHT), (after, NEIGHBOUR_WEIGHT)):
        if lang is not None and lang in possible:
            votes[lang] = votes.get(lang, 0.0) + weight
    if prior is not None and prior in possible:
        votes[prior] = votes.get(prior, 0.0) + PRIOR_WEIGHT
    total = {k: v for k, v in own.items() if k in possible}
    for lang, weight in votes.items():
        total[lang] = total.get(lang, 0.0) + weight
    lang, score = _top(total)
    if lang is None:
        return LangScore(None, 0.0, True)
    return LangScore(lang, round(score / (1.0 + sum(votes.values())), 4), True)


def smooth_languages(
    texts: Sequence[str],
    scores: Sequence[Mapping[str, float]],
    *,
    prior: str | None = None,
) -> list[LangScore]:
    """Choose a language per segment from detector ``scores`` and context.

    ``scores[i]`` maps language codes to the detector's confidence for
    ``texts[i]``.  ``prior`` (e.g. a declared document language) is a weak tie
    breaker.  Reliable segments keep their own top language.
    """
    reliable = [
        _top(s)[0] if is_reliable(t, s) else None for t, s in zip(texts, scores, strict=True)
    ]
    before, after = _nearest_each(reliable, -1), _nearest_each(reliable, 1)
    out: list[LangScore] = []
    for i, own in enumerate(scores):
        if reliable[i] is not None:
            lang, conf = _top(own)
            out.append(LangScore(lang, round(conf, 4)))
            continue
        out.append(_vote(texts[i], own, before[i], after[i], prior))
    return out


def dominant_language(texts: Sequence[str], langs: Sequence[str | None]) -> str | None:
    """The language carrying the most letters (``None`` when nothing is known)."""
    weight: dict[str, int] = {}
    for text, lang in zip(texts, langs, strict=True):
        if lang:
            weight[lang] = weight.get(lang, 0) + letters(text)
    return max(weight, key=lambda k: weight[k]) if weight else None
