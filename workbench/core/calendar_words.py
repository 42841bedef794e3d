"""Month and weekday names in the languages a news page is likely to use.

Why from CLDR (through Babel, already installed with Flask-Babel) and not a
hand-made list: the names must cover every inflected and abbreviated form
("грудня", "déc.", "Σάββατο", "Φεβρουαρίου") in every language we read, and CLDR is the
maintained source of exactly that.  Two uses: a line made of a date and little
else is capture metadata or a dateline (page roles), and "Saturday"/"Samstag"
capitalised mid-sentence is not a proper name (flags).
"""

from __future__ import annotations

from functools import lru_cache

from workbench.core.cldr_names import calendar_names, content_names
from workbench.core.languages import fold_word


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Case-folded month and weekday names, wide and abbreviated, every context."""
    found: set[str] = set()
    for locale_names in content_names():  # core.cldr_names (a trimmed Babel: fewer words)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                names = list(calendar_names(locale_names, "months", width, context).values())
                names += list(calendar_names(locale_names, "days", width, context).values())
                for name in names:
                    found.add(fold_word(name).rstrip("."))
    return frozenset(w for w in found if len(w) >= 3)


@lru_cache(maxsize=1 << 16)
def is_calendar_word(word: str) -> bool:
    """Whether ``word`` (any case, accents optional, trailing dot allowed) names a month
    or weekday: Greek capitals drop their accents ("ΙΟΥΛΙΟΥ" = "Ιουλίου")."""
    return fold_word(word).rstrip(".") in calendar_words()
