"""What ``check_pair`` reads off a whole page once: the ``PageTokens`` record.

Why a module of its own: ``checks`` builds it (``page_tokens``) and ``check_told`` reads
it (what the other copy tells elsewhere); ``checks`` imports ``check_told``, so the record
lives below both and neither imports the other back (round 40, layers40).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageTokens:
    """Every quantity value and name key of one page's story text (computed once per page)."""

    values: frozenset[str]
    keys: frozenset[str]
    nouns: frozenset[str] = frozenset()  # German: words the page marks as common nouns
    acronyms: frozenset[str] = frozenset()  # acronyms its names spell ("Запорізька АЕС")
    named: frozenset[str] = frozenset()  # German: noun-or-name words it writes as names
    pairs: frozenset[tuple[str, str]] = frozenset()  # two-word names a short form may clip
    measures: frozenset[tuple[str, str]] = frozenset()  # (value, unit): "80 mph" told converted
    capitals: frozenset[str] = frozenset()  # words written capitalised mid-sentence
    senses: frozenset[tuple[str, str]] = frozenset()  # (value, unit's dimension or ""): flags39
