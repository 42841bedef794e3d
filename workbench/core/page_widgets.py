"""Rows of article buttons: share, print and save buttons on one line.

Why: a scraped article keeps its button bar as one line, the buttons joined by one
space or by wider gaps ("Teilen  Drucken  Merken", "Partager Facebook X WhatsApp",
"Artikel verschenken Teilen").  The label guide calls sharing ``link_residue``
("Share") and every other widget page chrome (``other``); the writers of the dev
batches agree (print, save and bookmark buttons are ``other`` in 13 dev batches,
one writer once calls "Drucken" residue; share buttons are ``link_residue`` in all
20).  A row is one segment, so it takes the role of most of its characters; a row
is only read as buttons when every word of it belongs to a known button, so a
sentence or a menu with other words is left to the rest of the page evidence.

A row whose buttons take both roles ("Teilen  Merken", "Partager Facebook X Imprimer")
is cut into parts, one per run of buttons of one role (``button_parts``, called by the
segmenter), and each part takes its buttons' role (``row_roles``): 13 dev batches give
the share button and the page button after it different roles.  Network names after a
share label stay with it (``link_residue`` in 7 dev batches, ``other`` in one writer's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.role_phrases import (
    CHROME_LABELS,
    LINK_RESIDUE_PHRASES,
    SOCIAL_NETWORKS,
    _phrases,
    deaccent,
)
from workbench.core.seg import Seg

LINK_RESIDUE, OTHER = "link_residue", "other"
NETWORK = "network"  # a network's name: shared chrome when the row also has a share button
GIFT = "gift"  # a button the writers disagree on: part of the row, counted for neither side

#: Where a share bar sends the article: networks and mail (a follow bar names them too).
NETWORK_BUTTONS = _phrases(
    """x|x.com|e-mail|email|mail|messenger|reddit|pinterest|flipboard|xing|mastodon|bluesky
    |threads|tumblr|vk|vkontakte|вконтакте|одноклассники|twitter|facebook|whatsapp
    |telegram|viber|linkedin"""
)
#: Buttons that pass the article on: share, copy the link.
SHARE_BUTTONS = _phrases(
    """copy link|copy url|copy the link|link kopieren|link teilen|copier le lien
    |скопировать ссылку|копировать ссылку|скопіювати посилання|копіювати посилання
    |social sharing|share via|teilen via|partager via|tweet"""
)
#: Gifting the article to a non-subscriber: sharing to some writers, a page button to
#: another (dev: batches 16 and 27 against 29), so a gift button takes no side in a row.
GIFT_BUTTONS = _phrases(
    """gift article|gift this article|artikel verschenken|artikel schenken|offrir l'article
    |offrir cet article|подарить статью|подарувати статтю"""
)
#: Buttons that act on the page itself: print, save, bookmark, text size, feedback.
PAGE_BUTTONS = _phrases(
    """print|print article|print this article|drucken|artikel drucken|imprimer
    |imprimer l'article|imprimer cet article|печать|распечатать|версия для печати|друк
    |друкувати|роздрукувати|версія для друку|εκτύπωση|save|save article|saved|bookmark
    |merken|gemerkt|merkliste|zur merkliste|zur merkliste hinzufügen|sauvegarder|sauver
    |enregistrer|ajouter à mes favoris|favoris|сохранить|в закладки|избранное|зберегти
    |в обране|font size|text size|schriftgröße|taille du texte|a a a|a- a a+|feedback
    |listen|anhören|vorlesen|écouter|слушать|слухати|прослухати"""
)
#: A comment button or counter beside a share button ("Kommentare  Teilen", "Partager
#: Commenter 12"): page chrome in such a row (dev batches 11 and 27 ``other``; the rest of
#: the row, cut from it, is right in 11, 12, 27 and 35 whichever role the writer gave it).
COMMENT_BUTTONS = _phrases(
    """comment|comments|kommentar|kommentare|kommentieren|commenter|commentaire
    |commentaires|réagir|комментарий|комментарии|комментировать|коментар|коментарі
    |коментувати|σχόλια"""
)
#: Words of one button at most (the longest phrase above has four).
ITEM_WORDS = 4
_COUNT = re.compile(r"^[(\[]?\d+[)\]]?$")  # "(3)", "12": a counter beside a button
_WORD = re.compile(r"\S+")
_BREAK = re.compile(r"[\r\n]")


def _norm(text: str) -> str:
    return deaccent(" ".join(text.casefold().split()).strip(" .:!?…,;|•·-–—"))


#: The first word of every listed button (normalised; "" for a word of punctuation only,
#: which joins the next word): a line whose next word starts no button is read no further.
_STARTS = frozenset(
    _norm(phrase.split()[0])
    for phrases in (NETWORK_BUTTONS, SHARE_BUTTONS, GIFT_BUTTONS, LINK_RESIDUE_PHRASES,
                    PAGE_BUTTONS, CHROME_LABELS, COMMENT_BUTTONS)  # fmt: skip
    for phrase in phrases
    if phrase.split()
) | {""}


def _may_start(words: list[str]) -> bool:
    """Whether a button can start at ``words[0]`` (a cheap test before trying each length)."""
    return _norm(words[0]) in _STARTS or bool(SOCIAL_NETWORKS.search(" ".join(words).casefold()))


def button_kind(text: str) -> str | None:
    """``link_residue`` for a share button, ``network`` for a network's name, ``gift``,
    ``other`` for any other button, else ``None``."""
    plain = _norm(text)
    if plain in NETWORK_BUTTONS or SOCIAL_NETWORKS.fullmatch(plain):
        return NETWORK
    if plain in SHARE_BUTTONS:
        return LINK_RESIDUE
    if plain in GIFT_BUTTONS:
        return GIFT
    if plain in LINK_RESIDUE_PHRASES and plain not in PAGE_BUTTONS:
        return LINK_RESIDUE  # "Teilen", "Share this article", "Поділитися"
    if plain in PAGE_BUTTONS or plain in CHROME_LABELS or plain in COMMENT_BUTTONS:
        return OTHER  # a comment button only counts in a row with a share button
    return None


def _items(words: list[str]) -> list[tuple[int, int, str]] | None:
    """The row cut into buttons (first word, end word, kind), longest first at each word;
    ``None`` if a word is left over."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        end = min(len(words), i + ITEM_WORDS) if _may_start(words[i : i + ITEM_WORDS]) else i
        for j in range(end, i, -1):
            kind = button_kind(" ".join(words[i:j]))
            if kind is not None:
                out.append((i, j, kind))
                i = j
                break
        else:
            if out and _COUNT.match(words[i]):  # "Kommentare (3)": the count joins its button
                out[-1] = (out[-1][0], i + 1, out[-1][2])
                i += 1
                continue
            return None
    return out


def _row_items(words: list[str]) -> tuple[list[tuple[int, int, str]], str] | None:
    """The buttons of a row with a share button among them, and the row's role."""
    if len(words) < 2 or len(words) > 5 * ITEM_WORDS:
        return None
    items = _items(words)
    if items is None or len(items) < 2:
        return None
    size = {LINK_RESIDUE: 0, NETWORK: 0, GIFT: 0, OTHER: 0}
    for i, j, kind in items:
        size[kind] += sum(len(w) for w in words[i:j])
    if size[LINK_RESIDUE] == 0:
        return None  # a menu, a follow bar, page buttons: the other rules decide
    size[LINK_RESIDUE] += size[NETWORK]
    return items, LINK_RESIDUE if size[LINK_RESIDUE] >= size[OTHER] else OTHER


def button_row(text: str) -> str | None:
    """The role of a line made only of buttons, one of them at least a share button.

    Two buttons at least; the role is the one of most of the row's characters (a
    tie goes to sharing, what the row is for).  ``None`` when the line is anything
    else: one button alone keeps the phrase rules' answer.
    """
    found = _row_items(text.split())
    return None if found is None else found[1]


def button_parts(text: str, network: str = LINK_RESIDUE) -> list[tuple[int, int, str]] | None:
    """(start, end, role) of each run of a button row's buttons that take one role.

    Share buttons are ``link_residue``, network names ``network`` (the writers' majority;
    ``benchmarks/role_buttons_cv.py`` tries ``other``), page buttons ``other``, a gift
    button the row's role.  ``None`` unless the row holds both roles: a row of one
    role stays one segment.
    """
    found = _row_items(text.split(None, 5 * ITEM_WORDS))  # a long line is read no further
    if found is None:
        return None
    items, row = found
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    parts: list[tuple[int, int, str]] = []
    for i, j, kind in items:
        role = {GIFT: row, NETWORK: network}.get(kind, kind)
        if parts and parts[-1][2] == role:
            parts[-1] = (parts[-1][0], spans[j - 1][1], role)
        else:
            parts.append((spans[i][0], spans[j - 1][1], role))
    return parts if len(parts) > 1 else None


def network_row(text: str) -> bool:
    """A line made only of network names ("Facebook X Email", "WhatsApp")."""
    words = text.split()
    items = _items(words) if 0 < len(words) <= 5 * ITEM_WORDS else None
    return bool(items) and all(kind == NETWORK for _, _, kind in items)  # type: ignore[union-attr]


def row_roles(segs: Sequence[Seg]) -> list[str | None]:
    """The role of every segment that is one part of a button row the segmenter cut."""
    out: list[str | None] = [None] * len(segs)
    first = 0
    for k, seg in enumerate(segs):
        if k + 1 < len(segs) and not _BREAK.search(seg.separator):
            continue  # the line goes on
        if k > first:
            line = "".join(s.text + s.separator for s in segs[first:k]) + seg.text
            parts = button_parts(line)
            if parts is not None and len(parts) == k + 1 - first:
                out[first : k + 1] = [role for _, _, role in parts]
        first = k + 1
    return out
