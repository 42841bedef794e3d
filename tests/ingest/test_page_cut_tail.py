"""A visibly cut page's last line (core.page_cut, round 32): a capture that stops a word into
the story's next sentence leaves a fragment that is the story's, even where the learned layer
reads it as a label; a page saved whole (a line break after its last line) keeps its roles.
The pages here are written for the repository."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with
from workbench.core.page_cut import cut_fragment, cut_tail
from workbench.core.page_shapes import DEFAULT_PARAMS, shapes
from workbench.core.segment import segment_text

ON = replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=1)
OFF = replace(DEFAULT_PARAMS, cut_tail=False, cut_fragment_words=0)

PAGE = (
    "Großbrand in Chemiewerk: Anwohner evakuiert\n\n"
    "In einem Chemiewerk in Bözwil ist am Mittwochabend ein Großbrand ausgebrochen, "
    "teilte die Kantonspolizei am Donnerstag mit.\n\n"
    "Rund 240 Anwohnerinnen und Anwohner verbrachten die Nacht in einer Turnhalle, "
    "die Feuerwehr war mit 210 Kräften im Einsatz.\n\n"
    "Die Evakuierung wurde am Donnerstag um 11 Uhr wieder aufgehoben, sagte ein Sprecher.\n\n"
    "{tail}"
)


def test_a_one_word_fragment_ending_a_cut_page_is_the_storys() -> None:
    text = PAGE.format(tail="Ermittl")  # the capture stopped in the next sentence
    off = roles_with(text, "de", cut_tail=False, cut_fragment_words=0)
    on = roles_with(text, "de", cut_tail=True, cut_fragment_words=1)
    assert off["Ermittl"] != "body"
    assert on["Ermittl"] == "body"
    last = "Die Evakuierung wurde am Donnerstag um 11 Uhr wieder aufgehoben, sagte ein Sprecher."
    assert off[last] == on[last] == "body"


def test_a_page_saved_whole_keeps_its_last_line() -> None:
    text = PAGE.format(tail="Ermittl\n")  # a line break after it: no cut to read
    assert roles_with(text, "de", cut_tail=True, cut_fragment_words=1)["Ermittl"] != "body"


def test_the_fragment_shape() -> None:
    for tail, words, told, fragment in (
        ("Ermittl", 1, False, True),
        ("«Рен", 1, False, True),  # an opening quote, then a capital
        ("ermittl", 1, False, False),  # lower case: no sentence opens so
        ("Die Staatsanwa", 1, False, False),  # two words over a limit of one
        ("Die Staatsanwa", 2, False, True),
        ("Оцените ма", 2, True, False),  # two words told by no story stem
        ("Die Anwohner", 2, True, True),  # "anwoh" is told above
    ):
        segs = list(segment_text(PAGE.format(tail=tail), "de")[1])
        sh, last = shapes(segs), len(segs) - 1
        p = replace(DEFAULT_PARAMS, cut_fragment_words=words, cut_fragment_told=told)
        story = {st for k in range(last) for st in sh[k].stems}
        told_here = bool(sh[last].stems & story)
        assert cut_fragment(last, segs, sh, p, told_here) is fragment, tail


@st.composite
def _page(draw: st.DrawFn) -> tuple[list, list[str], list[str], list[str | None]]:
    tail = draw(st.sampled_from(["Ermittl", "Die Staatsanwa", "Teilen", "ermittl", "Mehr.", ""]))
    end = draw(st.sampled_from(["", "\n"]))
    segs = list(segment_text(PAGE.format(tail=tail) + end, "de")[1])
    pool = ["body", "other", "headline", "link_residue"]
    roles = draw(st.lists(st.sampled_from(pool), min_size=len(segs), max_size=len(segs)))
    rules = draw(st.lists(st.sampled_from(pool), min_size=len(segs), max_size=len(segs)))
    fixed = draw(st.lists(st.sampled_from([None, None, "other"]), min_size=len(segs),
                          max_size=len(segs)))  # fmt: skip
    return segs, roles, rules, fixed


@given(_page(), st.integers(0, 3), st.booleans())
def test_only_the_cut_last_line_turns_body(page, words: int, tail: bool) -> None:
    segs, roles, rules, fixed = page
    p = replace(DEFAULT_PARAMS, cut_tail=tail, cut_fragment_words=words)
    out = cut_tail(segs, roles, rules, fixed, p)
    assert out[:-1] == roles[:-1]  # nothing above the last line moves
    if out[-1] != roles[-1]:
        assert out[-1] == "body" and tail and fixed[-1] is None and roles[-2] == "body"
        assert "\n" not in segs[-1].separator  # only a visibly cut page
    assert cut_tail(segs, out, rules, fixed, p) == out  # once is enough
    assert cut_tail(segs, roles, rules, fixed, replace(p, cut_tail=False)) == roles
