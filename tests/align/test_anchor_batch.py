"""The aligner's batch form of the anchors (and of the cognate keys) equals the one-text form
exactly."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import anchors
from workbench.core.align_cognates import _WORD_RE, sentence_beginnings
from workbench.core.anchors import anchor_keys, anchor_keys_all, name_key, name_keys, place_keys
from workbench.core.similarity import _combining_marks, drop_combining
from workbench.core.translit import _LEFT, _TRANSLIT, transliterate

_PIECES = st.sampled_from(
    ["Kyiv", "Київ", "Зеленский", "Ελλάδα", "Τραμπ", "Μπαρ", "Åsa", "\u212bngström", "\u2126m",
     "ﬁle", "Straße", "ẞ", "Schtschedrin", "O'Neil", "d’Alembert", "x\u0308", "_Ab", "1Ab",
     "10,000", "12.5", "3 000", "−4", "\u00a0", "\u202f", " ", ", ", ". ", "\n", "'", "-",
     "a", "ab", "٣٤"]
)  # fmt: skip
_TEXTS = st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=12)


@settings(max_examples=150, deadline=None)
@given(texts=_TEXTS)
def test_anchor_keys_all_equals_anchor_keys_per_text(texts: list[str]) -> None:
    anchors._NAME_KEYS.clear()
    assert anchor_keys_all(texts) == [anchor_keys(t) for t in texts]


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(st.text(min_size=1, max_size=6), max_size=10))
def test_name_keys_equals_name_key(tokens: list[str]) -> None:
    anchors._NAME_KEYS.clear()
    assert name_keys(tokens) == [name_key(t) for t in tokens]


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(st.one_of(st.text(min_size=1, max_size=6), _PIECES), max_size=10))
def test_folds_equal_fold_and_name_key(tokens: list[str]) -> None:
    assert anchors.folds(tokens) == ([anchors.fold(t) for t in tokens],
                                     [name_key(t) for t in tokens])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(names=st.lists(st.text(min_size=1, max_size=6), max_size=10),
       tokens=st.lists(st.one_of(st.text(min_size=1, max_size=6), _PIECES), max_size=10))
def test_folds_after_name_keys_equal_fold_and_name_key(names: list[str], tokens: list[str]) -> None:
    """Round 39 (speedb39): ``folds`` reads the folds ``name_keys``' batches kept; a token the
    names asked for first (some of ``tokens`` among them) folds as it does alone."""
    anchors.name_keys.cache_clear()  # type: ignore[attr-defined]
    name_keys([*names, *tokens[::2]])
    assert anchors.folds(tokens) == ([anchors.fold(t) for t in tokens],
                                     [name_key(t) for t in tokens])  # fmt: skip


def _beginnings_one_word_at_a_time(text: str, prefix: int) -> frozenset[str]:
    """Round 18's ``word_beginnings``: each word folded and skeletonised alone."""
    places = place_keys()
    keys = set()
    for word in _WORD_RE.findall(text):
        if len(word) <= prefix or "@" + name_key(word) in places:
            continue
        keys.add("~" + anchors.fold(word).replace("ß", "ss")[:prefix])
    return frozenset(keys)


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(st.one_of(_TEXTS.map(" ".join), st.text(max_size=30)), max_size=8),
       prefix=st.integers(1, 6))  # fmt: skip
def test_sentence_beginnings_equal_word_by_word(texts: list[str], prefix: int) -> None:
    texts = [*texts, "Frankreich und Straßburg, Deutschland", "Танкер Legionellen légionelles"]
    assert sentence_beginnings(texts, prefix) == [
        _beginnings_one_word_at_a_time(t, prefix) for t in texts
    ]


_MARK_CHARS = "aeoAÉ\u0301\u0308\u0327\u20d7\u1dc0 \nßÅ\u212bКиїΤάώ"  # marks, letters, scripts
_MARKED = st.text(st.sampled_from(_MARK_CHARS), max_size=40)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(_MARKED, st.text(max_size=40)))
def test_drop_combining_is_the_translate_table(text: str) -> None:
    """Round 22: the marks found among a text's characters, each removed with ``replace``,
    leave the string ``str.translate`` of the whole mark table leaves."""
    decomposed = unicodedata.normalize("NFKD", text)
    assert drop_combining(decomposed) == decomposed.translate(_combining_marks())
    assert drop_combining(text) == text.translate(_combining_marks())


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(_MARKED, st.text(max_size=40), _TEXTS.map(" ".join)))
def test_transliterate_skips_only_texts_it_leaves_unchanged(text: str) -> None:
    """Round 22: ``transliterate`` returns a text without Cyrillic or Greek letters at once;
    with them, the table still applies.  Either way no letter of the two blocks is left
    behind that the table holds."""
    result = transliterate(text)
    if not _LEFT.search(text):
        assert result is text
    assert not set(result) & {chr(c) for c in _TRANSLIT}
