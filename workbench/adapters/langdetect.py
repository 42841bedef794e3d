"""Lingua language detection restricted to the configured languages.

Why cached: building a detector and loading its n-gram models takes a large
part of a second, so one detector per language set lives for the process.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from workbench.core.langid import LangScore, smooth_languages
from workbench.errors import N_, LanguageCodeError, LanguagePairError


def to_language(code: str) -> Language:
    """Lingua ``Language`` for an ISO 639-1 code, or ``LanguageCodeError``."""
    iso = getattr(IsoCode639_1, code.strip().upper(), None)
    if iso is None or len(code.strip()) != 2:
        raise LanguageCodeError(
            N_("unknown language code %(code)r (use ISO 639-1, e.g. en, de)"), code=code
        )
    return Language.from_iso_code_639_1(iso)


@lru_cache(maxsize=8)
def detector(languages: tuple[str, ...]) -> LanguageDetector:
    """One detector per language set (needs at least two languages)."""
    langs = sorted({to_language(c) for c in languages}, key=lambda lang: lang.name)
    if len(langs) < 2:
        raise LanguagePairError(N_("language detection needs at least two configured languages"))
    return LanguageDetectorBuilder.from_languages(*langs).build()


#: Segments longer than this are judged on their head and tail: Lingua's cost grows
#: faster than linearly with one long text (a 240,000-character "word" took minutes),
#: and 2,000 characters of a sentence settle its language.
MAX_DETECT_CHARS = 2000


def _sample(text: str) -> str:
    if len(text) <= MAX_DETECT_CHARS:
        return text
    half = MAX_DETECT_CHARS // 2
    return f"{text[:half]} {text[-half:]}"


def confidences(texts: Sequence[str], languages: tuple[str, ...]) -> list[dict[str, float]]:
    """Confidence per configured language for each text (batched in parallel)."""
    if not texts:
        return []
    # each distinct text once: markup-heavy pages repeat the same few words thousands of times
    unique = list(dict.fromkeys(_sample(t) for t in texts))
    values = detector(tuple(languages)).compute_language_confidence_values_in_parallel(unique)
    found = {
        sample: {cv.language.iso_code_639_1.name.lower(): float(cv.value) for cv in row}
        for sample, row in zip(unique, values, strict=True)
    }
    return [dict(found[_sample(t)]) for t in texts]


def detect_segments(
    texts: Sequence[str], languages: tuple[str, ...], prior: str | None = None
) -> list[LangScore]:
    """Detect then smooth: the language and confidence of every segment."""
    return smooth_languages(texts, confidences(texts, languages), prior=prior)


def detect_text(text: str, languages: tuple[str, ...]) -> str | None:
    """The most likely language of a whole text (used as a segmentation hint)."""
    sample = text[:5000]
    if not sample.strip():
        return None
    found = detector(tuple(languages)).detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found else None
