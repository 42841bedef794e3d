"""Per-pair checks that a reader of two versions wants flagged.

* Numbers that differ: each side's numbers are normalised in its own language's
  convention (``10,000`` in English = ``10.000`` or ``10 000`` in German), then
  compared as multisets.
* Names on one side only: capitalised tokens that are not sentence-initial,
  compared on a transliterated, spelling-tolerant key (Зеленский ~ Zelensky).
  Across languages, a capitalised word only counts as a name when the machine
  translation kept it (German capitalises every noun; MT translates nouns but
  keeps names), so "Haus" is not flagged against "house".

Flags are JSON-ready: ``{"numbers": {"left_only": [...], "right_only": [...]},
"names": {...}}``, with a key only when something differs.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core import check_told
from workbench.core.check_collectives import without_collectives
from workbench.core.check_conversions import measure_keys, without_converted
from workbench.core.check_counted import counted_changes, headline_figures, without_compounds
from workbench.core.check_credits import without_credits
from workbench.core.check_datelines import without_segment_datelines
from workbench.core.check_dates import with_dates
from workbench.core.check_drops import without_told_drops
from workbench.core.check_durations import changed_durations, duration_pairs, merged
from workbench.core.check_forms import without_other_forms
from workbench.core.check_fractions import with_fractions
from workbench.core.check_gate import (  # noqa: F401  (re-exported: services, benchmarks, tests)
    DEFAULT_GATE,
    FlagGate,
    similarity_gate,
    title_case,
    title_like,
)
from workbench.core.check_german_forms import without_common_forms
from workbench.core.check_listed import without_listed
from workbench.core.check_name_keys import _keys
from workbench.core.check_names import (  # noqa: F401  (re-exported: qa, tests)
    NOUN_CAPITALISING,
    _base,
    name_differences,
)
from workbench.core.check_nouns import (  # noqa: F401  (re-exported: tests)
    HONORIFICS,
    SEGMENT_BREAK,
    TIME_WORDS,
    common_nouns,
    is_noun,
    name_candidates,
    page_capitals,
    page_nouns,
    spelled_acronyms,
    without_dateline,
    without_glued_dateline,
    without_openers,
)
from workbench.core.check_numbers import (  # noqa: F401  (re-exported: qa, tests)
    number_differences,
    quantities,
    replaced_numbers,
    value_of,
)
from workbench.core.check_outlets import merged_names, outlet_flags
from workbench.core.check_pages import PageTokens  # re-exported: services, testing
from workbench.core.check_places import told_as_adjective
from workbench.core.check_replaced import sensed_replacements
from workbench.core.check_retold import without_title_heads
from workbench.core.check_roads import without_road_numbers
from workbench.core.check_rough_words import hedged_against_nouns
from workbench.core.check_rounded import contradicting_hedges, without_rounded
from workbench.core.check_runs import with_name_runs
from workbench.core.check_scope import (  # noqa: F401  (re-exported: services, testing)
    beyond_cut,
    clip_to_cut,
    credit_tail,
    cross_language_numbers,
    drop_cut_word,
    menu_like,
    sentences_beside,
    unglued,
    unpaired,
)
from workbench.core.check_scripts import names_by_script as by_script
from workbench.core.check_short_forms import name_pairs, without_short_forms
from workbench.core.check_told import moved_away
from workbench.core.figure_senses import page_senses, reopened, with_senses
from workbench.core.german_ambiguous import named


def page_tokens(texts: Iterable[str], lang: str | None = None) -> PageTokens:
    """What ``check_pair`` reads off a whole page: its values and name keys (a regrouped
    bead's other page), German nouns and the acronyms its names spell (every bead)."""
    values: set[str] = set()
    keys: set[str] = set()
    measures: set[tuple[str, str]] = set()
    senses: set[tuple[str, str]] = set()
    texts = list(texts)
    for text in texts:
        found = quantities(text, lang)
        values |= {v for _, v in found}
        measures |= measure_keys(text, lang, found)  # "80 mph" (check_conversions)
        senses |= page_senses(text, lang, found)  # "45 Minuten" (figure_senses)
        keys |= _keys(text)
    german = _base(lang) in NOUN_CAPITALISING
    nouns = page_nouns(texts) if german else frozenset()
    shown = named(texts) if german else frozenset()
    acronyms = spelled_acronyms(texts, lang)
    return PageTokens(frozenset(values), frozenset(keys), nouns, acronyms, shown, name_pairs(texts),
                      frozenset(measures), page_capitals(texts), frozenset(senses))


def check_pair(
    left: str,
    right: str,
    *,
    left_lang: str | None = None,
    right_lang: str | None = None,
    left_mt: str | None = None,
    right_mt: str | None = None,
    confidence: float | None = None,
    similarity: float | None = None,
    gate: FlagGate = DEFAULT_GATE,
    pages: tuple[PageTokens, PageTokens] | None = None,
    regrouped: bool = True,
    beside: tuple[PageTokens, PageTokens] | None = None,
) -> dict[str, dict[str, list[str]]]:
    """All checks of one aligned pair; empty dict when nothing is flagged.

    Unmatched sentences (one side empty) are not checked: everything in them is
    one-sided by definition and the status already says so.  Nor are beads the
    ``gate`` refuses for their ``confidence`` (calibrated: is the pairing right);
    beads below its ``similarity`` (paraphrases) only report a figure replaced by
    one of like size.  Either test is skipped when its value is unknown.  ``pages``
    (both pages' tokens) tell which German words are nouns; in a bead that
    ``regrouped`` sentences (two against one) they also drop what the other page
    tells elsewhere.  ``beside`` (the tokens of each side's neighbouring body
    sentences and of its body sentences the aligner left unpaired,
    ``sentences_beside``) drops what the other copy tells in the sentence next
    door or in one it has no partner for: a sentence it split or joined where the
    aligner paired one to one.  Headlines are compared as wholes.
    """
    if not left.strip() or not right.strip():
        return {}
    rows = (left, right)  # segments joined by SEGMENT_BREAK: where sentences open
    left, right = (t.replace(SEGMENT_BREAK, " ") for t in rows)
    same = _base(left_lang) == _base(right_lang)
    if confidence is not None and confidence < gate.confidence:
        return {}
    if menu_like(left) or menu_like(right):
        return {}  # a flattened menu or widget the page let into its story
    left, right = credit_tail(left), credit_tail(right)  # "… a-t-il dit. (AFP)": provenance
    if same:
        left, right = _comparable(left, right)
    flags: dict[str, dict[str, list[str]]] = {}
    nums = number_differences(left, right, left_lang, right_lang)
    nums = with_senses(nums, reopened(left, right, left_lang, right_lang))  # "45 km" / "45 Min."
    nums = without_road_numbers(left, right, nums)  # "die Kohlenstraße (L 587)": a road's name
    if not same and nums:
        nums = cross_language_numbers(nums, (left, right), (left_lang, right_lang))
    rough = hedged_against_nouns(left, right, nums, left_lang, right_lang)  # "etwa 90" / "centaine"
    told = (without_rounded, without_other_forms, with_fractions, without_collectives,
            without_compounds, without_converted, without_listed)  # fmt: skip
    for told_otherwise in told if nums else ():
        # "mehr als 400" / "at least 412": one count told roundly; "II" / "2"; "ein Drittel";
        # "une vingtaine" / "about 20"; "zwölf Stunden" / "zwölfstündiger"; "80mph" / "130 km/h";
        # "zwei Stadtteile" / "im Nordviertel und in Lerchenfeld" (``check_listed.LISTED``)
        nums = told_otherwise(left, right, nums, left_lang, right_lang)
    paraphrase = similarity is not None and similarity < similarity_gate(gate, same, left, right)
    langs = (left_lang, right_lang)
    alike, timed = duration_pairs(left, right, nums, left_lang, right_lang, paraphrase)
    timed = merged(timed, {}, rough)  # changed as a duration told in words is: both sides
    if paraphrase:
        where = (pages, regrouped, beside) if check_told.PARAPHRASE else (None, False, None)
        one_sided = _told_elsewhere({"numbers": nums}, (left, right), langs, same, where)
        found = _paraphrase_flags(left, right, (nums, one_sided.get("numbers", {})), timed, langs,
                                  same)  # fmt: skip
        return _with_outlets(found, (left, right), langs, same, (pages, regrouped, beside))
    nums = merged(nums, alike, timed)
    values = (pages[0].values, pages[1].values) if pages is not None else None
    nums = headline_figures(nums, title_like(left) and title_like(right), values, langs)
    if nums:
        flags["numbers"] = nums
    if same or left_mt is not None or right_mt is not None or by_script(left_lang, right_lang):
        found = _names(left, right, (left_lang, right_lang), (left_mt, right_mt), pages)
        found = without_openers(found, rows, _capitals(pages))  # "Als Weiteres" after a head
        found = without_segment_datelines(found, rows)  # "… Euro" + "Altmünzing (APA) – Das …"
        found = without_credits(found, rows)  # "Foto: APA/…", "(APA) –", "18:05 Uhr APA"
        if found:
            flags["names"] = found
    if pages is not None and "names" in flags:  # "La Belgique" / "belges" (check_places)
        flags = told_as_adjective(flags, left, right, (pages[0].keys, pages[1].keys), same=same)
    if flags:
        flags = _told_elsewhere(flags, (left, right), langs, same, (pages, regrouped, beside))
        flags = without_told_drops(flags, (left, right), pages, same)  # "in Stuttgart" dropped
    if "names" in flags:  # "OC Media": the words of a flagged name a common word let go
        flags = with_name_runs(flags, left, right, langs, NOUN_CAPITALISING)
    flags = beyond_cut(flags, left, right, False)  # "… par aucun pays," / "etwa 1500 Soldaten"
    flags = with_dates(flags, left, right) if same else flags  # one event's day, two days
    return _with_outlets(flags, (left, right), langs, same, (pages, regrouped, beside))


def _with_outlets(
    flags: dict[str, dict[str, list[str]]], texts: tuple[str, str],
    langs: tuple[str | None, str | None], same: bool,
    where: tuple[tuple[PageTokens, PageTokens] | None, bool, tuple[PageTokens, PageTokens] | None],
) -> dict[str, dict[str, list[str]]]:  # fmt: skip
    """``flags`` plus a medium one row names after a telling cue ("повідомляє РБК-Україна",
    "gegenüber dem SWR": ``check_outlets``, off by default) that the other copy names neither in
    the row nor beside it; paraphrase rows too, where other names are not read."""
    extra = outlet_flags(*texts, langs[0]) if same else {}
    if extra:
        extra = _told_elsewhere(extra, texts, langs, same, where)
    return merged_names(flags, extra)


def _told_elsewhere(
    flags: dict[str, dict[str, list[str]]], texts: tuple[str, str],
    langs: tuple[str | None, str | None], same: bool,
    where: tuple[tuple[PageTokens, PageTokens] | None, bool, tuple[PageTokens, PageTokens] | None],
) -> dict[str, dict[str, list[str]]]:  # fmt: skip
    """``flags`` less what the other copy tells elsewhere (``check_told.moved_away``): on its
    whole page when the row ``regrouped`` sentences, beside the row otherwise (headlines are
    compared as wholes).  ``where`` is (pages, regrouped, beside)."""
    pages, regrouped, beside = where
    if pages is not None and regrouped and flags:
        flags = moved_away(flags, texts, pages, langs, same)
    if beside is not None and flags and not (title_like(texts[0]) and title_like(texts[1])):
        flags = moved_away(flags, texts, beside, langs, same)
    return flags


def _comparable(left: str, right: str) -> tuple[str, str]:
    """Two copies in one language as they can be compared: cut ends and glued sentences off.

    The cut word is read against the other copy as captured, not as clipped to the cut,
    and a sentence one copy glued on that the other does not have is left out.
    """
    full_left, full_right = left, right
    left, right = clip_to_cut(left, right), clip_to_cut(right, left)
    left, right = drop_cut_word(left, full_right), drop_cut_word(right, full_left)
    return unglued(left, right)


def _paraphrase_flags(
    left: str,
    right: str,
    figures: tuple[dict[str, list[str]], dict[str, list[str]]],
    timed: dict[str, list[str]],
    langs: tuple[str | None, str | None],
    same: bool,
) -> dict[str, dict[str, list[str]]]:
    """A paraphrase's flags: only a figure replaced by one of like size ("120,000" -> "130,000").

    Its other one-sided figures and names are what a paraphrase adds or drops, not
    changes; two counts of one noun ("Deux passagers" / "trois passagers") are kept
    in one language.  ``figures`` is the row's one-sided figures, then those of them the
    other copy does not tell beside the row (``check_told``): a figure told there ("nach
    74 Tonnen im Vorjahr" / the next sentence's "74 t/ha") replaces none.  Durations are
    read in minutes with their units, which a page's bare values do not hold, so they
    compare all the row's figures ("about two weeks" / "ten days", "ten months" next door).
    """
    nums, untold = figures
    replaced = replaced_numbers(left, right, untold, *langs)
    changed = merged(sensed_replacements(left, right, replaced, langs), {}, timed)  # "12 м"/"20"
    changed = merged(changed, {}, contradicting_hedges(left, right, untold, *langs))
    changed = merged(changed, {}, changed_durations(left, right, nums, *langs))  # weeks / days
    if same:
        changed = merged(changed, {}, counted_changes(left, right, untold, langs[0]))
    return beyond_cut({"numbers": changed} if changed else {}, left, right, True)

def _names(
    left: str, right: str, langs: tuple[str | None, str | None],
    mts: tuple[str | None, str | None], pages: tuple[PageTokens, PageTokens] | None,
) -> dict[str, list[str]]:  # fmt: skip
    """``name_differences`` less the sides that give no evidence (Title Case, German without MT)."""
    nouns = pages[0].nouns | pages[1].nouns if pages else frozenset()
    spelled = (pages[0].acronyms, pages[1].acronyms) if pages else (frozenset(), frozenset())
    shown = pages[0].named | pages[1].named if pages else frozenset()
    # "Graz/Paris – …" opening a row; "… KYIV, Ukraine (AP) — …" after a glued headline
    left, right = (without_glued_dateline(without_dateline(t)) for t in (left, right))
    found = name_differences(left, right, left_mt=mts[0], right_mt=mts[1], left_lang=langs[0],
                             right_lang=langs[1], page_nouns=nouns, spelled=spelled,
                             page_named=shown)  # fmt: skip
    pairs = (pages[0].pairs, pages[1].pairs) if pages else (frozenset(), frozenset())
    found = without_short_forms(found, left, right, pairs)  # "Нацбанк" / "Національний банк"
    found = without_title_heads(found, (left, right), pairs)  # "Baltic Subsea Cable …"
    german = tuple(_base(lang) in NOUN_CAPITALISING for lang in langs)
    found = without_common_forms(found, (left, right), german, pairs)  # "gegen Unbekannt"
    for side, text, lang, mt in (("left_only", left, langs[0], mts[0]),
                                 ("right_only", right, langs[1], mts[1])):  # fmt: skip
        if _base(lang) in NOUN_CAPITALISING:
            if _base(langs[0]) != _base(langs[1]) and mt is None:
                found.pop(side, None)  # every noun is capitalised: no evidence
        elif title_case(text):
            found.pop(side, None)  # "Zelensky Says Troops Back": every word is capitalised
    return found


def _capitals(pages: tuple[PageTokens, PageTokens] | None) -> frozenset[str] | None:
    return pages[0].capitals | pages[1].capitals if pages else None
