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
version = list_versions(settings)[0]["id"]
alignment = list_alignments(settings)[0]["id"]
pages = {"/": "", f"/versions/{version}": "", f"/alignments/{alignment}": "",
         "/?lang=de": "Artikel", "/static/workbench.css": ""}  # fmt: skip
for url, expected in pages.items():
    response = client.get(url)
    body = response.get_data(as_text=True)
    assert response.status_code == 200, f"GET {url} -> {response.status_code}\n{body[:2000]}"
    assert expected in body, f"GET {url}: {expected!r} missing (catalogs not shipped?)"
print(f"wheel smoke: {len(pages)} pages served from {here}")
