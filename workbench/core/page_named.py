"""The site's own name: its masthead, and lines below the story that name it.

A captured page opens with the site's name (``site_name``).  The story names its outlet
too ("As Ukrinform reported", "told TASS", "передає «Європейська правда»"), but below its
last sentence a page prints the site's own lines: an app or newsletter promotion
("Download the VOCM app for local news", "Newsletter BFM Alsace Recevez chaque
matin …"), a print-edition note ("Матеріал вийде також у друкованому випуску газети
«Волинь-нова»").  They speak of the site in the third person, so neither "you" nor "we"
tells them (``page_tail.site_voice``), and they name nothing a phrase list could know;
the site's name is on every page.  ``mentions_site`` finds it anywhere in a line;
``page_evidence`` reads it as the site's voice only at the story's end, where a
sentence sharing little of the story's words is trimmed (``page_tail.trim_footer``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbench.core.page_shapes import _norm, is_metadata
from workbench.core.segment import Seg

#: Switch for benchmarks (``role_bars_cv.py``): a trailing line naming the site is its voice.
NAMED_TAIL = True


_MENU_GAP = re.compile(r"\s{2,}|\s[|»›·•]\s")
_DOMAIN = re.compile(r"\.(com|org|net|info|biz|news|[a-z]{2})$", re.I)


def site_name(segs: Sequence[Seg]) -> str | None:
    """The masthead: the first item of the page's first line ("RTÉ  News  Sport", "ZMINA").

    A captured page opens with the site's name; a short first item (at most three
    words, no sentence) is taken for it, without its domain ("Olympics.com").
    """
    if not segs:
        return None
    first = _MENU_GAP.split(segs[0].text.strip())[0]
    name = _DOMAIN.sub("", first).strip()
    if len(name) < 3 or len(name.split()) > 3 or name[-1] in ".!?:" or not name[0].isalpha():
        return None
    return name


#: The site's rights line at the foot ("© 2027 Erlauhofner Stadtblatt | Impressum", "(c) …").
_RIGHTS = re.compile(r"^\s*(©|\(c\)|copyright\b)", re.I)


def is_masthead(text: str, segs: Sequence[Seg], signed: bool = False) -> bool:
    """Whether ``text`` is the site's name (``site_name``), printed again alone or opening a stamp.

    A short masthead is title-shaped and may share a word with the story ("RTL Today",
    again in "RTL Today Updated: 01.12.2026 10:04"); a channel prints its name over every
    post.  A page opening with a short title ("Bridge closed") does not print it so again.
    With ``signed`` (``RoleParams.masthead_signed``) the site's rights line counts as that
    repeat: a site signs its pages "© 2027 <name>", a story's title is not its owner.
    """
    name = site_name(segs)
    if name is None or _norm(text) != (key := _norm(name)):
        return False
    again = [_norm(s.text) for s in segs[1:] if is_metadata(s.text) or _norm(s.text) == key]
    if any(n == key or n.startswith(f"{key} ") for n in again):
        return True
    return signed and any(_signs(s.text, key) for s in segs[1:])


def _signs(text: str, key: str) -> bool:
    """A rights line naming the site: "©", "(c)" or "Copyright", a year, then the name."""
    if not _RIGHTS.match(text):
        return False
    words = _norm(_RIGHTS.sub("", text)).split()
    rest = " ".join(words[1:] if words and words[0].isdigit() else words)
    return rest == key or rest.startswith(f"{key} ")


def names_site(text: str, name: str) -> bool:
    """Whether ``text`` opens with the site's name ("RTÉ.ie is …", "«Галка» працює …").

    The name quoted as a name («…») counts; a quotation that opens with it
    ("Moldova will not tolerate …") is someone's speech, and a name further on is
    mostly an attribution ("As Ukrinform reported", "told TASS").
    """
    stem = name if len(name) <= 5 else name[: max(5, len(name) - 2)]
    head = text.lstrip()
    if head.startswith("«") and "»" in head[: len(name) + 6]:
        head = head[1:]
    return head[: len(stem)].casefold() == stem.casefold() and not head[0].islower()


def mentions_site(text: str, name: str) -> bool:
    """Whether ``text`` prints the site's name as words of their own ("the RTL Today app",
    "газети «Волинь-нова»"); "VOCMs" or "Moldovan" is another word."""
    words = [re.escape(w) for w in re.findall(r"\w+", name)]
    if not words:
        return False
    pattern = r"(?<!\w)" + r"\W{1,3}".join(words) + r"(?!\w)"
    return re.search(pattern, text, re.I) is not None


def own_voice(segs: Sequence[Seg], voice: Callable[[str], bool]) -> Callable[[str], bool]:
    """``voice`` (the site's "you"/"we", ``page_tail.site_voice``), or the line prints the
    site's name: read at the story's end, an app or newsletter promotion, a print-edition note."""
    name = site_name(segs)
    if not NAMED_TAIL or name is None:
        return voice
    return lambda text: voice(text) or mentions_site(text, name)
