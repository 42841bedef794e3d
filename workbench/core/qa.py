"""Quality checks between a source segment and its translation (pure functions).

What a CAT tool's QA catches before a reviewer has to: numbers that changed
value (compared as values in each language's convention, so ``10,000`` = ``10.000``),
names of the source missing from the translation (transliteration-aware, reusing
``core.checks``), glossary terms (required translation missing, forbidden one used),
empty or untranslated segments, differing leading/trailing punctuation or
whitespace, doubled words, and unbalanced quotes or brackets.

Warnings are advice, never a reason to refuse a save.  Each is a ``QAWarning``
with a stable ``check`` code (the UI translates the label) and a JSON-ready
``detail``; ``describe`` gives the English sentence the CLI prints.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.core.checks import NOUN_CAPITALISING, name_differences, number_differences
from workbench.core.terms import Term, contains, term_hits

CHECKS: tuple[str, ...] = (
    "empty",
    "untranslated",
    "numbers",
    "names",
    "glossary_missing",
    "glossary_forbidden",
    "whitespace",
    "punctuation",
    "doubled_word",
    "brackets",
    "quotes",
)

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_DOUBLED_RE = re.compile(r"\b([^\W\d_]+)\s+\1\b", re.IGNORECASE | re.UNICODE)
_CLOSERS = "\"'»«“”„‚‘’›‹)]}*"
_END_CLASSES = {
    ".": "period", "!": "exclamation", "?": "question", ":": "colon", ";": "semicolon",
    ",": "comma", "…": "ellipsis", "。": "period", "？": "question", "！": "exclamation",
}  # fmt: skip
_LEAD_CLASSES = {
    "-": "dash", "–": "dash", "—": "dash", "•": "bullet", "·": "bullet",
    "*": "bullet", "¿": "question", "¡": "exclamation", "…": "ellipsis",
}  # fmt: skip
_BRACKETS = {")": "(", "]": "[", "}": "{"}
_TYPO_QUOTES = "«»„“”‹›‚"


@dataclass(frozen=True)
class QAWarning:
    """One finding: a stable ``check`` code and JSON-ready details."""

    check: str
    detail: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON view, with the English description for consumers without a catalog."""
        return {"check": self.check, "detail": self.detail, "message": describe(self)}


def _base(lang: str | None) -> str | None:
    return lang.split("-")[0].lower() if lang else None


def _end_class(text: str) -> str:
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    if stripped.endswith("..."):
        return "ellipsis"
    return _END_CLASSES.get(stripped[-1:], "none") if stripped else "none"


def _lead_class(text: str) -> str:
    stripped = text.lstrip().lstrip("\"'»«“”„‚‘›‹([{").lstrip()
    return _LEAD_CLASSES.get(stripped[:1], "none")


def punctuation(source: str, target: str) -> list[QAWarning]:
    """Leading/trailing punctuation classes that differ (``.`` vs ``?``, dash vs none)."""
    found = []
    for where, classify in (("start", _lead_class), ("end", _end_class)):
        s, t = classify(source), classify(target)
        if s != t:
            found.append(QAWarning("punctuation", {"where": where, "source": s, "target": t}))
    return found


def whitespace(source: str, target: str) -> list[QAWarning]:
    """Leading/trailing whitespace that differs, and doubled spaces the source lacks."""
    found = []
    if source[:1].isspace() != target[:1].isspace():
        found.append(QAWarning("whitespace", {"where": "start"}))
    if source[-1:].isspace() != target[-1:].isspace():
        found.append(QAWarning("whitespace", {"where": "end"}))
    if "  " in target.strip() and "  " not in source.strip():
        found.append(QAWarning("whitespace", {"where": "inside"}))
    return found


def doubled_words(source: str, target: str) -> list[QAWarning]:
    """Words written twice in a row in the translation ("the the"), unless the source does."""
    source_doubles = {m.group(1).casefold() for m in _DOUBLED_RE.finditer(source)}
    words = [m.group(1) for m in _DOUBLED_RE.finditer(target)]
    words = [w for w in words if w.casefold() not in source_doubles]
    return [QAWarning("doubled_word", {"words": words})] if words else []


def brackets_balanced(text: str) -> bool:
    """Round, square and curly brackets close in order."""
    stack: list[str] = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in _BRACKETS:
            if not stack or stack.pop() != _BRACKETS[ch]:
                return False
    return not stack


def quotes_balanced(text: str) -> bool:
    """Straight double quotes come in pairs, and so do typographic ones (any convention)."""
    typographic = sum(text.count(q) for q in _TYPO_QUOTES)
    return text.count('"') % 2 == 0 and typographic % 2 == 0


def balance(source: str, target: str) -> list[QAWarning]:
    """Unbalanced brackets or quotes in the translation where the source is balanced."""
    found = []
    if brackets_balanced(source) and not brackets_balanced(target):
        found.append(QAWarning("brackets"))
    if quotes_balanced(source) and not quotes_balanced(target):
        found.append(QAWarning("quotes"))
    return found


def numbers(source: str, target: str, source_lang: str | None, target_lang: str | None) -> list:
    """Numbers whose value is missing from, or extra in, the translation."""
    # the translation's own convention only: "1.3" in a German text is the source's format
    diff = number_differences(source, target, source_lang, target_lang, marks=False)
    if not diff:
        return []
    missing, extra = diff.get("left_only", []), diff.get("right_only", [])
    # a figure copied as written ("42,000" in a German text, where it reads 42) was
    # listed as both missing and extra, the same spelling twice; it is named once, as
    # written in the source's format, which is what the translator has to change
    copied = Counter(missing) & Counter(extra)
    # a spelling the translation holds as written ("zehn" left in an English text, where
    # it is no number) is not missing either: the figure is there, in the source's words
    kept = Counter(m for m in _without(missing, copied) if _holds(source, target, m))
    copied += kept
    detail: dict[str, list[str]] = {
        "missing": _without(missing, copied),
        "extra": _without(extra, copied),
    }
    if copied:
        detail["source_format"] = [m for m in missing if m in copied]
    return [QAWarning("numbers", detail)]


def _holds(source: str, target: str, spelled: str) -> bool:
    """Whether ``target`` writes ``spelled`` as a word of its own (case aside) at least as
    often as ``source`` does: one "10" of two gone is still a missing 10."""
    pattern = re.compile(rf"(?<!\w){re.escape(spelled)}(?!\w)", re.IGNORECASE)
    return len(pattern.findall(target)) >= max(1, len(pattern.findall(source)))


def _without(spellings: list[str], drop: Counter[str]) -> list[str]:
    """``spellings`` less ``drop``'s counts of each, in order."""
    left = Counter(drop)
    out = []
    for spelled in spellings:
        if left[spelled] > 0:
            left[spelled] -= 1
        else:
            out.append(spelled)
    return out


def names(
    source: str, target: str, source_lang: str | None, target_lang: str | None, mt: str | None
) -> list[QAWarning]:
    """Source names absent from the translation (transliteration-aware).

    Across languages a capitalised source word only counts as a name when the
    machine translation kept it; without MT, German-style noun capitals are skipped.
    """
    same = _base(source_lang) == _base(target_lang)
    if not same and not mt and _base(source_lang) in NOUN_CAPITALISING:
        return []
    diff = name_differences(source, target, left_mt=None if same else (mt or None))
    missing = diff.get("left_only", [])
    return [QAWarning("names", {"missing": missing})] if missing else []


def glossary(
    source: str,
    target: str,
    terms: Sequence[Term],
    source_lang: str | None,
    target_lang: str | None,
) -> list[QAWarning]:
    """Required target terms missing, forbidden target terms used."""
    found: list[QAWarning] = []
    hits = term_hits(source, list(terms), source_lang)
    seen: set[tuple[str, str, bool]] = set()
    for hit in hits:
        term = hit.term
        key = (term.source, term.target, term.forbidden)
        if key in seen or not term.target.strip():
            continue
        seen.add(key)
        present = contains(target, term.target, target_lang)
        if term.forbidden and present:
            found.append(
                QAWarning("glossary_forbidden", {"source": term.source, "term": term.target})
            )
        elif not term.forbidden and not present:
            alternatives = [h.term.target for h in hits if h.term.source == term.source]
            if not any(contains(target, alt, target_lang) for alt in alternatives if alt):
                found.append(
                    QAWarning("glossary_missing", {"source": term.source, "term": term.target})
                )
    for term in terms:  # forbidden everywhere: no source term given
        if (
            term.forbidden
            and not term.source.strip()
            and contains(target, term.target, target_lang)
        ):
            found.append(QAWarning("glossary_forbidden", {"source": "", "term": term.target}))
    return found


def _untranslated(
    source: str, target: str, source_lang: str | None, target_lang: str | None
) -> bool:
    if (
        _base(source_lang) == _base(target_lang)
        or source.strip().casefold() != target.strip().casefold()
    ):
        return False
    return any(len(w) >= 4 and w.islower() for w in _WORD_RE.findall(source))


def check_translation(
    source: str,
    target: str,
    *,
    source_lang: str | None,
    target_lang: str | None,
    mt_text: str | None = None,
    terms: Sequence[Term] = (),
) -> list[QAWarning]:
    """Every check of one segment, in ``CHECKS`` order; empty list when clean."""
    if not target.strip():
        return [QAWarning("empty")] if _WORD_RE.search(source) else []
    found: list[QAWarning] = []
    if _untranslated(source, target, source_lang, target_lang):
        found.append(QAWarning("untranslated"))
    found += numbers(source, target, source_lang, target_lang)
    found += names(source, target, source_lang, target_lang, mt_text)
    found += glossary(source, target, terms, source_lang, target_lang)
    found += whitespace(source, target)
    found += punctuation(source, target)
    found += doubled_words(source, target)
    found += balance(source, target)
    return sorted(found, key=lambda w: CHECKS.index(w.check))


def summarize(warnings: Sequence[QAWarning]) -> dict[str, int]:
    """Counts per check code (for report headers)."""
    return dict(Counter(w.check for w in warnings))


def describe(warning: QAWarning) -> str:
    """The English sentence for one warning (CLI output, API ``message``)."""
    d = warning.detail
    texts = {
        "empty": "the translation is empty",
        "untranslated": "the translation is identical to the source",
        "numbers": "numbers differ: missing {missing}, extra {extra}",
        "names": "names missing from the translation: {missing}",
        "glossary_missing": "glossary: {source!r} should be translated as {term!r}",
        "glossary_forbidden": "glossary: forbidden term {term!r} used",
        "whitespace": "whitespace differs ({where})",
        "punctuation": "punctuation at the {where} differs: source {source}, translation {target}",
        "doubled_word": "doubled word: {words}",
        "brackets": "brackets are not balanced",
        "quotes": "quotes are not balanced",
    }
    values = {k: ", ".join(v) if isinstance(v, list) else v for k, v in d.items()}
    for key in ("missing", "extra"):
        values.setdefault(key, "")
        values[key] = values[key] or "none"
    if values.get("source_format"):  # "missing none, extra none" would say nothing
        parts = [f"{key} {values[key]}" for key in ("missing", "extra") if d.get(key)]
        parts.append(f"written in the source language's format: {values['source_format']}")
        return "numbers differ: " + ", ".join(parts)
    return texts.get(warning.check, warning.check).format(**values)
