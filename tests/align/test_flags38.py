"""Round 38 (flags38): round 37's two false dev flags, each behind a switch (shipped off).

* Batch 136's German radio rewrite dropped the opening hours a dpa copy told as "geöffnet
  dienstags und donnerstags von 14 bis 18 Uhr" ("nachmittags geöffnet"): "18 Uhr" is a clock
  time, but the range's near end "14" was read as a figure and flagged (``core.hour_ranges``).
* Batch 138's local rewrite wrote "THW" where the dpa copy wrote "Technischem Hilfswerk": the
  acronym takes a letter from each part of the compound "Hilfs|werk", which the one-letter-a-word
  spelling did not read (``core.check_acronyms``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core import check_acronyms, check_name_twins, hour_ranges
from workbench.core.check_nouns import spelled_acronyms
from workbench.core.check_numbers import quantities
from workbench.core.checks import check_pair


@contextmanager
def switched(module: object, name: str, value: bool) -> Iterator[None]:
    old = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, old)


def _flags(left: str, right: str, langs: tuple[str, str] = ("de", "de"),
           similarity: float | None = 0.7) -> dict:  # fmt: skip
    return check_pair(left, right, left_lang=langs[0], right_lang=langs[1],
                      confidence=0.95, similarity=similarity)  # fmt: skip


B136 = ("Ab Januar soll es im Bürgerbüro des Rathauses einen kleinen Medienpunkt mit etwa 8.000 "
        "Titeln geben, geöffnet dienstags und donnerstags von 14 bis 18 Uhr.",
        "Ein kleiner Ersatz soll bleiben: Ab Januar gibt es im Bürgerbüro einen Medienpunkt mit "
        "rund 8.000 Titeln. Er ist dienstags und donnerstags nachmittags geöffnet.")  # fmt: skip
B138 = ("Rund 80 Einsatzkräfte von Feuerwehr, Technischem Hilfswerk und Bergwacht suchten mehrere "
        "Stunden nach ihm, unterstützt von Rettungshunden und einer Drohne.",
        "Mehr als 100 Helferinnen und Helfer von Feuerwehr, THW und Bergwacht suchten mit "
        "Rettungshunden und einer Drohne nach dem Verschütteten.")  # fmt: skip


def test_batch_136_hours_off_and_on():
    with switched(hour_ranges, "HOUR_RANGES", False):
        assert _flags(*B136) == {"numbers": {"left_only": ["14"]}}
    with switched(hour_ranges, "HOUR_RANGES", True):
        assert _flags(*B136) == {}


def test_batch_138_acronym_off_and_on():
    with switched(check_acronyms, "COMPOUND_ACRONYMS", False):
        assert _flags(*B138)["names"] == {"right_only": ["THW"]}
    with switched(check_acronyms, "COMPOUND_ACRONYMS", True):
        # the counts stay the true change they are (gold: '80' / '100')
        assert _flags(*B138) == {"numbers": {"left_only": ["80"], "right_only": ["100"]}}


def test_hour_ranges_read_only_ranges_of_hours():
    with switched(hour_ranges, "HOUR_RANGES", True):
        assert quantities("von 9 bis 12.30 Uhr", "de") == []
        assert quantities("between 2 and 6 p.m.", "en") == []
        assert quantities("de 14 à 18 h", "fr") == []
        assert [v for _, v in quantities("8 to 10 people", "en")] == ["8", "10"]
        assert [v for _, v in quantities("rund 80 bis 100 Helfer", "de")] == ["80", "100"]
        assert [v for _, v in quantities("von 25 bis 270 Uhr", "de")] == ["25", "270"]
        assert [v for _, v in quantities("von 5 bis 6 am Montag", "de")] == ["5", "6"]
        assert [v for _, v in quantities("12 und 18 Uhr", "de")] == ["12"]  # no "zwischen"
        # the aligner's figure anchors keep START's reading
        assert quantities("von 14 bis 18 Uhr", "de", ranges=False) == [("14", "14")]


HOURS = {
    "de": ("von {a} bis {b} Uhr", "{a}–{b} Uhr", "zwischen {a} und {b} Uhr",
           "von {a} Uhr bis {b} Uhr", "{a}:00-{b}:00 Uhr", "nachmittags"),
    "en": ("from {p} to {q} p.m.", "{p}-{q}pm", "between {p} and {q} pm", "{a}:00 to {b}:00",
           "from {p}pm to {q}pm", "in the afternoon"),
}  # fmt: skip
SENTENCE = {"de": "Die Ausgabestelle mit {n} Büchern ist {h} geöffnet.",
            "en": "The branch with {n} books is open {h}."}
COUNT = {"de": "{:,}", "en": "{:,}"}


def _open(lang: str, k: int, a: int, b: int, n: int) -> str:
    when = HOURS[lang][k].format(a=a, b=b, p=a - 12, q=b - 12)
    count = f"{n:,}".replace(",", "." if lang == "de" else ",")
    return SENTENCE[lang].format(n=count, h=when)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["de", "en"]), st.sampled_from(["de", "en"]), st.integers(0, 5),
       st.integers(0, 5), st.integers(13, 17), st.integers(1, 5),
       st.sampled_from([1200, 8000, 41000]), st.sampled_from([0.95, 0.5, 0.2]))  # fmt: skip
@example("de", "de", 0, 5, 14, 4, 8000, 0.7)  # batch 136: "von 14 bis 18 Uhr" / "nachmittags"
def test_one_range_of_hours_told_otherwise_is_never_flagged(lang_a, lang_b, k, j, a, length, n,
                                                            similarity):  # fmt: skip
    left, right = _open(lang_a, k, a, min(a + length, 20), n), _open(lang_b, j, a,
                                                                       min(a + length, 20), n)
    with switched(hour_ranges, "HOUR_RANGES", True):
        assert "numbers" not in _flags(left, right, (lang_a, lang_b), similarity)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 4), st.integers(0, 4), st.integers(13, 17))
def test_a_count_changed_beside_a_range_of_hours_is_still_flagged(k, j, a):
    left, right = _open("de", k, a, a + 3, 8000), _open("de", j, a, a + 3, 9000)
    with switched(hour_ranges, "HOUR_RANGES", True):
        assert _flags(left, right)["numbers"] == {"left_only": ["8.000"], "right_only": ["9.000"]}


def test_compound_acronyms():
    with switched(check_acronyms, "COMPOUND_ACRONYMS", True):
        assert "THW" in spelled_acronyms(["von Technischem Hilfswerk und"], "de")
        assert "BND" in spelled_acronyms(["der Bundesnachrichtendienst warnt"], "de")
        assert "THW" not in spelled_acronyms(["von Technischem Hilfswerk und"], "en")
        assert check_acronyms.compound_parts("Bergwacht") == ("Bergwacht",)  # "Bergw|acht": no
        # another organisation's acronym stays a one-sided name
        left, right = B138[0], B138[1].replace("THW", "DLRG")
        assert _flags(left, right)["names"] == {"right_only": ["DLRG"]}
    with switched(check_acronyms, "COMPOUND_ACRONYMS", False):
        assert "THW" not in spelled_acronyms(["von Technischem Hilfswerk und"], "de")


WORDS = st.lists(st.sampled_from(["Technischem", "Hilfswerk", "Bundesnachrichtendienst", "und",
                                  "Deutscher", "Gewerkschaftsbund", "Stadtbibliothek", "für",
                                  "Bergwacht", "Rotes", "Kreuz", "Feuerwehr", "THW"]),
                 min_size=1, max_size=7)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(WORDS, st.sampled_from(["de", "en", "fr", "uk", None]))
def test_compound_acronyms_only_add_and_only_in_german(words, lang):
    text = " ".join(words)
    with switched(check_acronyms, "COMPOUND_ACRONYMS", False):
        off = spelled_acronyms([text], lang)
    with switched(check_acronyms, "COMPOUND_ACRONYMS", True):
        on = spelled_acronyms([text], lang)
    assert off <= on
    if lang != "de":
        assert on == off


# Batch 136: the dpa copy's quote names "Sprecherin Miriam Heitzmann"; the radio names "Marion
# Heitzmann" in a sentence the aligner linked to another one (a paraphrase row, names unread).
B136_ROWS = [
    ("Die Initiative «Lesezeichen Wittenhofen» übergab dem Bürgermeister 4.700 Unterschriften.",
     "Die Sprecherin der Initiative „Lesezeichen Wittenhofen“, Marion Heitzmann, kündigte an, ein "
     "Bürgerbegehren zu prüfen."),
    ("«Eine Stadt ohne Bibliothek verliert ihr Wohnzimmer», sagte Sprecherin Miriam Heitzmann.",
     "Eine Stadt ohne Bibliothek verliere ihr Wohnzimmer, so Heitzmann."),
    ("Die Initiative prüft nun ein Bürgerbegehren gegen den Beschluss.", ""),
]  # fmt: skip


def test_batch_136_renamed_speaker_across_rows_off_and_on():
    flags = [{}, {"names": {"left_only": ["Miriam"]}}, {}]
    checked = [True, True, False]
    with switched(check_name_twins, "FIRST_NAME_TWINS", False):
        assert check_name_twins.name_twins(B136_ROWS, flags, checked, ("de", "de")) == flags
    with switched(check_name_twins, "FIRST_NAME_TWINS", True):
        got = check_name_twins.name_twins(B136_ROWS, flags, checked, ("de", "de"))
        assert got == [{"names": {"right_only": ["Marion"]}}, flags[1], {}]  # Miriam not twice
        assert check_name_twins.name_twins(B136_ROWS, flags, checked, ("de", "en")) == flags
        assert check_name_twins.name_twins(B136_ROWS, flags, [False, True, False],
                                           ("de", "de")) == flags  # fmt: skip


FIRSTS = st.sampled_from(["Miriam", "Marion", "Thomas", "Tobias", "Katrin", "Markus", "Sabine"])
SURNAMES = st.sampled_from(["Heitzmann", "Brandl", "Sommerfeld", "Reischl"])


@settings(max_examples=150, deadline=None)
@given(FIRSTS, FIRSTS, SURNAMES, st.booleans(), st.booleans())
def test_name_twins_flag_a_renamed_speaker_and_nothing_else(one, two, surname, quoted, told):
    """A first name changed under one surname in two rows not linked to each other is flagged
    on both sides; one name on both sides, or a name the other copy tells too, never is."""
    left = (f"«Wir prüfen das», sagte Sprecherin {one} {surname}." if quoted
            else f"Sprecherin {one} {surname} kündigte eine Prüfung an.")  # fmt: skip
    right = f"Die Sprecherin {two} {surname} will das prüfen."
    rows = [(left, "Die Stadt schweigt dazu."), ("Der Rat tagt im Mai.", right)]
    if told:
        rows.append((f"Auch {two} war da.", "Der Rat kam zusammen."))
    with switched(check_name_twins, "FIRST_NAME_TWINS", True):
        got = check_name_twins.name_twins(rows, [{} for _ in rows], [True] * len(rows),
                                          ("de", "de"))  # fmt: skip
    names = [(side, n) for f in got for side, ns in f.get("names", {}).items() for n in ns]
    if one == two or told:
        assert names == []
    else:
        assert names == [("left_only", one), ("right_only", two)]
