"""A sentence cut at its semicolon or colon takes in the other half: ``align_clause_halves``
(round 39, beadsc39; shipped at ``CLAUSE_KEYS`` 1).

Why: batch 139's rewrite (``schwarzwald_echo_de``) joins the wire's two sample sentences at a
semicolon; the aligner linked the first and left the second unmatched beside it. The
measurement is in ``docs/align.md`` "Round 39 (beadsc39)".
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core import align_clause_halves
from workbench.core.align_clause_halves import clause_half, join_clause_halves, joinable
from workbench.core.align_rejoin import free_sentences
from workbench.core.align_repair import Bead

#: batch 139 (suedwest_nachrichten_dpa_de / schwarzwald_echo_de): the wire's sample and result
#: sentences, the rewrite's one sentence joined at its semicolon
LEFT = ["Ein Sprecher des Landratsamts sagte, man habe Wasserproben an sechs Stellen entnommen "
        "und ins Labor des Landesamts für Umwelt geschickt.",
        "Erste Ergebnisse würden frühestens Mitte der Woche erwartet."]  # fmt: skip
RIGHT = ["Das Landratsamt ließ an sechs Stellen Wasserproben ziehen; mit Ergebnissen aus dem "
         "Labor des Landesamts für Umwelt rechnet man nicht vor Mittwoch."]  # fmt: skip
LINKED = [Bead((0,), (0,), 0.4, "1-1"), Bead((1,), (), 0.0, "1-0")]


def test_ships_at_one_key_and_off_below() -> None:
    """Shipped at one key (docs/align.md "Round 39 (beadsc39)"); below one the rule is off."""
    assert align_clause_halves.CLAUSE_KEYS == 1
    assert join_clause_halves(LINKED, (LEFT, RIGHT), need=0) is LINKED
    assert len(join_clause_halves(LINKED, (LEFT, RIGHT))) == 1


def test_batch139_half_joins_at_the_semicolon() -> None:
    """Each wire sentence tells its own part of the rewrite's sentence more than the other
    part: the result sentence joins the link as a 2-1 at one key (at two it is refused: it
    shares one key, "Ergebnisse", with its part)."""
    out = join_clause_halves(LINKED, (LEFT, RIGHT), need=1)
    assert [(b.left, b.right, b.kind, b.score) for b in out] == [((0, 1), (0,), "2-1", 0.4)]
    assert join_clause_halves(LINKED, (LEFT, RIGHT), need=2) == LINKED


def test_half_before_the_link_and_on_the_right() -> None:
    """The half may stand before the link's sentence and on the right-hand page (the joined
    sentence on the left); a role break between the half and the link keeps them apart."""
    beads = [Bead((), (0,), 0.0, "0-1"), Bead((0,), (1,), 0.4, "1-1")]
    texts = (["Mit Ergebnissen aus dem Labor des Landesamts für Umwelt rechnet man nicht vor "
              "Mittwoch; das Landratsamt ließ an sechs Stellen Wasserproben ziehen."],
             [LEFT[1], LEFT[0]])  # fmt: skip
    out = join_clause_halves(beads, texts, need=1)
    assert [(b.left, b.right) for b in out] == [((0,), (0, 1))]
    broken = (frozenset(), frozenset({1}))
    assert join_clause_halves(beads, texts, broken, need=1) == beads


def test_headline_colon_is_no_join() -> None:
    """A headline's colon is a kicker ("Unfall in Hallerbrück: …", no full stop): no join."""
    assert not joinable("Hochofen-Unfall in Hallerbrück: 150 Tonnen Roheisen ausgelaufen")
    assert joinable("Sie nannte den Grund: Personalmangel.")
    assert not joinable("Beginn um 10:30 Uhr.")
    left = ["Unfall in Hallerbrück", "Flüssiges Roheisen läuft aus"]
    right = ["Hochofen-Unfall in Hallerbrück: 150 Tonnen Roheisen ausgelaufen"]
    beads = [Bead((0,), (0,), 0.4, "1-1"), Bead((1,), (), 0.0, "1-0")]
    assert join_clause_halves(beads, (left, right), need=1) == beads


_WORDS = st.sampled_from(["alpha", "bravo", "charlie", "delta", "echo", "; ", ": "])
_TEXT = st.lists(_WORDS, min_size=1, max_size=6).map(lambda w: " ".join(w) + ".")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["1-1", "1-0", "0-1", "2-1"]), min_size=1, max_size=9),
       st.lists(_TEXT, min_size=20, max_size=20), st.lists(_TEXT, min_size=20, max_size=20),
       st.integers(1, 2))  # fmt: skip
@example(["1-1", "1-0"], LEFT + ["x."] * 18, RIGHT + ["x."] * 19, 1)
def test_every_sentence_once_in_order_and_only_halves_join(
    kinds: list[str], left: list[str], right: list[str], need: int
) -> None:
    """Property: each sentence of both sides is held once and in order; every bead that
    changed is a given 1-1 grown by an unmatched neighbour on one side into a 2-1 or 1-2, its
    other side a sentence with a clause cut, and each grown bead is ``clause_half``'s answer."""
    beads, lx, rx = [], 0, 0
    for kind in kinds:
        nl, nr = int(kind[0]), int(kind[2])
        beads.append(Bead(tuple(range(lx, lx + nl)), tuple(range(rx, rx + nr)), 0.3, kind))
        lx, rx = lx + nl, rx + nr
    out = join_clause_halves(beads, (left, right), need=need)
    for side in (0, 1):
        held = [x for b in out for x in (b.left, b.right)[side]]
        assert held == sorted(held) == [x for b in beads for x in (b.left, b.right)[side]]
    given_beads = {(b.left, b.right) for b in beads}
    free = free_sentences(beads)
    for bead in out:
        if (bead.left, bead.right) in given_beads:
            continue
        assert bead.kind in ("2-1", "1-2")
        side = 0 if bead.kind == "2-1" else 1
        grown, other = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
        assert joinable((left, right)[1 - side][other[0]])
        core = [x for x in grown if (side, x) not in free]
        assert len(core) == 1
        link = Bead(*(((core[0],), other) if side == 0 else (other, (core[0],))), 0.3, "1-1")
        answer = clause_half(link, (left, right), free, set(), need, (frozenset(), frozenset()))
        assert answer is not None and (answer[0].left, answer[0].right) == (bead.left, bead.right)
