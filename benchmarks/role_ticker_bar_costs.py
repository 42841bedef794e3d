"""Beads and flags with and without round 40's ticker and live bar passed by the title
search, on the pairs it moves.

    .venv/bin/python benchmarks/role_ticker_bar_costs.py [--shared DIR] [--no-beads]

Round 40 (roles40): ``role_crossheads_costs`` for a news ticker or a station's live bar
above the story passed as no title (``core.page_live_bar``, ``RoleParams.ticker_bar``), off
-> on; the one call below holds it all since round 41 (mend41): ``switch_main`` scores only
the pairs holding a page whose roles move, flags end to end and beads through the product
path, the ingest switched in process through ``core.page_evidence.find_headlines``.
"""

import role_crossheads_costs  # benchmarks/ is on sys.path: this script's own folder

TITLE = "A ticker or live bar passed by the title search: beads and flags off -> on"

if __name__ == "__main__":
    raise SystemExit(role_crossheads_costs.switch_main("ticker_bar", TITLE))
