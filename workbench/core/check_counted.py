"""Small counts of one noun in a rewritten row; a headline's figure the other lacks.

Why a module of its own: ``core.checks`` reads a paraphrase row (similarity under the
gate) for replaced figures only, and ``check_numbers.replaced_numbers`` takes counts
under 10 for wording ("two men" against "three women" is no changed fact).  Round 20's
unseen French rewrite (batch 68, now dev) told "Deux passagers ont été légèrement
blessés" against "trois passagers ont été légèrement blessés" in such a row, and the
one true change of the pair was missed.  What marks it is the noun: both counts count
the same word right after them ("passagers" / "passagers"), which "two men" / "three
women" do not.  Same language only (across languages the nouns differ; the figure
twins, ``check_twins``, read translations).

And two rewritten headlines tell different selections of a story: a figure in one
headline against a headline with no figure of its own that differs ("… під землею вже
220 людей" against "… гірники другу добу не підіймаються з шахти") is a detail one
headline picked, not a changed figure (``HEADLINE_FIGURES``).

Round 23 keeps such a headline figure unless the other page tells its value elsewhere
(``HEADLINE_TOLD``: dropping them all lost a true one), and takes away a count the other
side tells inside a closed compound of its noun ("zwölf Stunden" / "zwölfstündiger",
``COMPOUNDS``).

``COUNTED_NOUNS``, ``HEADLINE_FIGURES``, ``HEADLINE_TOLD`` and ``COMPOUNDS`` switch them
(``benchmarks/flags_cv.py --switch counted_nouns`` / ``headline_figures`` /
``headline_told`` / ``compounds``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from workbench.core.anchors import WORD_RE, fold
from workbench.core.check_numbers import drop_told, quantities, value_of
from workbench.core.number_words import compound_heads

COUNTED_NOUNS = True
COMPOUNDS = True
HEADLINE_FIGURES = False
HEADLINE_TOLD = True

#: The letters two forms of a counted noun must share ("passagers" / "passager", "людей").
MIN_STEM = 4

_NEXT_WORD = re.compile(r"\s+(?:de\s+|d['’]|of\s+)?([^\W\d_]+)")


def counted_word(text: str, start: int) -> str:
    """The folded word right after a figure ending at ``start`` ("passagers"), a French
    "de" / English "of" passed over ("deux millions de passagers"); empty if none."""
    m = _NEXT_WORD.match(text, start)
    return fold(m.group(1)) if m else ""


def _counts(text: str, lang: str | None, raws: list[str]) -> list[tuple[str, float, str]]:
    """(as written, value, the word it counts) of the listed one-sided figures of ``text``."""
    out = []
    position = 0
    for raw, value in quantities(text, lang):
        at = text.find(raw, position)
        if at < 0:
            continue
        position = at + len(raw)
        if raw not in raws:
            continue
        try:
            number = float(Decimal(value))
        except (InvalidOperation, ValueError):
            continue
        out.append((raw, number, counted_word(text, position)))
    return out


def _same_noun(a: str, b: str) -> bool:
    need = max(MIN_STEM, min(len(a), len(b)) - 2)
    return min(len(a), len(b)) >= MIN_STEM and a[:need] == b[:need]


def counted_changes(
    left: str, right: str, nums: dict[str, list[str]], lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """The one-sided counts of a same-language row that count the same noun as a different
    one-sided count opposite ("Deux passagers" / "trois passagers"), by side; else ``{}``."""
    if not COUNTED_NOUNS or not nums.get("left_only") or not nums.get("right_only"):
        return {}
    mine = _counts(left, lang, nums["left_only"])
    theirs = _counts(right, lang, nums["right_only"])
    out: dict[str, list[str]] = {}
    for raw, value, noun in mine:
        for other_raw, other_value, other_noun in theirs:
            if value != other_value and _same_noun(noun, other_noun):
                if raw not in out.get("left_only", []):
                    out.setdefault("left_only", []).append(raw)
                if other_raw not in out.get("right_only", []):
                    out.setdefault("right_only", []).append(other_raw)
    return out


def headline_figures(
    nums: dict[str, list[str]], titles: bool,
    told: tuple[frozenset[str], frozenset[str]] | None = None,
    langs: tuple[str | None, str | None] = (None, None),
) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` of a row; of two headlines (``titles``) only when both sides hold a one-sided
    figure (a replaced figure), not a figure one headline picked and the other left out.

    ``told`` (each page's values, ``PageTokens.values``) narrows the second case to a figure
    the other page tells elsewhere (``HEADLINE_TOLD``): "… – zwei Feuerwehrleute verletzt"
    against a headline on the residents' windows, where both bodies tell "zwei
    Feuerwehrleute" (round 22's unseen dpa copy, batch 76); a figure the other page never
    tells stays a flag (the story one headline adds).
    """
    if not titles or len(nums) != 1:
        return nums
    if HEADLINE_FIGURES:
        return {}
    if not HEADLINE_TOLD or told is None:
        return nums
    side, tokens = next(iter(nums.items()))
    mine, theirs = (0, 1) if side == "left_only" else (1, 0)
    kept = [t for t in tokens if value_of(t, langs[mine]) not in told[theirs]]
    return {side: kept} if kept else {}


def without_compounds(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` less the one-sided counts the other side tells inside a closed compound of
    the noun they count: "für zwölf Stunden" against "ein zwölfstündiger Warnstreik" (a dpa
    copy and its rewrite, batch 40), "zwei Jahre" / "zweijährige" (``COMPOUNDS``)."""
    if not COMPOUNDS:
        return nums
    return drop_told(left, right, nums, left_lang, right_lang, _told_in_compounds)


def _told_in_compounds(
    tokens: list[str], mine: str, lang: str | None, theirs: str, their_lang: str | None,
) -> set[str]:  # fmt: skip
    heads = [(value, fold(rest)) for word in WORD_RE.findall(theirs)
             for value, rest in compound_heads(word, their_lang)]  # fmt: skip
    return {raw for raw, value, noun in _counts(mine, lang, tokens)
            if any(value == v and _same_noun(noun, rest) for v, rest in heads)}  # fmt: skip
