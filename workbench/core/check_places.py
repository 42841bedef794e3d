"""A place told by its adjective: "La Belgique s'était engagée" / "obusiers belges".

Why a module of its own: ``core.checks`` flags a capitalised word one side of a row
has and the other lacks.  A rewrite often tells a country or town in one sentence by
its name and in the other by the adjective made from it ("La Belgique" / "belges",
"Allemagne" / "allemand", "Ukraine" / "ukrainienne"), where the name's stem runs
shorter than ``checks._adjective_of`` asks (all of the name's letters but two): the
French "-ique" / "-e" and "-agne" / "-and" forms drop three or four.  Round 18's
unseen pages raised "Belgique" so (a French rewrite, now dev batch 61), the one false
name of that round.

A shorter stem alone would take real names away ("Marie" / "mariage"), so the rule
asks for two pieces of evidence from the pair and its pages, no word list:

* the other side of the row holds a word (any case) that starts with the name's first
  half, four letters at least, and is not the name itself (an adjective or demonym:
  "belges", "allemand", "Belgian");
* the other copy names the place itself elsewhere in its story (its page's name keys:
  "commandés par la Belgique" in its headline row), so the name was not dropped from
  the story, only told another way in this row.

``PLACE_FORMS`` switches the rule (``benchmarks/flags_cv.py --switch place_forms``):
``"both"`` (both pieces of evidence), ``"form"`` (the adjective alone), ``"page"`` (the
other page alone), ``""`` off.
"""

from __future__ import annotations

from workbench.core.anchors import WORD_RE, fold
from workbench.core.check_double_names import barrel_keys, other_double
from workbench.core.check_name_keys import _cyrillic, _matches, _name_key, renamed

PLACE_FORMS = "both"

#: The shortest stem an adjective must share with the name ("belg" of "Belgique").
MIN_STEM = 4


def adjective_form(token: str, other: str, doubles: bool = False) -> bool:
    """Whether ``other`` holds a word made from ``token``'s stem: the first half of the
    name, ``MIN_STEM`` letters at least, folded across scripts and accents; the name
    itself does not count, nor (``check_name_keys.SURNAME_SUFFIXES``) another surname made
    from it ("Рибак" / "Рибачук"), nor with ``doubles`` (a same-language pair) another
    double-barrelled name ("Pühringer-Lasser" / "Pühringer-Lassnig", ``check_double_names``)."""
    name = fold(token)
    stem = max(MIN_STEM, (len(name) + 1) // 2)
    if len(name) < stem + 1:
        return False
    for word in WORD_RE.findall(other):
        folded = fold(word)
        if folded.startswith(name[:stem]) and folded != name and not renamed(token, word) \
                and not (doubles and other_double(token, word)):  # "Pühringer-Lassnig"
            return True
    return False


def told_as_adjective(
    flags: dict[str, dict[str, list[str]]], left: str, right: str,
    page_keys: tuple[frozenset[str], frozenset[str]], mode: str | None = None,
    same: bool = False,
) -> dict[str, dict[str, list[str]]]:  # fmt: skip
    """``flags`` less the one-sided names the other side tells by an adjective of the
    place (and, in ``"both"``, names elsewhere on its page); ``page_keys`` are each
    page's name keys (``PageTokens.keys``); ``same``: the pair is in one language (a
    compound changing a half of a double-barrelled name tells another name there)."""
    mode = PLACE_FORMS if mode is None else mode
    if not mode or "names" not in flags:
        return flags
    out = {kind: dict(by_side) for kind, by_side in flags.items() if kind != "names"}
    names: dict[str, list[str]] = {}
    for side, tokens in flags["names"].items():
        other, keys = (right, page_keys[1]) if side == "left_only" else (left, page_keys[0])
        kept = [t for t in tokens if not _told(t, other, keys, mode, same)]
        if kept:
            names[side] = kept
    if names:
        out["names"] = names
    return out


def _told(token: str, other: str, keys: frozenset[str], mode: str, same: bool) -> bool:
    form = mode == "page" or adjective_form(token, other, same)
    doubles = barrel_keys(token, keys) if same else set()
    page = mode == "form" or _matches(_name_key(token), keys - doubles, slavic=_cyrillic(token))
    return form and page
