"""A share told as a fraction on one side and as a percentage on the other.

Why a module of its own: ``core.check_numbers`` compares counts, and a fraction
word is none ("ein Drittel" has no digits), so "ein Drittel" against "30
Prozent" flagged only the "30", and "a third" against "33 percent" flagged a
"33" that tells the same share (round 14's unseen batch 45).  Here the two
forms are compared as values (``core.fraction_words``: a third is 33.3 %):

* a one-sided percentage that a one-sided fraction opposite rounds to (within
  ``ROUNDING`` points: a third ~ 32-34 %, a half ~ 49-51 %; a hedge widens either
  end, "knapp die Hälfte" ~ 45-50 %, as ``core.check_rounded`` reads hedges) is
  the same share: the percentage is no flag;
* a one-sided percentage that no such fraction matches, facing a one-sided
  fraction, is a changed share: the fraction is flagged too ("Drittel" beside "30");
* two one-sided shares whose ranges do not meet are a changed share ("jeder dritte
  Zug" against "jeder vierte Zug", dev batch 40).

A fraction facing no percentage raises nothing: "half of the residents" against
"many residents" is wording, not a changed figure.
"""

from __future__ import annotations

import re
from collections import Counter

from workbench.core.check_rounded import Figure, figures, hedge_before
from workbench.core.fraction_words import Share, shares

#: How far (percentage points) a percentage may sit from a fraction it rounds to.
ROUNDING = 1.5
#: How far a hedge ("mehr als", "nearly", "knapp") stretches a fraction on its side.
HEDGE = 5.0
# An article between a hedge and its fraction: "knapp die Hälfte", "presque la moitié".
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:die|der|the|la|le|les)\s+$", re.I)
#: Read fractions against percentages (``benchmarks/flags_cv.py`` switch ``fractions``).
FRACTIONS = True


def share_range(text: str, share: Share) -> tuple[float, float]:
    """The percentages ``share`` allows: its value give or take ``ROUNDING``, or
    stretched ``HEDGE`` points up ("more than a third") or down ("nearly half")."""
    article = _ARTICLE_BEFORE.search(text[max(0, share.start - 8) : share.start])
    how = hedge_before(text, share.start - (len(article.group(0)) if article else 0))
    if how in ("above", "least"):
        return share.percent, share.percent + HEDGE
    if how in ("nearly", "below"):
        return share.percent - HEDGE, share.percent
    return share.percent - ROUNDING, share.percent + ROUNDING


def _one_sided(mine: list[Share], theirs: list[Share]) -> list[Share]:
    """The fractions of one side whose value the other side does not tell as a fraction."""
    left = Counter(s.percent for s in theirs)
    out = []
    for share in mine:
        if left[share.percent] > 0:
            left[share.percent] -= 1
        else:
            out.append(share)
    return out


def with_fractions(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` (one-sided figures per side) with fractions read against percentages."""
    if not FRACTIONS:
        return nums
    left_shares, right_shares = shares(left), shares(right)
    if not (left_shares or right_shares):
        return nums
    lone = {"left_only": _one_sided(left_shares, right_shares),
            "right_only": _one_sided(right_shares, left_shares)}  # fmt: skip
    out = {side: list(tokens) for side, tokens in nums.items()}
    for side, text, lang, other, opposite in (
        ("left_only", left, left_lang, right, "right_only"),
        ("right_only", right, right_lang, left, "left_only"),
    ):
        percents = [f for f in figures(text, lang, nums.get(side, [])) if f.percent]
        for figure in percents:
            if figure.raw not in out.get(side, []):
                continue  # "33" told twice, one-sided once: read once
            share = next((s for s in lone[opposite] if _meets(figure, share_range(other, s))), None)
            if share is not None:
                lone[opposite].remove(share)
                out[side].remove(figure.raw)  # the same share in two forms
            elif lone[opposite]:
                share = lone[opposite].pop(0)
                out.setdefault(opposite, []).append(share.raw)  # a changed share
    for a, b in zip(lone["left_only"], lone["right_only"], strict=False):
        if not _meets_share(a, b, left, right):  # "jeder dritte" / "jeder vierte" Zug
            out.setdefault("left_only", []).append(a.raw)
            out.setdefault("right_only", []).append(b.raw)
    return {side: tokens for side, tokens in out.items() if tokens}


def _meets_share(a: Share, b: Share, left: str, right: str) -> bool:
    (low_a, high_a), (low_b, high_b) = share_range(left, a), share_range(right, b)
    return max(low_a, low_b) <= min(high_a, high_b)


def _meets(figure: Figure, span: tuple[float, float]) -> bool:
    return max(figure.low, span[0]) <= min(figure.high, span[1])
