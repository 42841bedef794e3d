"""What the other copy tells elsewhere, elided articles and French hours (round 12).

Invented sentences in the shapes of dev false flags of several writers: a copy that
joins two sentences far apart leaves the other copy's second sentence with no partner,
so its names and figures are told, not changed; "l'OGBL" names the union "OGBL"; "à 7 h"
is a French clock time, not a figure.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.align_repair import Bead
from workbench.core.check_numbers import quantities
from workbench.core.check_scope import sentences_beside, unpaired
from workbench.core.checks import check_pair, page_tokens

DE = {"left_lang": "de", "right_lang": "de"}
FR = {"left_lang": "fr", "right_lang": "fr"}

LEFT = [
    "Brand an der Ringbahn: S-Bahn zwischen Nordpark und Südkreuz unterbrochen",
    "Ein Brand an der Ringbahn hat am Morgen den S-Bahn-Verkehr im Norden lahmgelegt.",
    "Die Feuerwehr war mit 60 Kräften im Einsatz.",
    "Zwischen Nordpark und Südkreuz fahren vorerst keine Züge.",
]
RIGHT = [
    "Nach einem Brand an der Ringbahn fahren am Morgen zwischen Nordpark und Südkreuz "
    "keine S-Bahnen im Norden.",
    "Die Feuerwehr war mit 60 Kräften im Einsatz.",
]


def test_a_name_the_other_copy_tells_in_an_unpaired_sentence_is_no_change() -> None:
    rows = [((0,), ()), ((1,), (0,)), ((2,), (1,)), ((3,), ())]
    alone = unpaired(rows, (len(LEFT), len(RIGHT)))
    assert alone == ([0, 3], [])
    near = sentences_beside(LEFT, [1], alone[0])
    assert near == [LEFT[2], LEFT[3]]  # the headline is neither neighbour nor unpaired
    assert "Nordpark" in check_pair(LEFT[1], RIGHT[0], **DE)["names"]["right_only"]
    beside = (page_tokens(near, "de"), page_tokens([], "de"))
    assert check_pair(LEFT[1], RIGHT[0], **DE, beside=beside) == {}
    # only its neighbours, as before: the unpaired sentence is two away
    only_next = (page_tokens(sentences_beside(LEFT, [1]), "de"), page_tokens([], "de"))
    assert "names" in check_pair(LEFT[1], RIGHT[0], **DE, beside=only_next)


def test_a_changed_figure_stays_flagged_when_the_unpaired_sentence_lacks_it() -> None:
    left = ["Rund 40 Kabel wurden beschädigt.", "Die Reparatur dauert bis Montag."]
    right = ["Etwa 50 Kabel wurden beschädigt."]
    alone = unpaired([((0,), (0,)), ((1,), ())], (2, 1))
    beside = (page_tokens(sentences_beside(left, [0], alone[0]), "de"), page_tokens([], "de"))
    assert check_pair(left[0], right[0], **DE, beside=beside) == {
        "numbers": {"left_only": ["40"], "right_only": ["50"]}
    }


def test_the_compare_rows_read_the_unpaired_sentences() -> None:
    from workbench.services.compare_pairs import pair_rows
    from workbench.store.models import Segment

    def segs(texts: list[str], first: int) -> list[Segment]:
        return [Segment(id=first + k, version_id=1, position=k, start=0, end=len(t), text=t,
                        lang="de") for k, t in enumerate(texts)]  # fmt: skip

    beads = [Bead((0,), (), 0.0, "1-0", confidence=0.9),
             Bead((1,), (0,), 0.8, "1-1", confidence=0.9),
             Bead((2,), (1,), 1.0, "1-1", confidence=0.99),
             Bead((3,), (), 0.0, "1-0", confidence=0.9)]  # fmt: skip
    rows = pair_rows(beads, segs(LEFT, 1), segs(RIGHT, 11), None, ("de", "de"))
    assert [r.status for r in rows] == ["removed", "changed", "unchanged", "removed"]
    assert "names" not in (rows[1].flags or {})


@given(st.lists(st.tuples(st.sets(st.integers(0, 7), max_size=3),
                          st.sets(st.integers(0, 7), max_size=3)), max_size=8))  # fmt: skip
def test_unpaired_is_every_index_no_two_sided_link_holds(links: list) -> None:
    rows = [(tuple(sorted(a)), tuple(sorted(b))) for a, b in links]
    alone = unpaired(rows, (8, 8))
    for side in (0, 1):
        held = {k for row in rows if row[0] and row[1] for k in row[side]}
        assert alone[side] == [k for k in range(8) if k not in held]


@given(st.lists(st.integers(0, 9), max_size=4), st.lists(st.integers(0, 9), max_size=6))
def test_unpaired_sentences_only_add_to_the_neighbours(indices: list, alone: list) -> None:
    texts = [f"Satz {k} endet hier." for k in range(10)]
    near = sentences_beside(texts, indices, alone)
    assert set(sentences_beside(texts, indices)) <= set(near)
    assert not {texts[k] for k in indices} & set(near) - set(sentences_beside(texts, indices))


def test_an_elided_article_is_no_part_of_the_name() -> None:
    left = ("Les syndicats OGBL et LCGB ont dénoncé une décision inacceptable et exigent "
            "un plan de maintien dans l'emploi.")  # fmt: skip
    right = ("Inacceptable, ont réagi l'OGBL et le LCGB, qui réclament un plan de maintien "
             "dans l'emploi.")  # fmt: skip
    assert "names" not in check_pair(left, right, **FR)
    # a name with an apostrophe of its own keeps it
    assert check_pair("Mr O'Brien spoke for the union.", "Mr Brien spoke for the union.",
                      left_lang="en", right_lang="en")["names"] == {
        "left_only": ["O'Brien"], "right_only": ["Brien"]}  # fmt: skip


def test_a_french_hour_after_a_time_word_is_a_clock_time() -> None:
    for text in ("Ils se rassemblent mercredi à 7 h devant l'usine.",
                 "L'alerte a été donnée peu avant 6 h, ce vendredi.",
                 "Le feu a pris vers 3 h du matin.", "Rendez-vous dès 8h."):  # fmt: skip
        assert quantities(text, "fr") == [], text
    assert quantities("Les secours ont 48 h pour agir.", "fr") == [("48", "48")]
    assert quantities("Le trafic est coupé pendant 3 h.", "fr") == [("3", "3")]
    assert check_pair("Assemblée mercredi à 7 h devant l'usine.",
                      "Assemblée mercredi matin devant l'usine.", **FR) == {}  # fmt: skip
