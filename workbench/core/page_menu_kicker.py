"""The line right above the title is no kicker when it is the site's menu row or crumb trail.

Why (round 35, rolesb): the census of the headline's errors on the dev pages
(``benchmarks/role_headline_losses.py``) finds the site's nav row or crumb trail printed right
above the title and read as the title's kicker on pages of several sites and batches — 96's
glavnoe_in_ua_ru "Новости Харьков Область Война Экономика Здоровье", 104's varosh_ru, 110's
desnanews_uk, 111's kolo_news_ru / _uk "Главная / Новости / Полтавщина".  ``page_header``'s
``_second_line`` takes a title-shaped line above the title that tells two story stems and
shares one with the title as a kicker ("Erdbeben in Rumänien" / "Erdbeben der Stärke 5,8 …"),
and a menu naming the region and the section ("Закарпатье", "Полтавщина") tells them too.  The
page shows what it is: a menu row is ``menu_kicker_words`` or more words, every one
capitalised, none of which the story writes in lower case (``page_shapes.nav_row``: a kicker
has a lower-case word, "Prozess in Osnabrück", "Séisme en Roumanie"), and a crumb trail
prints two or more path separators ("/", "›", "»", ">", "|") between its items.  Such a line
keeps its role; the title and its deck are found as before.  Shipped in round 35
(``menu_kicker_words`` 3; leave one dev set out: 70 of 70 folds, layer on and off; docs/ingest.md
"Round 35 (rolesb35)").

Pure: a test on one segment and the story's told sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from workbench.core.page_shapes import _WORD, Shape, lowered_words, nav_row
from workbench.core.role_params import RoleParams
from workbench.core.segment import Seg

#: A path separator between crumb items, spaced on both sides ("Головна / Новини / …").
_CRUMB = re.compile(r"\s[/›»>|]\s")
#: A site name written as a domain: a capitalised word, a dot, a suffix ("Ольшанськ.інфо").
_DOMAIN_NAME = re.compile(r"(?<!\S)(\w+)\.\w{2,6}(?!\S)")


def crumb_trail(text: str) -> bool:
    """Two or more spaced path separators and no sentence end: a crumb trail."""
    return len(_CRUMB.findall(text)) >= 2 and not text.rstrip().endswith((".", "!", "?"))


def menu_kicker(
    j: int, segs: Sequence[Seg], sh: Sequence[Shape], told: Sequence[int], p: RoleParams
) -> bool:
    """Line ``j`` (right above the title) is a menu row or crumb trail, not a kicker (see the
    module); always ``False`` with ``menu_kicker_words`` 0."""
    if not p.menu_kicker_words or not 0 <= j < len(segs):
        return False
    text = segs[j].text
    if crumb_trail(text):
        return True
    lowered = lowered_words([segs[k].text for k in told])
    shape = sh[j]
    if p.domain_menu and _DOMAIN_NAME.search(text):
        text = _DOMAIN_NAME.sub(r"\1", text)  # the site's domain is one capitalised name
        shape = _text_shape(text, shape)
    return nav_row(text, shape, lowered, p.menu_kicker_words)


def _text_shape(text: str, old: Shape) -> Shape:
    """``old`` with the words and lower-case share of ``text`` (the line, domain suffix cut)."""
    words = _WORD.findall(text)
    lower = sum(1 for w in words if w[0].islower()) / max(1, len(words))
    return replace(old, words=len(words), lower=lower)
