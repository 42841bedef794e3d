"""Beads and flags with and without round 41's title printed nearest the story, on the
pairs it moves.

    .venv/bin/python benchmarks/role_near_title_costs.py [--shared DIR] [--no-beads]

Round 41 (roles41): ``role_crossheads_costs`` for a weak title pick yielding to the
title-shaped line right above the story (``core.page_near_title``, ``RoleParams.near_title``),
off -> on.  Why and how (only the pairs holding a page whose roles move are scored, flags end
to end and beads through the product path, the ingest switched in process through
``core.page_evidence.find_headlines``): ``role_crossheads_costs.switch_main`` (mend41).
"""

import role_crossheads_costs  # benchmarks/ is on sys.path: this script's own folder

TITLE = "A title printed nearest the story beats a weak pick: beads and flags off -> on"

if __name__ == "__main__":
    raise SystemExit(role_crossheads_costs.switch_main("near_title", TITLE))
