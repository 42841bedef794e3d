"""What a line of a scraped page looks like on its own: shape, chrome, stamps, credits.

Why a module of its own: these tests read one segment (its length, punctuation,
capitalisation, dates, credits, bylines, addresses) and nothing of the page
around it, so ``core.page_evidence`` can combine them with position, repetition
and cohesion across the page.  No site's vocabulary: word classes (calendar
words from CLDR, credit and byline markers) and shapes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from workbench.core.calendar_words import is_calendar_word
from workbench.core.role_params import DEFAULT_PARAMS, RoleParams  # noqa: F401 (re-exported)
from workbench.core.role_phrases import READING_TIME
from workbench.core.seg import Seg

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: A sentence end, closing quotes (German „…“ closes with “) and brackets, then perhaps a
#: footnote mark ("….[1]", "….¹").
_TERMINAL = re.compile(r"[.!?…]['\"‘’“”»›)\]]*(\[\d{1,3}\]|[¹²³⁴-⁹]+)?$")
#: A post on a social channel ends its sentences in emoji ("… ноту протесту 🤡"): a
#: pictograph (with its variation selector or skin tone) after a word ends a sentence.
_PICTO = "\U0001F000-\U0001FAFF\u2600-\u27BF"
_EMOJI_END = re.compile(
    rf"\w[.!?…'\"’”»)]*\s*[{_PICTO}][\uFE0F\u200D\U0001F3FB-\U0001F3FF{_PICTO}]*$"
)
#: Clock times include the spaced French form "18 h 31" (Canada, Switzerland).
_DATE_TOKEN = re.compile(
    r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|\d{1,2}(?::|h| h )\d{2}(?::\d{2})?|\d+(?:st|nd|rd|th)?",
    re.I,
)
_FULL_DATE = re.compile(
    r"\d{1,4}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}(?::|h| h )\d{2}\b|\b(19|20)\d\d\b"
)
_PHOTO_LABEL = (r"(photo|photograph|foto|фото|image|bild|credit|crédit|illustration"
                r"|ілюстрація|иллюстрация|φωτογραφία|φωτ)")
#: A credit line.  A label with French "de"/"par" ("Photo de …", "Crédit par …") only where
#: the label opens the line or follows a stop, a bracket or a dash: mid-sentence "le crédit de
#: 18,4 millions" is a loan (round 19, batch 37).
_CREDIT = re.compile(
    rf"(©|\(c\)\s|\b{_PHOTO_LABEL}\b\s*(by|:|/|von)"
    rf"|(?:^|(?<=[.!?:;|/(–—-])\s*|(?<=\s\s))\b{_PHOTO_LABEL}\s+(de|par)\b|\b(getty images"
    r"|afp photo|ap photo|reuters/|epa|shutterstock)\b"
    # a wire credit line: "Ouest-France avec AFP", "mit Material von dpa"
    r"|\b(avec|with|mit|von|и|і|з|с|με)\s+(l'|der\s)?(afp|ap|reuters|dpa|ansa|efe|apa|tass"
    r"|ria|ukrinform|укрінформ|ана-мпа|απε-μπε)\b)",
    re.I,
)
# A photo credit closing a caption: "... 30 novembre 2026. STOYAN NENOV / REUTERS".
_UPPER = r"[^\W\d_a-zß-ÿа-яα-ω]{2,}"  # a word with no lower-case letter
#: A word in capitals alone ("AFP", "ANDREI MOCANU", "KEYSTONE"): an agency or a name credited.
UPPER_WORD = re.compile(rf"(?<!\w){_UPPER}(?!\w)")
_CREDIT_TAIL = re.compile(
    rf"(?<![\w/]){_UPPER}[^a-zß-ÿа-яα-ω/]{{0,30}}\s?/\s?{_UPPER}[^a-zß-ÿа-яα-ω]{{0,30}}$"
)
# Credits closing a caption: "... - Copyright AFP JULIEN DE ROSA", "... (JULIEN DE ROSA)".
_CREDIT_END = re.compile(
    rf"(\b(?i:copyright)\s+[^.!?]{{0,50}}|\(\s*{_UPPER}(\s+{_UPPER}){{1,4}}\s*\))\.?$"
)
#: A temperature reading: "-2°", "+3°C", "21°F", "−7 °C" (one or two digits, a degree sign).
_TEMPERATURE = re.compile(r"(?<![\w.,])[+\-−]?\d{1,2}\s?°\s?[CF]?(?!\w)")
#: A weather widget is this short: "Salzburg -2° Schneefall", "Weather -2°C Gander",
#: "Kyiv  +1°C  USD  41.52  EUR  44.07" (place, reading, sky; rates beside it).
WIDGET_WORDS = 4
#: A web address, bare domain or handle ("https://apnews.com/hub", "ertnews.gr", "@AFP"):
#: a widget or an embed, not copy.
_ADDRESS = re.compile(
    r"https?://|www\.|(?<!\w)@\w{2,}|\b[\w-]+\.(com|org|net|info|gr|de|fr|ru|ua|uk|eu|it|es|pl|at|ch)\b",
    re.I,
)
_ACRONYM = re.compile(r"[^\W\d_a-zß-ÿа-яα-ω]{2,6}")  # "AFP", "ДСНС": an agency name alone
_PHOTO_WORD = re.compile(
    r"^(photo|foto|фото|bild|image|illustration|ілюстрація|иллюстрация|φωτογραφία)\b", re.I
)
_CAPTION_END = re.compile(
    r"\((file |archive |archiv|illustrative |symbol)?(photo|foto|фото|image|picture|bild|photo d)"
    r"[^()]{0,60}\)\.?$",
    re.I,
)
_BYLINE = re.compile(
    r"^(by|written by|reporting by|text by|von|text|autor|autorin|par|rédigé par|auteur"
    r"|автор|текст|від|από|του|της)\s*:?\s+\S",
    re.I,
)
#: A byline keyword opening a number ("Von 31 Filialen sollen 14 …", "By 11:30 am, …"): a
#: sentence, since a byline names its author (round 43, ``RoleParams.byline_number``).
_BYLINE_NUMBER = re.compile(_BYLINE.pattern.replace(r"\S", r"\d"), re.I)
_STRAY = re.compile(r"^[\W_]*$")
#: A running time closing a line: "(2 Min)", "(1:23)", "(3 мин.)", "(45 sec)".
_DURATION_END = re.compile(
    r"\(\s*(\d{1,2}:\d{2}(:\d{2})?|\d{1,3}\s?(min|mins|minutes?|minuten?|sek|sec|s|мин|хв|сек"
    r"|λεπτά)\.?)\s*\)$",
    re.I,
)
_SIGN_OFF = re.compile(r"[^\W\d_]{1,6}(?:\s?/\s?[^\W\d_]{1,6}){1,5}\.?")


#: A line addressed to the reader sharing at most this share of its content words
#: with the story is the site talking (a third: one or two common words by chance).
ADDRESS_COHESION = 0.34


@dataclass(frozen=True)
class Shape:
    """What a segment looks like, independent of its neighbours."""

    words: int
    terminal: bool
    caps: float  # share of words starting upper-case
    lower: float  # share of words starting lower-case
    starts_line: bool
    ends_line: bool
    stems: frozenset[str]


def stems(text: str) -> frozenset[str]:
    """Content-word stems: words of 5+ letters cut to 5 (crude, language-agnostic)."""
    return frozenset(w.casefold()[:5] for w in _WORD.findall(text) if len(w) >= 5)


def shapes(segs: Sequence[Seg]) -> list[Shape]:
    """Every segment's shape.  About fifteen role passes ask for the page's shapes;
    what a shape reads of the text alone is computed once per distinct text
    (``_text_shape``), so the passes after the first only look it up (round 37: a
    quarter of ``assign_roles`` on a large page went to recomputing it)."""
    out = []
    last = len(segs) - 1
    for i, seg in enumerate(segs):
        words, terminal, caps, lower, seg_stems = _text_shape(seg.text)
        starts = i == 0 or "\n" in segs[i - 1].separator or "\r" in segs[i - 1].separator
        out.append(
            Shape(
                words=words,
                terminal=terminal,
                caps=caps,
                lower=lower,
                starts_line=starts,
                ends_line=i == last or bool(re.search(r"[\r\n]", seg.separator)),
                stems=seg_stems,
            )
        )
    return out


@lru_cache(maxsize=1 << 15)
def _text_shape(text: str) -> tuple[int, bool, float, float, frozenset[str]]:
    """Words, sentence end, capitalised and lower-case shares, stems of one text."""
    words = _WORD.findall(text)
    n = max(1, len(words))
    return (
        len(words),
        bool(_TERMINAL.search(text) or _EMOJI_END.search(text)),
        sum(1 for w in words if w[0].isupper()) / n,
        sum(1 for w in words if w[0].islower()) / n,
        stems(text),
    )


def is_prose(shape: Shape, last: bool, p: RoleParams) -> bool:
    """A running-text sentence (the last one may be cut off by the capture)."""
    return shape.words >= p.prose_words and shape.lower >= 0.3 and (shape.terminal or last)


def is_title_like(shape: Shape, p: RoleParams) -> bool:
    """A line on its own, not too long, not ending like a sentence."""
    own_line = shape.starts_line and shape.ends_line
    return own_line and 2 <= shape.words <= p.headline_words and not shape.terminal


def nav_row(text: str, shape: Shape, lowered: frozenset[str], least: int) -> bool:
    """A menu row ("SWR Aktuell Baden-Württemberg Rheinland-Pfalz Wetter Verkehr"): ``least``
    or more words, every one capitalised, none of which the story writes in lower case.

    A title in Title Case ("Kharkiv Opens Its Seventh Underground School") capitalises
    words the story writes lower-case ("its", "school"); a menu's names and sections
    stay capitalised wherever the story uses them.  ``lowered``: the story's lower-case
    words, casefolded.
    """
    if not least or shape.terminal or shape.words < least or shape.lower > 0:
        return False
    return not any(w.casefold() in lowered for w in _WORD.findall(text))


def lowered_words(texts: Sequence[str]) -> frozenset[str]:
    """The words ``texts`` write in lower case, casefolded (for ``nav_row``)."""
    return frozenset(w.casefold() for t in texts for w in _WORD.findall(t) if w[0].islower())


@lru_cache(maxsize=1 << 15)
def is_metadata(text: str) -> bool:
    """A date/time line with at most four other words (capture stamp, dateline).

    A line that is not a sentence and carries two or more full dates or times
    ("Publié le 3 décembre 2026 à 14h22, modifié à 15h10") may have six.  Cached
    per text: several passes ask it of the same lines (round 37).
    """
    words = _WORD.findall(_DATE_TOKEN.sub(" ", text))
    rest = [w for w in words if not is_calendar_word(w)]
    dated = bool(_FULL_DATE.search(text)) or (len(rest) < len(words) and _DATE_TOKEN.search(text))
    if not dated:
        return False
    stamps = len(_FULL_DATE.findall(text))
    return len(rest) <= 4 or (stamps >= 2 and len(rest) <= 6 and not _TERMINAL.search(text))


#: A line's last word of at most four letters after a space or slash, and its period: an
#: abbreviation ("ATS/réd.", "Lesedauer: 2 Min."), not a sentence's end.
_ABBREVIATED = re.compile(r"(?<=[\s/])[^\W\d_]{1,4}\.$")


def stamp_text(text: str, p: RoleParams) -> bool:
    """A date stamp line (``is_metadata``), with ``abbrev_stamp`` also one whose final period
    closes an abbreviated credit ("Publié le 9 novembre 2027 à 18h12 ATS/réd.", round 42)."""
    if is_metadata(text):
        return True
    return p.abbrev_stamp and bool(_ABBREVIATED.search(text)) and is_metadata(text[:-1])


def _byline_text(text: str, p: RoleParams) -> bool:
    """A byline keyword and a name; with ``byline_number`` never one opening a number."""
    return bool(_BYLINE.match(text)) and not (p.byline_number and _BYLINE_NUMBER.match(text))


def chrome_shape(text: str, shape: Shape, p: RoleParams, stamps: bool = True) -> bool:
    """Chrome recognisable from the line alone: stray marks, stamps, credits, bylines.

    ``stamps=False`` leaves date and time stamps out (a dated sentence in a story's line).
    """
    if _STRAY.match(text) or shape.words == 0:
        return True
    if stamps and stamp_text(text, p):
        return True
    short = shape.words <= 12
    if short and (_CREDIT.search(text) or _byline_text(text, p) and shape.caps >= 0.5):
        return True
    if _credit_at_end(text):
        return True  # a caption of any length closed by its credit ("… AP Photo/Name Name")
    if shape.words <= 4 and _PHOTO_WORD.match(text):
        return True  # "Фото ілюстративне", "Bild vergrößern"
    if _SIGN_OFF.fullmatch(text.strip()):
        return True  # an agency sign-off: "mrc/dpa/AFP", "jhe/lby", "kle/sti"
    if _CREDIT_TAIL.search(text) or _CREDIT_END.search(text) or _ACRONYM.fullmatch(text):
        return True
    if _ADDRESS.search(text) and not _TERMINAL.search(text):
        return True  # "Follow AP's coverage at https://...", "... ertnews.gr στο Google News"
    if _DURATION_END.search(text) and not _TERMINAL.search(text):
        return True  # a video or audio embed: "Video: Passagiere in Mukran an Land (2 Min)"
    if shape.words <= WIDGET_WORDS and _TEMPERATURE.search(text) and not shape.terminal:
        return True  # a weather widget, never a title or its kicker ("Weather -2°C Gander")
    if stamps and _stamp_row(text):
        return True  # "Par AFP  Publié le 29/11/2026 à 14:31  Temps de lecture: 2 min"
    return bool(_CAPTION_END.search(text)) or is_aside(text, shape)


def label_led(text: str) -> bool:
    """A box printed on one line: a short label, a wide gap, then its text.

    "Where to watch biathlon  Find out which broadcaster shows …", "Newsletter  Sign
    up for …", "Sondage  Avez-vous été privé …", "Numéros utiles  Enedis : 09 72 …":
    a widget's heading and blurb scraped onto one line.  Story sentences are not
    printed after a label and a gap (a dateline opening the lead is, and the caller
    leaves the story's first sentence alone).
    """
    items = [c for c in re.split(r"\s{2,}", text.strip()) if c]
    if len(items) < 2:
        return False
    label, rest = items[0], items[1]
    if not (label[0].isupper() and (rest[0].isupper() or rest[0].isdigit())):
        return False  # a sentence with a stray double space: "The court  ruled …"
    return 1 <= len(_WORD.findall(label)) <= LABEL_WORDS and not _TERMINAL.search(label) \
        and not label.endswith((":", ",", ";"))


#: The label of a one-line box is at most this many words ("Create your free Olympics account").
LABEL_WORDS = 6


def is_sign_off(text: str, shape: Shape) -> bool:
    """An agency sign-off on a line of its own: "(sda/awp/reu)", "ats/vajo", "(Reporting by …)".

    Wire copy ends with it, so it marks where the story stops.  A bracketed photo
    credit is no sign-off.
    """
    text = text.strip()
    if not (shape.starts_line and shape.ends_line):
        return False
    if _SIGN_OFF.fullmatch(text):
        return True
    return is_aside(text, shape) and not (_CREDIT.search(text) or _PHOTO_WORD.search(text[1:]))


def _stamp_row(text: str) -> bool:
    """A header row of byline, stamps and reading time set apart by wide gaps.

    Each item alone is chrome (a byline, a date with a few words, a reading time);
    printed on one line the row is too long for any of those tests.  A stamp item
    may carry five words ("Mis à jour le 29/11/26 à 11h02").
    """
    items = [c.strip() for c in re.split(r"\s{2,}", text.strip()) if c.strip()]
    if len(items) < 2 or _TERMINAL.search(text):
        return False

    def stamp(item: str) -> bool:
        if is_metadata(item) or READING_TIME.search(item.casefold()):
            return True
        if _BYLINE.match(item) and len(item.split()) <= 5:
            return True
        rest = [w for w in _WORD.findall(_DATE_TOKEN.sub(" ", item)) if not is_calendar_word(w)]
        return bool(_FULL_DATE.search(item)) and len(rest) <= 5

    return all(stamp(item) for item in items)


def _credit_at_end(text: str) -> bool:
    """A line not ending like a sentence whose last few words are a credit.

    A caption runs as long as it likes, but its credit ("© Expa/Johann Groder/APA/dpa",
    "AP Photo/Johann Groder") sits at its end, and a story sentence ends in a full stop.
    """
    if _TERMINAL.search(text) or len(text) > 400:
        return False
    tail = len(text) - CREDIT_TAIL_CHARS
    if _PHOTO_NAMED.search(text):
        return True  # "Паводок у Тячеві, 27 листопада 2026 р. Фото ДСНС"
    return any(m.start() >= tail for m in _CREDIT.finditer(text)) or "©" in text[tail:]


#: A caption's last words: a photo word and one to four capitalised names ("Foto dpa" is
#: lower-case and left to the other credit shapes).
_PHOTO_NAMED = re.compile(
    r"(?<!\w)(?i:photo|foto|фото|bild|φωτο|φωτογραφία)\s+(?:[^\W\d_a-zß-ÿа-яα-ω][\w.&-]*\s*){1,4}$"
)


#: A caption's credit starts within this many characters of the line's end.
CREDIT_TAIL_CHARS = 45


def is_aside(text: str, shape: Shape) -> bool:
    """A remark wholly in brackets: "(AFP)", "(Reporting by ...; Editing by ...)".

    Short, or on a line of its own (a credit note under the story runs to 20+ words;
    a story sentence is not printed as a bracketed line).
    """
    own_line = shape.starts_line and shape.ends_line
    if shape.words > (ASIDE_LINE_WORDS if own_line else 12):
        return False
    return bool(re.fullmatch(r"[(\[][^()\[\]]+[)\]]\.?", text))


#: A bracketed line of its own is a credit note up to this many words.
ASIDE_LINE_WORDS = 30


def _byline(seg: Seg, shape: Shape) -> bool:
    return shape.words <= 12 and bool(_BYLINE.match(seg.text)) and shape.caps >= 0.5


def _introduced_by_label(i: int, segs: Sequence[Seg], sh: Sequence[Shape]) -> bool:
    """A sentence that opens with the name on the short label line above it.

    "Dmytro Basko  News Editor" / "Dmytro Basko is a news editor…", "AFP" /
    "Agence France-Presse (AFP) is a global news agency…": a bio under its byline
    box.  The label must look like a name (two or more capitalised words, or an
    acronym), so a one-word crosshead followed by a sentence about it is not one.
    """
    if i == 0 or not sh[i].starts_line:
        return False
    label, mine = segs[i - 1].text.strip(), segs[i].text.strip()
    if sh[i - 1].terminal or len(label.split()) > 5:
        return False
    if _ACRONYM.fullmatch(label):
        return f"({label})" in mine[:80] or mine.startswith(label + " ")
    name = label.split()[:2]
    named = len(name) == 2 and all(w[:1].isupper() for w in name) and sh[i - 1].caps >= 0.75
    return named and mine.casefold().startswith(" ".join(name).casefold() + " ")


def cohesion(shape: Shape, story: frozenset[str]) -> float | None:
    """Share of the line's content words that the story uses (None: too few to tell)."""
    if len(shape.stems) < 2:
        return None
    return len(shape.stems & story) / len(shape.stems)


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _story_stems(shape_list: Sequence[Shape], prose: Sequence[int]) -> frozenset[str]:
    found: set[str] = set()
    for i in prose:
        found |= shape_list[i].stems
    return frozenset(found)
