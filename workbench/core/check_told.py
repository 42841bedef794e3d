"""What the other copy tells elsewhere: a row's one-sided token that is moved, not changed.

A rewrite joins, splits and reorders sentences; the aligner still pairs them one to
one, so a row can hold a figure or name whose counterpart the other copy tells in
another sentence (the row's neighbour, a sentence it left unpaired, or anywhere on the
page when the row itself regroups sentences).  Such a token is no change.

Two readings of that rule, measured by ``benchmarks/flags_cv.py`` (round 25):

* **A figure is looked up with its scale word** (``SCALED``): the flagged token is the
  figure as written ("40" of "rund 40 Mio. €"), but the page lists the value it tells
  (40000000, ``check_numbers.quantities`` reads the scale word after it); looking up
  the bare token missed "40 Millionen Euro" told in the sentence next door.
* **A paraphrase row is read the same way** (``PARAPHRASE``): a row below the
  similarity gate only reports a figure replaced by one of like size, and a restructured
  rewrite's row is often one ("58 Tonnen …, nach 74 Tonnen im Vorjahr" against "57 t/ha",
  with "Im Vorjahr waren es noch 74 t/ha" the next sentence): the year before's figure
  is told there, not replaced.
"""

from __future__ import annotations

from workbench.core.check_conversions import told_converted
from workbench.core.check_double_names import barrel_keys
from workbench.core.check_name_keys import _cyrillic, _matches, _name_key, surname_keys
from workbench.core.check_numbers import quantities, value_of
from workbench.core.check_pages import PageTokens
from workbench.core.figure_senses import other_sense

Flags = dict[str, dict[str, list[str]]]

#: Switch (``flags_cv.py --switch told_scaled``): a flagged figure's value read with its scale.
SCALED = True
#: Switch (``flags_cv.py --switch told_paraphrase``): paraphrase rows drop what is told beside.
PARAPHRASE = True


def told_values(token: str, text: str, lang: str | None) -> set[str]:
    """The values ``token`` (a figure as written in ``text``) tells there: with the scale
    word that follows it ("40" of "40 Mio. €" is 40000000), else the token's own value."""
    found = {value for raw, value in quantities(text, lang) if raw == token} if SCALED else set()
    return found or {value_of(token, lang)}


def moved_away(
    flags: Flags, texts: tuple[str, str], pages: tuple[PageTokens, PageTokens],
    langs: tuple[str | None, str | None], same: bool,
) -> Flags:  # fmt: skip
    """``flags`` without the tokens ``pages`` (each side's tokens told elsewhere) give the
    other side: a figure of the same value or the same measure in another unit ("80 mph" /
    "130 km/h", ``check_conversions``), a name of the same key (same language only), not
    counting the page's words that make another surname of it (``surname_keys``: a rewrite
    that names 'Рибачук' again next door has not told 'Рибак')."""
    out: Flags = {}
    for kind, by_side in flags.items():
        for side, tokens in by_side.items():
            mine, theirs = (0, 1) if side == "left_only" else (1, 0)
            if kind == "numbers":
                converted = pages[theirs].measures
                kept = [t for t in tokens
                        if not _told(t, texts[mine], langs[mine], pages[theirs])
                        and not told_converted(t, texts[mine], langs[mine], converted)]  # fmt: skip
            elif kind == "names" and same:
                page = pages[theirs]  # "Рибачук" told beside is no "Рибак" (SURNAME_SUFFIXES)
                kept = [t for t in tokens if not _matches(_name_key(t), _evidence(t, page),
                                                          slavic=_cyrillic(t))]  # fmt: skip
            else:
                kept = list(tokens)
            if kept:
                out.setdefault(kind, {})[side] = kept
    return out


def _evidence(token: str, page: PageTokens) -> set[str]:
    """The name keys of ``page`` that may tell ``token``: not a word that makes another surname
    of it ("Рибачук" for "Рибак") nor a compound that changes one of its halves
    ("Pühringer-Lassnig" for "Pühringer-Lasser", ``check_double_names``)."""
    keys = page.keys - surname_keys(token, page.capitals)
    return keys - barrel_keys(token, keys)


def _told(token: str, text: str, lang: str | None, page: PageTokens) -> bool:
    """Whether ``page`` tells the value of ``token`` (a figure of ``text``), in its sense when
    both senses are known (``figure_senses.FIGURE_SENSES``: "45 Minuten" tells no 45 km)."""
    values = told_values(token, text, lang) & page.values
    return bool(values) and not other_sense(token, text, lang, values, page.senses)
