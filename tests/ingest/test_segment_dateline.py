"""A wire dateline cut from the lead (round 35, dateline35; ``segment.DATELINE_SEGMENTS`` off)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import segment
from workbench.core.roles import assign_roles
from workbench.core.segment import segment_text
from workbench.core.segment_dateline import (
    dateline_end,
    is_dateline,
    joined_values,
    rejoined,
    split_roles,
)

LEAD = ("Hohenried (dpa/lby) – Im niederbayerischen Landkreis Hohenried wird die Buslinie 417 "
        "ab dem 3. Mai deutlich ausgedünnt. Statt stündlich fahren die Busse nur noch viermal.")


@pytest.fixture
def cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "DATELINE_SEGMENTS", True)


def test_ships_off() -> None:
    assert segment.DATELINE_SEGMENTS is False
    assert [s.text for s in segment_text(LEAD, "de")[1]][0].startswith("Hohenried (dpa/lby) – Im")


@pytest.mark.parametrize("text, dateline", [
    ("Hohenried (dpa/lby) – Im Landkreis", "Hohenried (dpa/lby) –"),
    ("KYIV, Nov 30 (Reuters) - European grid operators", "KYIV, Nov 30 (Reuters) -"),
    ("HOLLERBECK, Germany — Two firefighters", "HOLLERBECK, Germany —"),
    ("Freilassing/Wals – Auf der Westautobahn", "Freilassing/Wals –"),
    ("Zelensky – who spoke on Monday", ""),
    ("Явка составила 46,1 процента - это рекорд", ""),
    ("Berlin, Paris und Rom – die drei Städte", ""),
    ("Hohenried (dpa/lby) –", ""),  # a dateline alone is no lead to cut from
])  # fmt: skip
def test_dateline_end(text: str, dateline: str) -> None:
    assert text[: dateline_end(text)] == dateline


def test_lead_cut_after_its_dateline(cut: None) -> None:
    segs = segment_text("Buslinie 417 ausgedünnt\n\n" + LEAD + "\n", "de")[1]
    assert [s.text for s in segs][1:3] == [
        "Hohenried (dpa/lby) –", "Im niederbayerischen Landkreis Hohenried wird die Buslinie 417 "
        "ab dem 3. Mai deutlich ausgedünnt."]  # fmt: skip
    assert segs[1].separator == " " and segs[1].paragraph == segs[2].paragraph
    assert is_dateline(segs[1].text) and not is_dateline(segs[2].text)


def test_dateline_takes_the_leads_role(cut: None) -> None:
    text = ("Buslinie 417 ausgedünnt – Hunderte Schüler betroffen\n\n" + LEAD + "\n\n"
            "Betroffen sind nach Angaben des Kreises rund 380 Schülerinnen und Schüler.\n")
    segs = segment_text(text, "de")[1]
    roles = assign_roles(segs, langs=["de"] * len(segs))
    k = next(i for i, s in enumerate(segs) if is_dateline(s.text))
    assert roles[k] == roles[k + 1]


@dataclass(frozen=True)
class _S:
    start: int
    end: int
    text: str
    separator: str
    paragraph: int


def test_rejoined_within_a_paragraph() -> None:
    segs = [_S(0, 13, "Kembs (dpa) -", " ", 0), _S(14, 40, "Ein Tankschiff sitzt fest.", "\n\n", 0),
            _S(42, 55, "Kembs (dpa) -", "\n\n", 1), _S(57, 61, "Foto", "", 2)]  # fmt: skip
    joined, owner = rejoined(segs)
    assert owner == [0, 0, 1, 2]
    assert joined[0] == _S(0, 40, "Kembs (dpa) - Ein Tankschiff sitzt fest.", "\n\n", 0)
    assert joined[1:] == segs[2:]
    assert joined_values(["x", "de", "y", "z"], owner) == ["de", "y", "z"]
    assert split_roles(segs, ["body", "other", "other"], owner) == [
        "body", "body", "other", "other"]  # fmt: skip


def test_roles_are_the_uncut_pages(cut: None) -> None:
    """The cut moves no role: each half takes the role the whole lead has without it."""
    text = ("Tankschiff sitzt am Oberrhein fest\nEin Tankschiff ist im Elsass auf Grund gelaufen."
            "\nArtikel verschenken Teilen\n" + LEAD + "\n\nFoto: dpa\n")
    on = segment_text(text, "de")[1]
    segment.DATELINE_SEGMENTS = False
    off = segment_text(text, "de")[1]
    off_roles = assign_roles(off, langs=["de"] * len(off))
    segment.DATELINE_SEGMENTS = True
    on_roles = assign_roles(on, langs=["de"] * len(on))
    assert len(on) == len(off) + 1
    owner = rejoined(on)[1]
    assert on_roles == [off_roles[k] for k in owner]


_WORDS = st.sampled_from(["Kembs", "(dpa)", "-", "–", "KYIV,", "Nov", "30", "(Reuters)", "Ein",
                          "Schiff", "sitzt", "fest.", "Der", "Rhein", "ist", "gesperrt.", "\n",
                          "\n\n", "Graz/Paris", "GANDER,", "N.L.", "—", "Zelensky"])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=30))
def test_the_cut_only_splits(words: list[str]) -> None:
    """Lossless either way; every segment with the cut is a segment without it, or the two
    halves of one (the dateline, then the lead's rest after the whitespace between)."""
    text = " ".join(words)
    segment.DATELINE_SEGMENTS = False
    lead, off = segment_text(text, "de")
    segment.DATELINE_SEGMENTS = True
    try:
        lead_on, on = segment_text(text, "de")
    finally:
        segment.DATELINE_SEGMENTS = False
    assert lead_on + "".join(s.text + s.separator for s in on) == text == \
        lead + "".join(s.text + s.separator for s in off)  # fmt: skip
    whole = {(s.start, s.end) for s in off}
    k = 0
    while k < len(on):
        if (on[k].start, on[k].end) in whole:
            k += 1
            continue
        first, rest = on[k], on[k + 1]
        assert (first.start, rest.end) in whole and is_dateline(first.text)
        assert first.paragraph == rest.paragraph and not first.separator.strip()
        k += 2


def test_lone_datelines_apart_ships_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core import align_inner

    left = ["Kembs (dpa) -", "Ein Tankschiff sitzt fest.", "Der Rhein ist gesperrt."]
    right = ["Ein Tankschiff sitzt am Oberrhein fest.", "Der Rhein ist gesperrt."]
    body = ["body"] * 3
    assert align_inner.DATELINES_APART is False
    assert align_inner.compared_lines(left, body, right, body[:2])[0] == [0, 1, 2]
    monkeypatch.setattr(align_inner, "DATELINES_APART", True)
    assert align_inner.compared_lines(left, body, right, body[:2]) == ([1, 2], [0, 1])


# Round 38 (beadsd38): the openers of every language the wire copies carry, and the
# sentences that merely start with a place.
@pytest.mark.parametrize("text, dateline", [
    ("Hohenfirst (dpa) - Ein Felssturz hat einen Baggerfahrer getötet.", "Hohenfirst (dpa) -"),
    ("Zürich (sda) – Der Kantonsrat hat entschieden.", "Zürich (sda) –"),
    ("Frankfurt/Main (dpa/lhe) - Die Polizei ermittelt.", "Frankfurt/Main (dpa/lhe) -"),
    ("BERLIN (AP) — Germany said on Monday.", "BERLIN (AP) —"),
    ("New York (AP) — A fire broke out.", "New York (AP) —"),
    ("Kyiv (Ukrinform) – The Cabinet approved the plan.", "Kyiv (Ukrinform) –"),
    ("PARIS (AFP) - Le gouvernement a annoncé.", "PARIS (AFP) -"),
    ("Le Mans (AFP) – Un incendie a détruit l'usine.", "Le Mans (AFP) –"),
    ("Genève (ATS) – Le Conseil d'Etat a décidé.", "Genève (ATS) –"),
    ("Житомир (Укрінформ) - Вибух пролунав у кар'єрі.", "Житомир (Укрінформ) -"),
    ("Москва, 5 марта (ТАСС) - Правительство одобрило план.", "Москва, 5 марта (ТАСС) -"),
    ("Berlin ist die Hauptstadt – sagt er.", ""),
    ("Paris – la ville lumière – accueille les Jeux.", ""),
    ("Kyiv – the capital – was quiet on Monday.", ""),
    ("Житомир – місто на півночі.", ""),
    ("Zürich (sda) Der Kantonsrat hat entschieden.", ""),  # no dash: no dateline
])  # fmt: skip
def test_openers_across_languages(text: str, dateline: str) -> None:
    assert text[: dateline_end(text)] == dateline


_PLACE = st.sampled_from(["Hohenfirst", "Zürich", "Kyiv", "Paris", "Berlin", "Житомир",
                          "Москва", "Genève", "Le Mans", "New York", "Wien"])  # fmt: skip
_REST = st.lists(st.sampled_from(["ist", "die", "Stadt", "the", "city", "la", "ville", "місто",
                                  "город", "am", "Montag", "5", "März", ",", "and", "–", "-",
                                  "—", "said", "Polizei", "."]), max_size=12)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(_PLACE, _REST)
def test_a_place_opening_a_sentence_is_not_cut(place: str, rest: list[str]) -> None:
    """A sentence that merely starts with a place name (no agency in brackets, no slash, no
    capitals) is never cut, dashes or not; one without a spaced dash is never cut at all."""
    text = " ".join([place, *rest])
    assert dateline_end(text) == 0
    no_dash = text.replace(" – ", " ").replace(" - ", " ").replace(" — ", " ")
    assert dateline_end(no_dash + " (dpa) Der Rest.") == 0


@settings(max_examples=200, deadline=None)
@given(_PLACE, st.sampled_from(["dpa", "sda", "AP", "AFP", "Ukrinform", "ТАСС", "dpa/lby"]),
       st.sampled_from(["-", "–", "—"]), _REST)  # fmt: skip
def test_an_opener_cut_joins_back(place: str, agency: str, dash: str, rest: list[str]) -> None:
    """A "Place (agency) –" opener is cut off its lead, and the two segments joined by the
    whitespace between give back the sentence."""
    text = f"{place} ({agency}) {dash} Ein Felssturz " + " ".join(rest) + " Ende."
    segment.DATELINE_SEGMENTS = True
    try:
        segs = segment_text(text, "de")[1]
    finally:
        segment.DATELINE_SEGMENTS = False
    assert segs[0].text == f"{place} ({agency}) {dash}" and is_dateline(segs[0].text)
    assert segs[0].text + segs[0].separator + "".join(s.text + s.separator for s in segs[1:]) \
        == text  # fmt: skip
