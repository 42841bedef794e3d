"""HTML pages through the Flask test client: content, escaping, filters, i18n."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.web.conftest import XSS, Corpus


def test_articles_page_lists_versions_by_outlet_language_and_time(
    client: FlaskClient, corpus: Corpus
) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "Troops back on the front line" in html
    assert "moscow-times" in html and "dpa" in html
    assert '<span class="lang">de</span>' in html
    assert "2025-02-07 12:00" in html and "2025-02-09 12:00" in html
    assert f'href="/versions/{corpus.v_de}"' in html
    assert f'href="/alignments/{corpus.alignment}"' in html
    assert 'name="csrf_token"' in html  # compare form is CSRF-protected


def test_version_page_shows_segments_roles_mt_and_editor(
    client: FlaskClient, corpus: Corpus
) -> None:
    html = client.get(f"/versions/{corpus.v_en1}?target=de").get_data(as_text=True)
    seg = corpus.segments["soldiers"]
    row = html[html.index(f'id="seg-{seg}"') :]
    row = row[: row.index("</tr>")]
    assert "More than 10,000 soldiers" in row
    assert 'data-role="body"' in row
    assert "Mehr als 10.000 Soldaten." in row  # MT beside the source
    assert 'data-revision="1"' in row and 'data-lang="de"' in row
    assert f'action="/versions/{corpus.v_en1}/translate"' in html
    everything = client.get(f"/versions/{corpus.v_en1}?target=de&filtered=1&role=appeal")
    rows = everything.get_data(as_text=True).split('<tr id="seg-')[1:]
    assert any('data-role="appeal"' in r[: r.index("</tr>")] for r in rows)


def test_input_text_is_escaped_everywhere(client: FlaskClient, corpus: Corpus) -> None:
    for url in (f"/versions/{corpus.v_en1}", f"/alignments/{corpus.alignment}"):
        html = client.get(url).get_data(as_text=True)
        assert XSS not in html
        assert "&lt;script&gt;alert(" in html
        assert "<img src=x" not in html


def test_compare_view_renders_word_diff_moves_flags_and_hides_boilerplate(
    client: FlaskClient, corpus: Corpus
) -> None:
    html = client.get(f"/alignments/{corpus.alignment}").get_data(as_text=True)
    assert "<del>10,000</del>" in html and "<ins>11,000</ins>" in html
    left = re.search(r'id="pair-2".*?<td class="left"[^>]*>(.*?)</td>', html, re.S).group(1)  # type: ignore[union-attr]
    assert "<ins>" not in left and "<del>10,000</del>" in left
    assert 'href="#pair-3"' in html and 'href="#pair-1"' in html  # moved rows linked both ways
    assert "numbers differ" in html and 'names differ: <span translate="no">Zelensky</span>' in html
    assert 'data-status="added"' in html and "+</span> added" in html
    assert 'id="pair-7"' not in html  # appeal (boilerplate) hidden by default
    assert 'id="pair-0"' in html and "compare.js" in html
    assert 'name="role" value="appeal" >' in html or 'value="appeal" >' in html


def test_compare_filters_by_role_and_change_kind(client: FlaskClient, corpus: Corpus) -> None:
    url = f"/alignments/{corpus.alignment}?filtered=1&role=appeal&role=body&role=headline"
    html = client.get(url).get_data(as_text=True)
    assert 'id="pair-7"' in html
    only_added = client.get(
        f"/alignments/{corpus.alignment}?filtered=1&role=body&status=added"
    ).get_data(as_text=True)
    assert re.findall(r'id="pair-(\d+)"', only_added) == ["5"]


def test_confidence_tooltip_says_what_it_measures(client: FlaskClient, corpus: Corpus) -> None:
    """A linked row's confidence is that the pairing is right; a one-sided row's, that
    the sentence has no counterpart (the calibration reports both)."""
    html = client.get(f"/alignments/{corpus.alignment}").get_data(as_text=True)
    tips, statuses = {}, {}
    for row in html.split('<tr id="pair-')[1:]:
        number, status = re.match(r'(\d+)" class="pair st-(\w+)', row).groups()  # type: ignore[union-attr]
        tip = re.search(r'class="confidence[^"]*" title="([^"]+)"', row.split("</tr>")[0])
        statuses[number] = status
        if tip:
            tips[number] = tip.group(1)
    assert statuses["5"] == "added" and tips["5"].endswith("this sentence has no counterpart")
    linked = [n for n, st in statuses.items() if st in ("unchanged", "changed") and n in tips]
    assert linked and all(tips[n].endswith("this pairing is right") for n in linked)


def test_cross_language_row_shows_mt_of_other_side(client: FlaskClient, corpus: Corpus) -> None:
    html = client.get(f"/alignments/{corpus.cross_alignment}").get_data(as_text=True)
    assert "Troops back on the front line" in html  # left original shown untouched
    # issue 16: the MT is plain readable text in the right side's language, never diffed
    mt = re.search(r'<div class="mt" lang="de">(.*?)</div>', html, re.S).group(1)  # type: ignore[union-attr]
    assert "zurück" in mt and "MT" in mt and "<del>" not in mt
    right = re.search(r'<td class="right" lang="de"[^>]*>(.*?)</td>', html, re.S).group(1)  # type: ignore[union-attr]
    assert "wieder" in right and "<ins>" not in right and "<del>" not in right
    assert "confidence" in html and ("equivalent" in html or "differs" in html)


def test_upload_page_has_form_with_limit(client: FlaskClient, settings) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/upload").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in html and 'name="csrf_token"' in html
    from jinja2.filters import do_filesizeformat

    assert do_filesizeformat(settings.max_upload_bytes, binary=True) in html  # "5.0 MiB"


def test_ui_language_from_browser_and_switcher(client: FlaskClient, corpus: Corpus) -> None:
    german = client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"}).get_data(as_text=True)
    assert '<html lang="de">' in german and "Artikel" in german
    russian = client.get("/?lang=ru").get_data(as_text=True)
    assert '<html lang="ru">' in russian and "Статьи" in russian
    # the switcher's choice sticks (session) and beats Accept-Language
    again = client.get("/upload", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="ru">' in again
    ukrainian = client.get(f"/alignments/{corpus.alignment}?lang=uk").get_data(as_text=True)
    assert "Порівняння" in ukrainian or "Порівняти" in ukrainian
    assert client.get("/api/i18n").get_json()["locale"] == "uk"


def test_html_errors_use_the_error_page(client: FlaskClient) -> None:
    response = client.get("/versions/999999")
    assert response.status_code == 404
    assert 'data-status="404"' in response.get_data(as_text=True)
    assert "version 999999 not found" in response.get_data(as_text=True)


def test_pages_forbid_inline_scripts(client: FlaskClient, corpus: Corpus) -> None:
    response = client.get(f"/alignments/{corpus.alignment}")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response.get_data(as_text=True)  # our scripts are files
