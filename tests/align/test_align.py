"""The aligner: every bead kind, moves, cross-language via MT, bands, ladder format, dev set."""

from __future__ import annotations

import random
from types import ModuleType

import pytest

from tests.align.conftest import make_sentences
from tests.conftest import TEXTBERG
from workbench.core.align import AlignParams, Bead, align, anchor_chain, parse_ladder, to_ladder


def shapes(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


def test_identical_documents_align_one_to_one(sentences: list[str]) -> None:
    beads = align(sentences, sentences)
    assert shapes(beads) == [((k,), (k,)) for k in range(len(sentences))]
    assert all(b.kind == "1-1" and b.score == 1.0 for b in beads)


@pytest.mark.parametrize(
    ("split_side", "parts", "kind"),
    [("right", 2, "1-2"), ("left", 2, "2-1"), ("right", 3, "1-3"), ("left", 3, "3-1")],
)
def test_merged_sentences_give_one_to_many_beads(
    sentences: list[str], split_side: str, parts: int, kind: str
) -> None:
    """One side writes sentences 10..10+parts-1 as a single sentence."""
    merged = sentences[:10] + [" ".join(sentences[10 : 10 + parts])] + sentences[10 + parts :]
    left, right = (merged, sentences) if split_side == "right" else (sentences, merged)
    beads = align(left, right)
    many = tuple(range(10, 10 + parts))
    expected = ((10,), many) if split_side == "right" else (many, (10,))
    assert expected in shapes(beads)
    assert [b.kind for b in beads].count(kind) == 1
    assert sum(1 for b in beads if b.kind == "1-1") == len(merged) - 1


def test_shifted_boundary_gives_two_to_two(sentences: list[str]) -> None:
    """Both sides split sentences 20+21 at different places."""
    a, b = sentences[20], sentences[21]
    cut_a, cut_b = a.index(" with "), b.index(" with ")
    left = sentences[:20] + [a[:cut_a] + ".", a[cut_a + 1 :] + " " + b] + sentences[22:]
    right = sentences[:20] + [a + " " + b[:cut_b] + ".", b[cut_b + 1 :]] + sentences[22:]
    beads = align(left, right)
    assert ((20, 21), (20, 21)) in shapes(beads)
    assert next(x for x in beads if x.left == (20, 21)).kind == "2-2"


def test_deletions_and_insertions(sentences: list[str]) -> None:
    extra = make_sentences(3, seed=99)
    left = sentences[:5] + sentences[6:]  # sentence 5 dropped on the left
    right = sentences[:30] + extra[:1] + sentences[30:]  # one new sentence on the right
    beads = align(left, right)
    assert ((), (5,)) in shapes(beads)  # 0-1: only in the right
    assert ((), (30,)) in shapes(beads)
    inserted_at = next(b for b in beads if b.right == (30,))
    assert inserted_at.kind == "0-1" and inserted_at.move_to is None
    deleted = align(right, left)
    assert ((5,), ()) in shapes(deleted)
    assert next(b for b in deleted if b.left == (5,)).kind == "1-0"


def test_moved_sentence_is_marked_on_both_ends(sentences: list[str]) -> None:
    moved = sentences[3]
    right = sentences[:3] + sentences[4:30] + [moved] + sentences[30:]
    beads = align(sentences, right)
    gone = next(b for b in beads if b.left == (3,))
    came = next(b for b in beads if b.right == (29,))
    assert gone.kind == "1-0" and came.kind == "0-1"
    assert gone.moved and came.moved
    assert beads[gone.move_to] is came or beads[gone.move_to] == came  # type: ignore[index]
    assert beads[came.move_to] == gone  # type: ignore[index]
    assert all(b.move_to is None for b in beads if b not in (gone, came))


def test_unrelated_deletion_and_insertion_are_not_a_move(sentences: list[str]) -> None:
    other = make_sentences(1, seed=123)[0]
    left = sentences[:10] + sentences[11:]
    right = sentences[:25] + [other] + sentences[25:]
    beads = align(sentences[:10] + [sentences[10]] + sentences[11:25] + sentences[25:], right)
    assert not any(b.moved for b in beads if b.left == (10,))
    assert len(left) == len(sentences) - 1


def test_cross_language_uses_the_machine_translation() -> None:
    """German sentences aligned to English ones through their (given) English MT."""
    german = [
        "Der Bürgermeister eröffnete die neue Brücke.",
        "Die Polizei meldete zwei Unfälle.",
        "Das Hochwasser erreichte den alten Bahnhof, Wasser füllte die Unterführung.",
        "Der Rat billigte den Haushalt.",
        "Die Schule bleibt heute geschlossen.",
    ]
    mt = [
        "The mayor opened the new bridge.",
        "The police reported two accidents.",
        "The flood reached the old station, water filled the underpass.",
        "The council approved the budget.",
        "The school remains closed today.",
    ]
    english = [
        "Mayor Anna Berg opened the new bridge on Monday.",
        "Police reported two accidents.",
        "Later the flood reached the old train station,",
        "and water filled the underpass.",
        "The council approved the budget.",
        "The school stays closed today.",
    ]
    beads = align(german, english, left_mt=mt)
    assert shapes(beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,))]
    reverse = align(english, german, right_mt=mt)
    assert shapes(reverse) == [(b, a) for a, b in shapes(beads)]


def test_numbers_and_names_anchor_without_mt() -> None:
    """No MT, different scripts: shared numbers and transliterated names still link pairs."""
    left = [
        "Зеленский встретился с Шольцем 12 мая.",
        "Погода была хорошей.",
        "Было подписано 3 соглашения на 450 миллионов.",
    ]
    right = [
        "Zelensky met Scholz on 12 May.",
        "The weather was good.",
        "They signed 3 agreements worth 450 million.",
    ]
    assert shapes(align(left, right)) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_band_follows_the_path_far_from_the_diagonal() -> None:
    """A long insertion pushes the path far from the diagonal; the result stays exact."""
    base = make_sentences(120, seed=5)
    inserted = make_sentences(60, seed=77)
    right = base[:20] + inserted + base[20:]
    beads = align(base, right, params=AlignParams(band=4))
    links = [b for b in beads if b.left and b.right]
    assert [(b.left, b.right) for b in links] == [
        ((k,), (k if k < 20 else k + 60,)) for k in range(120)
    ]
    assert sum(1 for b in beads if b.kind == "0-1") == 60


def test_empty_sides() -> None:
    assert align([], []) == []
    assert shapes(align(["a b c"], [])) == [((0,), ())]
    assert shapes(align([], ["x y", "z"])) == [((), (0,)), ((), (1,))]
    with pytest.raises(ValueError, match="left_mt"):
        align(["a", "b"], ["c"], left_mt=["only one"])


def test_ladder_round_trip_matches_the_shared_scorer(
    alignscore: ModuleType, tmp_path, sentences: list[str]
) -> None:
    right = sentences[:4] + [sentences[4] + " " + sentences[5]] + sentences[6:]
    beads = align(sentences, right + make_sentences(1, seed=50))
    text = to_ladder(beads)
    assert text.splitlines()[0] == "[0]:[0]"
    assert "[4, 5]:[4]" in text.splitlines()
    assert "[]:[" in text  # the insertion, written with an empty list
    path = tmp_path / "pred.ladder"
    path.write_text(text, encoding="utf-8")
    theirs = alignscore.read_beads(str(path))
    assert theirs == parse_ladder(text) == shapes(beads)
    assert alignscore.score([theirs], [theirs])["f1_strict"] == 1.0


def _lines(name: str) -> list[str]:
    return (TEXTBERG / name).read_text(encoding="utf-8").rstrip("\n").split("\n")


def test_dev_set_slice_scores_well(alignscore: ModuleType) -> None:
    """First 100 German sentences of the Text+Berg dev set, with the de->fr MT.

    The gold is cut to the beads inside that slice (no bead is hard-coded); the
    full score is printed by ``benchmarks/align_dev.py``.
    """
    gold_all = alignscore.read_beads(str(TEXTBERG / "dev.defr"))
    gold = [b for b in gold_all if all(i < 100 for i in b[0]) and b[0]]
    last_right = max(j for b in gold for j in b[1])
    gold += [b for b in gold_all if not b[0] and b[1] and b[1][0] <= last_right]
    left = _lines("dev.de")[:100]
    right = _lines("dev.fr")[: last_right + 1]
    mt = _lines("dev.mt_de2fr.google")[:100]
    result = alignscore.score([gold], [shapes(align(left, right, left_mt=mt))])
    assert result["f1_strict"] >= 0.75
    assert result["f1_lax"] >= 0.9


def test_shuffled_noise_is_not_aligned_one_to_one() -> None:
    """Two unrelated documents: most sentences stay unlinked instead of being forced."""
    rng = random.Random(3)
    left = make_sentences(30, seed=11)
    right = ["".join(rng.choice("qwxzjkv ") for _ in range(60)) for _ in range(30)]
    beads = align(left, right)
    assert sum(1 for b in beads if b.left and b.right) <= 5


def test_anchor_chain_is_monotonic_and_drops_stray_matches() -> None:
    left = make_sentences(30, seed=8)
    right = left[:10] + make_sentences(5, seed=9) + left[10:]
    right[2] = left[25]  # a stray exact copy far from its place
    chain = anchor_chain(left, right)
    assert all(a < b and c < d for (a, c), (b, d) in zip(chain, chain[1:], strict=False))
    assert (25, 2) not in chain
    assert {(i, i + 5) for i in range(12, 25)} <= set(chain)


def test_band_widens_without_anchors() -> None:
    """Sentences without unique words: no anchors, the diagonal band must widen."""
    unit = ["alpha beta.", "gamma delta.", "alpha gamma.", "beta delta."]
    left = unit * 15
    right = ["epsilon zeta eta."] * 25 + left
    beads = align(left, right, params=AlignParams(band=2))
    assert anchor_chain(left, right) == []
    links = [(b.left, b.right) for b in beads if b.left and b.right]
    assert len(links) == 60 and all(r[0] - q[0] == 25 for q, r in links)


def test_empty_machine_translation_falls_back_to_the_original() -> None:
    """A sentence the MT engine returned empty still links through its names and numbers."""
    german = [
        "Der Rat billigte den Haushalt.",
        "Am 7. Juli 1956 erreichten Hartog und Patey den Gipfel des Mustagh Tower (7273 m).",
        "Die Schule bleibt heute geschlossen.",
    ]
    mt = ["The council approved the budget.", "", "The school remains closed today."]
    english = [
        "The council approved the budget.",
        "Hartog and Patey reached the summit of Mustagh Tower (7273 m) on 7 July 1956.",
        "The school remains closed today.",
    ]
    beads = align(german, english, left_mt=mt)
    assert shapes(beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_fragment_joins_the_link_whose_score_it_raises(sentences: list[str]) -> None:
    """Bleualign's gap filling: a split-off tail is merged when the merged bead scores higher."""
    words = sentences[10].split()
    head, tail = " ".join(words[:-2]), " ".join(words[-2:])
    right = sentences[:10] + [head, tail] + sentences[11:]
    beads = align(sentences, right)
    assert ((10,), (10, 11)) in shapes(beads)
    assert not any(b.kind in ("1-0", "0-1") for b in beads)


def test_short_document_split_sentence() -> None:
    """Three-sentence texts (too short to measure chance well) still give one clean 1-2."""
    left = [
        "The council approved the budget after a long debate.",
        "The storm closed the mountain pass for three days, and the rescue teams waited.",
        "The school remains closed today.",
    ]
    right = [left[0], "The storm closed the mountain pass for three days,", "rescue teams waited."]
    right.append(left[2])
    assert shapes(align(left, right)) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


def test_orphan_takes_back_the_end_sentence_glued_to_its_neighbour(sentences: list[str]) -> None:
    """A link holding an extra sentence next to an unmatched one of similar length is split."""
    from workbench.core.align import repair_boundaries
    from workbench.core.align_scoring import BeadScorer

    left = sentences[:20]
    right = sentences[:11] + ["Nothing more is known so far."] + sentences[12:20]
    left[11] = "Details have not been published yet."
    scorer = BeadScorer(left, right, [left], [right], AlignParams())
    glued = [Bead((k,), (k,), 1.0, "1-1") for k in range(10)]
    glued += [Bead((10,), (10, 11), 0.5, "1-2"), Bead((11,), (), 0.0, "1-0")]
    glued += [Bead((k,), (k,), 1.0, "1-1") for k in range(12, 20)]
    repaired = shapes(repair_boundaries(glued, scorer))
    assert repaired[10:12] == [((10,), (10,)), ((11,), (11,))]


def test_orphan_does_not_break_a_genuine_one_to_two(sentences: list[str]) -> None:
    """The split is refused when the detached sentence is what made the link match."""
    from workbench.core.align import repair_boundaries
    from workbench.core.align_scoring import BeadScorer

    words = sentences[10].split()
    left = sentences[:10] + [sentences[10], "Details have not been published yet."]
    right = sentences[:10] + [" ".join(words[:4]), " ".join(words[4:])]
    scorer = BeadScorer(left, right, [left], [right], AlignParams())
    beads = [Bead((k,), (k,), 1.0, "1-1") for k in range(10)]
    beads += [Bead((10,), (10, 11), 0.9, "1-2"), Bead((11,), (), 0.0, "1-0")]
    assert shapes(repair_boundaries(beads, scorer)) == shapes(beads)


def test_gap_pairs_the_single_sentence_with_its_best_length_fit(sentences: list[str]) -> None:
    """One deletion facing two insertions between links: the length-compatible one is paired.

    (The gap pairing itself; in a same-language pair a link this weak is then
    dissolved, ``weak_link_evidence``, see tests/align/test_align_blind.py.)
    """
    extra = make_sentences(1, seed=99)[0] + " It was the longest meeting of the year by far."
    left = sentences[:10] + ["Was nun?"] + sentences[10:20]
    right = sentences[:10] + [extra, "Que faire?"] + sentences[10:20]
    beads = shapes(align(left, right, params=AlignParams(weak_link_evidence=-1.0)))
    assert ((10,), (11,)) in beads
    assert ((), (10,)) in beads
    assert [b for b in beads if b[0] and b[0][0] != 10] == [
        ((k,), (k if k < 10 else k + 1,)) for k in range(21) if k != 10
    ]


def test_short_sentence_inside_a_long_unrelated_one_is_no_move(sentences: list[str]) -> None:
    """A move needs each sentence covered by the other, not just the short one by the long."""
    long_one = "It was a fair and long meeting about the harbour, residents said on Friday evening."
    left = sentences[:15] + ["Was it fair?"] + sentences[15:30]
    right = sentences[:3] + [long_one] + sentences[3:30]
    beads = align(left, right)
    assert ((15,), ()) in shapes(beads) and ((), (3,)) in shapes(beads)
    assert not any(b.moved for b in beads)
