"""Numbers of a pair compared as values: "60,000" = "60 000" = "60 thousand" = 60000.

Why a module of its own: ``core.checks`` flags what differs between two aligned
copies; reading quantities in each language's conventions (digit grouping,
scale words, number words, ordinals) and leaving dates out is a job of its own,
shared with ``core.qa``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection
from decimal import Decimal, InvalidOperation

from workbench.core import hour_ranges
from workbench.core.anchors import normalize_number
from workbench.core.calendar_words import is_calendar_word
from workbench.core.day_ranges import range_partners
from workbench.core.fraction_words import shares, without_numerators
from workbench.core.number_halves import half_numbers
from workbench.core.number_signs import negated, signed_before
from workbench.core.number_times import times_words, untold
from workbench.core.number_words import word_numbers
from workbench.core.units import any_unit, is_unit_word

# Dates, times and ISO stamps are capture metadata or datelines, not quantities.
_DATE_LIKE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}(?:[.,]\d{1,3})?\b"
    r"|\b\d{4}[/.]\d{1,2}[/.]\d{1,2}\b"  # "2026/12/01", "2026.12.01"
    # a reading-time widget: "2 min read", "3 Min. Lesedauer", "Temps de lecture : 2 min"
    r"|\b\d{1,2}\s?(?:min|Min|minutes?|хв|мин)\.?\s(?=(?:read|Lesezeit|Lesedauer|de lecture"
    r"|читання|чтения)\b)|(?:Lesedauer|Lesezeit|de lecture|[Rr]eading time|читання|чтения)"
    r"\s?:?\s?\d{1,2}\s?(?:min|Min|хв|мин)\b"
    # a race time: "20:41.7" (above), "20min 41.7sec", "1h 02min"
    r"|\b\d{1,2}\s?(?:h|min)\s?\d{1,2}(?:[.,]\d{1,3})?\s?(?:min|sec|s)\b"
    # clock times in other notations: "3 h 14", "03H40", "3.14 Uhr", "13 Uhr", "0114 GMT"
    r"|\b\d{1,2}\s?[hH]\s?\d{2}\b|\b\d{1,2}(?:[.:]\d{2})?\s?Uhr\b|\b\d{4}\s?(?:GMT|UTC)\b"
    # a French hour with no minutes after a time preposition: "à 7 h", "vers 3 h du matin",
    # "peu avant 6 h" ("dans les 48 h", "pendant 3 h": a duration, kept)
    r"|\b(?:[àÀ]|vers|avant|après|dès|jusqu['’]à)\s(?:[01]?\d|2[0-4])\s?h\b(?!\s?\d)"
    # a clock time with a.m./p.m. or a time zone: "9.40 p.m.", "10pm", "21.40 local time"
    # ("5 am Montag" in German is no clock: a spaced "am" only after hours and minutes)
    r"|\b\d{1,2}(?:[.:]\d{2})?(?:\s?[ap]\.\s?m\.|[ap]m\b)|\b\d{1,2}[.:]\d{2}\s[ap]m\b"
    r"|\b\d{1,2}[.:]\d{2}\s(?:local\stime|GMT|UTC|CET|CEST|EET|EEST|MEZ|MESZ|Ortszeit)\b"
    # a clock time in words: "halb fünf", "Viertel nach drei", "gegen fünf Uhr", "half past
    # five", "five o'clock", "о пів на п'яту", "в половине пятого", "без четверти пять"
    r"|\b(?:[Hh]alb|(?:[Dd]rei)?[Vv]iertel(?:\s(?:vor|nach))?)\s[^\W\d_]+(?=\s|[.,;!?]|$)"
    r"|\b[^\W\d_]+\s(?:Uhr|o'clock|o’clock)\b|\b(?:half|quarter)\s(?:past|to)\s[^\W\d_]+"
    r"|(?<!\w)(?:[Пп]ів\s?на|[Вв]\sполовин[еу]|[Бб]ез\sчетверти)\s\S+"
    # a page's counters glued into a captured line: "14:20 Uhr  12 Kommentare", "1 234 переглядів"
    r"|\b\d[\d\s.,]*\s(?=(?:Kommentare?|comments?|commentaires?|коментар|комментари|views\b"
    r"|Aufrufe|переглядів|просмотр))"
    # a footnote marker glued to the text it sources: "protests.[1]"
    r"|(?<=\S)\[\d{1,3}\]"
)
# Units some outlets write without a space ("8.6sec", "7.5km", "178km/h", "2,5GW").
_GLUED_UNIT = r"(?:km|sec|min|kg|mph|cm|mm|[kMG]Wh?|bn)(?:/h)?"
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<n>[-−]?\d+(?:(?:[.,\u00a0\u202f' ])\d{3})*(?:[.,]\d+)?)(?![.,]\d)"
    r"(?:st|nd|rd|th|er|e|ème|-(?:й|я|е|го|му|ї|ий|ого|ος|η|ο))?"  # ordinals: 65th, 65-й
    r"(?:(?!\w)|(?=" + _GLUED_UNIT + r"(?!\w)))"  # a unit written on: "8.6sec", "178km/h"
)
# Scale words after a number ("60 thousand", "60 тисяч", "2,5 Millionen"): stems, any language,
# and their abbreviations ("2,5 Mio.", "3 Mrd.", "41 тис.", "$3bn").
_SCALES = (
    (re.compile(r"(thousand|tausend|Tsd\b|mille|тисяч|тис\.|тыс|χιλιάδ|χιλ\.|mil\b|miles)", re.I),
     1000),
    (re.compile(r"(million|Mio\b|mln\b|мільйон|млн|миллион|εκατομμύρι|εκατ\.|millón|milion)",
                re.I), 10**6),
    (re.compile(r"(billion|bn\b|Mrd\b|milliard|Mds?\b|mld\b|мільярд|млрд|миллиард|δισεκατομμύρι"
                r"|δισ\.)", re.I), 10**9),
)  # fmt: skip


def quantities(
    text: str, lang: str | None = None, *, marks: bool | None = None, ranges: bool = True
) -> list[tuple[str, str]]:
    """(as written, value) of every quantity: "60,000" = "60 000" = "60 thousand" = 60000.

    ``marks``: ``DECIMAL_MARKS`` for this call (``None``: the switch; translation QA reads a
    number in its own language's convention only, where "1.3" in German is a format to fix).
    ``ranges``: read the far end of a range of days as a date (``core.day_ranges``) and the
    near end of a range of hours as a clock time (``core.hour_ranges``), when their switches
    are on; the aligner's figure anchors pass False and keep START's reading.

    Dates and clock times are left out: they are metadata or datelines, and a
    capture stamp split into "2025", "02", "07" is no number change.
    """
    masked = _DATE_LIKE.sub(lambda m: " " * len(m.group(0)), _hours(
        without_numerators(text), ranges))  # "14" in "von 14 bis 18 Uhr" (``core.hour_ranges``)
    masked = _CONVERSION.sub(lambda m: m.group(1).ljust(len(m.group(0))), masked)
    if SPACED_CLOCK and (lang or "").split("-")[0].lower() == "en":  # "As of 11 am"
        masked = _SPACED_CLOCK.sub(lambda m: " " * len(m.group(0)), masked)
    timed = [(m.start(), m.group(0), normalize_number(f"{m.group(1)}.{m.group(2)}"))
             for m in (_SECONDS.finditer(masked) if SECONDS else ())]  # fmt: skip
    masked = _SECONDS.sub(lambda m: " " * len(m.group(0)), masked) if timed else masked
    for start, end, half in half_numbers(masked, lang):  # "півтора" = 1.5, "two and a half"
        value = _with_scale(half, masked[end : end + 16], lang)
        timed.append((start, masked[start:end], _signed(value, masked, start, lang)))
        masked = masked[:start] + " " * (end - start) + masked[end:]
    for m in _NUMBER.finditer(masked):
        if _day_or_year(m.group("n")) and _dated(masked, m.start(), m.end(), lang, ranges):
            continue  # "March 14", "14. März", "February 2022", "25. bis 27. Juni": a date
        raw = m.group(0).strip()
        value = _value(m.group("n").strip(), lang, DECIMAL_MARKS if marks is None else marks)
        value = _with_scale(value, masked[m.end() : m.end() + 16], lang)
        timed.append((m.start(), raw, _signed(value, masked, m.start(), lang)))
    found = [(raw, value) for _, raw, value in sorted(timed)]
    if ELISIONS and (lang or "").split("-")[0].lower() in _ELIDING:  # "retard d'onze vols" = 11
        masked = _ELIDED.sub(lambda m: " " * len(m.group(0)), masked)
    for start, end, number in word_numbers(masked, lang):
        value = _with_scale(str(number), masked[end : end + 16], lang)
        found.append((masked[start:end], _signed(value, masked, start, lang)))
    found += [(masked[start:end], str(count)) for start, end, count in times_words(masked, lang)]
    return found


#: Switch (round 36, flags36; ``flags_cv.py --switch decimal_marks``): a number with one
#: separator followed by one, two or four digits or more is a decimal in any language ("36,4"
#: in an English copy that kept its German source's comma is 36.4, not 364): no thousands group
#: has other than three digits.  Three digits ("1,500" / "1.500") keep the language's reading.
#: Shipped on as a product fix (no dev member: dev, leave one batch out and check unchanged).
DECIMAL_MARKS = True

_ONE_MARK = re.compile(r"^[-−]?\d+[.,](?:\d{1,2}|\d{4,})$")


def _value(raw: str, lang: str | None, marks: bool) -> str:
    """``normalize_number`` in ``lang``'s convention, unless ``DECIMAL_MARKS`` and the one
    separator of ``raw`` cannot mark thousands (then the separator is the decimal mark)."""
    if marks and _ONE_MARK.match(raw):
        return normalize_number(raw)
    return normalize_number(raw, lang)


#: Switch (``flags_cv.py --switch sign_words``, round 30): a number after a sign word is
#: below zero ("мінус трьох градусів" = "-3 °C"; ``core.number_signs``).
SIGN_WORDS = True


def _signed(value: str, text: str, start: int, lang: str | None) -> str:
    return negated(value) if SIGN_WORDS and signed_before(text, start, lang) else value


#: Languages that elide an article or particle onto the next word: a number word after it
#: ("d'onze vols", "qu'onze") is read alone (the elided "d'" made it one word no table holds).
_ELIDING = frozenset({"fr"})
ELISIONS = True  # switch: ``benchmarks/flags_cv.py --switch elisions`` (round 21)
_ELIDED = re.compile(r"(?<![^\W\d_])(?:[dlDL]|[Qq]u|[Jj]usqu|[Pp]resqu)['’](?=[^\W\d_])")


#: An English clock time with a spaced "am" / "pm" ("As of 11 am", "at 9 pm"): only in English,
#: where "am" is no word (German "5 am Montag" keeps its figure: ``_DATE_LIKE``).
_SPACED_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s[AaPp][Mm]\b")
SPACED_CLOCK = True  # switch: ``benchmarks/flags_cv.py --switch spaced_clock`` (round 21)


#: A time gap in seconds and tenths as sports pages write it: 18"4 = 18.4 seconds (one
#: figure; read as "18" and "4", a changed gap "18"6" flagged "4" / "6").
_SECONDS = re.compile(r"(?<![\w.,\"″])(\d{1,3})[\"″](\d{1,2})(?![\w\"″])")
SECONDS = False


# A converted amount in brackets right after the amount it converts: "3 billion euros
# ($3.47 billion)", "vers 03H40 (02H40 GMT)", "290 kilograms (640 pounds)". The outlet
# adds a service for its readers, the figure it converts is the one both copies tell.
_CURRENCY = (
    r"(?:(?:[A-Z]{1,2})?[$€£¥₴₽]|USD|EUR|GBP|CHF|UAH|RUB|dollars?|euros?|Euro|долар\w*|доллар\w*|гривень)"
)
# Units of length, weight, area, volume, speed and temperature an outlet converts for its
# readers: "290 kilograms (640 pounds)", "128 km (80 miles)", "190-meter (623-foot)" (the
# registry of ``core.units``, every language's spellings).
_UNIT = any_unit()
_CONVERSION = re.compile(
    r"(\d[^()\d]{0,24}?\s*)\(\s*(?:about |around |ca\. |rund |environ |около |близько )?"
    r"(?:" + _CURRENCY + r"\s?\d[\d.,\s]*(?:\s?(?:[a-zA-Zа-яА-Я]+\.?))?"
    r"|\d[\d.,\s]*\s?(?:[a-zA-Zа-яА-Я]+\s)?"
    + _CURRENCY
    + r"|\d[\d.,]*[\s-]?" + _UNIT + r"(?!\w)"
    + r"|\d{1,2}[hH:.]\d{2}\s?(?:GMT|UTC|MEZ|CET))\s*\)"
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+$")  # "March 14", "Jan. 14"
_DAY_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s*$")  # "March 14, 2025"
_WORD_AFTER = re.compile(r"^\.?\s+([^\W\d_]+)")  # "14 March", "14. März"


#: Languages whose month and weekday names are always capitalised in Latin script.
_CAPITAL_MONTHS = frozenset({"en", "de"})


def value_of(token: str, lang: str | None) -> str:
    """The value of one flagged token ("zwei" -> "2", "1 150" -> "1150"); the token itself
    when it reads as none (a flag is looked up among a page's ``quantities`` values)."""
    found = quantities(token, lang)
    return found[0][1] if found else token


def _next_to_month(text: str, start: int, end: int, lang: str | None = None) -> bool:
    """Whether the number at ``text[start:end]`` is written beside a month or weekday name.

    Why the capital: the calendar words of every registry language include short
    forms that are ordinary words elsewhere ("out", "set", "dub", "sun"); in English
    and German (and text of unknown language) a date writes its month capitalised,
    so "out 5" stays a quantity while "March 14" and "14. März" are dates.
    """
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    after = _WORD_AFTER.search(text[end : end + 20])
    day = _DAY_BEFORE.search(text[max(0, start - 24) : start]) if end - start == 4 else None
    return any(m is not None and _date_word(m.group(1), lang) for m in (before, after, day))


def _dated(text: str, start: int, end: int, lang: str | None, ranges: bool) -> bool:
    """Beside a month or weekday name, or the far end of a range of days whose other end is
    (``core.day_ranges``: "25" in "25. bis 27. Juni", "27" in "June 25 to 27")."""
    return _next_to_month(text, start, end, lang) or any(
        _next_to_month(text, a, b, lang)
        for a, b in (range_partners(text, start, end) if ranges else ()))


def _hours(text: str, ranges: bool) -> str:
    """``text`` with the near end of each range of hours blanked when ``ranges``."""
    return hour_ranges.masked(text) if ranges else text


def _day_or_year(number: str) -> bool:
    """Whether ``number`` can be a date's day (1-31) or year (four digits): beside a
    weekday or month any other figure is a quantity ("am Freitag 5,62 Meter gemessen",
    "in March 120,000 people")."""
    return number.isdigit() and (1 <= int(number) <= 31 or len(number) == 4)


def _date_word(word: str, lang: str | None) -> bool:
    latin = word.isascii() or "LATIN" in unicodedata.name(word[0], "")
    if latin and (lang is None or lang in _CAPITAL_MONTHS) and not word[0].isupper():
        return False
    return is_calendar_word(word)


def _with_scale(value: str, after: str, lang: str | None = None) -> str:
    """``value`` times the scale word that follows it ("60" + " thousand" = 60000); a unit
    word of ``lang`` is none ("80 miles" in English is 80: Spanish "miles" is thousands)."""
    if is_unit_word(after, lang):
        return value
    after = after.lstrip()
    for pattern, factor in _SCALES:
        if pattern.match(after):
            return _scaled(value, factor)
    return value


def _scaled(value: str, factor: int) -> str:
    try:
        return format((Decimal(value) * factor).normalize(), "f")
    except InvalidOperation:
        return value


#: What a side's figures are checked against: its tokens, its text and language, the other
#: side's text and language; it returns the tokens the other side tells in some other form.
ToldElsewhere = Callable[[list[str], str, str | None, str, str | None], Collection[str]]


def drop_told(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None, told: ToldElsewhere,
) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` (``left_only`` / ``right_only`` tokens) less the tokens ``told`` finds the
    other side telling in another form. The ``without_*`` checks (other forms, compounds,
    conversions) differ only in ``told``; the side bookkeeping lives here once."""
    sides = {"left_only": (left, left_lang, right, right_lang),
             "right_only": (right, right_lang, left, left_lang)}  # fmt: skip
    out: dict[str, list[str]] = {}
    for side, tokens in nums.items():
        gone = told(tokens, *sides[side])
        kept = [t for t in tokens if t not in gone]
        if kept:
            out[side] = kept
    return out


def number_differences(
    left: str, right: str, left_lang: str | None = None, right_lang: str | None = None,
    *, marks: bool | None = None,
) -> dict[str, list[str]]:
    """Numbers (as written) whose value occurs on one side only (``marks``: see ``quantities``)."""
    left_q = quantities(left, left_lang, marks=marks)
    right_q = quantities(right, right_lang, marks=marks)
    left_raw, left_norm = [r for r, _ in left_q], [v for _, v in left_q]
    right_raw, right_norm = [r for r, _ in right_q], [v for _, v in right_q]
    only_left = Counter(left_norm) - Counter(right_norm)
    only_right = Counter(right_norm) - Counter(left_norm)
    result: dict[str, list[str]] = {}
    lefts = _pick(left_raw, left_norm, only_left)
    rights = _pick(right_raw, right_norm, only_right)
    lefts, rights = untold(lefts, left_lang, rights), untold(rights, right_lang, lefts)
    if lefts:
        result["left_only"] = lefts
    if rights:
        result["right_only"] = rights
    return result


def _pick(raw: list[str], norm: list[str], wanted: Counter[str]) -> list[str]:
    """The raw spellings of the wanted normalised values, in text order."""
    remaining = Counter(wanted)
    out = []
    for spelled, value in zip(raw, norm, strict=True):
        if remaining[value] > 0:
            remaining[value] -= 1
            out.append(spelled)
    return out


def replaced_numbers(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """The one-sided numbers that pair up with one of like size on the other side.

    In a paraphrase every one-sided figure is not news ("60,000 soldiers" against
    "six times"), but a count given as 120,000 in one copy and 130,000 in the other
    is: values of 10 or more within a factor of two of a one-sided value opposite,
    and measures of any size (percentages, figures with decimals: "3,6 %" against "3.8%",
    a magnitude 5,7 against 5.8).
    """
    values = [_values(text, lang, nums.get(side, [])) for text, lang, side in
              ((left, left_lang, "left_only"), (right, right_lang, "right_only"))]  # fmt: skip
    out: dict[str, list[str]] = {}
    for side, mine, theirs in (("left_only", *values), ("right_only", *values[::-1])):
        kept = [raw for raw, v, pct in mine if any(_like(v, w, pct and other_pct)
                                                   for _, w, other_pct in theirs)]  # fmt: skip
        if kept:
            out[side] = kept
    return out if len(out) == 2 else {}


def _like(v: float, w: float, percent: bool) -> bool:
    """Two figures of like size: within a factor of two, and 10 or more unless percentages;
    two figures below zero by their size ("-17 °C" against "-15 °C": ``NEGATIVES``)."""
    if NEGATIVES and v < 0 and w < 0:
        v, w = -v, -w
    return (percent or (v >= 10 and w >= 10)) and 0 < min(v, w) and max(v, w) <= 2 * min(v, w)


#: A paraphrase's replaced figure may be negative (temperatures): compared by size.
NEGATIVES = False

_PERCENT = re.compile(r"\s?(?:%|per ?cent|prozent|pour ?cent|процент|відсот|τοις εκατό)", re.I)


def _values(text: str, lang: str | None, raws: list[str]) -> list[tuple[str, float, bool]]:
    """(as written, numeric value, a measure?) of the listed one-sided numbers of ``text``.

    A measure is a percentage or a figure with decimals (a magnitude 5,7 against
    5.8): unlike "two men" against "three women" it is no count a paraphrase
    words differently, so a change of any size is news.
    """
    found = []
    position = 0
    for raw, value in quantities(text, lang):
        at = text.find(raw, position) if text.find(raw, position) >= 0 else text.find(raw)
        position = at + len(raw) if at >= 0 else position
        if raw in raws:
            try:
                number = float(Decimal(value))
            except (InvalidOperation, ValueError):
                continue
            percent = at >= 0 and bool(_PERCENT.match(text, at + len(raw)))
            found.append((raw, number, percent or not number.is_integer()))
    # a fraction ("Drittel": 33.3 %) is a share like a percentage: a change of any size is news
    return found + [(s.raw, s.percent, True) for s in shares(text) if s.raw in raws]
