"""Numbers told with a half: "півтора", "anderthalb", "zweieinhalb", "two and a half".

Why: a copy writes a depth, a sentence or a duration as a number word with a half
("близько півтора метра", "siebeneinhalb Jahre", "seven and a half years", "семи с
половиной годам", "trois heures et demie") where another writes "1,5 m" or a different
figure ("майже двох метрів").  Read as whole words, "seven and a half" was 7 and
"півтора" was nothing: a told value looked changed and a changed value went unseen
(round 30's unseen "півтора" / "двох" metres).  The forms are a closed class of each
language's numerals, not words of any page:

* one and a half as one word: uk "півтора" / "півтори", ru "полтора" / "полторы" /
  "полутора", de "anderthalb" / "eineinhalb";
* German "<number>einhalb" ("zweieinhalb", "siebeneinhalb": the number word read by
  ``number_words``);
* a number, at most one noun, then the half: en "two and a half", "an hour and a half";
  fr "deux et demi", "trois heures et demie"; uk "дві з половиною"; ru "семи с половиной".

Each is (start, end, value): the value is the number plus 0.5; the span runs from the
number to the half when nothing stands between, else it is the number alone (the
token a flag names).
"""

from __future__ import annotations

import re
from decimal import Decimal

from workbench.core.number_words import german_number, word_numbers

#: Switch (``benchmarks/flags_cv.py --switch halves``, round 31).
HALVES = True

_ONE_WORD = re.compile(
    r"(?<![\w'’-])(?:півтора|півтори|полтора|полторы|полутора|anderthalb|eineinhalb)(?![\w'’-])",
    re.IGNORECASE,
)
_GERMAN = re.compile(r"(?<![\w'’-])([^\W\d_]{2,}?)einhalb(?![\w'’-])", re.IGNORECASE)
_AFTER = {  # the half after a number (and at most one noun) in each language
    "en": re.compile(r"(?<=\s)and\s+a\s+half(?![\w-])", re.IGNORECASE),
    "fr": re.compile(r"(?<=\s)et\s+demie?(?![\w-])", re.IGNORECASE),
    "uk": re.compile(r"(?<=\s)(?:з|із|зі)\s+половиною(?![\w-])", re.IGNORECASE),
    "ru": re.compile(r"(?<=\s)(?:с|со)\s+половиной(?![\w-])", re.IGNORECASE),
}
#: The one or two words before the half: the number, then at most one noun.
_BEFORE = re.compile(r"(?:(?<![\w'’-])(\d+|[^\W\d_]+(?:['’-][^\W\d_]+)*)\s+)?"
                     r"(?<![\w'’-])(\d+|[^\W\d_]+(?:['’-][^\W\d_]+)*)\s+$")
#: "a" / "an" / "one" / "un(e)" before the half ("an hour and a half", "une heure et demie"):
#: one only here, where the half makes it a count ("one" alone is a pronoun elsewhere).
_ONE = frozenset({"a", "an", "one", "un", "une"})
_HALF_BEFORE = re.compile(r"(?:(?<!\w)(?P<en>and)|(?<!\w)(?:з|із|зі|с|со))\s+$", re.IGNORECASE)


def half_of_number(before: str, numerator: str | None) -> bool:
    """Whether a fraction word after ``before`` (with ``numerator``) is a number's half,
    no share: "seven and | a half", "дві з | половиною" ("a third and | half of" is a share).
    ``fraction_words`` reads no share there."""
    m = _HALF_BEFORE.search(before) if HALVES else None
    if m is None:
        return False
    return not m.group("en") or (numerator or "").casefold() == "a"


def _base(lang: str | None) -> str:
    return (lang or "").split("-")[0].lower()


def _count(word: str, lang: str | None) -> int | None:
    """The whole number ``word`` tells in ``lang`` (digits, a number word, "a"/"une")."""
    if word.isdigit():
        return int(word)
    if word.casefold() in _ONE:
        return 1
    found = word_numbers(word, lang)
    return found[0][2] if len(found) == 1 and found[0][:2] == (0, len(word)) else None


def _half(value: int) -> str:
    return format(Decimal(value) + Decimal("0.5"), "f")


def half_numbers(text: str, lang: str | None) -> list[tuple[int, int, str]]:
    """(start, end, value) of every number told with a half in ``text`` ("півтора" = 1.5)."""
    if not HALVES:
        return []
    base = _base(lang)
    found = [(m.start(), m.end(), "1.5") for m in _ONE_WORD.finditer(text)]
    if base == "de":
        for m in _GERMAN.finditer(text):
            head = german_number(m.group(1))
            if head is not None and m.group(1).casefold() != "ein":
                found.append((m.start(), m.end(), _half(head)))
    pattern = _AFTER.get(base)
    for m in pattern.finditer(text) if pattern else ():
        before = _BEFORE.search(text, max(0, m.start() - 60), m.start())
        if before is None:
            continue
        last = _count(before.group(2), lang)
        if last is not None:  # "two and a half", "дві з половиною"
            found.append((before.start(2), m.end(), _half(last)))
        elif before.group(1) and (first := _count(before.group(1), lang)) is not None:
            found.append((before.start(1), before.end(1), _half(first)))  # "trois heures et demie"
    found.sort()
    out: list[tuple[int, int, str]] = []
    for start, end, value in found:  # overlaps: the first, longest reading
        if not out or start >= out[-1][1]:
            out.append((start, end, value))
    return out
