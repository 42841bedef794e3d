"""Page roles of segments: headline, body, appeal, link_residue, comment_form, other.

Why rules plus repetition: a scraped page mixes the story with what the
publisher wraps around it.  Generic phrase lists per language (below, data not
code) find the usual wrappers; *blocks* extend a match ("A Message from ...",
"Dear readers") over everything up to the next structural break (two blank
lines, or a change of HTML zone); and text that recurs in other articles of the
same outlet is boilerplate whatever it says.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from workbench.core.segment import Seg, blank_lines_after

HEADLINE, BODY, APPEAL, LINK_RESIDUE, COMMENT_FORM, OTHER = (
    "headline",
    "body",
    "appeal",
    "link_residue",
    "comment_form",
    "other",
)
ROLES = (HEADLINE, BODY, APPEAL, LINK_RESIDUE, COMMENT_FORM, OTHER)


def _phrases(spec: str) -> frozenset[str]:
    """A ``|``-separated phrase list (line breaks and indentation ignored)."""
    return frozenset(p.strip() for p in spec.split("|") if p.strip())


#: Whole-segment phrases (compared after normalising case, spaces, end punctuation).
LINK_RESIDUE_PHRASES = _phrases(
    """source link|source|original source|read more|read the full story|read the full article
    |continue reading|click here|full story|share|share this|share this article|tweet|print
    |quelle|quelllink|zur quelle|mehr lesen|weiterlesen|mehr dazu|zum artikel|teilen|drucken
    |источник|ссылка на источник|читать далее|подробнее|читать полностью|поделиться
    |джерело|посилання на джерело|читати далі|детальніше|читати повністю|поширити
    |lire la suite|en savoir plus|lien source|partager"""
)
LINK_RESIDUE_PATTERNS = (
    re.compile(r"^(https?://|www\.)\S+$"),
    re.compile(r"^(via|source|quelle|источник|джерело)\s*:\s*\S.{0,80}$"),
    re.compile(r"^share (on|via) \w+$"),
)
COMMENT_STARTERS = _phrases(
    """leave a reply|leave a comment|post a comment|add a comment|write a comment|comments
    |join the discussion|schreibe einen kommentar|kommentar schreiben|hinterlasse einen kommentar
    |einen kommentar hinterlassen|kommentar verfassen|kommentare|оставьте комментарий
    |оставить комментарий|добавить комментарий|написать комментарий|комментарии
    |залишити коментар|залиште коментар|додати коментар|написати коментар|коментарі
    |laisser un commentaire|laissez un commentaire|ajouter un commentaire|commentaires
    |répondre|antworten|ответить|відповісти|reply"""
)
COMMENT_SNIPPETS = (
    "email address will not be published",
    "required fields are marked",
    "save my name, email",
    "you must be logged in to post a comment",
    "e-mail-adresse wird nicht veröffentlicht",
    "erforderliche felder sind",
    "meinen namen, meine e-mail-adresse",
    "kommentar abschicken",
    "адрес email не будет опубликован",
    "адрес электронной почты не будет опубликован",
    "обязательные поля помечены",
    "отправить комментарий",
    "адреса електронної пошти не буде опублікована",
    "обов'язкові поля позначені",
    "обов’язкові поля позначені",
    "надіслати коментар",
    "adresse e-mail ne sera pas publiée",
    "adresse de messagerie ne sera pas publiée",
    "champs obligatoires sont indiqués",
    "post comment",
    "submit comment",
)
#: Short form labels: comment_form only inside a comment block.
FORM_LABELS = _phrases(
    """name|email|e-mail|website|comment|kommentar|webseite|имя|сайт|комментарий|ім'я|ім’я
    |коментар|nom|site web|commentaire|adresse e-mail|електронна пошта|эл. почта"""
)
APPEAL_STARTERS = (
    re.compile(
        r"^(a message from|a note from|dear reader|dear readers|dear friends|support (our|"
        r"independent)|liebe leserinnen|liebe leser|eine nachricht (von|der)|unterstützen sie"
        r"|дорогие читатели|уважаемые читатели|дорогі читачі|шановні читачі|chers lecteurs"
        r"|chères lectrices|un message de|soutenez)"
    ),
)
APPEAL_SNIPPETS = (
    "remind me later",
    "not ready to support",
    "support us",
    "donate",
    "make a donation",
    "become a member",
    "subscribe to our newsletter",
    "jetzt spenden",
    "spenden sie",
    "später erinnern",
    "unterstützen sie uns",
    "поддержите нас",
    "поддержать нас",
    "пожертвовать",
    "напомнить позже",
    "підтримайте нас",
    "підтримати нас",
    "нагадати пізніше",
    "faire un don",
    "soutenez-nous",
    "me le rappeler plus tard",
)
#: Buttons that close an appeal box: the block ends right after them.
APPEAL_CLOSERS = _phrases(
    """remind me later|maybe later|not now|no thanks|close|später erinnern|vielleicht später
    |nein danke|schließen|напомнить позже|не сейчас|нет, спасибо|закрыть|нагадати пізніше
    |не зараз|ні, дякую|закрити|me le rappeler plus tard|plus tard|non merci|fermer"""
)
SHORT_WORDS = 12  # snippets of appeals only count in short segments


@dataclass(frozen=True)
class Zone:
    """Where a segment came from on an HTML page (``None`` zone for plain text)."""

    zone: str  # title | main | appeal | comments | page
    kind: str  # title, h1, p, li, label, ...


def normalise(text: str) -> str:
    """Case-folded, single-spaced, without trailing punctuation/quotes."""
    return " ".join(text.casefold().split()).strip(" .:!?…,;-–—\"'«»„“”")


def _rule_role(text: str) -> str | None:
    """A role decided by the segment's own words, if any."""
    norm = normalise(text)
    if norm in LINK_RESIDUE_PHRASES or any(p.match(norm) for p in LINK_RESIDUE_PATTERNS):
        return LINK_RESIDUE
    if norm in COMMENT_STARTERS or any(s in norm for s in COMMENT_SNIPPETS):
        return COMMENT_FORM
    short = len(norm.split()) <= SHORT_WORDS
    if any(p.match(norm) for p in APPEAL_STARTERS) or (
        short and any(s in norm for s in APPEAL_SNIPPETS)
    ):
        return APPEAL
    return None


def _title_like(seg: Seg, segs: Sequence[Seg]) -> bool:
    """A first line that reads as a title: alone in its paragraph, short, no full stop."""
    alone = sum(1 for s in segs if s.paragraph == seg.paragraph) == 1
    words = len(seg.text.split())
    return alone and 0 < words <= 25 and len(seg.text) <= 250 and not seg.text.endswith(".")


def _headlines(segs: Sequence[Seg], title: str | None, zones: Sequence[Zone | None]) -> set[int]:
    """Indices of headline segments (title zone, h1, the title and its duplicates)."""
    found = {i for i, z in enumerate(zones) if z is not None and z.zone == "title"}
    found |= {i for i, z in enumerate(zones) if z is not None and z.kind == "h1"}
    wanted = normalise(title) if title else ""
    if not wanted and segs and zones[0] is None and _title_like(segs[0], segs):
        wanted = normalise(segs[0].text)
    if wanted:
        found |= {i for i, s in enumerate(segs[:50]) if normalise(s.text) == wanted}
    return found


_ZONE_ROLES = {"title": HEADLINE, "main": BODY, "appeal": APPEAL, "comments": COMMENT_FORM}


def assign_roles(
    segs: Sequence[Seg],
    *,
    title: str | None = None,
    zones: Sequence[Zone | None] | None = None,
    hashes: Sequence[str] | None = None,
    recurring: Collection[str] = (),
) -> list[str]:
    """The page role of every segment.

    ``zones`` (HTML only) say where each segment came from; ``hashes`` are the
    segments' text hashes and ``recurring`` the hashes that recur in other
    articles of the same outlet (boilerplate).
    """
    zones = list(zones) if zones is not None else [None] * len(segs)
    headlines = _headlines(segs, title, zones)
    roles: list[str] = []
    block: str | None = None
    for i, seg in enumerate(segs):
        if i and blank_lines_after(segs[i - 1]) >= 2:  # HTML zone changes look like this too
            block = None
        rule = _rule_role(seg.text)
        if rule in (APPEAL, COMMENT_FORM) and (block is None or rule == COMMENT_FORM):
            block = rule
        if i in headlines and rule is None:
            role = HEADLINE
        elif rule is not None:
            role = rule
        elif block == COMMENT_FORM and normalise(seg.text).rstrip(" *") in FORM_LABELS | {""}:
            role = COMMENT_FORM
        elif block is not None:
            role = block
        elif hashes is not None and hashes[i] in recurring:
            role = APPEAL
        elif zones[i] is not None:
            role = _ZONE_ROLES.get(zones[i].zone, OTHER)
        else:
            role = BODY
        roles.append(role)
        if block == APPEAL and normalise(seg.text) in APPEAL_CLOSERS:
            block = None
    return roles
