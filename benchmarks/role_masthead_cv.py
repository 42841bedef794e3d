"""The site's own name above the story is no headline, the line nearest the story is: its
rights line, its domain, the title's position (``core.page_named`` / ``page_menu_kicker`` /
``page_near_title``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_masthead_cv.py [--shared DIR] [--json FILE]

Why (round 41, roles41): the two lowest of the new dev pages lose their header to the site's
name.  150's erlauhofner_stadtblatt_de opens with its masthead alone ("Erlauhofner
Stadtblatt"), which shares a word with the story and is taken for the title, while the title
("Hupkonzert am Ring: Tausende gegen die City-Maut") shares no stem of five letters and is no
candidate; the masthead test (``is_masthead``) wants the name printed again alone or opening a
stamp, and this site prints it again only in its rights line at the foot ("© 2027 Erlauhofner
Stadtblatt | Impressum …").  148's olshansk_info_uk opens with its name as a domain and its menu
on one line ("Ольшанськ.інфо Новини Місто Спорт RU"), read as the title's kicker: the menu-row
test (``menu_kicker``) wants every word capitalised, and the domain's suffix "інфо" is lower
case.  And 150's title, like 124 radio_vilstal_welle_de's ("Linie 417: Busse fahren ab Mai
seltener", a line higher up sharing one word taken instead), shares no stem with the story
though it is printed right above it.  All three read the page's own layout (a repeat at the
foot, a dotted name in a menu, the line nearest the story), no word list.  Points
(``RoleParams``), each scored in one process:

* ``off``: START (``masthead_signed``, ``domain_menu`` and ``near_title`` False);
* ``signed``: the rights line counts as the masthead's repeat;
* ``domain``: a domain-shaped name in the menu row is one capitalised item;
* ``near``: a weak pick (one stem shared) yields to the title-shaped line right above the
  story (``page_near_title``);
* ``all`` (the candidate): the three.

Dev sets, folds and the choice are ``role_buttons_cv``'s (the best pooled mean of roles and
story among the points lowering no training set, ties to ``off``); the check batches are
scored pooled with the point chosen on all dev sets, never used to choose.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_point_study import run  # noqa: E402

from workbench.core.role_params import DEFAULT_PARAMS, RoleParams  # noqa: E402

CANDIDATE = "all"
_OFF = replace(DEFAULT_PARAMS, masthead_signed=False, domain_menu=False, near_title=False)
POINTS: dict[str, RoleParams] = {
    "off": _OFF,
    "signed": replace(_OFF, masthead_signed=True),
    "domain": replace(_OFF, domain_menu=True),
    "near": replace(_OFF, near_title=True),
    CANDIDATE: replace(_OFF, masthead_signed=True, domain_menu=True, near_title=True),
}


if __name__ == "__main__":
    TITLE = "The site's name above the story is no headline, the line nearest it is"
    raise SystemExit(run(TITLE, POINTS, CANDIDATE))
