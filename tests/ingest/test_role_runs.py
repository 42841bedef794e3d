"""The learned layer decides a run of the rules' headlines as one (``core.role_runs``).

"L'essentiel" / "La tempête Ysolde a balayé la Bretagne …" / "Deux personnes sont mortes …":
the rules read the box's two sentences as one headline run; the layer kept the first and
turned the second into body.  The run follows its first segment's decision; nothing else moves,
and the story decision never does.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.role_runs import runs_of, whole_runs

STORY = {"headline", "body"}
ROLES = ("headline", "body", "other", "link_residue", "appeal", "comment_form")


def test_a_run_kept_as_headline_stays_whole() -> None:
    rules = ["other", "headline", "other", "headline", "headline", "body"]
    layer = ["other", "headline", "other", "headline", "body", "body"]
    kept = ["other", "headline", "other", "headline", "headline", "body"]
    assert whole_runs(rules, layer) == kept


def test_a_run_turned_into_body_at_its_edge_goes_whole() -> None:
    rules = ["headline", "other", "headline", "headline", "headline", "body"]
    layer = ["headline", "other", "body", "headline", "body", "body"]
    assert whole_runs(rules, layer) == ["headline", "other", "body", "body", "body", "body"]


def test_a_segment_the_layer_made_chrome_stays_chrome() -> None:
    rules = ["headline", "headline", "headline"]
    layer = ["headline", "other", "body"]
    assert whole_runs(rules, layer) == ["headline", "other", "headline"]


def test_a_run_whose_first_segment_became_chrome_is_left_alone() -> None:
    rules = ["headline", "headline", "body"]
    layer = ["other", "body", "body"]
    assert whole_runs(rules, layer) == layer


_pages = st.lists(st.tuples(st.sampled_from(ROLES), st.sampled_from(ROLES)), max_size=30)


@given(_pages)
def test_only_headline_and_body_move_and_the_story_never_does(page: list[tuple[str, str]]) -> None:
    rules, layer = [r for r, _ in page], [c for _, c in page]
    out = whole_runs(rules, layer)
    assert len(out) == len(layer)
    for k, (before, after) in enumerate(zip(layer, out, strict=True)):
        assert (after in STORY) == (before in STORY)
        if after != before:
            assert {before, after} == STORY
            assert rules[k] == "headline" and k > 0 and rules[k - 1] == "headline"


@given(_pages)
def test_deciding_runs_twice_changes_nothing(page: list[tuple[str, str]]) -> None:
    rules, layer = [r for r, _ in page], [c for _, c in page]
    once = whole_runs(rules, layer)
    assert whole_runs(rules, once) == once


@given(st.lists(st.sampled_from(ROLES), max_size=30))
def test_where_the_layer_agrees_with_the_rules_nothing_moves(rules: list[str]) -> None:
    assert whole_runs(rules, rules) == rules


_BOX = (
    "Accueil  Actu  France - Monde\n\n"
    "Tempête Ysolde : deux morts et 230 000 foyers privés d'électricité en Bretagne\n\n"
    "Publié le 01/12/2026 à 09:14\n\n"
    "L'essentiel\n\n"
    "La tempête Ysolde a balayé la Bretagne dans la nuit de lundi à mardi. "
    "Deux personnes sont mortes, et les coupures de courant pourraient durer plusieurs jours.\n\n"
    "La tempête Ysolde a fait deux morts et privé d'électricité des centaines de milliers de "
    "foyers dans le nord-ouest de la France dans la nuit de lundi à mardi.\n\n"
    "Un automobiliste de 74 ans a été tué par la chute d'un arbre près de Pontivy, a indiqué "
    "la préfecture.\n\n"
    "Dans le Finistère, un homme est mort après être tombé du toit de sa maison, selon les "
    "pompiers.\n"
)


def test_the_pipeline_mends_a_run_the_layer_split(monkeypatch) -> None:
    """A stand-in layer turning the last headline segment into body: the run stays whole."""
    from dataclasses import replace

    from workbench.core import roles as roles_module
    from workbench.core.page_shapes import DEFAULT_PARAMS
    from workbench.core.segment import segment_text

    def split(segs, roles, fixed, **_):
        out = list(roles)
        out[max(k for k, r in enumerate(out) if r == "headline")] = "body"
        return out

    monkeypatch.setattr(roles_module, "correct_roles", split)
    segs = segment_text(_BOX, "fr")[1]
    rules = roles_module.assign_roles(segs, params=replace(DEFAULT_PARAMS, headline_runs=False))
    whole = roles_module.assign_roles(segs)
    text = [s.text for s in segs]
    box = text.index("Deux personnes sont mortes, et les coupures de courant pourraient durer "
                     "plusieurs jours.")  # fmt: skip
    assert rules[box] == "body" and rules[box - 1] == "headline"
    assert whole[box] == whole[box - 1] == "headline"


@given(st.lists(st.sampled_from(["headline", "body", "appeal", None]), max_size=30))
def test_runs_of_covers_exactly_the_value_in_maximal_runs(labels) -> None:
    spans = runs_of(labels, "appeal")
    covered = [k for start, end in spans for k in range(start, end)]
    assert covered == [k for k, label in enumerate(labels) if label == "appeal"]
    for start, end in spans:
        assert start < end
        assert start == 0 or labels[start - 1] != "appeal"
        assert end == len(labels) or labels[end] != "appeal"
