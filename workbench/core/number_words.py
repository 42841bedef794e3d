"""Numbers written as words: "sechzigtausend", "einundzwanzig", "sixty", "twenty-one".

Why: a wire story says "60,000" where a rewrite says "sixty thousand" or a German
copy "sechzigtausend"; the flags compare values, so spelled-out numbers must have
one.  German compounds are parsed (not listed): thousands, hundreds, then
"<unit>und<tens>"; English words up to ninety-nine (a scale word after them,
"thousand", is applied by the caller like after digits).  Languages whose
numbers are separate words (Greek "είκοσι πέντε") read them from the table of
their entry in ``core.languages``; a run of number words adds up when each word
is below the last one's place ("είκοσι πέντε" = 25, "τριακόσια είκοσι" = 320,
"двадцять п'ять" = 25), and a unit before "cent(s)" multiplies it (trois cents).
Other languages keep their digits, which is how wire copy writes large numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from workbench.core.languages import fold_word, get

_DE_UNITS = {
    "ein": 1, "eins": 1, "eine": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}  # fmt: skip
_DE_TEENS = {
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}  # fmt: skip
_DE_TENS = {  # "dreissig": casefold writes ß as ss (and Swiss German always does)
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
    "siebzig": 70, "achtzig": 80, "neunzig": 90,
}  # fmt: skip
_EN_SMALL = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "dozen": 12, "decade": 10,  # "the strongest in a decade" = "in ten years"
}  # fmt: skip
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip


def _de_below_100(word: str) -> int | None:
    if word in _DE_UNITS:
        return _DE_UNITS[word]
    if word in _DE_TEENS:
        return _DE_TEENS[word]
    if word in _DE_TENS:
        return _DE_TENS[word]
    unit, sep, tens = word.partition("und")
    if sep and unit in _DE_UNITS and tens in _DE_TENS:
        return _DE_UNITS[unit] + _DE_TENS[tens]
    return None


def _de_below_1000(word: str) -> int | None:
    if not word:
        return 0
    head, sep, rest = word.partition("hundert")
    if not sep:
        return _de_below_100(word)
    hundreds = 1 if not head else _de_below_100(head)
    tail = _de_below_100(rest) if rest else 0
    if hundreds is None or tail is None or hundreds > 9:
        return None
    return hundreds * 100 + tail


def german_number(word: str) -> int | None:
    """The value of a German number word ("sechzigtausend" = 60000), else ``None``."""
    word = word.casefold()
    head, sep, rest = word.partition("tausend")
    if not sep:
        return _de_below_1000(word) if len(word) > 2 else None
    thousands = 1 if not head else _de_below_1000(head)
    tail = _de_below_1000(rest)
    if thousands is None or tail is None or thousands == 0:
        return None
    return thousands * 1000 + tail


def english_number(word: str) -> int | None:
    """The value of an English number word below 100 ("twenty-one" = 21), else ``None``.

    "one" alone is left out: it is far more often a pronoun ("one of them")."""
    word = word.casefold()
    if word in _EN_SMALL:
        return _EN_SMALL[word]
    if word in _EN_TENS:
        return _EN_TENS[word]
    tens, sep, unit = word.partition("-")
    if sep and tens in _EN_TENS and (unit == "one" or unit in _EN_SMALL and _EN_SMALL[unit] < 10):
        return _EN_TENS[tens] + _EN_SMALL.get(unit, 1)
    return None


_DE_ARTICLES = frozenset({"ein", "eine", "einem", "einen", "einer", "eines"})  # "a", not "1"
# A word with inner apostrophes (п'ять, сім'я: one word, not "сім" + "я") and hyphens.
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*(?:-[^\W\d_]+(?:['’ʼ][^\W\d_]+)*)*")


def _digit_before(text: str, index: int) -> bool:
    """Whether the last non-space character before ``index`` is a digit.

    Walks back over the spaces only: slicing ``text[:index]`` per word copied the
    whole prefix each time (quadratic: a 1 MB sentence took minutes to check).
    """
    while index > 0 and text[index - 1].isspace():
        index -= 1
    return index > 0 and text[index - 1].isdigit()


def _table_number(word: str, table: dict[str, int]) -> int | None:
    """A word of ``table``, or a hyphenated compound of them (vingt-deux, soixante-quinze)."""
    key = fold_word(word)
    if key in table or "-" not in key:
        return table.get(key)
    total = None
    for part in (p for p in key.split("-") if p != "et"):
        value = table.get(part)
        if value is None:
            return None
        if total is None:
            total = value
        elif value == 20 and total == 4:  # quatre-vingt: 4 x 20
            total = 80
        elif value < _place(total) or (total in (60, 80) and value < 20):
            total += value
        else:
            return None
    return total


def _parser(lang: str | None) -> Callable[[str], int | None] | None:
    """The number-word reader of ``lang``: a compound parser or the registry's table."""
    base = (lang or "").split("-")[0].lower()
    if base in ("de", "en"):
        return {"de": german_number, "en": english_number}[base]
    entry = get(base)
    if entry is not None and entry.number_words:
        table = partial(_table_number, table=dict(entry.number_words))
        if base in _SLAVIC:
            return partial(_slavic_number, table=table, lang=base)
        return table
    return None


# Ukrainian and Russian words a table of cardinals misses: collective numerals
# ("двоє загиблих" = two dead), the lone thousand ("понад тисячу будинків") and
# ordinals from the third on, declined or as an adverb ("десятий випадок",
# "водинадцяте" = for the eleventh time: a count of events that rewrites change).
# "перший"/"другий" are left out: they also mean "leading" and "other".
_SLAVIC = {
    "uk": (
        {"двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6, "семеро": 7,
         "восьмеро": 8, "дев'ятеро": 9, "десятеро": 10, "тисяча": 1000, "тисячу": 1000},
        {"трет": 3, "четверт": 4, "п'ят": 5, "шост": 6, "сьом": 7, "восьм": 8, "дев'ят": 9,
         "десят": 10, "одинадцят": 11, "дванадцят": 12, "тринадцят": 13, "чотирнадцят": 14,
         "п'ятнадцят": 15, "шістнадцят": 16, "сімнадцят": 17, "вісімнадцят": 18,
         "дев'ятнадцят": 19, "двадцят": 20, "тридцят": 30, "сороков": 40, "п'ятдесят": 50,
         "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80, "дев'яност": 90, "сот": 100},
        re.compile(r"(?:ій|ий|я|є|е|ього|ого|ьому|ому|ої|ю|у|іх|их|ім|им|іми|ими)"),
        re.compile(r"[ву]"),
    ),
    "ru": (
        {"двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
         "восьмеро": 8, "девятеро": 9, "десятеро": 10, "тысяча": 1000, "тысячу": 1000},
        {"трет": 3, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
         "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13,
         "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17,
         "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сороков": 40,
         "пятидесят": 50, "шестидесят": 60, "семидесят": 70, "восьмидесят": 80,
         "девяност": 90, "сот": 100},
        re.compile(r"(?:ий|ый|ой|ья|ая|яя|ье|ое|ее|ьего|ого|его|ьему|ому|ему|ьей|ей|ую|юю"
                   r"|ьи|ые|ие|ьих|ых|их|ьим|ым|им|ыми|ими|ом|ем)"),
        None,
    ),
}  # fmt: skip


def _slavic_number(word: str, table: Callable[[str], int | None], lang: str) -> int | None:
    """A cardinal of the table, else a collective numeral, the lone thousand or an ordinal."""
    value = table(word)
    if value is not None:
        return value
    words, stems, endings, adverb = _SLAVIC[lang]
    key = fold_word(word)
    if key in words:
        return words[key]
    if adverb is not None and adverb.match(key) and key[-1] in "еє":
        key = key[1:]  # "вдесяте", "водинадцяте": в + the neuter ordinal
    for cut in range(min(len(key) - 1, 4), 0, -1):
        stem, ending = key[:-cut], key[-cut:]
        if stem in stems and endings.fullmatch(ending):
            return stems[stem]
    return None


def _place(value: int) -> int:
    """10 ** (trailing zeros): a word after 20 must be below 10, after 300 below 100."""
    place = 1
    while value and value % (place * 10) == 0:
        place *= 10
    return place


def _add_runs(text: str, found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Join number words separated by spaces only when they make one number (20 5 = 25)."""
    out: list[tuple[int, int, int]] = []
    for start, end, value in found:
        if out:
            pstart, pend, pvalue = out[-1]
            gap = text[pend:start]
            if gap.isspace() and "\n" not in gap:
                if value < _place(pvalue) and pvalue >= 10:
                    out[-1] = (pstart, end, pvalue + value)
                    continue
                if value == 100 and 1 < pvalue < 10:  # trois cents = 300
                    out[-1] = (pstart, end, pvalue * 100)
                    continue
        out.append((start, end, value))
    return out


def word_numbers(text: str, lang: str | None) -> list[tuple[int, int, int]]:
    """(start, end, value) of the number words of ``text`` in ``lang`` (de, en, el...)."""
    parse = _parser(lang)
    if parse is None:
        return []
    found = []
    for m in _WORD.finditer(text):
        value, end = _hyphen_head(m.group(0), parse)
        scale = _digit_before(text, m.start())  # "60 Tausend": a scale word
        if value is not None and not scale and m.group(0).casefold() not in _DE_ARTICLES:
            found.append((m.start(), m.start() + end, value))
    return _add_runs(text, found)


def _hyphen_head(word: str, parse: Callable[[str], int | None]) -> tuple[int | None, int]:
    """(value, length) of ``word`` or of its longest hyphenated head that is a number:
    "seven-year-olds" = 7, "twenty-five-year-old" = 25 (as "7 ans" or "25-year-old" count)."""
    value = parse(word)
    if value is not None or "-" not in word:
        return value, len(word)
    parts = word.split("-")
    for cut in range(len(parts) - 1, 0, -1):
        head = "-".join(parts[:cut])
        value = parse(head)
        if value is not None:
            return value, len(head)
    return None, len(word)


#: The fewest letters a closed compound keeps after its number word ("zwölf|stündiger"):
#: "Acht|ung" or "Zwei|fel" are no counts.
COMPOUND_REST = 4


def compound_heads(word: str, lang: str | None) -> list[tuple[int, str]]:
    """(value, the rest) of each number word that opens the closed compound ``word``:
    "zwölfstündiger" -> [(12, "stündiger")], as a German copy tells "für zwölf Stunden".

    Why: languages that close compounds ("zwölfstündig", "dreitägig", "fünfköpfig") hide
    a count inside one word that the other copy writes apart; the caller decides whether
    the rest is the counted noun.  A whole number word is no compound (``[]``).
    """
    parse = _parser(lang)
    if parse is None or parse(word) is not None:
        return []
    out = []
    for cut in range(2, len(word) - COMPOUND_REST + 1):
        value = parse(word[:cut])
        if value is not None and word[:cut].casefold() not in _DE_ARTICLES:
            out.append((value, word[cut:]))
    return out
