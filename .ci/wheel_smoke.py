"""Serve every page from an installed wheel (run by .ci/wheel_smoke with the
throw-away venv's python, from a folder outside the repository).

Why: an editable install reads templates, catalogs and static files from the
checkout, so only a real wheel install shows whether the package ships them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import workbench
from workbench.config import Settings
from workbench.services.alignments import list_alignments
from workbench.services.browse import list_versions
from workbench.web import create_app

here = Path(workbench.__file__).resolve().parent
assert "site-packages" in here.parts, f"workbench imported from {here}, not from the wheel"
for asset in ("templates/base.html", "translations/de/LC_MESSAGES/messages.mo",
              "translations/de/LC_MESSAGES/messages.po", "web/static/workbench.css",
              "web/babel.cfg", "py.typed"):  # fmt: skip
    assert (here / asset).is_file(), f"the wheel lacks workbench/{asset}"

bin_dir = Path(sys.executable).parent
run = subprocess.run(
    [str(bin_dir / "workbench"), "demo", "--no-serve"], capture_output=True, text=True
)
assert run.returncode == 0, f"workbench demo failed:\n{run.stdout}\n{run.stderr}"

settings = Settings.from_env()
assert str(settings.home) == os.environ["WORKBENCH_HOME"]
client = create_app(settings).test_client()
first = list_versions(settings)[0]
version, slug = first["id"], first["article_slug"]
alignment = list_alignments(settings)[0]["id"]
segment = client.get(f"/api/versions/{version}").get_json()["version"]["segments"][0]["id"]
pages = {"/": "", f"/versions/{version}": "", f"/alignments/{alignment}": "",
         "/?lang=de": "Artikel", "/static/workbench.css": "",
         f"/versions/{version}/qa": "", f"/versions/{version}/translation?to=de&format=html": "",
         f"/alignments/{alignment}/export?format=json": "schema_version",
         f"/stories/{slug}": "", "/glossary": "", "/tm": "", "/models": "", "/upload": "",
         "/users": "", "/login": "", f"/segments/{segment}/history/de": "",
         f"/api/alignments/{alignment}": "pairs"}  # fmt: skip
# every GET page of the app is requested here except /compare-jobs/<id> (the demo runs no
# compare job); a new page must be added to this list (checked below)
served = {rule.rule for rule in client.application.url_map.iter_rules()
          if "GET" in rule.methods and not rule.rule.startswith(("/api", "/static"))}  # fmt: skip
covered = {"/", "/versions/<int:version_id>", "/alignments/<int:alignment_id>",
           "/versions/<int:version_id>/qa", "/versions/<int:version_id>/translation",
           "/alignments/<int:alignment_id>/export", "/stories/<slug>", "/glossary", "/tm",
           "/models", "/upload", "/users", "/login", "/compare-jobs/<int:job_id>",
           "/segments/<int:segment_id>/history/<lang>"}  # fmt: skip
assert served <= covered, f"pages the wheel smoke does not request: {sorted(served - covered)}"
for url, expected in pages.items():
    response = client.get(url)
    body = response.get_data(as_text=True)
    assert response.status_code == 200, f"GET {url} -> {response.status_code}\n{body[:2000]}"
    assert expected in body, f"GET {url}: {expected!r} missing (catalogs not shipped?)"
print(f"wheel smoke: {len(pages)} pages served from {here}")
