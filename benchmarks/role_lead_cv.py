"""A wire story's lead under its dateline is no deck; a stamp closed by an abbreviated credit is
a stamp (``RoleParams.lead_dateline`` / ``abbrev_stamp``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_lead_cv.py [--shared DIR] [--json FILE]

Why (round 42, roles42): the two lowest new dev pages of batch 152 lose their header.  The
SDA copy ``jurasuedfuss_news_sda_de`` prints title, stamp and the agency's lead in one block
("Dienstag, 9. November 2027 (sda)" / "Rüetschwil (SDA) Die denkmalgeschützte Markthalle …",
a dateline without a dash), and the block's deck search (``page_deck._deck_in_block``) takes
the lead for the deck; the same shape with a dashed dateline is 130's
``hessenticker_dpa_de`` ("Wendelsfurt (dpa/lhe) - Im Streit …", rules alone .657).  The
French ``le_regional_romand_fr`` prints its deck above the stamp "Publié le 9 novembre 2027 à
18h12 ATS/réd.", whose final period (an abbreviation) makes it read as a sentence, so the
stamp is no header closing the deck and the stamp itself is read as body.  Both read the
page's layout (a dateline's shape, a stamp's dates), no word list.  Points (``RoleParams``):

* ``off``: START (both False);
* ``lead``: a line in the title's block opening with a dateline, dashed or a bracketed
  agency alone (``page_dateline.opens_with_agency``), ends the deck's run: the story's lead;
* ``abbrev``: a stamp line whose final period closes a word of at most four letters after a
  space or slash is a stamp (``page_shapes.stamp_text``);
* ``all`` (the candidate): both.

Dev sets, folds and the choice are ``role_buttons_cv``'s (``role_point_study``).
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
_OFF = replace(DEFAULT_PARAMS, lead_dateline=False, abbrev_stamp=False)
POINTS: dict[str, RoleParams] = {
    "off": _OFF,
    "lead": replace(_OFF, lead_dateline=True),
    "abbrev": replace(_OFF, abbrev_stamp=True),
    CANDIDATE: replace(_OFF, lead_dateline=True, abbrev_stamp=True),
}


if __name__ == "__main__":
    TITLE = "A wire lead under its dateline is no deck; an abbreviated credit closes a stamp"
    raise SystemExit(run(TITLE, POINTS, CANDIDATE))
