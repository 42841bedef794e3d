"""The call-wide n-gram packing (``GramCache``) keys every view exactly as the string
profiles do, glosses included, and the counted ``word_share`` equals its per-token definition."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core.align_blind import word_share
from workbench.core.align_chain import ChainKeys, anchor_chain
from workbench.core.align_gram_cache import GramCache
from workbench.core.align_grams import view_rows
from workbench.core.similarity import ProfileBuilder, normalize_all, normalize_for_similarity

_WORDS = st.sampled_from(
    ["the", "die", "Regierung", "2024", "Kyiv", "Київ", "a", "É", "ß", "x_y", "x", "y",
     "x_y_x", "y_", "_", "e\u0301", "", "a.b", "Zürich-West", "a_b", "b_c", "c"]
)  # fmt: skip
_TEXTS = st.lists(st.lists(_WORDS, max_size=7).map(" ".join), max_size=6)


def _sets(rows, count: int) -> list[frozenset[int]]:
    ids, starts = rows
    return [frozenset(ids[starts[k] : starts[k + 1]].tolist()) for k in range(count)]


def _gloss(texts: list[str], words: list[str], shift: int) -> list[str]:
    """A stand-in gloss: each text's words replaced by words of the documents."""
    return [
        " ".join(words[(k + shift) % len(words)] for k, _w in enumerate(t.split())) for t in texts
    ]


def _assert_same_counts(rows, left: list[str], right: list[str]) -> None:
    builder = ProfileBuilder()
    plain = [builder.profile(t) for t in left], [builder.profile(t) for t in right]
    got = _sets(rows[0], len(left)), _sets(rows[1], len(right))
    for side in (0, 1):
        for ids, strings in zip(got[side], plain[side], strict=True):
            assert len(ids) == len(strings)
    for i, a in enumerate(plain[0]):
        for j, b in enumerate(plain[1]):
            assert len(got[0][i] & got[1][j]) == len(a & b)


@settings(max_examples=120, deadline=None)
@given(left=_TEXTS, right=_TEXTS, shift=st.integers(0, 5))
@example(left=["x y", "a_b c"], right=["x_y", "a b_c"], shift=1)
def test_cached_views_count_as_the_string_profiles(left, right, shift) -> None:
    cache = GramCache(left, right)
    words = " ".join(normalize_all(left + right)).split() or ["x"]
    glossed_left, glossed_right = _gloss(left, words, shift), _gloss(right, words, shift + 1)
    for lc, rc in ((left, right), (glossed_left, right), (left, glossed_right), (left, right)):
        rows = view_rows(lc, rc, cache)
        assert rows is not None
        _assert_same_counts(rows, lc, rc)


def test_a_side_outside_the_documents_is_packed_by_its_view() -> None:
    cache = GramCache(["der Rat"], ["le conseil"])
    assert cache.side_keys(["der Rat tagt"]) is None  # "tagt": not a word of either document
    assert cache.side_keys(["ωμέγα"]) is None  # characters of neither document
    assert cache.side_keys(["le Rat"]) is not None
    rows = view_rows(["der Rat tagt"], ["le conseil"], cache)
    _assert_same_counts(rows, ["der Rat tagt"], ["le conseil"])


def _plain_share(left: list[str], right: list[str]) -> float:
    words = [
        [w for t in texts[:500] for w in normalize_for_similarity(t).split() if not w.isdigit()]
        for texts in (left, right)
    ]
    shares = []
    for mine, other in ((words[0], set(words[1])), (words[1], set(words[0]))):
        shares.append(sum(w in other for w in mine) / len(mine) if mine else 0.0)
    return min(shares)


@settings(max_examples=80, deadline=None)
@given(left=_TEXTS, right=_TEXTS)
def test_word_share_counts_as_per_token(left, right) -> None:
    assert word_share(left, right) == _plain_share(left, right)


# words around the chain's 7 characters (a long word alone is a key), and some of _WORDS
_CHAIN_TEXTS = st.lists(
    st.lists(st.sampled_from(["Himmel", "Lawinen", "Gletscher", "Berg", "x_y", "Kyiv", "2024",
                              "Київ", "the", "Zürich-West", "Regierung"]),
             max_size=6).map(" ".join), max_size=8)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(left=_CHAIN_TEXTS, right=_CHAIN_TEXTS, shift=st.integers(0, 5), stranger=_TEXTS)
@example(left=["Regierung Regierung x", "die Regierung"], right=["Regierung die"], shift=0,
         stranger=["völlig unbekannt Regierung"])  # fmt: skip
def test_the_chain_reads_the_cached_words_as_its_own(left, right, shift, stranger) -> None:
    """``ChainKeys`` with the call's ``GramCache`` gives every pass the chain it gives alone:
    the originals and glosses the views keyed, and a side the cache never saw, in any order."""
    cache = GramCache(left, right)
    words = " ".join(normalize_all(left + right)).split() or ["x"]
    glossed = _gloss(left, words, shift)
    passes = [(left, right), (glossed, right), (stranger, right), (left, stranger), (left, right)]
    for lc, rc in passes[:2]:
        view_rows(lc, rc, cache)  # the scorer keys its views first, as in ``align``
    kept, alone = ChainKeys(cache), ChainKeys()
    for lc, rc in passes:
        assert anchor_chain(lc, rc, kept) == anchor_chain(lc, rc, alone) == anchor_chain(lc, rc)
    assert cache.words(left) is not None  # the originals were read from the cache
