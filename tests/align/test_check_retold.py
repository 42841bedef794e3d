"""A name the other copy tells again where the row-by-row check does not look (round 32).

Invented sentences in the shape of round 32's dev false name tokens: a rewrite split a
sentence and the aligner paired it with the half that drops the name (batch 17's "World
Cup"); a Title Case headline names a place's head and the other page writes it whole
(batch 73's "Baltic Sea").
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_retold
from workbench.core.check_echoes import echoes
from workbench.core.check_retold import without_retold, without_title_heads
from workbench.core.checks import check_pair, page_tokens

SPLIT = [
    ("Mara Lind won the Alpine Cup sprint in Oberhof on Saturday.",
     "Mara Lind won the sprint in Oberhof on Saturday."),
    ("Lind, whose best Alpine Cup result was fifth in Ruka, is the first Swede to win an "
     "individual Alpine Cup race in six years.",
     "Her best result so far was fifth in Ruka."),
    ("Solberg now leads the standings.",
     "Lind is the first Swede in six years to win an individual Alpine Cup race."),
]  # fmt: skip
EN = ("en", "en")


def test_a_name_a_split_sentence_retells_elsewhere_is_moved() -> None:
    flags = [{}, {"names": {"left_only": ["Alpine", "Cup"]}}, {}]
    assert without_retold(SPLIT, flags, same=True) == [{}, {}, {}]
    assert flags[1] == {"names": {"left_only": ["Alpine", "Cup"]}}  # input left as it was
    assert echoes(SPLIT, flags, [True] * 3, EN)[1] == {}  # the product's pair pass


def test_a_name_told_in_an_unrelated_sentence_stays_flagged() -> None:
    rows = [("The US and Seoul accused Pyongyang of sending troops.",
             "Washington and Seoul accused Pyongyang of sending troops."),
            ("Kyiv says the fighting goes on.", "The US embassy was closed on Monday.")]
    flags = [{"names": {"left_only": ["US"]}}, {}]
    assert without_retold(rows, flags, same=True) == flags


def test_headlines_other_kinds_and_languages_are_left_alone() -> None:
    rows = [("Lind Wins Alpine Cup Sprint In Oberhof", "Lind wins in Oberhof"),
            ("", "Lind wins the Alpine Cup sprint in Oberhof on Saturday.")]
    flags = [{"names": {"left_only": ["Alpine", "Cup"]}}, {}]
    assert without_retold(rows, flags, same=True) == flags  # a headline, compared as a whole
    split = [{}, {"names": {"left_only": ["Cup"]}, "numbers": {"left_only": ["six"]}}, {}]
    assert without_retold(SPLIT, split, same=False) == split  # chrF needs one language
    assert without_retold(SPLIT, split, same=True)[1] == {"numbers": {"left_only": ["six"]}}


def test_the_switch_turns_the_reading_off(monkeypatch) -> None:
    monkeypatch.setattr(check_retold, "RETOLD", False)
    flags = [{}, {"names": {"left_only": ["Alpine", "Cup"]}}, {}]
    assert without_retold(SPLIT, flags, same=True) == flags


HEAD_LEFT = ["Data cable to Gotland damaged in Baltic Sea"]
HEAD_RIGHT = ["Baltic Subsea Cable Severed Off Latvia, Navy Probes Ship",
              "The cable runs under the Baltic Sea to Gotland."]  # fmt: skip


def test_a_title_case_head_the_other_page_writes_whole_is_no_change(monkeypatch) -> None:
    pages = (page_tokens(HEAD_LEFT, "en"), page_tokens(HEAD_RIGHT, "en"))
    got = check_pair(HEAD_LEFT[0], HEAD_RIGHT[0], left_lang="en", right_lang="en", pages=pages,
                     regrouped=False)  # fmt: skip
    assert got["names"]["left_only"] == ["Gotland"]  # the headline still drops Gotland
    monkeypatch.setattr(check_retold, "TITLE_HEADS", False)
    got = check_pair(HEAD_LEFT[0], HEAD_RIGHT[0], left_lang="en", right_lang="en", pages=pages,
                     regrouped=False)  # fmt: skip
    assert got["names"]["left_only"] == ["Gotland", "Sea"]  # round 31's reading


def test_a_head_the_other_page_never_writes_whole_stays_flagged() -> None:
    other = frozenset({("baltic", "subsea")})
    found = {"left_only": ["Sea"]}
    texts = (HEAD_LEFT[0], HEAD_RIGHT[0])
    assert without_title_heads(found, texts, (frozenset(), other)) == found
    plain = (HEAD_LEFT[0], "A cable under the Baltic was cut off Latvia")  # not Title Case
    whole = frozenset({("baltic", "sea")})
    assert without_title_heads(found, plain, (frozenset(), whole)) == found
    assert without_title_heads(found, texts, (frozenset(), whole)) == {}


_NAME = st.from_regex(r"[A-Z][a-z]{3,8}", fullmatch=True)


@given(_NAME, _NAME, st.sampled_from([0.0, 0.5, 1.01]))
def test_only_name_flags_are_taken_off_never_added(first: str, second: str,
                                                  retells: float) -> None:  # fmt: skip
    """Whatever the names and the threshold, the pass only drops name tokens: numbers stay,
    and every name left was flagged on its row and side before."""
    rows = [(f"{first} met {second} in town on Monday.", "They met in town on Monday."),
            ("", f"{first} met {second} in town on Monday, police said.")]
    flags = [{"names": {"left_only": [first, second]}, "numbers": {"left_only": ["2"]}}, {}]
    old = check_retold.RETELLS
    check_retold.RETELLS = retells
    try:
        out = without_retold(rows, flags, same=True)
    finally:
        check_retold.RETELLS = old
    assert out[0]["numbers"] == flags[0]["numbers"] and out[1] == {}
    for side, tokens in out[0].get("names", {}).items():
        assert set(tokens) <= set(flags[0]["names"][side])
    if retells > 1:
        assert out == flags
