"""Round 38 (flagsb38): a name changed by a letter or two inside its stem in a same-language,
same-script pair (``core.check_near_names``, ``NEAR_NAMES``, a study shipped off)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from workbench.core import check_near_names
from workbench.core.check_names import name_differences
from workbench.core.german_lexicon import is_common_noun

SPOKE = "Das sagte Polizeisprecher Stefan {} am Montag."
SURNAMES = ("Wendelin", "Gruber", "Haberl", "Pichler", "Mallinger", "Berger", "Hofbauer",
            "Lindner", "Brunhuber", "Fellner")  # fmt: skip


@pytest.fixture
def near(monkeypatch):
    monkeypatch.setattr(check_near_names, "NEAR_NAMES", True)


def _de(left: str, right: str, lang: tuple[str, str] = ("de", "de")) -> dict:
    return name_differences(left, right, left_lang=lang[0], right_lang=lang[1])


def test_shipped_off_and_wendelin_raises_nothing_off():
    assert check_near_names.NEAR_NAMES is False
    assert _de(SPOKE.format("Wendelin"), SPOKE.format("Wendling")) == {}


def test_wendelin_wendling_flagged_on(near):
    assert _de(SPOKE.format("Wendelin"), SPOKE.format("Wendling")) == {
        "left_only": ["Wendelin"], "right_only": ["Wendling"]}  # fmt: skip
    got = _de("Bürgermeister Wendelin Kratzer sagte das.",
              "Bürgermeister Wendling Kratzer sagte das.")
    assert got == {"left_only": ["Wendelin"], "right_only": ["Wendling"]}


@pytest.mark.parametrize("left, right", [
    (SPOKE.format("Müller"), SPOKE.format("Mueller")),
    (SPOKE.format("Strauß"), SPOKE.format("Strauss")),
    (SPOKE.format("Maletzki"), "Nach Stefan Maletzkis Worten sei alles ruhig."),
    ("Helfer vom Rotem Kreuz waren da.", "Helfer des Roten Kreuzes waren da."),
    ("Said Hans Mueller on Monday.", "Said Hans Muller on Monday."),
    ("Zelensky said so.", "Zelenskyy said so."),
])  # fmt: skip
def test_transcriptions_and_inflections_stay_one_name(near, left, right):
    lang = ("en", "en") if left.startswith(("Said", "Zel")) else ("de", "de")
    assert _de(left, right, lang) == {}


def test_other_scripts_and_languages_untouched(near):
    """Across languages or in Cyrillic the rule reads nothing: the output is START's."""
    rows = [("Про це сказала Олександра Шевчук.", "Об этом сказала Александра Шевчук.", "uk", "ru"),
            ("Про це сказав Гнатюк у Зорівському музеї.", "Гнатюка бачили у Зорівського музею.",
             "uk", "uk"),
            (SPOKE.format("Wendelin"), "Police spokesman Stefan Wendling said.", "de", "en")]
    on = [_de(left, right, (ll, rl)) for left, right, ll, rl in rows]
    check_near_names.NEAR_NAMES = False
    assert on == [_de(left, right, (ll, rl)) for left, right, ll, rl in rows]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SURNAMES), st.sampled_from(("s", "", "'s")),
       st.sampled_from(("umlaut", "none")))  # fmt: skip
def test_inflected_or_transcribed_name_never_flagged(surname, ending, spelling):
    check_near_names.NEAR_NAMES = True
    try:
        name = surname.replace("u", "ü", 1) if spelling == "umlaut" and "u" in surname else surname
        # both at once ("Grüber" / "Gruebers") is two edits on a short key: flagged at START too
        other = name.replace("ü", "ue") if name != surname else surname + ending
        assert _de(SPOKE.format(name), SPOKE.format(other)) == {}
    finally:
        check_near_names.NEAR_NAMES = False


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(SURNAMES), st.integers(min_value=1, max_value=20),
       st.sampled_from("bfglmnpr"))  # fmt: skip
def test_letter_substituted_inside_the_stem_is_flagged(surname, at, letter):
    inner = [k for k in range(1, len(surname) - 2) if surname[k] in "bfglmnpr"]
    assume(inner)
    k = inner[at % len(inner)]
    assume(letter not in (surname[k], surname[k - 1], surname[k + 1]))
    changed = surname[:k] + letter + surname[k + 1:]
    assume(not is_common_noun(changed))
    check_near_names.NEAR_NAMES = True
    try:
        got = _de(SPOKE.format(surname), SPOKE.format(changed))
    finally:
        check_near_names.NEAR_NAMES = False
    assert got.get("left_only") == [surname] and got.get("right_only") == [changed]
