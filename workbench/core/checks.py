"""Per-pair checks that a reader of two versions wants flagged.

* Numbers that differ: each side's numbers are normalised in its own language's
  convention (``10,000`` in English = ``10.000`` or ``10 000`` in German), then
  compared as multisets.
* Names on one side only: capitalised tokens that are not sentence-initial,
  compared on a transliterated, spelling-tolerant key (Зеленский ~ Zelensky).
  Across languages, a capitalised word only counts as a name when the machine
  translation kept it (German capitalises every noun; MT translates nouns but
  keeps names), so "Haus" is not flagged against "house".

Flags are JSON-ready: ``{"numbers": {"left_only": [...], "right_only": [...]},
"names": {...}}``, with a key only when something differs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher

from workbench.core.anchors import WORD_RE, name_key, names, normalize_number
from workbench.core.calendar_words import is_calendar_word
from workbench.core.languages import LANGUAGES
from workbench.core.number_words import word_numbers

# Languages that capitalise every noun: across languages their capitalised words
# are only name candidates when an MT of that side shows which survive translation.
NOUN_CAPITALISING = frozenset(
    {"lb"} | {code for code, lang in LANGUAGES.items() if lang.capitalises_nouns}
)


# Dates, times and ISO stamps are capture metadata or datelines, not quantities.
_DATE_LIKE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}\b"
)
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<n>[-−]?\d+(?:(?:[.,\u00a0\u202f' ])\d{3})*(?:[.,]\d+)?)"
    r"(?:st|nd|rd|th|er|e|ème|-(?:й|я|е|го|му|ї|ий|ого|ος|η|ο))?(?!\w)"  # ordinals: 65th, 65-й
)
# Scale words after a number ("60 thousand", "60 тисяч", "2,5 Millionen"): stems, any language.
_SCALES = (
    (re.compile(r"(thousand|tausend|mille|тисяч|тыс|χιλιάδ|χιλ\.|mil\b|miles)", re.I), 1000),
    (re.compile(r"(million|millionen|мільйон|млн|миллион|εκατομμύρι|εκατ\.|millón|milion)", re.I),
     10**6),
    (re.compile(r"(billion|milliarde|milliard|мільярд|млрд|миллиард|δισεκατομμύρι|δισ\.)", re.I),
     10**9),
)


def quantities(text: str, lang: str | None = None) -> list[tuple[str, str]]:
    """(as written, value) of every quantity: "60,000" = "60 000" = "60 thousand" = 60000.

    Dates and clock times are left out: they are metadata or datelines, and a
    capture stamp split into "2025", "02", "07" is no number change.
    """
    masked = _DATE_LIKE.sub(lambda m: " " * len(m.group(0)), text)
    found: list[tuple[str, str]] = []
    for m in _NUMBER.finditer(masked):
        if _next_to_month(masked, m.start(), m.end()):
            continue  # "March 14", "14. März", "February 2022": a date, not a quantity
        raw = m.group(0).strip()
        value = normalize_number(m.group("n").strip(), lang)
        found.append((raw, _with_scale(value, masked[m.end() : m.end() + 16])))
    for start, end, number in word_numbers(masked, lang):
        found.append((masked[start:end], _with_scale(str(number), masked[end : end + 16])))
    return found


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+$")  # "March 14", "Jan. 14"
_WORD_AFTER = re.compile(r"^\.?\s+([^\W\d_]+)")  # "14 March", "14. März"


def _next_to_month(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is written beside a month or weekday name."""
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    after = _WORD_AFTER.search(text[end : end + 20])
    return any(m is not None and is_calendar_word(m.group(1)) for m in (before, after))


def _with_scale(value: str, after: str) -> str:
    """``value`` times the scale word that follows it ("60" + " thousand" = 60000)."""
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


def number_differences(
    left: str, right: str, left_lang: str | None = None, right_lang: str | None = None
) -> dict[str, list[str]]:
    """Numbers (as written) whose value occurs on one side only."""
    left_q, right_q = quantities(left, left_lang), quantities(right, right_lang)
    left_raw, left_norm = [r for r, _ in left_q], [v for _, v in left_q]
    right_raw, right_norm = [r for r, _ in right_q], [v for _, v in right_q]
    only_left = Counter(left_norm) - Counter(right_norm)
    only_right = Counter(right_norm) - Counter(left_norm)
    result: dict[str, list[str]] = {}
    if only_left:
        result["left_only"] = _pick(left_raw, left_norm, only_left)
    if only_right:
        result["right_only"] = _pick(right_raw, right_norm, only_right)
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


def _name_key(token: str) -> str:
    """``name_key`` with apostrophes unified, possessives dropped and h ~ g (Гельга ~ Helga)."""
    token = re.sub(r"['’‘`´]s?$", "", token.replace("’", "'"))
    return name_key(token).replace("h", "g")


def _keys(text: str) -> set[str]:
    # each distinct token once: a long text repeats its words (linear in the vocabulary)
    return {_name_key(tok) for tok in set(WORD_RE.findall(text))}


def _matches(key: str, keys: Iterable[str]) -> bool:
    """Same skeleton, an inflected form (Kyiv ~ Kyieva) or a close spelling variant."""
    for other in keys:
        if key == other:
            return True
        short, long = sorted((key, other), key=len)
        if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3:
            return True
        if len(short) >= 5 and SequenceMatcher(None, key, other).ratio() >= 0.8:
            return True  # Volodymyr ~ Vladimir? no (0.71); Zelenskyy ~ Selenskyj: yes
    return False


_DEMONYM = re.compile(r"(ian|ean|ese|ish|ic)$")


def _followed_by_lower(text: str, token: str) -> bool:
    """Whether ``token`` is directly followed by a lower-case word (an adjective's noun)."""
    m = re.search(re.escape(token) + r"\s+(\w)", text)
    return bool(m and m.group(1).islower())


def _one_sided(
    text: str, other_keys: set[str], kept_keys: set[str] | None, other: str = ""
) -> list[str]:
    found: list[str] = []
    for token in names(text):
        if is_calendar_word(token) or (_DEMONYM.search(token) and _followed_by_lower(text, token)):
            continue  # "Saturday", "Februar"; "Ukrainian leader" (an adjective, not a name)
        key = _name_key(token)
        if kept_keys is not None and not _matches(key, kept_keys):
            continue  # translated away by MT: a common noun, not a name
        if _tail_of_shared_name(text, token, other):
            continue  # "Baltic Sea" for "Baltic", "Kharkiv Oblast" for "Kharkiv region"
        if not _matches(key, other_keys) and token not in found:
            found.append(token)
    return found


def _tail_of_shared_name(text: str, token: str, other: str) -> bool:
    """Whether ``token`` only lengthens a name the other side ends there ("Baltic Sea" / "Baltic").

    The other side must name the head and end the name with it ("the northern
    Baltic.", "Kharkiv region"): "Mayor Petra Vogt" against "Mayor Jonas Feld" or
    "North Korea" against "South Korea" are different names.
    """
    for m in re.finditer(r"([^\W\d_]{4,})\s+" + re.escape(token) + r"(?!\w)", text):
        head = m.group(1)
        if not head[0].isupper():
            continue
        for o in re.finditer(r"(?<!\w)" + re.escape(head) + r"(?!\w)(\s+[^\W\d_])?", other):
            if o.group(1) is None or not o.group(1).strip()[0].isupper():
                return True
    return False


def name_differences(
    left: str,
    right: str,
    *,
    left_mt: str | None = None,
    right_mt: str | None = None,
) -> dict[str, list[str]]:
    """Names present on one side only.

    ``left_mt`` is the left text machine-translated into the right's language
    (and ``right_mt`` the reverse); pass them for cross-language pairs.
    """
    left_kept = _keys(left_mt) if left_mt is not None else None
    right_kept = _keys(right_mt) if right_mt is not None else None
    right_keys = _keys(right) | (_keys(right_mt) if right_mt else set())
    left_keys = _keys(left) | (_keys(left_mt) if left_mt else set())
    result: dict[str, list[str]] = {}
    only_left = _one_sided(left, right_keys, left_kept, right)
    only_right = _one_sided(right, left_keys, right_kept, left)
    if only_left:
        result["left_only"] = only_left
    if only_right:
        result["right_only"] = only_right
    return result


@dataclass(frozen=True)
class FlagGate:
    """Which beads are checked at all: a wrongly paired or merely paraphrased bead
    would flag every name and number in it.

    Two separate questions: is the pairing right (the aligner's calibrated
    ``confidence``) and is it the same sentence edited rather than a paraphrase
    (the bead's ``similarity``; across languages it goes through MT and runs
    lower for the same content).  On the dev pairs, correct paraphrase beads had
    confidence up to 0.89 at similarity 0.28-0.31, the beads whose flags were
    true similarity 0.51-0.89 and confidence 0.81-0.94.  The values are chosen by
    leave-one-pair-out cross-validation in ``benchmarks/roles_flags.py``.
    """

    confidence: float = 0.5
    similarity: float = 0.5
    similarity_cross: float = 0.3


DEFAULT_GATE = FlagGate()
_CUT = re.compile(r"[.!?…:;'\"’”»)\]]\s*$")


def clip_to_cut(full: str, cut: str) -> str:
    """The part of ``full`` that ``cut`` covers when ``cut`` ends mid-sentence.

    Captures stop at a byte limit, so the last sentence of a page is often cut
    off; the words the other copy has beyond the cut are no change.
    """
    if _CUT.search(cut) or len(cut) >= len(full):
        return full
    a, b = full.split(), cut.split()
    blocks = [
        m for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size
    ]
    if not blocks or blocks[-1].b + blocks[-1].size < len(b) - 1:
        return full  # the cut side does not end inside the other text
    if sum(m.size for m in blocks) < CUT_COVER * len(b):
        return full  # not a copy cut short (a headline, a rewrite): its end is no capture limit
    return " ".join(a[: blocks[-1].a + blocks[-1].size])


#: A copy cut short by the capture repeats most of its words from the full side.
CUT_COVER = 0.6


def check_pair(
    left: str,
    right: str,
    *,
    left_lang: str | None = None,
    right_lang: str | None = None,
    left_mt: str | None = None,
    right_mt: str | None = None,
    confidence: float | None = None,
    similarity: float | None = None,
    gate: FlagGate = DEFAULT_GATE,
) -> dict[str, dict[str, list[str]]]:
    """All checks of one aligned pair; empty dict when nothing is flagged.

    Unmatched sentences (one side empty) are not checked: everything in them is
    one-sided by definition and the status already says so.  Nor are beads the
    ``gate`` refuses for their ``confidence`` (calibrated: is the pairing right);
    beads below its ``similarity`` (paraphrases) only report a figure replaced by
    one of like size.  Either test is skipped when its value is unknown.
    """
    if not left.strip() or not right.strip():
        return {}
    same = _base(left_lang) == _base(right_lang)
    if confidence is not None and confidence < gate.confidence:
        return {}
    if same:
        left, right = clip_to_cut(left, right), clip_to_cut(right, left)
    flags: dict[str, dict[str, list[str]]] = {}
    nums = number_differences(left, right, left_lang, right_lang)
    if similarity is not None and similarity < (gate.similarity if same else gate.similarity_cross):
        # a paraphrase: only a figure replaced by one of like size ("120,000" -> "130,000")
        changed = replaced_numbers(left, right, nums, left_lang, right_lang)
        return {"numbers": changed} if changed else {}
    if nums:
        flags["numbers"] = nums
    if _base(left_lang) == _base(right_lang) or left_mt is not None or right_mt is not None:
        found = name_differences(left, right, left_mt=left_mt, right_mt=right_mt)
        if _base(left_lang) != _base(right_lang):
            for side, lang, mt in (
                ("left_only", left_lang, left_mt),
                ("right_only", right_lang, right_mt),
            ):
                if _base(lang) in NOUN_CAPITALISING and mt is None:
                    found.pop(side, None)  # every noun is capitalised: no evidence
        for side, text in (("left_only", left), ("right_only", right)):
            if title_case(text):
                found.pop(side, None)  # "Zelensky Says Troops Back": every word is capitalised
        if found:
            flags["names"] = found
    return flags


def replaced_numbers(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """The one-sided numbers that pair up with one of like size on the other side.

    In a paraphrase every one-sided figure is not news ("60,000 soldiers" against
    "six times"), but a count given as 120,000 in one copy and 130,000 in the other
    is: values of 10 or more within a factor of two of a one-sided value opposite.
    """
    values = [_values(text, lang, nums.get(side, [])) for text, lang, side in
              ((left, left_lang, "left_only"), (right, right_lang, "right_only"))]  # fmt: skip
    out: dict[str, list[str]] = {}
    for side, mine, theirs in (("left_only", *values), ("right_only", *values[::-1])):
        kept = [raw for raw, v in mine if any(v >= 10 and w >= 10 and max(v, w) <= 2 * min(v, w)
                                              for _, w in theirs)]  # fmt: skip
        if kept:
            out[side] = kept
    return out if len(out) == 2 else {}


def _values(text: str, lang: str | None, raws: list[str]) -> list[tuple[str, float]]:
    """(as written, numeric value) of the listed one-sided numbers of ``text``."""
    found = []
    for raw, value in quantities(text, lang):
        if raw in raws:
            try:
                found.append((raw, float(Decimal(value))))
            except (InvalidOperation, ValueError):
                continue
    return found


def title_case(text: str) -> bool:
    """Whether most words of ``text`` (four or more) start upper-case, as headlines do."""
    words = [w for w in WORD_RE.findall(text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _base(lang: str | None) -> str | None:
    return lang.split("-")[0].lower() if lang else None
