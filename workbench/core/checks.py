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

from collections import Counter
from collections.abc import Iterable

from workbench.core.anchors import WORD_RE, name_key, names, number_strings, numbers

# Languages that capitalise every noun: across languages their capitalised words
# are only name candidates when an MT of that side shows which survive translation.
NOUN_CAPITALISING = frozenset({"de", "lb"})


def number_differences(
    left: str, right: str, left_lang: str | None = None, right_lang: str | None = None
) -> dict[str, list[str]]:
    """Numbers (as written) whose normalised value occurs on one side only."""
    left_raw, right_raw = number_strings(left), number_strings(right)
    left_norm, right_norm = numbers(left, left_lang), numbers(right, right_lang)
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


def _keys(text: str) -> set[str]:
    return {name_key(tok) for tok in WORD_RE.findall(text)}


def _matches(key: str, keys: Iterable[str]) -> bool:
    """Same skeleton, or one an inflected form of the other (Kyiv ~ Kyieva)."""
    for other in keys:
        if key == other:
            return True
        short, long = sorted((key, other), key=len)
        if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3:
            return True
    return False


def _one_sided(text: str, other_keys: set[str], kept_keys: set[str] | None) -> list[str]:
    found: list[str] = []
    for token in names(text):
        key = name_key(token)
        if kept_keys is not None and not _matches(key, kept_keys):
            continue  # translated away by MT: a common noun, not a name
        if not _matches(key, other_keys) and token not in found:
            found.append(token)
    return found


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
    only_left = _one_sided(left, right_keys, left_kept)
    only_right = _one_sided(right, left_keys, right_kept)
    if only_left:
        result["left_only"] = only_left
    if only_right:
        result["right_only"] = only_right
    return result


def check_pair(
    left: str,
    right: str,
    *,
    left_lang: str | None = None,
    right_lang: str | None = None,
    left_mt: str | None = None,
    right_mt: str | None = None,
) -> dict[str, dict[str, list[str]]]:
    """All checks of one aligned pair; empty dict when nothing is flagged.

    Unmatched sentences (one side empty) are not checked: everything in them is
    one-sided by definition and the status already says so.
    """
    if not left.strip() or not right.strip():
        return {}
    flags: dict[str, dict[str, list[str]]] = {}
    nums = number_differences(left, right, left_lang, right_lang)
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
        if found:
            flags["names"] = found
    return flags


def _base(lang: str | None) -> str | None:
    return lang.split("-")[0].lower() if lang else None
