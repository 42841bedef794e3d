"""Times on the story desk say their zone (round 37, webb37).

web37 showed the move log's and the captures' times to the minute, in UTC, with nothing
saying so: a journalist in Kyiv or Vienna read "13:05" as local time.  Every ``<time>`` on
the story desk, the version page, the articles list and a segment's history now reads
"YYYY-MM-DD HH:MM UTC" (one filter, ``utc_minute``), its ``datetime`` the ISO 8601 value
(``Z``) the JSON twin carries; the CLI's move log says UTC too.
"""

from __future__ import annotations

import re

from click.testing import CliRunner
from flask.testing import FlaskClient

from workbench.cli import main
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_move import move_version
from workbench.web import create_app

STORY = "harbour-bridge-closure"
TIME = re.compile(r'<time datetime="([^"]+)"[^>]*>([^<]*)</time>')
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
SHOWN = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d UTC$")


def _times(client: FlaskClient, path: str) -> list[tuple[str, str]]:
    page = client.get(path)
    assert page.status_code == 200, path
    return TIME.findall(page.get_data(as_text=True))


def test_every_time_on_the_desk_says_utc(settings: Settings) -> None:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    moved = ids["northwire-v2.json"]
    move_version(settings, moved, "bridge-second-closure", expected=STORY)
    client = create_app(settings).test_client()
    pages = [f"/stories/{STORY}?compute=0", "/stories/bridge-second-closure?compute=0",
             f"/versions/{moved}", "/"]  # fmt: skip
    for path in pages:
        times = _times(client, path)
        assert times, path
        for iso, shown in times:
            assert ISO.match(iso), (path, iso)
            assert SHOWN.match(shown.strip()), (path, shown)
            assert shown.startswith(iso[:16].replace("T", " ")), (path, shown)
    twin = client.get(f"/api/stories/{STORY}?compute=0").get_json()["story"]
    assert all(ISO.match(m["moved_at"]) for m in twin["moves"])
    assert all(ISO.match(v["captured_at"]) for v in twin["versions"])
    out = CliRunner().invoke(main, ["--database-url", settings.database_url, "story", STORY,
                                    "--no-compute"])  # fmt: skip
    assert out.exit_code == 0, out.output
    (line,) = [ln for ln in out.output.splitlines() if f"version {moved} moved" in ln]
    assert re.match(r"^  \d{4}-\d\d-\d\d \d\d:\d\d UTC  version", line), line
