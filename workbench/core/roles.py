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
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from workbench.core.page_evidence import DEFAULT_PARAMS, RoleParams, decide_page
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
#: What a publisher wraps around the story: hidden on pages until ticked, left out of
#: translation on request.  The one list (web filters, jobs, deliverables read it).
BOILERPLATE_ROLES: tuple[str, ...] = (APPEAL, LINK_RESIDUE, COMMENT_FORM)
CONTENT_ROLES: tuple[str, ...] = tuple(r for r in ROLES if r not in BOILERPLATE_ROLES)


def deaccent(text: str) -> str:
    """Each character without its accents, length kept ("ΕΠΊΣΗΣ" and "ΕΠΙΣΗΣ" compare equal)."""
    if text.isascii():  # nothing to strip (most text; the per-character loop is slow)
        return text
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text)


def _phrases(spec: str) -> frozenset[str]:
    """A ``|``-separated phrase list (line breaks and indentation ignored)."""
    return frozenset(deaccent(p.strip().casefold()) for p in spec.split("|") if p.strip())


#: Whole-segment phrases (compared after normalising case, spaces, end punctuation).
LINK_RESIDUE_PHRASES = _phrases(
    """source link|source|original source|read more|read the full story|read the full article
    |continue reading|click here|full story|share|share this|share this article|tweet|print
    |quelle|quelllink|zur quelle|mehr lesen|weiterlesen|mehr dazu|zum artikel|teilen|drucken
    |источник|ссылка на источник|читать далее|подробнее|читать полностью|поделиться
    |джерело|посилання на джерело|читати далі|детальніше|читати повністю|поширити|поділитися
    |πηγή|διαβάστε περισσότερα|περισσότερα|κοινοποίηση|μοιραστείτε|share article
    |artikel teilen|beitrag teilen|partager l'article|partager cet article|поделиться статьей
    |поділитися статтею|κοινοποιήστε το άρθρο
    |lire la suite|en savoir plus|lien source|partager"""
)
LINK_RESIDUE_PATTERNS = (
    re.compile(r"^(https?://|www\.)\S+$"),
    re.compile(r"^(via|source|sources|quelle|источник|джерело|πηγή|fuente|fonte|źródło|bron)"
               r"\s*:\s*\S.{0,80}$"),
    re.compile(r"^(share|teilen|partager|поделиться|поділитися|κοινοποίηση) "
               r"(on|via|auf|sur|в|у|στο) \w+$"),
)  # fmt: skip
#: Labels that open a teaser for another article ("Read moreFrom isolation to ...").
TEASER_LABELS = re.compile(  # longest first, so "related stories" beats "related"
    "^("
    + "|".join(
        sorted(
            _phrases(
                """read more|read also|also read|related|related stories|related articles
                |see also|more on this|more on this story|lesen sie auch|mehr zum thema
                |auch interessant|lire aussi|à lire aussi|a lire aussi|voir aussi
                |читайте также|смотрите также|по теме|читайте також|дивіться також|за темою
                |διαβάστε επίσης|δείτε επίσης|διαβάστε ακόμη|leer más|lee también|leggi anche
                |σχετικά άρθρα|σχετικές ειδήσεις|das könnte sie auch interessieren|mehr aus
                |weitere artikel|more from|you may also like|recommended|à lire également
                |sur le même sujet|другие материалы|материалы по теме|новости по теме
                |більше новин|інші новини|схожі новини"""
            ),
            key=len,
            reverse=True,
        )
    )
    + ")"
)
#: Page widgets and navigation: ``other`` whatever surrounds them.
CHROME_LABELS = _phrases(
    """follow|follow us|sign up|sign up here|subscribe|subscribe now|short url|short link
    |permalink|left menu|right menu|main menu|menu
    |search|copy link|copy url|link copied|listen|listen to this article|save|bookmark
    |advertisement|ad|sponsored|skip to content|skip to main content|back to top|home
    |log in|login|sign in|register|font size|text size|a a a|a- a a+|close menu
    |folgen|folgen sie uns|menü|suche|anzeige|werbung|startseite|anmelden|link kopieren
    |suivre|suivez-nous|publicité|accueil|rechercher|se connecter|copier le lien
    |подписаться|меню|поиск|реклама|главная|войти|скопировать ссылку
    |підписатися|пошук|головна|увійти|скопіювати посилання
    |ακολουθήστε|μενού|αναζήτηση|διαφήμιση|αρχική|σύνδεση"""
)
READING_TIME = re.compile(
    r"^\d+\s*(min|mins|minutes?|minuten?|мин|хв|λεπτά)\.?\s*\w*( \w+)?$"
    r"|\b(min read|reading time|lesezeit|temps de lecture|время чтения|час читання"
    r"|χρόνος ανάγνωσης)\b"
)
COMMENT_STARTERS = _phrases(
    """leave a reply|leave a comment|post a comment|add a comment|write a comment|comments
    |join the discussion|schreibe einen kommentar|kommentar schreiben|hinterlasse einen kommentar
    |einen kommentar hinterlassen|kommentar verfassen|kommentare|оставьте комментарий
    |оставить комментарий|добавить комментарий|написать комментарий|комментарии
    |залишити коментар|залиште коментар|додати коментар|написати коментар|коментарі
    |laisser un commentaire|laissez un commentaire|ajouter un commentaire|commentaires
    |répondre|antworten|ответить|відповісти|reply|réagir|réagir à cet article
    |kommentieren|artikel kommentieren|комментировать|коментувати|σχόλια|σχολιάστε
    |σχολιάστε το άρθρο|join our commenting forum|join the conversation"""
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
    "pour pouvoir réagir",
    "pour pouvoir commenter",
    "um kommentieren zu können",
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
#: A short button starting with a verb of support ("Support us", "Поддержать «Медузу»").
APPEAL_BUTTON = re.compile(
    r"^(support|donate|unterstützen|spenden|soutenir|soutenez|faire un don|поддержать|поддержите"
    r"|пожертвовать|підтримати|підтримайте|υποστηρίξτε|become a (member|supporter))\b"
)
#: Buttons that close an appeal box: the block ends right after them.
APPEAL_CLOSERS = _phrases(
    """remind me later|maybe later|not now|no thanks|close|später erinnern|vielleicht später
    |nein danke|schließen|напомнить позже|не сейчас|нет, спасибо|закрыть|нагадати пізніше
    |не зараз|ні, дякую|закрити|me le rappeler plus tard|plus tard|non merci|fermer"""
)
SHORT_WORDS = 12  # snippets of appeals only count in short segments
BUTTON_WORDS = 5  # an appeal button ("Support us") is this short: its paragraph is the box


@dataclass(frozen=True)
class Zone:
    """Where a segment came from on an HTML page (``None`` zone for plain text)."""

    zone: str  # title | main | appeal | comments | page
    kind: str  # title, h1, p, li, label, ...
    #: Share of the block's characters inside links (0..1); the HTML extractor fills
    #: it when it can. Short lines that are mostly links are navigation or teasers.
    link_share: float = 0.0


def normalise(text: str) -> str:
    """Case-folded, single-spaced, without trailing punctuation/quotes."""
    return " ".join(text.casefold().split()).strip(" .:!?…,;-–—\"'«»„“”")


def _teaser_label(text: str) -> bool:
    """ "Read more: X", "Read moreX", "Related Title…": a label, then a title or nothing.

    The label must be followed by punctuation, an upper-case letter or the end,
    so a sentence that merely starts with "Related measures..." is not a teaser.
    """
    rest = _after_label(text)
    if rest is None:
        return False
    short = len(text.split()) <= 3 and not text.rstrip().endswith(".")  # "Related topics"
    return not rest or rest[0].isupper() or not rest[0].isalpha() or short


def _after_label(text: str) -> str | None:
    """What follows a teaser label at the start of ``text`` (``None``: no label)."""
    folded = deaccent(text.casefold())
    if len(folded) != len(text):  # casefold grew a character (ß -> ss): no label starts so
        return None
    match = TEASER_LABELS.match(folded)
    if match is None:
        return None
    return text[match.end() :].lstrip(" \t:–—-|»›>")


def _teaser_title(prev: Seg, seg: Seg, listing: bool, prev_role: str | None) -> bool:
    """A title line in the list under a bare "Read more" / "Mehr zum Thema" label.

    ``listing``: the previous line was one such title already.
    """
    if not re.search(r"[\r\n]", prev.separator):
        return False
    under_label = prev_role == LINK_RESIDUE and _after_label(prev.text) == ""
    if not (under_label or listing):
        return False
    words = len(seg.text.split())
    return 2 <= words <= 20 and not seg.text.rstrip().endswith((".", "…"))


def _rule_role(text: str) -> str | None:
    """A role decided by the segment's own words, if any."""
    norm = normalise(text)
    plain = deaccent(norm)
    if plain in LINK_RESIDUE_PHRASES or any(p.match(norm) for p in LINK_RESIDUE_PATTERNS):
        return LINK_RESIDUE
    if _teaser_label(text):
        return LINK_RESIDUE
    if plain in CHROME_LABELS or (len(norm.split()) <= 6 and READING_TIME.search(norm)):
        return OTHER
    if plain in COMMENT_STARTERS or any(s in norm for s in COMMENT_SNIPPETS):
        return COMMENT_FORM
    if any(p.match(norm) for p in APPEAL_STARTERS) or _appeal_button(norm):
        return APPEAL
    return _label_row(text)


def _appeal_button(norm: str) -> bool:
    """A short appeal line or button ("Support us", "Remind me later", "Поддержать «Медузу»")."""
    words = len(norm.split())
    if words <= 4 and APPEAL_BUTTON.match(norm):
        return True
    return words <= SHORT_WORDS and any(
        re.search(rf"(?<!\w){re.escape(s)}(?!\w)", norm) for s in APPEAL_SNIPPETS
    )  # whole words: "donate" is a button, "donated the saplings" is news


def _label_row(text: str) -> str | None:
    """A line of short labels set apart by wide gaps: a nav bar or tag list (``other``).

    Scraped menus and tag lists keep their items on one line with two or more
    spaces between them ("Startseite  Panorama  Luftverkehr"); the first item
    decides when it is a known phrase ("Leave a Reply  Cancel reply").
    """
    chunks = [c.strip() for c in re.split(r"\s{2,}", text.strip()) if c.strip()]
    if len(chunks) < 2:
        return None
    first = _rule_role(chunks[0])
    if first is not None:
        return first
    short = all(len(c.split()) <= 4 and not c.endswith((".", "!", "?")) for c in chunks)
    return OTHER if short else None


def _html_headlines(
    segs: Sequence[Seg], title: str | None, zones: Sequence[Zone | None]
) -> set[int]:
    """Headline segments known from the markup: title zone, ``h1``, copies of ``<title>``.

    A ``<title>`` often carries the site name ("Headline | Site", "Headline - Site"),
    so the part before the last separator is tried as well.
    """
    found = {i for i, z in enumerate(zones) if z is not None and z.zone == "title"}
    found |= {i for i, z in enumerate(zones) if z is not None and z.kind == "h1"}
    if title:
        wanted = {normalise(title)}
        wanted |= {normalise(re.split(r"\s[|–—-]\s(?!.*\s[|–—-]\s)", title)[0])}
        found |= {i for i, s in enumerate(segs[:50]) if normalise(s.text) in wanted - {""}}
    return found


_ZONE_ROLES = {"title": HEADLINE, "appeal": APPEAL, "comments": COMMENT_FORM, "page": OTHER}


def _form_label(text: str) -> bool:
    return deaccent(normalise(text)).rstrip(" *") in FORM_LABELS | {""}


def _fixed_roles(
    segs: Sequence[Seg],
    zones: Sequence[Zone | None],
    boilerplate: Sequence[bool],
) -> list[str | None]:
    """Roles decided by a segment's own words, its block, repetition or HTML zone.

    ``None`` is left where only the page as a whole can tell (plain text, or the
    main zone of an HTML page).
    """
    roles: list[str | None] = []
    block: str | None = None
    button_para: int | None = None  # an appeal block opened by a button ends with its paragraph
    teasers = False  # inside a list of teaser titles under a bare label
    for i, seg in enumerate(segs):
        if i and blank_lines_after(segs[i - 1]) >= 2:  # HTML zone changes look like this too
            block = None
        if block == APPEAL and button_para is not None and seg.paragraph != button_para:
            block = button_para = None
        rule = _rule_role(seg.text)
        teasers = rule is None and i > 0 and _teaser_title(segs[i - 1], seg, teasers, roles[-1])
        if teasers:
            rule = OTHER  # the titles listed under "Mehr zum Thema" carry no label themselves
        if rule in (APPEAL, COMMENT_FORM) and (block is None or rule == COMMENT_FORM):
            block = rule
            if rule == APPEAL and not any(p.match(normalise(seg.text)) for p in APPEAL_STARTERS):
                button_para = seg.paragraph
                if len(seg.text.split()) <= BUTTON_WORDS:
                    _backfill_appeal(segs, roles, i)
        role: str | None
        if rule is not None:
            role = rule
        elif block == COMMENT_FORM and _form_label(seg.text):
            role = COMMENT_FORM
        elif block is not None:
            role = block
        elif boilerplate[i]:
            role = APPEAL
        elif zones[i] is not None and zones[i].zone != "main":  # type: ignore[union-attr]
            role = _ZONE_ROLES.get(zones[i].zone, OTHER)  # type: ignore[union-attr]
        else:
            role = None
        roles.append(role)
        if block == APPEAL and deaccent(normalise(seg.text)) in APPEAL_CLOSERS:
            block = None
    return roles


def _backfill_appeal(segs: Sequence[Seg], roles: list[str | None], i: int) -> None:
    """An appeal button's paragraph is the appeal ("We're the Kyiv Independent..." + "Support us").

    Only when the paragraph is a small box of its own: pages without blank lines
    are one paragraph, and the story must not be taken with it.
    """
    para = [k for k in range(i) if segs[k].paragraph == segs[i].paragraph]
    if not para or len(para) > 6 or segs[0].paragraph == segs[-1].paragraph:
        return
    for k in para:
        if roles[k] is None:
            roles[k] = APPEAL


def assign_roles(
    segs: Sequence[Seg],
    *,
    title: str | None = None,
    zones: Sequence[Zone | None] | None = None,
    hashes: Sequence[str] | None = None,
    recurring: Collection[str] = (),
    langs: Sequence[str | None] | None = None,
    params: RoleParams = DEFAULT_PARAMS,
) -> list[str]:
    """The page role of every segment.

    ``zones`` (HTML only) say where each segment came from; ``hashes`` are the
    segments' text hashes and ``recurring`` the hashes that recur in other
    articles of the same outlet (boilerplate); ``langs`` the segments' detected
    languages (a short line in another language than the story is chrome).
    """
    zones = list(zones) if zones is not None else [None] * len(segs)
    boilerplate = [hashes is not None and hashes[i] in recurring for i in range(len(segs))]
    fixed = _fixed_roles(segs, zones, boilerplate)
    headlines = {i for i in _html_headlines(segs, title, zones) if fixed[i] in (None, HEADLINE)}
    fixed = [None if r == HEADLINE else r for r in fixed]
    html = any(z is not None for z in zones)
    link_share = [z.link_share if z is not None else 0.0 for z in zones] if html else None
    return decide_page(
        segs, fixed, headlines=headlines, langs=langs, link_share=link_share, params=params
    )
