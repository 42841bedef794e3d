"""Round 20: round 19's unseen name and cut errors (batch 65, now dev) as shapes.

Why: "told OC Media" flagged "OC" but not "Media" (a neighbouring "independent media" told
the common word); "Kutaisi's" was flagged as written while the name is Kutaisi; a French
sentence the capture cut after "par aucun pays," was paired with a German one telling
"etwa 1500 russische Soldaten", and the figure the cut took was flagged.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_runs, check_scope
from workbench.core.check_runs import bare_name, with_name_runs
from workbench.core.check_scope import beyond_cut, cut_open
from workbench.core.checks import NOUN_CAPITALISING, check_pair, page_tokens

OC = "The commission did not respond to OC Media's request for comment."
REUTERS = "The commission did not immediately respond to a request for comment."
NEXT = "It is the latest in a series of moves against independent media."


def test_the_shipped_switches_are_on() -> None:
    assert check_runs.NAME_RUNS and check_runs.POSSESSIVES and check_scope.CUT_OPEN


def test_a_two_word_outlet_is_flagged_whole_beside_its_common_word() -> None:
    beside = (page_tokens([], "en"), page_tokens([NEXT], "en"))
    got = check_pair(OC, REUTERS, left_lang="en", right_lang="en", beside=beside)
    assert got == {"names": {"left_only": ["OC", "Media"]}}


def test_without_runs_the_common_word_lets_the_second_word_go(monkeypatch) -> None:
    monkeypatch.setattr(check_runs, "NAME_RUNS", False)
    beside = (page_tokens([], "en"), page_tokens([NEXT], "en"))
    got = check_pair(OC, REUTERS, left_lang="en", right_lang="en", beside=beside)
    assert got == {"names": {"left_only": ["OC"]}}


def test_a_run_word_the_other_row_tells_stays_unflagged() -> None:
    flags = {"names": {"left_only": ["OC"]}}
    got = with_name_runs(flags, OC, "Media groups said nothing.", ("en", "en"), NOUN_CAPITALISING)
    assert got == flags


def test_german_runs_are_left_alone() -> None:
    flags = {"names": {"left_only": ["Lührs"]}}
    text = "Das sagte Thorsten Lührs Donnerstag in Brakenau."
    assert with_name_runs(flags, text, "Das sagte er.", ("de", "de"), NOUN_CAPITALISING) == flags


def test_a_possessive_name_is_flagged_as_the_name() -> None:
    got = check_pair("The regulator strips Kutaisi's Rioni TV of its licence.",
                     "The regulator strips Rioni TV of its licence.", left_lang="en",
                     right_lang="en")  # fmt: skip
    assert got == {"names": {"left_only": ["Kutaisi"]}}


@given(
    st.sampled_from(["Kutaisi", "Reuters", "Zmiiv", "O'Neill"]),
    st.sampled_from(["'s", "’s", "'", ""]),
)
def test_bare_name_drops_only_the_possessive(name: str, ending: str) -> None:
    assert bare_name(name + ending) == name


FR = (
    "La Transnistrie, qui a fait sécession en 1992 après une brève guerre, "
    "n'est reconnue par aucun pays,"
)
DE = "In der Region sind noch etwa 1500 russische Soldaten stationiert."


def test_a_side_cut_on_an_open_clause_flags_nothing_of_the_full_side() -> None:
    assert cut_open(FR) and not cut_open(DE)
    assert check_pair(FR, DE, left_lang="fr", right_lang="de", similarity=0.15) == {}


def test_without_the_switch_the_cut_pair_is_read_as_a_replacement(monkeypatch) -> None:
    monkeypatch.setattr(check_scope, "CUT_OPEN", False)
    got = check_pair(FR, DE, left_lang="fr", right_lang="de", similarity=0.15)
    assert got == {"numbers": {"left_only": ["1992"], "right_only": ["1500"]}}


@given(st.sampled_from([",", " –", " (", " «", "."]), st.booleans(), st.booleans())
def test_beyond_cut_keeps_the_cut_side_and_drops_the_full_side(
    end: str, cut_left: bool, paraphrase: bool
) -> None:
    cut, full = f"Il y avait 12 blessés{end}", "Es gab 15 Verletzte und 3 Tote."
    left, right = (cut, full) if cut_left else (full, cut)
    flags = {"numbers": {"left_only": ["12"], "right_only": ["15"]},
             "names": {"left_only": ["Bern"], "right_only": ["Basel"]}}  # fmt: skip
    got = beyond_cut(flags, left, right, paraphrase)
    if end == ".":
        assert got == flags
        return
    full_side, cut_side = ("right_only", "left_only") if cut_left else ("left_only", "right_only")
    assert all(full_side not in by_side for by_side in got.values())
    assert got["names"][cut_side] == flags["names"][cut_side]
    assert ("numbers" in got) == (not paraphrase)
