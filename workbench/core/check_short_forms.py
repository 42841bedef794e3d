"""A name told in a short form: "Нацбанк" / "Національний банк", "Bureau … (BEA)" / "BEA".

Why a module of its own: ``core.checks`` flags a capitalised word one side of a row has
and the other lacks.  Two copies often name one institution in two forms, and each form
alone has no spelling in common with the other, so the name keys (``check_name_keys``)
never meet.  Round 20's unseen pages raised two such names (batches 67 and 68, now dev):

* a **clipped compound** ("Нацбанк", "Мінфін", "Укрзалізниця", "Минобороны"): the first
  letters of a name's first word (three at least, not all of it) glued to its next word
  ("Національний банк", "Міністерство фінансів", "Українська залізниця").  When the other
  copy writes the full two-word name anywhere in its story (its page), the short form is
  the same institution, as an acronym the other copy spells out already is
  (``check_nouns.spelled_acronyms``);
* a **spelled-out acronym's words** ("Le Bureau d'enquêtes et d'analyses (BEA)" / "Le
  BEA"): a capitalised word of a run whose initials spell an acronym the other side of
  the row writes is that acronym's name told in full.

Both read only the pair's own text and its pages; no word list.  ``SHORT_FORMS`` switches
them (``benchmarks/flags_cv.py --switch short_forms``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.core.anchors import fold

SHORT_FORMS = True

#: The fewest letters of the first word a clipped compound keeps ("Нац", "Мін", "Укр").
MIN_CLIP = 3
#: The most words a spelled-out acronym's run may span (as ``check_nouns._spelled``).
MAX_RUN = 6

_WORD = re.compile(r"[^\W\d_][\w'’]*")
_ELIDED = re.compile(r"^(?:[ldjnsmtc]|qu)['’](?=\w)", re.I)  # "d'enquêtes": initial "e"


def name_pairs(texts: Iterable[str]) -> frozenset[tuple[str, str]]:
    """Each capitalised word and the word after it (folded), over ``texts``: the two-word
    names a clipped compound may stand for ("Національний банк")."""
    out: set[tuple[str, str]] = set()
    for text in texts:
        words = _WORD.findall(text)
        for first, second in zip(words, words[1:], strict=False):
            if first[0].isupper() and len(first) > MIN_CLIP and len(second) >= MIN_CLIP:
                out.add((fold(first), fold(second)))
    return frozenset(out)


def clipped_compound(token: str, pairs: frozenset[tuple[str, str]]) -> str:
    """The initials of the two-word name of ``pairs`` whose first word's start (three
    letters at least, not the whole word) glued to the next word or its stem ``token`` is
    ("Нацбанк" = "Нац|іональний" + "банк": "nb", folded; "Нацбанку" also reads "банк" from
    "банку"); empty when it is none."""
    word = fold(token)
    for cut in range(MIN_CLIP, len(word) - MIN_CLIP + 1):
        head, tail = word[:cut], word[cut:]
        for first, second in pairs:
            if len(first) > cut and first.startswith(head) and _same_stem(tail, second):
                return first[0] + second[0]
    return ""


def _same_stem(tail: str, word: str) -> bool:
    """Whether two forms share all of the shorter's letters but its last two ("банк" /
    "банку", "фін" / "фінансів"), three at least."""
    shorter = min(len(tail), len(word))
    need = max(MIN_CLIP, shorter - 2)
    return shorter >= MIN_CLIP and tail[:need] == word[:need]


def spelled_words(text: str, acronyms: frozenset[str]) -> frozenset[str]:
    """The capitalised words of runs of ``text`` whose initials spell one of ``acronyms``
    ("Bureau" of "Bureau d'enquêtes et d'analyses" when "BEA" is among them).  A run
    starts at a capitalised word; each word gives its initial (after an elided article),
    short lower-case words may be left out, as ``check_nouns._spelled`` reads them."""
    if not acronyms:
        return frozenset()
    words = _WORD.findall(text)
    found: set[str] = set()
    for start, word in enumerate(words):
        if word[0].isupper():
            run = words[start : start + MAX_RUN]
            for end in _spelling_ends(run, acronyms):
                found |= {w for w in run[:end] if w[0].isupper()}
    return frozenset(found)


def _spelling_ends(run: list[str], acronyms: frozenset[str]) -> list[int]:
    """The lengths of the prefixes of ``run`` whose initials can spell one of ``acronyms``."""
    ends = []
    partial = {""}
    for k, word in enumerate(run):
        initial = _ELIDED.sub("", word)[:1].upper()
        grown = {p + initial for p in partial}
        if len(word) <= 2 and word.islower() or word.lower() in ("et", "and", "und", "of"):
            grown |= partial  # "et", "of", "з": may be left out of the acronym
        partial = grown
        if k and partial & acronyms:
            ends.append(k + 1)
    return ends


def acronyms_of(text: str) -> frozenset[str]:
    """The acronyms ``text`` writes: words of three to six capitals ("BEA", "НБУ"; two
    letters, "US", "EU", are spelled by too many pairs of capitalised words by chance)."""
    return frozenset(w for w in _WORD.findall(text) if 3 <= len(w) <= MAX_RUN and w.isupper())


def without_short_forms(
    found: dict[str, list[str]], left: str, right: str,
    pairs: tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]]],
) -> dict[str, list[str]]:  # fmt: skip
    """``found`` (one-sided names by side) less the names the other side tells in another
    form: a clipped compound of a two-word name on the other page (``pairs``: each page's
    ``name_pairs``) and the acronym opposite that starts with that name's initials ("НБУ"
    against "Нацбанк"), or a word of a run spelling an acronym the other side of the row
    writes."""
    if not SHORT_FORMS:
        return found
    clipped = {side: {t: clipped_compound(t, theirs) for t in found.get(side, [])}
               for side, theirs in (("left_only", pairs[1]), ("right_only", pairs[0]))}
    out: dict[str, list[str]] = {}
    for side, text, other, opposite in (("left_only", left, right, "right_only"),
                                        ("right_only", right, left, "left_only")):  # fmt: skip
        spelled = spelled_words(text, acronyms_of(other))
        initials = {i for i in clipped[opposite].values() if i}
        kept = [t for t in found.get(side, []) if t not in spelled and not clipped[side][t]
                and not (t.isupper() and fold(t)[:2] in initials)]  # fmt: skip
        if kept:
            out[side] = kept
    return out
