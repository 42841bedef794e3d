"""Names compared across languages with no MT, when transliteration can meet them.

Why a module of its own: ``core.checks`` reads names in one language, or across
languages only through an MT of each side (a name's spelling changes with the
language).  Two languages written in one script (Ukrainian and Russian: "Оксана
Лук'янчук" / "Оксана Лукьянчук") spell a person's or a place's name close enough
for the name key (``anchors.name_key`` over ``core.translit``, vowels and h ~ g
folded) and the Slavic stem test to meet its case forms and spelling variants, so a
name one copy drops can be flagged without an MT.  Latin against Cyrillic is the
same test through transliteration, a noisier one; each is its own switch, measured
by ``benchmarks/flags_cv.py --switch script_names`` / ``latin_cyrillic_names``.
"""

from __future__ import annotations

from workbench.core.languages import script_of

#: Compare names of two languages written in Cyrillic (uk / ru) with no MT.
CYRILLIC_NAMES = False
#: Compare names of a Cyrillic-script language and a Latin-script one with no MT.
LATIN_CYRILLIC_NAMES = False


def names_by_script(left_lang: str | None, right_lang: str | None) -> bool:
    """Whether a cross-language pair's names are compared without an MT: both
    languages known and written in Cyrillic (``CYRILLIC_NAMES``), or one Cyrillic
    and one Latin (``LATIN_CYRILLIC_NAMES``).  An unknown language says nothing."""
    if not left_lang or not right_lang:
        return False
    scripts = {script_of(left_lang), script_of(right_lang)}
    if scripts == {"cyrillic"}:
        return CYRILLIC_NAMES
    return scripts == {"cyrillic", "latin"} and LATIN_CYRILLIC_NAMES
