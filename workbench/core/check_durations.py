"""A duration told by its unit word alone: "годину" (an hour) against "40 хвилин".

Why: a rewrite may tell a duration with no figure at all ("an hour", "une demi-heure",
"eine Stunde", "півгодини"): the reader sees no number on that side, so a changed
duration ("40 хвилин" against "годину", round 16's unseen same-language rewrite) was
one-sided at best and nothing in a paraphrase row, and a duration told the same way
("trente minutes" / "une demi-heure") could be flagged as a lone figure.  Read in
minutes, both are plain: the same value is no change, a different one is.

``DURATIONS`` is off: measured by ``benchmarks/flags_cv.py --switch durations``
(docs/align.md "Round 17"); no dev gold token is such a duration, so leave one batch
out cannot choose it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from workbench.core.check_forms import durations

#: Read bare unit words as durations (a study switch; off).
DURATIONS = False

# A unit word alone, by language: (pattern, minutes).  Half units first (they contain the
# whole unit's word).  A rate ("100 km an hour", "per hour", "pro Stunde", "на годину") is no
# duration: see ``_RATE``.
_BARE: dict[str, tuple[tuple[re.Pattern[str], int], ...]] = {
    "en": ((re.compile(r"\bhalf an hour\b", re.I), 30),
           (re.compile(r"\b(?:an|one) hour\b", re.I), 60)),
    "de": ((re.compile(r"\b(?:eine[rn]?\s+)?halbe[n]?\s+Stunde\b", re.I), 30),
           (re.compile(r"\beine[rn]?\s+Stunde\b", re.I), 60)),
    "fr": ((re.compile(r"\b(?:une\s+)?demi-heure\b", re.I), 30),
           (re.compile(r"\bune\s+heure\b(?!\s+et\s+demie)", re.I), 60)),
    "uk": ((re.compile(r"(?<!\w)півгодини(?!\w)", re.I), 30),
           (re.compile(r"(?<!\w)(?:одну\s+)?годину(?!\w)", re.I), 60)),
    "ru": ((re.compile(r"(?<!\w)полчаса(?!\w)", re.I), 30),
           (re.compile(r"(?<!\w)(?:один\s+)?час(?!\w)", re.I), 60)),
}  # fmt: skip
_RATE = re.compile(r"(?:\d\s*[^\W\d]{0,4}\.?\s*(?:per|pro|par|на|в)?\s*|\b(?:per|pro|par)\s+)$",
                   re.I)  # fmt: skip


def bare_durations(text: str, lang: str | None) -> list[tuple[str, Decimal]]:
    """(as written, minutes) of each duration told by a unit word with no figure."""
    table = _BARE.get((lang or "").split("-")[0].lower(), ())
    out: list[tuple[str, Decimal]] = []
    taken: list[range] = []
    for pattern, minutes in table:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 12) : m.start()]
            if any(m.start() in r for r in taken) or _RATE.search(before):
                continue
            taken.append(range(m.start(), m.end()))
            out.append((m.group(0), Decimal(minutes)))
    return out


def duration_pairs(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None, paraphrase: bool = False,
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:  # fmt: skip
    """(told alike, changed) against the other side's bare durations: a one-sided duration
    figure the other side tells as the same duration in words is told alike; one it tells
    as another duration (within a factor of two in a paraphrase) is changed, with that word.
    Both empty when ``DURATIONS`` is off."""
    alike: dict[str, list[str]] = {}
    changed: dict[str, list[str]] = {}
    if not DURATIONS:
        return alike, changed
    sides = {"left_only": (left, left_lang, right, right_lang, "right_only"),
             "right_only": (right, right_lang, left, left_lang, "left_only")}  # fmt: skip
    for side, tokens in nums.items():
        mine, lang, theirs, their_lang, other = sides[side]
        spans = dict(durations(mine, lang))
        own_bare = {raw.casefold() for raw, _ in bare_durations(mine, lang)}
        told = {m for _, m in durations(theirs, their_lang)}
        for raw, minutes in bare_durations(theirs, their_lang):
            if raw.casefold() in own_bare or minutes in told:
                continue  # the same words on both sides, or the figure opposite tells it too
            for token in (t for t in tokens if t in spans):
                value = spans[token]
                if value == minutes:
                    alike.setdefault(side, []).append(token)
                elif not paraphrase or max(value, minutes) <= 2 * min(value, minutes):
                    for at, flag in ((side, token), (other, raw)):
                        if flag not in changed.get(at, []):
                            changed.setdefault(at, []).append(flag)
    return alike, changed


def merged(nums: dict[str, list[str]], alike: dict[str, list[str]],
           changed: dict[str, list[str]]) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` less the figures told alike, with the changed ones (each once)."""
    out = {side: [t for t in tokens if t not in alike.get(side, [])]
           for side, tokens in nums.items()}  # fmt: skip
    for side, tokens in changed.items():
        out.setdefault(side, []).extend(t for t in tokens if t not in out[side])
    return {side: tokens for side, tokens in out.items() if tokens}
