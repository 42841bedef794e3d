"""The site's own name above the story is no headline; the title printed nearest the story
is (round 41 roles41).

``RoleParams.masthead_signed`` (``core.page_named.is_masthead``): a masthead printed alone on
the first line and again only in the site's rights line at the foot ("© 2027 Erlauhofner
Stadtblatt | Impressum …") was taken for the title (150 erlauhofner_stadtblatt_de's shape).
``RoleParams.domain_menu`` (``core.page_menu_kicker``): a menu row opening with the site's name
as a domain ("Ольшанськ.інфо Новини Місто Спорт RU") was read as the title's kicker, the
domain's lower-case suffix keeping it from the menu-row test (148 olshansk_info_uk's shape).
Both reach one dev page each and ship off.  ``RoleParams.near_title`` (``core.page_near_title``,
shipped on): a pick sharing one story stem yields to the title-shaped line right above the
story (117, 128, 150).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with, rules_only
from workbench.core.page_menu_kicker import menu_kicker
from workbench.core.page_named import is_masthead
from workbench.core.page_shapes import shapes
from workbench.core.role_params import DEFAULT_PARAMS
from workbench.core.segment import segment_text

MAST = "Erlauhofner Stadtblatt"
NAV = "Start Lokales Bezirk Wirtschaft Sport Kultur Blaulicht Service Abo E-Paper"
CRUMB = "Start › Lokales › Stadtpolitik"
TITLE = "Hupkonzert am Ring: Tausende gegen die City-Maut"
BYLINE = "Von Martina Hollerer 22. Oktober 2027, 18:42 Uhr"
STORY = [
    "Schon um acht Uhr früh rollten die ersten Traktoren über die Ringstraße, am Nachmittag "
    "war der Rathausplatz voll.",
    "Rund 2.400 Menschen zählte die Polizei, die Veranstalter sprachen von 4.000.",
    "Anlass ist der Beschluss des Gemeinderats vom Donnerstagabend: Mit 23 zu 18 Stimmen wurde "
    "die Einfahrtsgebühr für die Innenstadt besiegelt.",
    "„Die Maut sperrt unsere Kunden aus“, rief ein Möbelhändler aus der Erlauhofner "
    "Innenstadt ins Mikrofon.",
    "Die Plattform sammelt ab Montag Unterschriften für eine Volksbefragung.",
]
RIGHTS = "© 2027 Erlauhofner Stadtblatt | Impressum | Datenschutz | Kontakt"

UK_MENU = "Ольшанськ.інфо Новини Місто Спорт RU"
UK_TITLE = "Басейн «Хвиля» закривають на сезон: ремонт коштуватиме 14,2 млн грн"
UK_STAMP = "12 жовтня 2027, 17:45"
UK_STORY = [
    "Міський басейн «Хвиля» в Ольшанську не працюватиме в сезоні 2027–2028 років.",
    "Таке рішення ухвалила міська рада на сесії 12 жовтня.",
    "Капітальний ремонт басейну оцінили в 14,2 млн грн, а в міському бюджеті таких грошей немає.",
    "Місто подало заявку до обласної програми розвитку спорту, а відкрити басейн планують "
    "у вересні 2028 року.",
]


def _page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def segment(text: str, lang: str) -> list:
    return segment_text(text, lang)[1]


def test_a_masthead_signed_at_the_foot_is_no_title() -> None:
    """Off the masthead is the headline and the title chrome; on, the title heads the page."""
    text = _page(MAST, NAV, CRUMB, TITLE, BYLINE, *STORY, RIGHTS)
    with rules_only():
        off = roles_with(text, "de", masthead_signed=False)
        on = roles_with(text, "de", masthead_signed=True)
    assert off[MAST] == "headline" and off[TITLE] != "headline"
    assert on[MAST] != "headline" and on[TITLE] == "headline"
    assert {k for k in on if on[k] != off[k]} == {MAST, TITLE}
    assert not DEFAULT_PARAMS.masthead_signed  # off until the study ships it


def test_only_a_rights_line_naming_the_site_signs_it() -> None:
    """The name must follow the mark (and a year); a rights line of another owner, or a
    title that happens to open the page, is not the masthead."""
    segs = segment(_page(MAST, TITLE, *STORY, RIGHTS), "de")
    assert is_masthead(MAST, segs, signed=True) and not is_masthead(MAST, segs)
    other = segment(_page(MAST, TITLE, *STORY, "© 2027 Mostland Zeitung"), "de")
    assert not is_masthead(MAST, other, signed=True)
    assert is_masthead(MAST, segment(_page(MAST, *STORY, "Copyright Erlauhofner Stadtblatt"),
                                     "de"), signed=True)  # fmt: skip


def test_a_domain_opening_the_menu_is_no_kicker() -> None:
    """Off the menu row under the domain is the title's kicker (headline); on, it is chrome
    and only it moves."""
    text = _page(UK_MENU, UK_TITLE, UK_STAMP, *UK_STORY)
    with rules_only():
        off = roles_with(text, "uk", domain_menu=False)
        on = roles_with(text, "uk", domain_menu=True)
    assert off[UK_MENU] == "headline" and off[UK_TITLE] == "headline"
    assert on[UK_MENU] != "headline" and on[UK_TITLE] == "headline"
    assert {k for k in on if on[k] != off[k]} == {UK_MENU}
    assert not DEFAULT_PARAMS.domain_menu


_CAPS = st.sampled_from(["Новини", "Місто", "Спорт", "RU", "Politik", "Sport", "Regional"])


@given(st.lists(_CAPS, min_size=3, max_size=6), st.sampled_from([".info", ".інфо", ".com", ".at"]))
def test_a_domain_name_never_turns_a_menu_row_into_a_kicker(items: list[str], tld: str) -> None:
    """Property: a row of capitalised items is a menu with or without the site's domain in
    front (the suffix is no lower-case word of its own), and the switch off keeps START."""
    row = " ".join(["Ольшанськ" + tld, *items])
    segs = segment(_page(row, UK_TITLE, *UK_STORY), "uk")
    sh = shapes(segs)
    told = list(range(2, len(segs)))
    on = replace(DEFAULT_PARAMS, domain_menu=True)
    assert menu_kicker(0, segs, sh, told, on)
    bare = segment(_page(" ".join(items), UK_TITLE, *UK_STORY), "uk")
    assert menu_kicker(0, bare, shapes(bare), list(range(2, len(bare))), on)


VIL_BAR = "▶ Jetzt live: Vilstal Welle – Der Nachmittag mit Tobi Live hören"
VIL_NAV = "Nachrichten Blitzer Verkehr Gewinnspiele Team"
VIL_TITLE = "Linie 417: Busse fahren ab Mai seltener"
VIL_STAMP = "14. April 2027 Redaktion"
VIL_STORY = [
    "Schlechte Nachrichten für Pendler und Schüler im Vilstal: Die Buslinie 417 von Kirchwald "
    "nach Obersteinach fährt ab dem 1. Mai nur noch alle zwei Stunden.",
    "Am Wochenende gibt es gar keinen Bus mehr.",
    "Grund ist laut Landratsamt eine Finanzlücke von 1,2 Millionen Euro.",
    "Die Schulfahrten am Morgen und nach Unterrichtsende bleiben.",
    "Viele Eltern in Kirchwald sind trotzdem sauer und haben eine Petition gestartet.",
]


def test_the_title_right_above_the_story_beats_a_weak_pick() -> None:
    """Off the menu row sharing one word ("Nachrichten") is the headline and the title, which
    shares no stem of five letters, is chrome; on, with a crumb between them, the line right
    above the stamp is the title and only the two move.  Right under the pick the line is
    its second line or deck, left to the deck search (124 vilstal's shape stays as it was),
    and a pick sharing two stems or more keeps its place."""
    spaced = _page(VIL_BAR, VIL_NAV, "Start › Nachrichten › Region", VIL_TITLE, VIL_STAMP,
                   *VIL_STORY)  # fmt: skip
    with rules_only():
        off = roles_with(spaced, "de", near_title=False)
        on = roles_with(spaced, "de", near_title=True)
    assert off[VIL_NAV] == "headline" and off[VIL_TITLE] != "headline"
    assert on[VIL_NAV] != "headline" and on[VIL_TITLE] == "headline"
    assert {k for k in on if on[k] != off[k]} == {VIL_NAV, VIL_TITLE}
    adjacent = _page(VIL_BAR, VIL_NAV, VIL_TITLE, VIL_STAMP, *VIL_STORY)
    with rules_only():
        assert roles_with(adjacent, "de", near_title=True) == roles_with(
            adjacent, "de", near_title=False
        )
    strong = "Buslinie im Vilstal: Kirchwald verliert die Schulfahrten am Wochenende"
    with rules_only():
        kept = roles_with(_page(strong, VIL_NAV, VIL_STAMP, *VIL_STORY), "de", near_title=True)
    assert kept[strong] == "headline" and kept[VIL_NAV] != "headline"
    shipped = roles_by_text(spaced, "de")  # the product's path: shipped params, layer on
    assert shipped[VIL_TITLE] == "headline" and shipped[VIL_NAV] != "headline"
    assert DEFAULT_PARAMS.near_title  # shipped on (round 41)


def test_a_widget_under_the_byline_or_a_dated_line_is_never_the_title() -> None:
    """A line under the pick's own stamp and byline ("Écouter l'article 2 min") and a line
    dated in full are not the title the story is printed under: nothing moves."""
    fr = _page("Esch: coup de massue pour les salariés d'ASP", "Publié le 30.11.2026 à 20:14",
               "Par la rédaction", "Écouter l'article 2 min",
               "Le groupe sidérurgique ASP a annoncé lundi la suppression de 420 postes.",
               "Les syndicats dénoncent une décision brutale et appellent à un rassemblement.",
               "La direction invoque la baisse des commandes et le prix de l'énergie.")  # fmt: skip
    de = _page(VIL_NAV, "Zwei Tage danach: Ein langer Donnerstag im Vilstal",
               "Veröffentlicht am 13. Mai 2027 von vilstal_redaktion", *VIL_STORY)  # fmt: skip
    for text, lang in ((fr, "fr"), (de, "de")):
        with rules_only():
            off = roles_with(text, lang, near_title=False)
            on = roles_with(text, lang, near_title=True)
        assert on == off
