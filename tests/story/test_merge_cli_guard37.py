"""``workbench story SLUG --merge-into OTHER --expect-versions IDS`` (round 37, webb37).

The page sends the version ids it showed, so a story changed meanwhile is refused (409);
the CLI merged whatever the story held.  ``--expect-versions`` gives it the same guard (as
``workbench move --from``): a story that gained or lost a version since the journalist
read it is refused (exit 4, a conflict, the page's 409) and nothing moves.
"""

from __future__ import annotations

from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings
from workbench.services.browse import list_versions
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_move import move_version

STORY, OTHER = "harbour-bridge-closure", "bridge-shut-after-storm"


def test_cli_merge_refuses_a_story_changed_since_it_was_read(settings: Settings) -> None:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    german, uk = ids["abendpost-de.html"], ids["visnyk-uk.txt"]
    move_version(settings, german, OTHER)
    move_version(settings, uk, OTHER)
    runner = CliRunner()
    base = ["--database-url", settings.database_url, "story", OTHER, "--merge-into", STORY]
    stale = runner.invoke(main, [*base, "--expect-versions", str(german)])
    assert stale.exit_code == 4, stale.output
    assert "changed meanwhile" in stale.output and "nothing was merged" in stale.output
    assert sorted(v["id"] for v in list_versions(settings, OTHER)) == sorted([german, uk])
    bad = runner.invoke(main, [*base, "--expect-versions", "4,x"])
    assert bad.exit_code == 2, bad.output
    done = runner.invoke(main, [*base, "--expect-versions", f"{uk}, {german}"])
    assert done.exit_code == 0, done.output
    assert f"story {OTHER} merged into {STORY}: 2 versions" in done.output
    lone = runner.invoke(main, ["--database-url", settings.database_url, "story", STORY,
                                "--expect-versions", "1"])  # fmt: skip
    assert lone.exit_code == 2 and "--merge-into" in lone.output
