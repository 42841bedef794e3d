"""The story desk: one story across outlets and time, as a service, a page, JSON and CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import Session, select

from tests.story.conftest import COPY, UNRELATED, WIRE, Ingest
from tests.web.conftest import Api
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError, NotFoundError
from workbench.services.stories import set_wire, story_view
from workbench.store.db import get_engine
from workbench.store.models import Alignment
from workbench.web import create_app

EDITED = [line.replace("next week", "on Friday") for line in COPY]


@pytest.fixture
def story(ingest: Ingest) -> dict[str, int]:
    """The wire copy, a republication edited once, and an unrelated text filed under it."""
    return {
        "wire": ingest(WIRE, "wire", 1),
        "herald": ingest(COPY, "herald", 2),
        "herald_edit": ingest(EDITED, "herald", 3),
        "gazette": ingest(UNRELATED, "gazette", 4),
    }


def _by_id(view: dict) -> dict[int, dict]:  # type: ignore[type-arg]
    return {v["id"]: v for v in view["versions"]}


def _alignments(settings: Settings) -> int:
    with Session(get_engine(settings.database_url)) as session:
        return len(session.exec(select(Alignment.id)).all())


def test_matrix_reference_and_counts(settings: Settings, story: dict[str, int]) -> None:
    view = story_view(settings, "bridge")
    assert view["reference"] == {"version_id": story["wire"], "chosen": "default"}
    assert view["matrix"]["languages"] == ["en"]
    outlets = {row["outlet"]: row["cells"][0] for row in view["matrix"]["outlets"]}
    assert [c["id"] for c in outlets["herald"]] == [story["herald"], story["herald_edit"]]
    versions = _by_id(view)
    herald = versions[story["herald"]]
    assert (herald["capture"], herald["captures"]) == (1, 2)
    c = herald["comparison"]
    assert c["state"] == "done" and c["relation"] == "related" and not c["cross_language"]
    assert c["counts"] == {"verbatim": 3, "cosmetic": 1, "changed": 2, "added": 1,
                           "dropped": 1, "moved": 0}  # fmt: skip
    # the outlet's appeal and "Source link" are its wrapper, never "added"
    assert herald["wrapper"]["appeal"] == 1 and herald["wrapper"]["link_residue"] == 1
    facts = {f["kind"]: f for f in c["facts"]}
    assert facts["number"]["reference"] == ["42,000"] and facts["number"]["version"] == ["45,000"]
    assert facts["quote"]["reference"] == ["We will reopen as soon as it is safe,"]
    assert facts["quote"]["version"] == ["We will reopen when engineers say so,"]
    assert versions[story["gazette"]]["comparison"]["relation"] == "unrelated"
    assert "comparison" not in versions[story["wire"]] and view["pending"] == 0
    json.dumps(view, ensure_ascii=False)


def test_comparisons_are_computed_once_and_reused(
    settings: Settings, story: dict[str, int]
) -> None:
    story_view(settings, "bridge")
    assert _alignments(settings) == 3
    again = story_view(settings, "bridge")
    assert _alignments(settings) == 3 and again["pending"] == 0
    lazy = story_view(settings, "bridge", reference=story["herald"], compute=1)
    assert lazy["reference"]["chosen"] == "user" and lazy["pending"] == 2
    states = [v["comparison"]["state"] for v in lazy["versions"] if "comparison" in v]
    assert sorted(states) == ["done", "pending", "pending"]
    assert _alignments(settings) == 4


def test_wire_copy_is_the_default_reference(settings: Settings, story: dict[str, int]) -> None:
    set_wire(settings, "bridge", story["herald_edit"])
    view = story_view(settings, "bridge", compute=0)
    assert view["reference"] == {"version_id": story["herald_edit"], "chosen": "wire"}
    assert view["wire_version_id"] == story["herald_edit"]
    with pytest.raises(InputError):
        set_wire(settings, "bridge", 10**6)
    with pytest.raises(NotFoundError):
        story_view(settings, "no-such-story")
    with pytest.raises(InputError, match="not a capture"):
        story_view(settings, "bridge", reference=10**6)


def test_page_and_json_twin(settings: Settings, story: dict[str, int]) -> None:
    api = Api(create_app(settings).test_client())
    body = api.client.get("/api/stories/bridge?compute=all").get_json()
    assert body["ok"] is True and body["story"]["pending"] == 0
    page = api.client.get("/stories/bridge").get_data(as_text=True)
    assert 'id="matrix"' in page and f'id="version-{story["herald"]}"' in page
    aid = _by_id(body["story"])[story["herald"]]["comparison"]["alignment_id"]
    assert f'href="/alignments/{aid}"' in page and f"/alignments/{aid}?at=" in page
    assert "45,000" in page and "unrelated" in page
    home = api.client.get("/").get_data(as_text=True)
    assert 'href="/stories/bridge"' in home
    for lang, word in (("de", "Referenz"), ("ru", "Эталон"), ("uk", "Еталон")):
        assert word in api.client.get(f"/stories/bridge?lang={lang}").get_data(as_text=True)
    assert api.client.get("/api/stories/nothing").status_code == 404
    assert api.client.get("/api/stories/bridge?reference=999999").status_code == 422
    assert api.client.get("/api/stories/bridge?compute=-1").status_code == 422
    marked = api.post("/api/stories/bridge/wire", {"version": story["herald"]})
    assert marked.status_code == 200 and marked.get_json()["wire_version_id"] == story["herald"]
    view = api.client.get("/api/stories/bridge?compute=0").get_json()["story"]
    assert view["reference"]["chosen"] == "wire"


def test_cli_json_is_the_api_json(
    settings: Settings, story: dict[str, int], tmp_path: Path
) -> None:
    runner = CliRunner()
    base = ["--database-url", settings.database_url, "story", "bridge"]
    printed = runner.invoke(main, [*base, "--json"])
    assert printed.exit_code == 0, printed.output
    api = create_app(settings).test_client().get("/api/stories/bridge?compute=all").get_json()
    assert json.loads(printed.stdout) == api
    text = runner.invoke(main, base)
    assert text.exit_code == 0 and "42,000 -> 45,000" in text.output and "unrelated" in text.output
    out = tmp_path / "story.csv"
    done = runner.invoke(main, [*base, "--export", str(out), "--format", "csv"])
    assert done.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    herald = next(r for r in rows if r["version_id"] == str(story["herald"]))
    assert (herald["added"], herald["dropped"], herald["wrapper_appeal"]) == ("1", "1", "1")
    exported = tmp_path / "story.json"
    assert runner.invoke(main, [*base, "--export", str(exported)]).exit_code == 0
    assert json.loads(exported.read_text(encoding="utf-8")) == api
    missing = runner.invoke(main, [*base[:-1], "nothing"])
    assert missing.exit_code == 3 and "Error: no article" in missing.output


def test_summary_kept_with_the_alignment_equals_the_rows(
    settings: Settings, story: dict[str, int]
) -> None:
    kept = story_view(settings, "bridge")
    with Session(get_engine(settings.database_url)) as session:
        for alignment in session.exec(select(Alignment)).all():
            assert "story" in alignment.params
            alignment.params = {k: v for k, v in alignment.params.items() if k != "story"}
            session.add(alignment)
        session.commit()
    from_rows = story_view(settings, "bridge")
    assert from_rows == kept and _alignments(settings) == 3


def test_export_refuses_bad_paths_before_any_work(
    settings: Settings, story: dict[str, int], tmp_path: Path
) -> None:
    """``--export`` goes through the same output checks as every other command."""
    runner = CliRunner()
    base = ["--database-url", settings.database_url, "story", "bridge", "--no-compute"]
    cases = {
        "missing folder": tmp_path / "nowhere" / "story.json",
        "a folder": tmp_path,
        "the database": Path(settings.database_url.split("///", 1)[-1])
        if settings.database_url.startswith("sqlite")
        else None,
    }
    for name, path in cases.items():
        if path is None:
            continue  # PostgreSQL: no database file to protect
        refused = runner.invoke(main, [*base, "--export", str(path)])
        assert refused.exit_code == 2 and "Error:" in refused.output, (name, refused.output)
    existing = tmp_path / "story.json"
    existing.write_text("keep me", encoding="utf-8")
    refused = runner.invoke(main, [*base, "--export", str(existing)])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert existing.read_text(encoding="utf-8") == "keep me"
    forced = runner.invoke(main, [*base, "--export", str(existing), "--force"])
    assert forced.exit_code == 0 and json.loads(existing.read_text(encoding="utf-8"))["ok"]


def test_page_lists_the_first_facts_and_links_the_rest(settings: Settings, ingest) -> None:  # type: ignore[no-untyped-def]
    """Thousands of differing numbers stay bounded on the page; each fact opens its row's window."""
    who = ["The mayor", "Engineers", "Police", "The minister", "Residents", "Doctors"]
    what = ["the harbour budget", "a new railway bridge", "the school reform", "flood barriers",
            "the hospital wing"]  # fmt: skip
    lines = [f"{who[k % 6]} discussed {what[k % 5]} on day {k + 1}, with {k * 7 + 100} people "
             "present." for k in range(30)]  # fmt: skip
    edited = [line.replace(f"with {k * 7 + 100}", f"with {k * 7 + 101}")
              for k, line in enumerate(lines)]  # fmt: skip
    ingest(["Harbour works go on", "", *lines], "wire", 1, article="piers")
    ingest(["Harbour works go on", "", *edited], "herald", 2, article="piers")
    story = story_view(settings, "piers")
    comparison = story["versions"][1]["comparison"]
    assert len(comparison["facts"]) == 30  # the JSON keeps every fact
    page = create_app(settings).test_client().get("/stories/piers").get_data(as_text=True)
    assert page.count('<li class="fact fact-number">') == 20
    assert "More differing facts in the compare view: 10" in page
    first = comparison["facts"][0]["position"]
    assert f"/alignments/{comparison['alignment_id']}?at={first}#pair-{first}" in page
