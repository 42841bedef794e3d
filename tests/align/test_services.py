"""Compare and export services on stored versions, and the CLI wrappers."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator, FormatChecker
from lxml import etree
from sqlmodel import Session, select

from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError, NotFoundError
from workbench.services.compare import alignment_detail, compare_versions, list_alignments
from workbench.services.export import export_alignment
from workbench.services.ingest import ingest_bytes
from workbench.store.db import get_engine
from workbench.store.models import AlignedPair, Alignment
from workbench.testing.corpus import dictionary_reference

V1 = [
    "Storm damage shuts the harbour bridge in Port Elden",
    "",
    "Engineers closed the Harbour Bridge in Port Elden on Sunday night after a storm surge.",
    "About 42,000 vehicles cross the bridge every day, the transport authority said.",
    "The bridge was built in 1974 and last renovated in 2011.",
    "Ferries will run every 20 minutes between the northern and southern quays.",
    "Local businesses warned that the closure could cost them dearly.",
    "Mayor Jonas Feld has called an emergency council meeting for Tuesday.",
]
V2 = [
    "Storm damage shuts the harbour bridge in Port Elden",
    "",
    "Engineers closed the Harbour Bridge in Port Elden on Sunday night after a storm surge.",
    "About 45,000 vehicles cross the bridge every day, the transport authority said.",
    "Ferries will run every 20 minutes between the northern and southern quays.",
    "A temporary footbridge will open on the disused rail viaduct next week.",
    "Local businesses warned that the closure could cost them dearly.",
    "Mayor Jonas Feld has called an emergency council meeting for Tuesday.",
    "The bridge was built in 1974 and last renovated in 2011.",
]


def _ingest(settings: Settings, lines: list[str], name: str, outlet: str = "Northwire") -> int:
    data = "\n".join(lines).encode("utf-8")
    return ingest_bytes(settings, data, filename=name, outlet=outlet, article="bridge",
                        url=f"https://example.org/{name}",
                        captured_at="2026-03-02T08:00:00Z").version_id  # fmt: skip


@pytest.fixture
def versions(settings: Settings) -> tuple[int, int]:
    return _ingest(settings, V1, "v1.txt"), _ingest(settings, V2, "v2.txt")


def test_compare_stores_pairs_and_counts_statuses(
    settings: Settings, versions: tuple[int, int]
) -> None:
    result = compare_versions(settings, *versions, roles="all")
    s = result.summary
    assert (s["unchanged"], s["changed"], s["added"], s["removed"], s["moved"]) == (5, 1, 1, 0, 2)
    assert s["left_language"] == s["right_language"] == "en"
    with Session(get_engine(settings.database_url)) as session:
        alignment = session.get(Alignment, result.alignment_id)
        assert alignment is not None and alignment.summary == s
        rows = session.exec(
            select(AlignedPair).where(AlignedPair.alignment_id == result.alignment_id)
        ).all()
    assert len(rows) == s["pairs"] == 9
    changed = next(r for r in rows if r.status == "changed")
    assert changed.flags == {"numbers": {"left_only": ["42,000"], "right_only": ["45,000"]}}
    assert [-1, "42,000"] in changed.diff_ops and [1, "45,000"] in changed.diff_ops
    moved = sorted((r for r in rows if r.status == "moved"), key=lambda r: r.position)
    assert moved[0].move_to == moved[1].position and moved[1].move_to == moved[0].position
    assert moved[0].left_text == moved[1].right_text == V1[4]
    assert s["mean_edit_ratio"] == pytest.approx(
        sum(r.edit_ratio for r in rows if r.left_segment_ids and r.right_segment_ids)
        / sum(1 for r in rows if r.left_segment_ids and r.right_segment_ids),
        abs=1e-4,
    )


def test_detail_and_listing_are_json_ready(settings: Settings, versions: tuple[int, int]) -> None:
    aid = compare_versions(settings, *versions, roles=None).alignment_id
    detail = alignment_detail(settings, aid)
    json.dumps(detail, ensure_ascii=False)
    assert detail["left"]["outlet"] == "Northwire"
    assert detail["left"]["url"] == "https://example.org/v1.txt"
    assert detail["left"]["captured_at"].startswith("2026-03-02T08:00:00")
    assert detail["left"]["language"] == "en"
    assert [p["position"] for p in detail["pairs"]] == list(range(len(detail["pairs"])))
    added = next(p for p in detail["pairs"] if p["status"] == "added")
    assert added["left_segment_ids"] == [] and "footbridge" in added["right_text"]
    listed = list_alignments(settings, versions[0])
    assert [a["id"] for a in listed] == [aid] and listed[0]["pairs"] == len(detail["pairs"])
    assert list_alignments(settings, 10**9) == []
    with pytest.raises(NotFoundError):
        alignment_detail(settings, 10**9)
    with pytest.raises(NotFoundError):
        compare_versions(settings, versions[0], 10**9)


def test_cross_language_compare_uses_the_mt_model(mt_settings: Settings) -> None:
    english = [
        "The mayor opened the new bridge after the storm.",
        "The police reported two workers and children at the train station.",
        "Farmers closed the market yesterday.",
        "The town council approved the budget for the school.",
    ]
    german = [dictionary_reference(s) for s in english]
    german[1] = german[1].replace("zwei", "drei")
    left = _ingest(mt_settings, english, "en.txt")
    right = _ingest(mt_settings, german, "de.txt", outlet="Abendpost")
    result = compare_versions(mt_settings, left, right, roles="all")
    detail = alignment_detail(mt_settings, result.alignment_id)
    assert (detail["summary"]["left_language"], detail["summary"]["right_language"]) == ("en", "de")
    assert "en_de" in detail["mt_model"]
    linked = [p for p in detail["pairs"] if p["left_text"] and p["right_text"]]
    assert [p["compared_text"] for p in linked] == [dictionary_reference(s) for s in english]
    assert [p["right_text"] for p in linked] == german
    assert linked[0]["status"] == "equivalent" and linked[0]["edit_ratio"] == 0.0
    # spelled-out numbers have values: "two" workers became "drei" (three)
    assert linked[1]["status"] in ("differs", "uncertain")
    assert linked[1]["flags"] == {"numbers": {"left_only": ["two"], "right_only": ["drei"]}}
    assert linked[2]["status"] == linked[3]["status"] == "equivalent"  # words differ, no number
    # words of two languages are never diffed: the MT is shown as plain text instead
    assert all(p["diff_ops"] == [] and p["cross_language"] for p in linked)
    assert all(0.5 <= p["confidence"] <= 1.0 for p in linked)


def test_cross_language_compare_prefers_stored_translations(mt_settings: Settings) -> None:
    from workbench.services.postedit import save_translation
    from workbench.services.translate import translate_versions

    english = ["The mayor opened the new bridge.", "Farmers closed the market yesterday."]
    left = _ingest(mt_settings, english, "en.txt")
    right = _ingest(mt_settings, [dictionary_reference(s) for s in english], "de.txt", "Post")
    fresh = alignment_detail(mt_settings, compare_versions(mt_settings, left, right).alignment_id)
    translate_versions(mt_settings, "de", version_ids=[left])
    stored = alignment_detail(mt_settings, compare_versions(mt_settings, left, right).alignment_id)
    assert stored["mt_model"] == fresh["mt_model"] and stored["mt_model"].startswith("argos:en_de@")
    assert [p["compared_text"] for p in stored["pairs"]] == [
        p["compared_text"] for p in fresh["pairs"]
    ]
    first = stored["pairs"][0]["left_segment_ids"][0]
    save_translation(
        mt_settings, first, "de", "Der Bürgermeister eröffnete die Brücke.",
        base_revision=1, status="approved",
    )  # fmt: skip
    edited = alignment_detail(mt_settings, compare_versions(mt_settings, left, right).alignment_id)
    assert edited["pairs"][0]["compared_text"] == "Der Bürgermeister eröffnete die Brücke."
    assert "(approved)" in edited["mt_model"]


def _schema() -> dict:
    text = resources.files("workbench").joinpath("schemas/export.schema.json").read_text("utf-8")
    return json.loads(text)


def test_json_export_validates_against_the_committed_schema(
    settings: Settings, versions: tuple[int, int]
) -> None:
    aid = compare_versions(settings, *versions).alignment_id
    document = json.loads(export_alignment(settings, aid, "json"))
    Draft202012Validator(_schema(), format_checker=FormatChecker()).validate(document)
    assert document["schema_version"] == "1.3"
    assert all(0.0 <= p["confidence"] <= 1.0 for p in document["pairs"])
    assert document["left"]["outlet"] == "Northwire" and document["mt"]["used"] is False
    lines = export_alignment(settings, aid, "jsonl").splitlines()
    header = json.loads(lines[0])
    assert header["type"] == "header" and header["alignment"]["id"] == aid
    pairs = [json.loads(line) for line in lines[1:]]
    assert [p["position"] for p in pairs] == [p["position"] for p in document["pairs"]]
    assert all(p["type"] == "pair" and p["alignment_id"] == aid for p in pairs)


def test_tmx_export_parses_and_escapes(settings: Settings) -> None:
    left = _ingest(
        settings, ["A <script>alert('x')</script> & \"quotes\" test line here."], "a.txt"
    )
    right = _ingest(
        settings, ["A <script>alert('y')</script> & \"quotes\" test line here."], "b.txt"
    )
    aid = compare_versions(settings, left, right, roles="all").alignment_id
    tmx = export_alignment(settings, aid, "tmx")
    root = etree.fromstring(tmx.encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    tuvs = root.findall("body/tu/tuv")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [t.get(lang) for t in tuvs] == ["en", "en"]
    assert tuvs[0].findtext("seg") == "A <script>alert('x')</script> & \"quotes\" test line here."
    assert "<script>" not in tmx  # escaped in the file, intact after parsing
    with pytest.raises(InputError, match="unknown export format"):
        export_alignment(settings, aid, "docx")


def test_cli_compare_alignments_export(settings: Settings, versions: tuple[int, int],
                                       tmp_path: Path) -> None:  # fmt: skip
    runner = CliRunner()
    base = ["--database-url", settings.database_url]
    out = runner.invoke(main, [*base, "compare", *map(str, versions), "--roles", "all", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["summary"]["moved"] == 2 and data["summary"]["moves"] == 1  # rows; moves
    aid = data["alignment_id"]
    listed = runner.invoke(main, [*base, "alignments"])
    assert listed.exit_code == 0 and f"{versions[0]} -> {versions[1]}" in listed.output
    target = tmp_path / "out.tmx"
    exported = runner.invoke(
        main, [*base, "export", str(aid), "--format", "tmx", "-o", str(target)]
    )
    assert exported.exit_code == 0, exported.output
    etree.parse(str(target))
    plain = runner.invoke(main, [*base, "compare", *map(str, versions)])
    assert "unchanged" in plain.output and "moved 1" in plain.output  # once a move (round 37)
    missing = runner.invoke(main, [*base, "export", "999999"])
    assert missing.exit_code == 3 and "Error: alignment 999999 not found" in missing.output


def test_typography_only_edits_are_cosmetic(settings: Settings) -> None:
    left = _ingest(settings, ["Ukraine's harbour bridge - closed", "", *V1[2:4]], "c1.txt")
    right = _ingest(settings, ["Ukraine’s Harbour Bridge — closed", "", *V1[2:4]], "c2.txt")
    result = compare_versions(settings, left, right)
    detail = alignment_detail(settings, result.alignment_id)
    statuses = [p["status"] for p in detail["pairs"]]
    assert statuses == ["cosmetic", "unchanged", "unchanged"]
    assert result.summary["cosmetic"] == 1 and result.summary["changed"] == 0
