"""A news outlet one copy names as where a statement was told: an added name, in any row.

Round 37's census of dev flag errors (``benchmarks/flags_misses.py``) found one class of
missed true tokens in four dev batches: a copy names **the outlet a statement was told to or
reported by** — its own ("Про це повідомляє РБК-Україна", "Nach OZ-Informationen", "au micro
de la chaîne L'Équipe") or another ("gegenüber dem SWR") — and the other copy does not.  The
gold counts that as an added name (as "UNN reports" in the dev set), but the checks drop each
for a different reason: a paraphrase row reads figures only (b5, similarity .49), a German
all-caps word after an article reads as a noun (b40 "dem SWR"), the page's "l'équipe" tells the
key (b35).  What is common is the frame: a word that **takes a medium as its object**
(told to, reported by, in an interview with, on the air of).  So the rule reads the frame, not
the name: a capitalised word right after such a cue on one side, whose key the other row does
not hold, is a one-sided name.  Sources that are not media ("laut Polizei", "selon la
préfecture", "according to the IAEA", "з посиланням на МАГАТЕ") are not read: the gold calls
a moved or added source attribution no flag.

Same-language rows only (no MT in the rule); the row's confidence gate still applies (the
caller runs it on checked rows).  ``OUTLETS`` (off) is the switch.
"""

from __future__ import annotations

import re

from workbench.core.check_name_keys import _keys, _matches, _name_key

#: Switch (``flags_cv.py --switch outlets``): a medium named after a telling cue is a name.
OUTLETS = False

Flags = dict[str, dict[str, list[str]]]

_CAP = r"(?:[LlDd]['’])?[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐЁ][\w'’\-]*"
#: Cues whose object is a medium (lower-case forms; the name follows directly).
_CUES = {
    "uk": r"повідомляє|повідомляють|пише|передає|інформує|в\s+ефірі|в\s+коментарі"
          r"|в\s+інтерв['’]ю|розповів\s+виданню|розповіла\s+виданню|за\s+інформацією",
    "ru": r"сообщает|сообщают|пишет|передает|передаёт|в\s+эфире|в\s+комментарии"
          r"|в\s+интервью|рассказал\s+изданию|рассказала\s+изданию|по\s+информации",
    "de": r"gegenüber\s+(?:dem|der|den)|im\s+(?:Gespräch|Interview)\s+mit\s+(?:dem|der)?"
          r"|nach\s+Informationen\s+(?:des|der|von)|berichtet(?:e)?|dem\s+Sender|der\s+Zeitung",
    "en": r"told|in\s+an\s+interview\s+with|speaking\s+to|reported\s+by|on\s+the\s+air\s+of"
          r"|the\s+broadcaster|the\s+newspaper|the\s+channel",
    "fr": r"au\s+micro\s+de(?:\s+la\s+chaîne|\s+la\s+radio|\s+l['’]antenne)?"
          r"|à\s+l['’]antenne\s+de|a\s+(?:indiqué|déclaré|confié|expliqué)\s+à"
          r"|rapporte|dans\s+un\s+entretien\s+(?:à|avec)|la\s+chaîne|le\s+journal",
}
#: "Nach OZ-Informationen", "nach SWR-Informationen": the medium glued before the noun.
_GLUED = re.compile(r"\b[Nn]ach\s+([A-ZÄÖÜ][\w]*)-Informationen\b")


def _base(lang: str | None) -> str | None:
    return lang.split("-")[0].lower() if lang else None


def cued_outlets(text: str, lang: str | None) -> list[str]:
    """The capitalised words directly after a cue that takes a medium in ``text``."""
    base = _base(lang)
    found: list[str] = []
    if base == "de":
        found += [m.group(1) for m in _GLUED.finditer(text)]
    cue = _CUES.get(base or "")
    if cue:
        pattern = re.compile(rf"(?<!\w)(?:{cue})\s+({_CAP})")
        found += [m.group(1) for m in pattern.finditer(_lower_cues(text))]
    return found


def _lower_cues(text: str) -> str:
    """``text`` with its sentence-opening capital lowered, so a cue opening it is found
    ("Berichtet …" is rare; "Gegenüber dem SWR …" is not)."""
    return text[:1].lower() + text[1:] if text else text


def _told_by(token: str, other: str) -> bool:
    """Whether the other row names ``token``'s medium (by name key, or its letters glued in a
    word: "OZ" in "OZ-Informationen")."""
    key = _name_key(token)
    if not key:
        return True
    glued = re.compile(rf"(?<!\w){re.escape(token.casefold())}(?![^\W\d_])")
    return _matches(key, _keys(other)) or glued.search(other.casefold()) is not None


def outlet_flags(left: str, right: str, lang: str | None) -> Flags:
    """Each side's cued outlet the other row does not name (one language; empty when off)."""
    out: Flags = {}
    if not OUTLETS:
        return out
    for side, mine, theirs in (("left_only", left, right), ("right_only", right, left)):
        kept = [t for t in dict.fromkeys(cued_outlets(mine, lang)) if not _told_by(t, theirs)]
        if kept:
            out.setdefault("names", {})[side] = kept
    return out


def merged_names(flags: Flags, extra: Flags) -> Flags:
    """``flags`` with ``extra``'s names added (each token once a side)."""
    if not extra:
        return flags
    out = {kind: {side: list(t) for side, t in by.items()} for kind, by in flags.items()}
    for side, tokens in extra.get("names", {}).items():
        names = out.setdefault("names", {}).setdefault(side, [])
        names += [t for t in tokens if t not in names]
    return out
