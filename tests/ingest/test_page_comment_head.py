"""The comment section's counter line (core.page_comment_head, round 34 roles34, a study,
off): a counter or heading the tool reads ``comment_form`` is a section label (``other``);
the form's own lines, a counter glued to other words, a line of another role stay.  The
page is written for the repository, in the shape of batches 119 and 122."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with
from workbench.core.page_comment_head import comment_heads, is_comment_head
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.segment import segment_text

COUNTERS = replace(DEFAULT_PARAMS, comment_heads=1)
HEADINGS = replace(DEFAULT_PARAMS, comment_heads=2)

PAGE = (
    "Mure am Gschnaidter Hang: 38 Menschen warten auf die Geologen\n"
    "Eine Hangrutschung hat in der Nacht auf Mittwoch die Landesstraße verschüttet.\n"
    "Insgesamt 14 Häuser sind seit Mittwoch geräumt, verletzt wurde niemand.\n"
    "{head}\n"
    "Schreiben Sie einen Kommentar Ihre E-Mail-Adresse wird nicht veröffentlicht.\n"
    "Kommentar abschicken\n"
)
HEAD, FORM = 3, (4, 5)


def _page(head: str = "Kommentare (4)") -> list:
    return list(segment_text(PAGE.format(head=head), "de")[1])


def _roles(n: int) -> list[str]:
    return ["headline", "body", "body"] + ["comment_form"] * (n - 3)


def test_a_counter_read_as_the_form_is_a_section_label() -> None:
    segs = _page()
    assert segs[HEAD].text == "Kommentare (4)"
    roles = _roles(len(segs))
    out = comment_heads(segs, roles, COUNTERS)
    assert out[HEAD] == "other"
    assert [r for k, r in enumerate(out) if k != HEAD] == [
        r for k, r in enumerate(roles) if k != HEAD
    ]
    assert comment_heads(segs, roles, DEFAULT_PARAMS) == roles  # off by default


def test_counters_and_headings_by_level() -> None:
    for line in ("Kommentare (4)", "12 Kommentare", "Комментарии: 0", "14 commentaires",
                 "Comments (2)", "Коментарі (3)", "327 Postings"):  # fmt: skip
        assert is_comment_head(line, 1) and is_comment_head(line, 2), line
    for line in ("Kommentare", "COMMENTS", "Коментарі", "Комментарии"):
        assert not is_comment_head(line, 1) and is_comment_head(line, 2), line
    for line in ("Kommentar schreiben", "Schreiben Sie einen Kommentar", "Name * E-Mail *",
                 "Kommentare sind nur für Abonnenten möglich.", "Kommentare (4)"):  # fmt: skip
        assert not is_comment_head(line, 0), line
    for line in ("Kommentar schreiben", "Kommentare Die Kommentarfunktion ist geschlossen."):
        assert not is_comment_head(line, 2), line


def test_a_heading_moves_only_at_level_two_and_other_roles_stay() -> None:
    segs = _page("Kommentare")
    roles = _roles(len(segs))
    assert comment_heads(segs, roles, COUNTERS) == roles
    assert comment_heads(segs, roles, HEADINGS)[HEAD] == "other"
    segs = _page()
    for role in ("other", "body", "link_residue"):
        roles = _roles(len(segs))
        roles[HEAD] = role
        assert comment_heads(segs, roles, HEADINGS) == roles, role


def test_a_counter_sharing_its_line_stays() -> None:
    segs = list(segment_text("Die Straße bleibt gesperrt.\nTeilen  Kommentare (4)\n", "de")[1])
    roles = ["body"] + ["comment_form"] * (len(segs) - 1)
    assert comment_heads(segs, roles, HEADINGS) == roles


def test_through_assign_roles_off_by_default_and_on_when_asked() -> None:
    text = PAGE.format(head="Kommentare (4)")
    assert DEFAULT_PARAMS.comment_heads == 0
    off, on = roles_with(text, "de"), roles_with(text, "de", comment_heads=1)
    assert off["Kommentare (4)"] == "comment_form" and on["Kommentare (4)"] == "other"
    assert {k: v for k, v in on.items() if k != "Kommentare (4)"} == {
        k: v for k, v in off.items() if k != "Kommentare (4)"
    }


@given(
    st.sampled_from(["Kommentare (4)", "Kommentare", "Kommentar schreiben", "3 Kommentare"]),
    st.lists(st.sampled_from(["body", "other", "comment_form", "headline"]), min_size=6,
             max_size=6),
    st.integers(0, 2),
)  # fmt: skip
def test_only_comment_form_heads_move_and_only_to_other(head, drawn, level) -> None:
    segs = _page(head)
    roles = (drawn * 2)[: len(segs)]
    out = comment_heads(segs, roles, replace(DEFAULT_PARAMS, comment_heads=level))
    moved = [k for k in range(len(roles)) if out[k] != roles[k]]
    if level == 0:
        assert not moved
    for k in moved:
        assert (roles[k], out[k]) == ("comment_form", "other")
        assert is_comment_head(segs[k].text, level)
    assert comment_heads(segs, out, replace(DEFAULT_PARAMS, comment_heads=level)) == out  # once
