"""A translation's changed figure told in rows the aligner did not link (round 13).

Invented sentences in the shape of dev misses of three writers (batches 6, 8, 10): the
translator rewords the sentence that carries the count, the aligner pairs it with a
neighbour or leaves it alone, and each copy's figure sits in a row of its own.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.align_repair import Bead
from workbench.core.check_twins import figure_twins, with_twins

DE = [
    "Zugunglück bei Pardubice: Dutzende Verletzte",
    "Bei dem Zusammenstoß zweier Züge wurden nach Angaben der Rettungsdienste 41 Menschen "
    "verletzt.",
    "Die Strecke bleibt bis Sonntag gesperrt, 2026 soll sie erneuert werden.",
]
EN = [
    "Train collision near Pardubice injures dozens",
    "The line will stay closed until Sunday; it is due to be renewed in 2026.",
    "Rescue services said 38 people were hurt when the two trains collided.",
]


def test_a_count_each_copy_tells_differently_is_a_pair_of_twins() -> None:
    assert figure_twins(DE, EN, "de", "en") == [("41", "38")]
    assert figure_twins(EN, DE, "en", "de") == [("38", "41")]


def test_one_language_pairs_figures_told_by_both_and_unlike_sizes_make_no_twins() -> None:
    assert figure_twins(DE, DE[:2] + ["Die Strecke bleibt gesperrt."], "de", "de-CH") == []
    same = [EN[0], EN[1], "Rescue services said 41 people were hurt."]
    assert figure_twins(DE, same, "de", "en") == []  # 41 told by both
    far = [EN[0], EN[1], "Rescue services said 90 people were hurt."]
    assert figure_twins(DE, far, "de", "en") == []  # 41 against 90: not one count
    words = [EN[0], EN[1], "Rescue services said three people were hurt."]
    assert figure_twins(DE, words, "de", "en") == []  # a small number word is wording
    # (a number word of 10 or more is a figure since round 17: test_check_twins17.py)
    assert figure_twins(DE, EN, "de", "en", factor=0) == []  # off


def test_the_closest_figures_pair_first_and_each_figure_once() -> None:
    left = ["Le titre gagnait 3,6 % à la Bourse de Paris, après 12 jours de baisse."]
    right = ["The shares rose 3.8% in Paris.", "They had fallen for 19 days, by 4.9% in all."]
    assert figure_twins(left, right, "fr", "en") == [("3,6", "3.8")]


def test_a_twin_lands_on_the_first_checked_row_that_holds_it() -> None:
    rows = [(DE[0], EN[0]), (DE[1], EN[1]), (DE[2], ""), ("", EN[2])]
    flags = [{}, {"names": {"left_only": ["Pardubice"]}}, {}, {}]
    out = with_twins(rows, flags, [("41", "38")], [True, True, True, True])
    assert out[1] == {"names": {"left_only": ["Pardubice"]}, "numbers": {"left_only": ["41"]}}
    assert out[3] == {"numbers": {"right_only": ["38"]}}
    assert flags[1] == {"names": {"left_only": ["Pardubice"]}}  # the input is left as it was
    unchecked = with_twins(rows, flags, [("41", "38")], [True, False, True, True])
    assert "numbers" not in unchecked[1]  # a link below the gate carries no flags
    raised = [{}, {"numbers": {"left_only": ["41"]}}, {}, {}]
    assert with_twins(rows, raised, [("41", "38")])[1] == {"numbers": {"left_only": ["41"]}}


def test_the_compare_rows_of_a_translation_show_the_twins() -> None:
    from workbench.services.compare_pairs import pair_rows
    from workbench.store.models import Segment

    def segs(texts: list[str], first: int, lang: str) -> list[Segment]:
        return [Segment(id=first + k, version_id=1, position=k, start=0, end=len(t), text=t,
                        lang=lang) for k, t in enumerate(texts)]  # fmt: skip

    beads = [Bead((0,), (0,), 0.6, "1-1", confidence=0.9),
             Bead((1,), (), 0.0, "1-0", confidence=0.8),
             Bead((2,), (1,), 0.5, "1-1", confidence=0.9),
             Bead((), (2,), 0.0, "0-1", confidence=0.8)]  # fmt: skip
    rows = pair_rows(beads, segs(DE, 1, "de"), segs(EN, 11, "en"), None, ("de", "en"))
    assert rows[1].flags["numbers"] == {"left_only": ["41"]}
    assert rows[3].flags["numbers"] == {"right_only": ["38"]}
    assert [r.status for r in rows][1:4:2] == ["removed", "added"]


_FIGURES = st.lists(st.sampled_from(["12", "15", "17", "40", "41", "55", "3,5", "4,2", "900"]),
                    max_size=5)  # fmt: skip


@given(_FIGURES, _FIGURES)
def test_twins_are_one_sided_figures_of_like_size_each_used_once(a: list, b: list) -> None:
    left = [f"Es waren {x} Fälle." for x in a]
    right = [f"There were {y.replace(',', '.')} cases." for y in b]
    twins = figure_twins(left, right, "de", "en")
    value = {x: float(x.replace(",", ".")) for x in a + b}
    for x, y in twins:
        assert x in a and y.replace(".", ",") in b
        v, w = value[x], float(y)
        assert v != w and max(v, w) <= 1.5 * min(v, w)
        assert v not in {float(z.replace(",", ".")) for z in b}  # told on one side only
    assert len({x for x, _ in twins}) == len(twins) == len({y for _, y in twins})
    swapped = figure_twins(right, left, "en", "de")
    assert sorted((y, x) for x, y in twins) == sorted(swapped)


def test_a_count_whose_row_tells_another_unmatched_figure_makes_no_twin() -> None:
    # Batch 41's shape: each count sits in a sentence of material the other copy
    # does not carry (another figure it never tells beside it).
    fr = ["Dénicheo revendique près de 9 millions de visiteurs et plus de 1.200 marchands.",
          "Le site a prévenu ses utilisateurs."]  # fmt: skip
    en = ["A seller posted a sample of 1,000 records and asked $8,000 for the dataset.",
          "The site warned its users."]  # fmt: skip
    assert figure_twins(fr, en, "fr", "en") == []
    alone = [en[0].replace(" and asked $8,000 for the dataset", ""), en[1]]
    assert figure_twins(fr, alone, "fr", "en") == []  # the French row is still crowded
    plain = [fr[0].replace("près de 9 millions de visiteurs et ", ""), fr[1]]
    assert figure_twins(plain, alone, "fr", "en") == [("1.200", "1,000")]
    # A figure the other copy tells too does not crowd the row.
    told = [plain[0].replace("marchands", "marchands depuis 19 ans"), fr[1]]
    assert figure_twins(told, [alone[0] + " It is 19 years old."], "fr", "en") == [
        ("1.200", "1,000")]  # fmt: skip


def test_measures_keep_their_twins_in_a_crowded_row() -> None:
    left = ["A la Bourse de Paris, le titre gagnait 3,6% vers 11H00."]
    right = ["Shares rose 3.8% in Paris, among the top gainers on the STOXX 600 index."]
    assert figure_twins(left, right, "fr", "en") == [("3,6", "3.8")]


@given(_FIGURES, _FIGURES)
def test_a_count_twin_goes_once_its_row_tells_an_unmatched_figure(a: list, b: list) -> None:
    left = [f"Es waren {x} Fälle." for x in a]
    right = [f"There were {y.replace(',', '.')} cases." for y in b]
    twins = figure_twins(left, right, "de", "en")
    for x, y in twins:
        crowded = [f"{t[:-1]}, 77777 Proben." if x in t.split() else t for t in left]
        again = figure_twins(crowded, right, "de", "en")
        if "," in x and "." in y:  # measures on both sides keep their twin
            assert (x, y) in again
        else:
            assert all(pair[0] != x for pair in again)
