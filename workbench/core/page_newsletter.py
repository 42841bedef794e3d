"""A newsletter box under the story: its label glued to its pitch is chrome, not the story's end.

Why a pass of its own (round 34, roles34; ``RoleParams.newsletter_tail``, on: leave one dev set
out chose it in 68 of 68 folds, ``benchmarks/role_newsletter_cv.py``): the in-story side
of round 34's census still takes a newsletter sign-up below the story as body on 8 dev pages
of 8 batches (67's capital, 75's agefi, 76's lest_republicain, 91's fuldaerzeitung, 96's
lecho, 107's vigie_des_alpes, 113's lechotouristique, 119's mitteldeutsche_rundblick): a
capture prints the box's label and its pitch on one line ("Newsletter Recevez chaque matin
l'essentiel de l'actualité.", "Newsletter „Region kompakt“: Jeden Morgen die wichtigsten
Nachrichten …"), a full sentence, right after the story's last sentence, so the story seems to
run on.  No dev line naming a newsletter is gold story (129 lines).  After the learned layer
(as the round 31-33 passes), a body line of its own that opens with the label (the word
"Newsletter" and more words after it) and below which the page holds no other body line but
such lines (the story's tail: a story sentence about a newsletter sits among story lines)
turns ``other``.

Pure: a function on segments and their roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.role_params import RoleParams
from workbench.core.segment import Seg

BODY, OTHER = "body", "other"
#: The box's label opening the line, then its pitch ("Newsletter Capital Recevez …").
_LABEL = re.compile(r"^\W{0,2}Newsletter\b\W*\s+\S")


def _boxed(text: str) -> bool:
    return bool(_LABEL.match(text.strip()))


def newsletter_tail(segs: Sequence[Seg], roles: Sequence[str], p: RoleParams) -> list[str]:
    """``roles`` with the newsletter box's lines at the story's end read as chrome (see the
    module); with ``newsletter_tail`` off nothing moves."""
    out = list(roles)
    if not p.newsletter_tail:
        return out
    body = [k for k, r in enumerate(out) if r == BODY]
    for k in reversed(body):
        if not _boxed(segs[k].text):
            break  # the story's last sentence: what lies above it is the story's
        out[k] = OTHER
    return out
