"""The content-language registry: every language a page may be read in, in one place.

Why one registry: the language list used to live in five places (the default
settings, the detector's script table, the decimal-comma set, the calendar's
language list, the demo's names), so Greek pages silently became English.  A
content language is what a *page* is written in; the UI's own languages are a
separate list (``workbench.web.i18n.UI_LANGUAGES``: en, de, ru, uk).  Adding a
content language means adding one ``ContentLanguage`` entry here; the detector,
the segmenter's abbreviation joins, the number reader, the calendar words, the
name transliteration and the settings check all read it.

What an entry carries, and why:

* ``script``: which alphabet its letters come from; a segment written only in
  Greek letters can only be Greek, whatever a neighbour says (``core.langid``).
* ``decimal_comma``: "2,5" is two and a half, "10.000" ten thousand.
* ``capitalises_nouns``: German capitalises every noun, so its capitalised words
  are not name candidates across languages unless MT keeps them.
* ``abbreviations``: folded forms (``fold_word``) of words ending in "." that do not end a sentence
  when lower-case text follows ("2,5 εκατ. ευρώ"), beyond what sentencex knows.
* ``number_words``: spelled-out numbers (case- and accent-insensitive) for
  languages without a compound parser in ``core.number_words``.
* ``default``: among the languages the detector chooses from unless
  ``WORKBENCH_LANGUAGES`` says otherwise.  Each default candidate costs accuracy on
  short Latin lines; ``benchmarks/langid_dev.py`` measures what one adds.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from babel import Locale, UnknownLocaleError


@dataclass(frozen=True)
class ContentLanguage:
    """One language a page can be written in (see the module docstring)."""

    code: str
    name: str
    native: str
    script: str = "latin"
    decimal_comma: bool = True
    capitalises_nouns: bool = False
    abbreviations: frozenset[str] = frozenset()
    number_words: Mapping[str, int] = field(default_factory=dict)
    default: bool = False


def _words(**groups: tuple[str, ...]) -> dict[str, int]:
    """``{"n2": ("δύο", "δυο")}`` -> each spelling mapped to 2 (keys are ``n<value>``)."""
    return {fold_word(w): int(k[1:]) for k, spellings in groups.items() for w in spellings}


def fold_word(word: str) -> str:
    """Case- and accent-free form ("ΔΎΟ", "δύο" -> "δυο"): pages drop accents in capitals.

    Apostrophes are unified (п’ять, пʼять, п'ять); "й" and "ё" keep their identity
    through NFC (only combining accents of other letters are dropped)."""
    word = word.casefold().replace("’", "'").replace("ʼ", "'")
    decomposed = unicodedata.normalize("NFD", word)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch == "\u0306")
    return unicodedata.normalize("NFC", kept)


# Greek cardinals, with their gender/case forms (τρεις/τρία, τέσσερις/τέσσερα) and
# popular spellings (εφτά, οχτώ, εννιά).  "ένα/μία" is also the indefinite article: left out.
_EL_NUMBERS = _words(
    n2=("δύο", "δυο"), n3=("τρία", "τρεις", "τριών"), n4=("τέσσερα", "τέσσερις", "τεσσάρων"),
    n5=("πέντε",), n6=("έξι",), n7=("επτά", "εφτά"), n8=("οκτώ", "οχτώ"), n9=("εννέα", "εννιά"),
    n10=("δέκα",), n11=("έντεκα",), n12=("δώδεκα",), n13=("δεκατρία", "δεκατρείς"),
    n14=("δεκατέσσερα", "δεκατέσσερις"), n15=("δεκαπέντε",), n16=("δεκαέξι", "δεκάξι"),
    n17=("δεκαεπτά", "δεκαεφτά"), n18=("δεκαοκτώ", "δεκαοχτώ"), n19=("δεκαεννέα", "δεκαεννιά"),
    n20=("είκοσι",), n30=("τριάντα",), n40=("σαράντα",), n50=("πενήντα",), n60=("εξήντα",),
    n70=("εβδομήντα",), n80=("ογδόντα",), n90=("ενενήντα",), n100=("εκατό", "εκατόν"),
    n200=("διακόσια", "διακόσιοι", "διακόσιες"), n300=("τριακόσια", "τριακόσιοι", "τριακόσιες"),
    n400=("τετρακόσια", "τετρακόσιοι", "τετρακόσιες"),
    n500=("πεντακόσια", "πεντακόσιοι", "πεντακόσιες"), n600=("εξακόσια", "εξακόσιοι", "εξακόσιες"),
    n700=("επτακόσια", "εφτακόσια", "επτακόσιοι", "επτακόσιες"),
    n800=("οκτακόσια", "οχτακόσια", "οκτακόσιοι", "οκτακόσιες"),
    n900=("εννιακόσια", "εννεακόσια", "εννιακόσιοι", "εννιακόσιες"),
    n1000=("χίλια", "χίλιοι", "χίλιες"),
)  # fmt: skip

# Russian cardinals in the cases news text uses ("двух", "тремя"); "семью" (also
# "family") and "одна/один" (also "one, alone") are left out.
_RU_NUMBERS = _words(
    n2=("два", "две", "двух", "двум", "двумя"), n3=("три", "трёх", "трех", "трём", "трем", "тремя"),
    n4=("четыре", "четырёх", "четырех", "четырём", "четырем", "четырьмя"),
    n5=("пять", "пяти", "пятью"), n6=("шесть", "шести", "шестью"), n7=("семь", "семи"),
    n8=("восемь", "восьми", "восемью"), n9=("девять", "девяти", "девятью"),
    n10=("десять", "десяти", "десятью"), n11=("одиннадцать", "одиннадцати"),
    n12=("двенадцать", "двенадцати"), n13=("тринадцать", "тринадцати"),
    n14=("четырнадцать", "четырнадцати"), n15=("пятнадцать", "пятнадцати"),
    n16=("шестнадцать", "шестнадцати"), n17=("семнадцать", "семнадцати"),
    n18=("восемнадцать", "восемнадцати"), n19=("девятнадцать", "девятнадцати"),
    n20=("двадцать", "двадцати"), n30=("тридцать", "тридцати"), n40=("сорок",),
    n50=("пятьдесят", "пятидесяти"), n60=("шестьдесят", "шестидесяти"),
    n70=("семьдесят", "семидесяти"), n80=("восемьдесят", "восьмидесяти"),
    n90=("девяносто", "девяноста"), n100=("сто",), n200=("двести", "двухсот"),
    n300=("триста", "трёхсот", "трехсот"), n400=("четыреста", "четырёхсот", "четырехсот"),
    n500=("пятьсот", "пятисот"), n600=("шестьсот", "шестисот"), n700=("семьсот", "семисот"),
    n800=("восемьсот", "восьмисот"), n900=("девятьсот", "девятисот"),
)  # fmt: skip

# Ukrainian cardinals (apostrophe spellings normalised by ``fold_word``); "сьома"
# (also "seventh") and "одна/один" are left out.
_UK_NUMBERS = _words(
    n2=("два", "дві", "двох", "двом", "двома"), n3=("три", "трьох", "трьом", "трьома"),
    n4=("чотири", "чотирьох", "чотирьом", "чотирма"), n5=("п'ять", "п'яти", "п'ятьох"),
    n6=("шість", "шести", "шістьох"), n7=("сім", "семи", "сімох"), n8=("вісім", "восьми"),
    n9=("дев'ять", "дев'яти"), n10=("десять", "десяти"), n11=("одинадцять", "одинадцяти"),
    n12=("дванадцять", "дванадцяти"), n13=("тринадцять", "тринадцяти"),
    n14=("чотирнадцять", "чотирнадцяти"), n15=("п'ятнадцять", "п'ятнадцяти"),
    n16=("шістнадцять", "шістнадцяти"), n17=("сімнадцять", "сімнадцяти"),
    n18=("вісімнадцять", "вісімнадцяти"), n19=("дев'ятнадцять", "дев'ятнадцяти"),
    n20=("двадцять", "двадцяти"), n30=("тридцять", "тридцяти"), n40=("сорок",),
    n50=("п'ятдесят", "п'ятдесяти"), n60=("шістдесят", "шістдесяти"),
    n70=("сімдесят", "сімдесяти"), n80=("вісімдесят", "вісімдесяти"), n90=("дев'яносто",),
    n100=("сто",), n200=("двісті", "двохсот"), n300=("триста", "трьохсот"),
    n400=("чотириста", "чотирьохсот"), n500=("п'ятсот",), n600=("шістсот",), n700=("сімсот",),
    n800=("вісімсот",), n900=("дев'ятсот",),
)  # fmt: skip

# French cardinals; "un/une" is also the article.  Hyphenated compounds are read
# part by part (vingt-deux, soixante-quinze, quatre-vingt-dix) in core.number_words.
_FR_NUMBERS = _words(
    n2=("deux",), n3=("trois",), n4=("quatre",), n5=("cinq",), n6=("six",), n7=("sept",),
    n8=("huit",), n9=("neuf",), n10=("dix",), n11=("onze",), n12=("douze",), n13=("treize",),
    n14=("quatorze",), n15=("quinze",), n16=("seize",), n20=("vingt",), n30=("trente",),
    n40=("quarante",), n50=("cinquante",), n60=("soixante",), n80=("quatre-vingts", "quatre-vingt"),
    n100=("cent", "cents"),
)  # fmt: skip

# Abbreviations a Greek news page writes before lower-case text: units and scales
# ("2,5 εκατ. ευρώ", "40 χλμ. νότια"), "κ." (Mr), "π.χ." (e.g.), "δηλ." (i.e.).
_EL_ABBREVIATIONS = frozenset(fold_word(a) for a in {
    "εκατ", "δισ", "τρισ", "χιλ", "χλμ", "στρ", "τμ", "κ", "κκ", "π.χ", "δηλ", "κ.λπ", "κ.ά",
    "αρ", "σελ", "βλ", "περ", "ηλ", "τηλ", "μ.μ", "π.μ", "ώρ", "λεπ", "δευτ", "εκ", "τ.μ",
})  # fmt: skip

_LANGUAGES: tuple[ContentLanguage, ...] = (
    ContentLanguage("en", "English", "English", decimal_comma=False, default=True),
    ContentLanguage("de", "German", "Deutsch", capitalises_nouns=True, default=True),
    ContentLanguage("ru", "Russian", "Русский", script="cyrillic", number_words=_RU_NUMBERS,
                    default=True),  # fmt: skip
    ContentLanguage("uk", "Ukrainian", "Українська", script="cyrillic", number_words=_UK_NUMBERS,
                    default=True),  # fmt: skip
    ContentLanguage("fr", "French", "Français", number_words=_FR_NUMBERS, default=True),
    ContentLanguage(
        "el", "Greek", "Ελληνικά", script="greek", abbreviations=_EL_ABBREVIATIONS,
        number_words=_EL_NUMBERS, default=True,
    ),  # fmt: skip
    # Opt-in (WORKBENCH_LANGUAGES): Lingua, sentencex, CLDR calendars and Argos all
    # know them; no spelled-out numbers are read (pages keep digits for figures).
    ContentLanguage("es", "Spanish", "Español"),
    ContentLanguage("it", "Italian", "Italiano"),
    ContentLanguage("pt", "Portuguese", "Português"),
    ContentLanguage("nl", "Dutch", "Nederlands"),
    ContentLanguage("pl", "Polish", "Polski"),
    ContentLanguage("cs", "Czech", "Čeština"),
)

#: Every content language by ISO 639-1 code.
LANGUAGES: Mapping[str, ContentLanguage] = MappingProxyType({x.code: x for x in _LANGUAGES})
#: The languages the detector chooses from by default, in registry order.
DEFAULT_LANGUAGES: tuple[str, ...] = tuple(x.code for x in _LANGUAGES if x.default)


@lru_cache(maxsize=1)
def content_locales() -> tuple[Locale, ...]:
    """Babel's locale of every content language it knows, in registry order.

    Why one place: calendar words, calendar anchors and place names all read CLDR names for
    every content language, and a trimmed Babel install (no data for a code) must mean fewer
    names in all of them, never an error in one.
    """
    found = []
    for code in LANGUAGES:
        try:
            found.append(Locale.parse(code))
        except (UnknownLocaleError, ValueError):
            continue
    return tuple(found)


def base_code(code: str | None) -> str | None:
    """``"pt-BR"`` -> ``"pt"``; ``None`` stays ``None``."""
    return code.replace("_", "-").split("-")[0].strip().lower() if code else None


def get(code: str | None) -> ContentLanguage | None:
    """The registry entry of ``code`` (region subtags ignored), else ``None``."""
    base = base_code(code)
    return LANGUAGES.get(base) if base else None


def script_of(code: str | None) -> str:
    """The alphabet of ``code``; unknown codes count as Latin (the common case)."""
    found = get(code)
    return found.script if found else "latin"


def uses_decimal_comma(code: str | None) -> bool:
    """Whether ``code`` writes "2,5" for two and a half (English and unknown: no)."""
    found = get(code)
    return bool(found and found.decimal_comma)


def capitalises_nouns(code: str | None) -> bool:
    found = get(code)
    return bool(found and found.capitalises_nouns)


def unsupported(codes: tuple[str, ...] | list[str]) -> list[str]:
    """The codes of ``codes`` that are not content languages (for a clear error)."""
    return [c for c in codes if get(c) is None]


def script_of_char(ch: str) -> str | None:
    """``"latin"``, ``"cyrillic"``, ``"greek"`` or ``None`` (not a letter, or another script)."""
    if not ch.isalpha():
        return None
    if "\u0400" <= ch <= "\u052f" or "\u1c80" <= ch <= "\u1c8f":
        return "cyrillic"
    if "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff":
        return "greek"
    if ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
        return "latin"
    return "other"
