"""A site's own notice that is the story: its first-person lead is story, not a banner.

``RoleParams.notice_lead`` (``core.page_prose.lead_run``): sentences in the site's voice
peeled off the top of the story as a consent or paywall banner come back when they run
straight into the story's first kept sentence (no button, navigation or title line
between) and the story itself speaks as the site further down.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with
from workbench.core.page_prose import lead_run, prose_indices
from workbench.core.page_shapes import DEFAULT_PARAMS, shapes
from workbench.core.segment import segment_text

_LEAD = "Unser Lieferant, die Käserei Almblick, hat uns über den Rückruf des Bergkäses informiert."
_REASON = "Grund ist der Fund von Glassplittern in einer Packung."
_NOTICE = (
    "Marktfrisch – Ihr Supermarkt\n\n"
    "Angebote Sortiment Rezepte Filialen\n\n"
    "Filialsuche Mein Marktfrisch\n\n"
    "Service / Rückrufe\n\n"
    "Kundeninformation: Rückruf „Almblick Bergkäse 250 g“\n\n"
    "Stand: 03.12.2026\n\n"
    f"{_LEAD}\n\n"
    f"{_REASON}\n\n"
    "Den Käse haben wir sofort aus allen Filialen in Bayern und Tirol entfernt.\n\n"
    "Sie können ihn in jeder Filiale zurückgeben und erhalten den vollen Kaufpreis zurück.\n\n"
    "Andere Produkte der Käserei in unserem Sortiment sind nach heutigem Stand nicht betroffen.\n\n"
    "Impressum Datenschutz AGB\n"
)


def test_a_retailers_first_person_recall_notice_is_the_story() -> None:
    """ "Unser Lieferant … hat uns … informiert." opens the notice it heads."""
    roles = roles_by_text(_NOTICE, "de")
    assert roles[_LEAD] == "body" and roles[_REASON] == "body"
    off = roles_with(_NOTICE, "de", notice_lead=False)
    assert off[_LEAD] == "other"


def test_the_notices_lead_finds_its_title_over_the_menu() -> None:
    """Told by its lead only, the title shares the story's words; a menu line does not."""
    title = "Kundeninformation: Rückruf „Almblick Bergkäse 250 g“"
    roles = roles_by_text(_NOTICE, "de")
    assert roles[title] == "headline"
    assert roles["Filialsuche Mein Marktfrisch"] == "other"
    assert roles_with(_NOTICE, "de", notice_lead=False)[title] == "other"  # a menu row won


def test_a_consent_banner_parted_from_the_story_stays_chrome() -> None:
    """The same notice under a cookie banner: buttons and navigation stand between them."""
    banner = "Wir und unsere Partner speichern Informationen auf Ihrem Gerät und verarbeiten Daten."
    text = f"{banner}\n\nAlle akzeptieren  Einstellungen\n\n" + _NOTICE
    roles = roles_by_text(text, "de")
    assert roles[banner] == "other"
    assert roles[_LEAD] == "body"


def test_a_player_notice_above_a_story_told_in_the_third_person_stays_chrome() -> None:
    """Nothing in the story says "we" or "you": the line above it is the site's alone."""
    player = "Your browser does not support the playback of this video clip."
    text = (
        "Biathlon: first World Cup win for Lea Vautrin in Kvarnas\n\n"
        "Video 00:58 The perfect shooting of Vautrin\n\n"
        f"{player}\n\n"
        "Lea Vautrin finally has her first World Cup victory after a flawless race on Sunday.\n\n"
        "The 23-year-old had never finished better than fourth in a World Cup race before.\n\n"
        "She will start Thursday's sprint in the yellow bib of the overall leader.\n\n"
        "Share this article\n"
    )
    assert roles_by_text(text)[player] == "other"


_LINES = (
    "Wir haben den Artikel aus allen Filialen entfernt und informieren unsere Kunden.",
    "Bitte essen Sie den Käse nicht.",
    "Angebote Sortiment Rezepte",
    "Alle akzeptieren",
    "Grund ist der Fund von Glassplittern in einer Packung aus Tirol.",
    "Die Käserei prüft nun alle Chargen der vergangenen zwei Wochen sehr genau.",
    "Stand: 03.12.2026",
    "Wir verwenden Cookies und ähnliche Technologien auf unserer Website.",
)


@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=12), st.booleans())
def test_the_rule_only_ever_adds_sentences_straight_above_the_story(
    lines: list[str], voiced: bool
) -> None:
    """On: the same prose plus sentences in one unbroken run right above its first one."""
    _, segs = segment_text("\n\n".join(lines) + "\n", "de")
    sh = shapes(segs)
    open_ = list(range(len(segs)))
    off = prose_indices(segs, sh, open_, replace(DEFAULT_PARAMS, notice_lead=False))
    on = prose_indices(segs, sh, open_, DEFAULT_PARAMS)
    assert set(off) <= set(on)
    added = sorted(set(on) - set(off))
    if added:  # from the first added to the story's first: sentences, line after line
        assert added[-1] < off[0]
        assert all(sh[k].terminal and sh[k].words >= 3 for k in range(added[0], off[0]))
    if off:
        run = lead_run(off[0], voiced, sh, open_)
        assert voiced or not run
        assert all(k < off[0] and sh[k].terminal for k in run)
        assert not run or sorted(run) == list(range(min(run), off[0]))
