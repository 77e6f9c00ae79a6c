# SPDX-License-Identifier: EUPL-1.2
"""The web app (web/) driven in Debian's headless chromium as a person would (ctest label wasm):

    python web_app.py WEB_DIR PASSEND_CLI TEST_DATA_DIR SCREENSHOT_DIR

Load the demo, pick a partnership, read a value and download the xlsx (read back with openpyxl);
open the covering network (dekkend aanbod), read a cell of its matrix and download its xlsx, each
against `passend coverage`;
a broken folder shows the located errors of `passend validate` and keeps nothing; a file that is
not CSV is named; a zip of a valid folder loads. Every request is recorded: none may go beyond
the page's own files, and the page's policy must refuse a connection. Exit 77: not built."""

import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, sync_playwright

web, cli, data, shots = (Path(a) for a in sys.argv[1:5])
if not (web / "index.html").exists():
    print(f"skipped: no {web}/index.html (bash scripts/build.sh wasm)")
    sys.exit(77)
shots.mkdir(parents=True, exist_ok=True)


def run_cli(*args: str) -> str:
    return subprocess.run([str(cli), *args], capture_output=True, text=True).stdout


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_loaded(page: Page) -> None:
    page.wait_for_function("() => document.getElementById('status').textContent.includes('leerlingen')")


port = free_port()
origin = f"http://127.0.0.1:{port}"
own_files = {f"{origin}/{p.name}" for p in web.iterdir()}
server = subprocess.Popen(
    [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(web)],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
requests: list[str] = []
problems: list[str] = []
try:
    time.sleep(0.5)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.goto(f"{origin}/index.html")
        page.wait_for_selector("body[data-ready=true]")

        # The policy forbids every connection, also to the page's own server.
        refused = page.evaluate(
            "fetch('index.html').then(() => 'fetched', e => 'refused: ' + e.message)"
        )
        assert refused.startswith("refused"), refused

        # The demo: a partnership, a value, the xlsx.
        page.click("#load-demo")
        wait_loaded(page)
        load_ms = int(page.get_attribute("body", "data-load-ms") or "0")
        page.select_option("#unit", "PO3105")
        page.select_option("#year", "2024-2025")
        row = page.locator("#figures tr[data-kpi=deelname_so]")
        row.wait_for()
        # Predicates as functions: a string expression would be eval'd, which the policy refuses.
        page.wait_for_function(
            "() => document.getElementById('figures').tBodies[0].rows.length > 0 && "
            "document.getElementById('monitor').srcdoc.includes('PO3105')"
        )
        shown = float(row.get_attribute("data-value") or "nan")
        text = row.locator("td").nth(1).inner_text()
        native = {
            (r["kpi"], r["school_year"], r["level"], r["unit"]): r
            for r in csv.DictReader(io.StringIO(run_cli("report", "--demo", "--format", "csv")))
        }
        expected = native[("deelname_so", "2024-2025", "swv", "PO3105")]
        assert abs(shown - float(expected["value"])) < 1e-9, (shown, expected)
        # Dutch: a decimal comma, at most two decimals.
        assert text == format(round(float(expected["value"]), 2), "g").replace(".", ","), text
        page.screenshot(path=str(shots / "web-demo.png"))

        with page.expect_download(timeout=180_000) as download:  # ExcelJS: 24,000 rows
            page.click("#download-xlsx")
        xlsx = shots / "web-download.xlsx"
        download.value.save_as(xlsx)
        book = openpyxl.load_workbook(xlsx, read_only=True)
        values = [
            r[7]
            for r in book["swv"].iter_rows(min_row=2, values_only=True)
            if r[0] == "deelname_so" and r[1] == "2024-2025" and r[3] == "PO3105"
        ]
        assert values == [shown], values
        # The dashboard is drawn (a frame left unrendered would be blank), for that partnership.
        dashboard = page.query_selector("#dashboard").content_frame()
        assert dashboard.evaluate("() => document.body.scrollHeight") > 1000
        assert "Maastricht-Heuvelland" in dashboard.inner_text("body")
        page.locator("#dashboard").screenshot(path=str(shots / "web-dashboard.png"))

        # The covering network of the partnership: a cell of the matrix, the gaps, the xlsx.
        page.click("nav.tabs a[href='#coverage-part']")
        page.wait_for_function("() => document.getElementById('coverage').srcdoc.includes('u-PO3105')")
        doc = json.loads(
            run_cli("coverage", "--demo", "--unit", "PO3105", "--year", "2024-2025", "--format", "json")
        )
        partnership = doc["partnerships"][0]
        cell = next(
            c for c in partnership["cells"] if c["domain"] == "gedrag" and c["state"] == "over_demanded"
        )
        domain = doc["domains"].index(cell["domain"])
        column = partnership["municipalities"].index(cell["municipality"])
        coverage = page.query_selector("#coverage").content_frame()
        # The matrix is the partnership's first table: the domain, then a cell per municipality.
        td = coverage.locator("table").first.locator("tbody tr").nth(domain).locator("td").nth(column + 1)
        assert td.get_attribute("class") == "tone-attention", td.get_attribute("class")
        assert td.inner_text() == (
            f"{cell['places']} pl., {cell['pupils']} lln. ({round(cell['occupancy'])}%): "
            "meer vraag dan plaatsen"
        ), (td.inner_text(), cell)
        colour = td.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour == "rgb(255, 241, 204)", colour  # over-demanded: amber
        shown = coverage.inner_text("body")
        assert all(f["nl"] in shown for f in partnership["findings"]), shown
        assert "Kosten per domein en niveau" in shown
        assert "aug-dec 2024 (5/12)" in shown.lower()  # its th are set in capitals
        page.screenshot(path=str(shots / "web-coverage-tab.png"))
        # The whole frame, without the tabs that stay in view drawn over its top.
        page.locator("#coverage").screenshot(
            path=str(shots / "web-coverage.png"), style="nav.tabs { position: static !important; }"
        )
        with page.expect_download() as download:
            page.click("#download-coverage-xlsx")
        xlsx = shots / "web-coverage.xlsx"
        download.value.save_as(xlsx)
        sheet = openpyxl.load_workbook(xlsx, read_only=True)["dekking"]
        places = {(r[2], r[3]): r[4] for r in sheet.iter_rows(min_row=2, values_only=True)}
        assert places == {(c["domain"], c["municipality"]): c["places"] for c in partnership["cells"]}
        with page.expect_download() as download:
            page.click("#download-coverage-html")
        assert download.value.suggested_filename == "passend-PO3105-dekkend-aanbod-2024-2025.html"
        html = Path(download.value.path()).read_text()
        asked = ("--unit", "PO3105", "--year", "2024-2025", "--format", "html")
        assert html == run_cli("coverage", "--demo", *asked)

        # A folder with a broken table: the located errors of `passend validate`, nothing kept.
        # (its CSV files only, as a user's folder: the fixture's also holds its expected output)
        broken = data / "broken_every_table"
        picked = Path(tempfile.mkdtemp()) / broken.name
        picked.mkdir()
        for table in broken.glob("*.csv"):
            shutil.copy(table, picked)
        page.set_input_files("#pick-folder", picked)
        page.wait_for_function("() => document.getElementById('errors').textContent.includes('swvs.csv')")
        listed = page.locator("#errors li").all_inner_texts()
        validate = run_cli("validate", str(broken)).strip().splitlines()[:-1]
        assert listed == validate, (listed, validate)
        assert page.locator("#results").is_hidden()
        assert page.locator("#figures tbody tr").count() == 0
        assert page.eval_on_selector("#dashboard", "f => f.srcdoc") == ""
        assert page.eval_on_selector("#coverage", "f => f.srcdoc") == ""
        page.screenshot(path=str(shots / "web-broken.png"))

        with tempfile.TemporaryDirectory() as tmp:
            # A file that is not CSV is named.
            notes = Path(tmp) / "notities.txt"
            notes.write_text("geen tabel\n")
            valid = sorted((data / "valid_small").glob("*.csv"))
            page.set_input_files("#pick-files", [*valid, notes])
            page.wait_for_function(
                "() => document.getElementById('errors').textContent.includes('notities.txt')"
            )
            assert page.locator("#errors li").all_inner_texts() == [
                "notities.txt: error: not a CSV file of the input contract (expected NAME.csv)"
            ]
            # A zip of the valid folder loads.
            archive = Path(tmp) / "valid_small.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
                for f in valid:
                    z.write(f, f"valid_small/{f.name}")
            page.set_input_files("#pick-files", archive)
            page.wait_for_selector("#results:not([hidden])")
            pupils = run_cli("validate", str(data / "valid_small")).split(" pupils")[0].split()[-1]
            assert f"{pupils} leerlingen" in page.inner_text("#status"), page.inner_text("#status")
        browser.close()
finally:
    server.terminate()
    server.wait()

beyond = [u for u in requests if u not in own_files and not u.startswith(("blob:", "data:"))]
assert not beyond, f"requests beyond the page's own files: {beyond}"
assert not problems, problems
print(f"web: {len(requests)} requests, all the page's own files; demo loaded and evaluated in "
      f"{load_ms} ms; screenshots in {shots}")
