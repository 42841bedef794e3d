"""Which part of an aligned row the pair checks read.

Two kinds of text in a linked row tell no change although they differ:

* **A sentence glued into a row.** The aligner sometimes pairs two sentences of
  one copy with one of the other (a full text against a brief that dropped the
  next sentence). When the single sentence covers one of the two almost word for
  word and shares next to nothing with the other, that other sentence is one the
  second copy does not have: it is shown in the row, but its figures and names
  are an omission, not an edit of the sentence opposite, so they are not flagged.
* **A number written in words across languages.** Translators render small counts
  idiomatically ("dans les deux sens" / "in both directions", "7 ans" /
  "seven-year-olds"), so across languages a number word on one side only is no
  change unless the other side has a one-sided figure it replaces ("onze" / "12"); nor is
  a figure against a side that tells no count at all (a detail the translation left out).
* **A flattened menu or widget row.** A page may let a menu into its story
  ("Luxemburg  3°C  Horoskop  Spiele", "News  Technology  Sign In"); the aligner
  can pair it with the other page's menu, and its items are no names or figures
  of the story (``menu_like``).
* **The words beyond a capture's cut.** A page captured to a byte limit stops
  mid-sentence: what the other copy says beyond the cut is no change
  (``clip_to_cut``, ``drop_cut_word``; in any language, a side that stops on an open
  clause leaves the full side's one-sided tokens unflagged, ``beyond_cut``).
* **What the other copy tells next door.** A copy that joins two sentences into
  one (or splits one) is paired one to one by the aligner; the other sentence is
  then the neighbour of the row or a sentence left with no partner.  The names
  and figures it holds are told, not changed (``sentences_beside``, ``unpaired``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from workbench.core import check_durations
from workbench.core.align_fragments import ends_open
from workbench.core.anchors import WORD_RE, fold
from workbench.core.check_collectives import collective_ranges
from workbench.core.check_gate import title_like
from workbench.core.check_numbers import quantities
from workbench.core.fraction_words import shares
from workbench.core.glued_figures import holds_changed_figure

# A sentence end inside a row: ". ", "! ", "» " before a capital, a digit or an opening quote.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'»”’)]*\s+(?=[\"'«“„(]?[^\W_a-zà-ÿа-яіїєґα-ω])")

#: A sentence of a regrouped row that shares fewer of its content words than this with
#: the other side is glued in (dev pairs: glued sentences 0-0.2, split ones 0.5 and more).
GLUE_COVER = 0.3
#: ... provided another sentence of that side is covered at least this well.
KEEP_COVER = 0.6


def sentences(text: str) -> list[str]:
    """``text`` cut at its sentence ends (a row holds the sentences the aligner joined)."""
    return [s for s in _SENTENCE_BREAK.split(text) if s.strip()]


def _content(text: str) -> set[str]:
    return {fold(w) for w in WORD_RE.findall(text) if len(w) >= 4}


def _cover(sentence: str, other: set[str]) -> float:
    words = _content(sentence)
    return len(words & other) / len(words) if words else 1.0


def unglued(left: str, right: str) -> tuple[str, str]:
    """``left`` and ``right`` without the sentences glued into the row (same language).

    Only a side of two or more sentences loses one, and only when another of its
    sentences is the one the other side tells (covered at least ``KEEP_COVER``). A
    sentence that writes a figure the other side writes too is never glued in:
    "Without heating: 214 blocks, 11 schools … . The mayor said so." against "Without
    heat: 216 houses and 11 schools, the mayor said" joined the attribution to a
    reworded sentence, whose figures are the ones to compare.  Nor is one that writes the
    figure changed (``glued_figures.GLUED_FIGURES``: a value the other side lacks against a
    like-sized one this side lacks, "Rund 150 Feuerwehrleute …" / "mit rund 120 …").
    """
    out = []
    for mine, theirs in ((left, right), (right, left)):
        parts = sentences(mine)
        if len(parts) < 2:
            out.append(mine)
            continue
        other = _content(theirs)
        covers = [_cover(p, other) for p in parts]
        if max(covers) < KEEP_COVER:
            out.append(mine)
            continue
        figures = {value for _, value in quantities(theirs)}
        mine_figures = {value for _, value in quantities(mine)}
        kept = []
        for p, c in zip(parts, covers, strict=True):
            held = {v for _, v in quantities(p)}
            # "Rund 150 Feuerwehrleute …" against "mit rund 120 Einsatzkräften": the changed
            # figure's half of a split sentence (``glued_figures``, round 40)
            if c >= GLUE_COVER or figures & held or holds_changed_figure(held, mine_figures,
                                                                         figures):  # fmt: skip
                kept.append(p)
        out.append(" ".join(kept))
    return out[0], out[1]


#: Across languages, a one-sided figure in a row whose other side tells no count at all is
#: a detail the translation left out, not a figure it changed: "Світло згасло за рахунку 1:1"
#: against a Russian headline without the score (dev b35's '1' twice; round 21's unseen false
#: '21' sat in a uk-ru translation too).  A changed count told in rows the aligner did not link
#: is the twins' (``check_twins``); ``benchmarks/flags_cv.py --switch untold_across``.
UNTOLD_ACROSS = True


def cross_language_numbers(
    nums: dict[str, list[str]], texts: tuple[str, str] | None = None,
    langs: tuple[str | None, str | None] = (None, None),
) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` of a cross-language row less the number words that replace no figure:
    a one-sided number word counts only when the other side has a one-sided number too
    ("two" workers against "drei", "onze" against 12; not "deux sens" against "both").
    With the row's ``texts`` (and ``langs``), nor does a figure whose other side tells
    no count at all (``UNTOLD_ACROSS``, ``tells_count``)."""
    out: dict[str, list[str]] = {}
    for side, tokens in nums.items():
        opposite = nums.get("right_only" if side == "left_only" else "left_only")
        other = 1 if side == "left_only" else 0
        untold = UNTOLD_ACROSS and texts is not None and not tells_count(texts[other], langs[other])
        kept = [t for t in tokens if opposite or not (_is_word(t) or untold)]
        if kept:
            out[side] = kept
    return out


# Plural scale nouns that tell a count without a figure ("dozens of", "Hunderte", "сотні").
_SCALE_PLURALS = re.compile(
    r"(?<!\w)(?:dozens|hundreds|thousands|millions|scores|dutzende|hunderte|tausende|dizaines"
    r"|centaines|milliers|десятки|десятків|сотні|сотень|сотни|сотен|тисячі|тисяч|тысячи)(?!\w)",
    re.I,
)


def tells_count(text: str, lang: str | None) -> bool:
    """Whether ``text`` tells any count: a figure or number word, a collective number noun
    ("une vingtaine"), a share ("la moitié") or a plural scale noun ("dozens"); while
    ``check_durations.DURATIONS`` reads them, a duration told by its unit word alone ("une
    demi-heure" against "35 Minuten" is a duration told, round 33)."""
    bare = check_durations.DURATIONS and check_durations.bare_durations(text, lang)
    return bool(quantities(text, lang) or collective_ranges(text, lang) or shares(text)
                or _SCALE_PLURALS.search(text) or bare)  # fmt: skip


def _is_word(token: str) -> bool:
    return not any(ch.isdigit() for ch in token)


#: A row's tail of at most this many words after its last full sentence, not ending like a
#: sentence, is a sign-off or credit (``credit_tail``); ``flags_cv.py --switch credit_tails``.
CREDIT_WORDS = 5
CREDIT_TAILS = True

# The last sentence end of a row before its tail: the tail opens with a capital, a bracket,
# a copyright sign or a "mik/dpa" initials credit (never a digit or a lower-case word); or a
# line break inside the row, before any word ("… in Oberwilen\nsda": a headline's credit).
_CREDIT_BREAK = re.compile(
    r"(?<=[.!?…])[\"'»”“’)]*[^\S\n]+(?=[(©«\"“„]|[^\W\d_a-zß-ÿа-яёіїєґα-ω]|[^\W\d_]+/)"
    r"|\s*\n\s*(?=[(©]|[^\W\d_])"
)
# "U.S." / "Dr." / "Mrs.": a full stop after one letter, or after a capital and one or two
# small letters, is an abbreviation ("the U.S. Army"), not the end of the sentence before a
# credit; an acronym ("… told AFP.", "… 1130 GMT.", "… в МОЗ.") ends its sentence.
_ABBREVIATION = re.compile(
    r"(?:^|[\s.(])(?:[^\W\d_]|[^\W\d_a-zß-ÿа-яёіїєґα-ω][a-zß-ÿа-яёіїєґα-ω]{1,2})\.$"
)


def credit_tail(text: str) -> str:
    """``text`` without the sign-off or credit printed after its last sentence: provenance,
    not a fact of the story ("… a-t-il déclaré. (AFP)", "… sagte er. © dpa-infocom",
    "… he said. Agence France-Presse", "… mik/dpa").

    Why: copies of one wire story print the agency's credit line differently or not at
    all (round 27's unseen false 'AFP' and 'France' were one verbatim copy's sign-off); in a
    row that holds the line after a sentence its names and figures are flagged against a
    copy that tells the same story.  A tail is a credit by shape alone, no agency list: at
    most ``CREDIT_WORDS`` words after a full sentence (so never a headline, which has no
    sentence end), not ending like a sentence (``ends_open``: a glued sentence keeps its
    names).  A name told *inside* a sentence ("Contacté par Radio Mont Blanc", "told AFP")
    is an attribution and stays.
    """
    if not CREDIT_TAILS:
        return text
    breaks = list(_CREDIT_BREAK.finditer(text))
    if not breaks:
        return text
    head, tail = text[: breaks[-1].start()].rstrip(), text[breaks[-1].end():]
    if len(tail.split()) > CREDIT_WORDS or not ends_open(tail) or len(head.split()) < 3:
        return text
    if _ABBREVIATION.search(head.rstrip("\"'»”“’)")):
        return text
    return head


_CUT = re.compile(r"[.!?…:;'\"’”»)\]]\s*$")


def clip_to_cut(full: str, cut: str) -> str:
    """The part of ``full`` that ``cut`` covers when ``cut`` ends mid-sentence.

    Captures stop at a byte limit, so the last sentence of a page is often cut
    off; the words the other copy has beyond the cut are no change.
    """
    if _CUT.search(cut) or len(cut) >= len(full):
        return full
    a, b = full.split(), cut.split()
    blocks = [
        m for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size
    ]
    if not blocks or blocks[-1].b + blocks[-1].size < len(b) - 1:
        return full  # the cut side does not end inside the other text
    if sum(m.size for m in blocks) < CUT_COVER * len(b):
        return full  # not a copy cut short (a headline, a rewrite): its end is no capture limit
    return " ".join(a[: blocks[-1].a + blocks[-1].size])


def drop_cut_word(cut: str, full: str) -> str:
    """``cut`` without a last word the capture cut off ("ein Ge" for "ein Getreideterminal")."""
    m = re.search(r"(\w+)\W*$", cut)
    if not m or _CUT.search(cut):
        return cut
    stem = m.group(1)
    if re.search(r"(?<!\w)" + re.escape(stem) + r"\w", full):
        return cut[: m.start(1)].rstrip()
    return cut


#: A copy cut short by the capture repeats most of its words from the full side.
CUT_COVER = 0.6
#: A row one side of which stops on an open clause ("n'est reconnue par aucun pays,") flags
#: nothing the full side tells alone (round 20, ``benchmarks/flags_cv.py --switch cut_open``).
CUT_OPEN = True
#: How a text stops when the capture cut it between clauses: a comma, a dash, an opening
#: bracket or quote (a sentence, a headline or a caption never ends so).
_OPEN_END = re.compile(r"[,(\-–—«„“\[]\s*$")


def cut_open(text: str) -> bool:
    """Whether ``text`` stops on an open clause: the capture cut it there."""
    return bool(CUT_OPEN and _OPEN_END.search(text))


def beyond_cut(flags: dict[str, dict[str, list[str]]], left: str, right: str, paraphrase: bool
               ) -> dict[str, dict[str, list[str]]]:  # fmt: skip
    """``flags`` less what the full side of a row tells alone when the other side stops on an
    open clause (``cut_open``): across languages the cut cannot be placed in the full side
    (``clip_to_cut`` reads one language), and what it tells may be what the cut took
    ("etwa 1500 russische Soldaten" against a French sentence cut after "aucun pays,",
    dev b65).  A paraphrase row's figures are replacements read as pairs: none is left."""
    cut = (cut_open(left), cut_open(right))
    if cut[0] == cut[1]:
        return flags
    full = "left_only" if cut[1] else "right_only"
    out: dict[str, dict[str, list[str]]] = {}
    for kind, by_side in flags.items():
        kept = {side: tokens for side, tokens in by_side.items()
                if side != full and not (paraphrase and kind == "numbers")}  # fmt: skip
        if kept:
            out[kind] = kept
    return out


_MENU_GAP = re.compile(r"\s{2,}|\s[›|•·»/]\s")


def menu_like(text: str) -> bool:
    """A flattened menu or widget line: three or more items of at most three words, set
    apart by wide gaps or separators, and no sentence end ("Sport  People  Ma région")."""
    items = [item for item in _MENU_GAP.split(text.strip()) if item.strip()]
    return (
        len(items) >= MENU_ITEMS
        and all(len(item.split()) <= 3 for item in items)
        and not re.search(r"[.!?…]['\"’”»)]*$", text.strip())
    )


#: The fewest items of a menu line (two could be a headline and its kicker).
MENU_ITEMS = 3


def sentences_beside(
    texts: list[str], indices: Sequence[int], alone: Iterable[int] = ()
) -> list[str]:
    """The body sentences just before and after ``indices`` in ``texts``, then those of
    ``alone`` (the side's sentences with no partner, ``unpaired``) other than ``indices``;
    headlines left out (a headline next to the lead is no part of a split sentence).

    Why the unpaired ones too: a copy that joins two sentences far apart, or moves
    one, leaves the other copy's second sentence unpaired rather than beside the
    row ("Zwischen Westend und Gesundbrunnen fahren keine Züge." told in a lead
    elsewhere); what it holds is told, not changed.
    """
    if not indices:
        return []
    around = [min(indices) - 1, max(indices) + 1]
    around += [k for k in dict.fromkeys(alone) if k not in around and k not in indices]
    return [texts[k] for k in around if 0 <= k < len(texts) and not title_like(texts[k])]


def unpaired(
    links: Iterable[tuple[Sequence[int], Sequence[int]]], sizes: tuple[int, int]
) -> tuple[list[int], list[int]]:
    """Each side's sentence indices that no two-sided link holds (``links``: the rows'
    left and right indices; a move's origin marker is one-sided, its landing holds it)."""
    held: tuple[set[int], set[int]] = (set(), set())
    for left, right in links:
        if left and right:
            held[0].update(left)
            held[1].update(right)
    return ([k for k in range(sizes[0]) if k not in held[0]],
            [k for k in range(sizes[1]) if k not in held[1]])  # fmt: skip
