"""Word-level diffs with diff-match-patch.

Why word mode: character diffs of edited sentences are unreadable ("t<del>h</del>e"),
so, as diff-match-patch's own line mode does with ``diff_linesToChars``, every
distinct word (and every run of spaces or punctuation mark) is mapped to one
private character, the short strings are diffed, and the result is mapped back.
Scripts written without spaces (CJK, Thai, ...) are tokenised per character.

Ops are a JSON-ready list of ``[op, text]`` with ``op`` in ``-1`` (delete: only
in the left text), ``0`` (equal) and ``1`` (insert: only in the right text), the
same numbers diff-match-patch uses.  Joining the texts of ops ``<= 0`` gives the
left text back exactly, ops ``>= 0`` the right text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

DELETE, EQUAL, INSERT = -1, 0, 1

# One token per character for scripts without spaces; words, space runs and single
# punctuation marks otherwise.
_NO_SPACE_SCRIPTS = (
    "\u0e00-\u0e7f"  # Thai
    "\u0e80-\u0eff"  # Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
)
_TOKEN_RE = re.compile(
    r"\d+(?:[.,\u00a0\u202f]\d+)*"  # numbers stay whole: 42,000 / 3.5 / 10 000
    rf"|[{_NO_SPACE_SCRIPTS}]|[^\W{_NO_SPACE_SCRIPTS}]+|\s+|[^\w\s]|_",
    re.UNICODE,
)

Op = list  # [int, str]; a list (not a tuple) so it survives a JSON round trip unchanged


@dataclass(frozen=True)
class DiffResult:
    """Ops plus the share of characters that changed (0 identical .. 1 nothing shared)."""

    ops: list[Op]
    edit_ratio: float


def tokenize(text: str) -> list[str]:
    """Word-mode tokens; ``"".join(tokenize(t)) == t`` always holds."""
    tokens = _TOKEN_RE.findall(text)
    if "".join(tokens) != text:  # defensive: never lose a character
        return list(text)
    return tokens


def _tokens_to_chars(a: str, b: str) -> tuple[str, str, list[str]]:
    """Map each distinct token to one character (like ``diff_linesToChars``)."""
    vocab: list[str] = [""]
    index: dict[str, int] = {}

    def encode(text: str) -> str:
        out = []
        for token in tokenize(text):
            code = index.get(token)
            if code is None:
                code = index[token] = len(vocab)
                vocab.append(token)
            out.append(chr(code if code < 0xD800 else code + 0x800))  # skip surrogates
        return "".join(out)

    return encode(a), encode(b), vocab


def _chars_to_tokens(diffs: list[tuple[int, str]], vocab: list[str]) -> list[tuple[int, str]]:
    def decode(ch: str) -> str:
        code = ord(ch)
        return vocab[code if code < 0xD800 else code - 0x800]

    return [(op, "".join(decode(ch) for ch in text)) for op, text in diffs]


#: Past this many differing tokens (both sides together, after the common prefix
#: and suffix) the middle is one replacement: Myers' diff is O((N+M)·D) and two
#: unrelated 30,000-character sentences took minutes.
MAX_DIFF_TOKENS = 4000


def _bounded_diff(dmp: diff_match_patch, chars_a: str, chars_b: str) -> list[tuple[int, str]]:
    """``diff_main`` unless the changed middle is too long; then prefix, replace, suffix."""
    head = dmp.diff_commonPrefix(chars_a, chars_b)
    tail = dmp.diff_commonSuffix(chars_a[head:], chars_b[head:])
    mid_a, mid_b = chars_a[head : len(chars_a) - tail], chars_b[head : len(chars_b) - tail]
    if len(mid_a) + len(mid_b) <= MAX_DIFF_TOKENS:
        return dmp.diff_main(chars_a, chars_b, False)
    parts = [(EQUAL, chars_a[:head]), (DELETE, mid_a), (INSERT, mid_b)]
    return [(op, text) for op, text in (*parts, (EQUAL, chars_a[len(chars_a) - tail :])) if text]


def word_diff(a: str, b: str) -> DiffResult:
    """Word-level diff of ``a`` (left) and ``b`` (right) with semantic cleanup.

    The cleanup runs while every token is still one character: run on the
    decoded text it would shift edits to character boundaries and split words
    ("the|m million|s").
    ``Diff_Timeout = 0`` makes the diff deterministic (no time-dependent
    shortcuts); the token mapping keeps it fast.
    """
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    chars_a, chars_b, vocab = _tokens_to_chars(a, b)
    diffs = _bounded_diff(dmp, chars_a, chars_b)
    dmp.diff_cleanupSemantic(diffs)  # on tokens: an edit boundary is always a word boundary
    diffs = _chars_to_tokens(diffs, vocab)
    ops = _merge([[op, text] for op, text in diffs if text])
    changed = dmp.diff_levenshtein([(op, text) for op, text in ops])
    ratio = changed / max(len(a), len(b)) if (a or b) else 0.0
    return DiffResult(ops, round(min(1.0, ratio), 4))


def _merge(ops: list[Op]) -> list[Op]:
    """Join neighbouring ops of the same kind (cleanup may leave them split)."""
    merged: list[Op] = []
    for op, text in ops:
        if merged and merged[-1][0] == op:
            merged[-1][1] += text
        else:
            merged.append([op, text])
    return merged


# Typographic variants that carry no meaning: every quote or apostrophe is one mark,
# every dash or hyphen another, every run of spaces (no-break ones included) one space.
_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„‟‹›«»「」『』]")
_DASHES = re.compile(r"[-‐‑‒–—―−]+")
_SPACES = re.compile(r"\s+")


def typographic_key(text: str) -> str:
    """``text`` with quotes, apostrophes, dashes, spacing and case made uniform."""
    key = unicodedata.normalize("NFKC", text)
    key = _QUOTES.sub("'", key)
    key = _DASHES.sub("-", key)
    key = _SPACES.sub(" ", key).strip()
    key = re.sub(r" ?- ?", "-", key)  # "a - b", "a—b" and "a -- b" are one dash
    return key.casefold()


def is_cosmetic(a: str, b: str) -> bool:
    """Whether two different texts differ only in quotes, apostrophes, dashes, spaces or case.

    Why: republished copies swap straight for curly quotes, hyphens for dashes and
    re-case headlines; a reader looking for what *changed* should not be shown these
    as changes (the status ``cosmetic`` sets them apart).
    """
    return a != b and typographic_key(a) == typographic_key(b)


def apply_ops(ops: list[Op]) -> tuple[str, str]:
    """(left, right) texts rebuilt from ops: the inverse of ``word_diff``."""
    left = "".join(text for op, text in ops if op <= EQUAL)
    right = "".join(text for op, text in ops if op >= EQUAL)
    return left, right
