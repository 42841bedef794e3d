"""An ad slot's label inside the story's last paragraph (``RoleParams.ad_story``, round 44).

A page read line by line prints its last story lines, an ad label and the footer as one
paragraph; a teaser line opens it, so ``page_blocks.closing_box`` read it as a bio box.  With
the rule on, story prose in the story's language right under the label keeps the paragraph
in the story; the label stays ``other``.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with, rules_only
from workbench.core.page_ad_mark import AD_LABELS, is_ad_label, story_past_ad
from workbench.core.page_blocks import closing_box
from workbench.core.page_shapes import DEFAULT_PARAMS, shapes
from workbench.core.segment import segment_text

_HEAD = (
    "Harbour Courier\n"
    "Home News Sport Culture\n\n"
    "Town closes its ice rink over energy costs\n\n"
    "The town council voted on Monday to close the public ice rink at the end of the season.\n"
    "Running the cooling plant would cost the town about half a million euros this year.\n\n"
)
_ABOVE = (
    "The last public skating session takes place on Sunday, the council said on Tuesday.\n",
    "The local hockey club with 240 members will have to train in a hall 40 kilometres away.\n",
)
_BELOW = (
    "A petition to keep the rink open had collected about 6,800 signatures before the vote.\n",
    "The town wants to study by autumn whether a new rink with solar panels could be built.\n",
)
_FOOT = "(AP)\nShare this article\nMore from the region\n© 2028 Harbour Courier\n"


def _page(label: str, below: tuple[str, ...] = _BELOW) -> str:
    return (_HEAD + "Read more: Swimming pool raises its prices by twelve percent\n"
            + "".join(_ABOVE) + label + "\n" + "".join(below) + _FOOT)  # fmt: skip


def test_the_story_goes_on_past_an_ad_label_in_its_last_paragraph() -> None:
    """The rules alone; the shipped pipeline (learned layer on) keeps them too."""
    text = _page("Advertisement")
    with rules_only():
        on, off = roles_with(text, ad_story=True), roles_with(text, ad_story=False)
    for line in (*_ABOVE, *_BELOW):
        assert on[line.strip()] == "body", line
    assert on["Advertisement"] == "other"
    assert any(off[line.strip()] != "body" for line in _BELOW)  # the box took them at START
    shipped = roles_with(text)
    assert all(shipped[line.strip()] == "body" for line in (*_ABOVE, *_BELOW))


def test_a_label_with_no_story_sentence_under_it_keeps_the_box() -> None:
    """A bare label above the footer (no prose right under it) is no evidence."""
    text = _page("Advertisement", below=())
    with rules_only():
        on, off = roles_with(text, ad_story=True), roles_with(text, ad_story=False)
    assert on == off


@given(
    word=st.sampled_from(sorted(AD_LABELS)),
    upper=st.booleans(),
    tail=st.sampled_from(["", " 2", ":", " 12", " –"]),
)
def test_an_ad_word_with_a_number_or_a_colon_is_a_label(word: str, upper: bool, tail: str) -> None:
    assert is_ad_label((word.upper() if upper else word.capitalize()) + tail)


@given(word=st.sampled_from(sorted(AD_LABELS)), more=st.sampled_from(["free", "Kosten", "нова"]))
def test_an_ad_word_in_a_longer_line_is_no_label(word: str, more: str) -> None:
    assert not is_ad_label(f"{word} {more}")
    assert not is_ad_label(f"{word.capitalize()} {more} für die Gemeinde und die Region")


@given(
    label=st.sampled_from(["Advertisement", "Anzeige 3", "Photo: Town hall"]),
    lang_below=st.sampled_from(["en", "de", None]),
    at=st.integers(min_value=0, max_value=2),
)
def test_the_rule_only_ever_keeps_a_box_in_the_story(
    label: str, lang_below: str | None, at: int
) -> None:
    """With the rule on the box is the same or none; none exactly for an ad label with prose
    in the story's language (or of unknown language) right under it."""
    lines = [*(s.strip() for s in _ABOVE), *(s.strip() for s in _BELOW)]
    lines.insert(at + 1, label)
    _, segs = segment_text(_HEAD + "Read more: Pool prices rise\n" + "\n".join(lines) + "\n", "en")
    sh = shapes(segs)
    prose = [k for k, s in enumerate(segs) if s.text.endswith(".") and len(s.text.split()) >= 8]
    mark = next(k for k, s in enumerate(segs) if s.text == label)
    langs = ["en" if k < mark else lang_below for k in range(len(segs))]
    fixed: list[str | None] = [None] * len(segs)
    fixed[mark - at - 2] = "link_residue"  # the teaser line the phrase rules fix
    p_on, p_off = (replace(DEFAULT_PARAMS, ad_story=on) for on in (True, False))
    on = closing_box(segs, sh, fixed, prose, set(), p_on, langs)
    off = closing_box(segs, sh, fixed, prose, set(), p_off, langs)
    assert mark in off  # the teaser opens the box: the rule has something to judge
    keeps = is_ad_label(label) and lang_below in ("en", None)
    assert on == (frozenset() if keeps else off)
    assert story_past_ad(off, prose, segs, langs) == keeps
