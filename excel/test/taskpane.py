# SPDX-License-Identifier: EUPL-1.2
"""The add-in's task pane in Debian's headless chromium against a stand-in of the Excel object
model (excel_standin.js served in place of office.js) that records what is written (ctest label
wasm):

    python taskpane.py ADDIN_DIR PASSEND_CLI SCREENSHOT_DIR

Load the demo, write a partnership's sheets, and check them against the CLI: the KPI table
(every figure of `passend report --unit`), the flows (`passend flows --format csv`), the
monitor's headline figures and the covering network (`passend coverage --unit`: the matrices,
their colours, the gaps in words, the costs). A sheet that exists is overwritten, not added.
Exit 77: not built."""

import csv
import io
import json
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

addin, cli, shots = (Path(a) for a in sys.argv[1:4])
if not (addin / "taskpane.html").exists():
    print(f"skipped: no {addin}/taskpane.html (bash scripts/build.sh wasm)")
    sys.exit(77)
standin = (Path(__file__).parent / "excel_standin.js").read_text()
unit = "PO3104"


def run_cli(*args: str) -> str:
    return subprocess.run([str(cli), *args], capture_output=True, text=True, check=True).stdout


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def number(cell: str) -> object:
    try:
        return float(cell)
    except ValueError:
        return cell


port = free_port()
origin = f"http://127.0.0.1:{port}"
server = subprocess.Popen(
    [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(addin)],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
requests: list[str] = []
try:
    time.sleep(0.5)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 360, "height": 700})
        page.on("request", lambda r: requests.append(r.url))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        def office(route: Route) -> None:
            route.fulfill(body=standin, content_type="text/javascript")

        page.route("https://appsforoffice.microsoft.com/**", office)
        page.goto(f"{origin}/taskpane.html")
        page.wait_for_selector("body[data-ready=true]")
        # A sheet of an earlier run: overwritten, its old cells gone.
        page.evaluate("window.workbook['passend-kpi'] = {values: [['oud', 'old']], frozenRows: 0}")
        page.click("#load-demo")
        page.wait_for_selector("#write-sheets:not([disabled])")
        page.select_option("#unit", unit)
        page.click("#write-sheets")
        page.wait_for_selector("body[data-written=true]")
        page.screenshot(path=str(shots / "excel-taskpane.png"))
        book = page.evaluate("window.workbook")
        assert not errors, errors
        browser.close()
finally:
    server.terminate()
    server.wait()

assert sorted(book) == [
    "passend-dekkend-aanbod",
    "passend-kpi",
    "passend-monitor",
    "passend-stromen",
], sorted(book)
assert all(book[s]["frozenRows"] == 1 for s in book)

# The KPI sheet: every row and figure of the CLI's CSV for the unit (national rows with it).
kpi = book["passend-kpi"]["values"]
header, rows = kpi[0], kpi[1:]
assert header[:8] == ["kpi", "school_year", "level", "unit", "naam", "numerator", "denominator", "value"]
native = list(csv.DictReader(io.StringIO(run_cli("report", "--demo", "--unit", unit, "--format", "csv"))))
assert len(rows) == len(native), (len(rows), len(native))
written = {(r[0], r[1], r[2], r[3]): r for r in rows}
for n in native:
    r = written[(n["kpi"], n["school_year"], n["level"], n["unit"])]
    for field, col in (("numerator", 5), ("denominator", 6), ("value", 7), ("change", 9)):
        assert r[col] == number(n[field]) or (r[col] == "" and n[field] == ""), (n, field, r[col])
assert not any(r[0] == "oud" for r in rows)

# The flows sheet: the CLI's flows CSV, counts as numbers.
flows = book["passend-stromen"]["values"]
cli_flows = list(csv.reader(io.StringIO(run_cli("flows", "--demo", "--unit", unit, "--format", "csv"))))
assert len(flows) == len(cli_flows)
for got, want in zip(flows, cli_flows):
    assert got[:3] == want[:3] and (got[3] == want[3] or got[3] == number(want[3])), (got, want)

# The monitor sheet: the headline figures of `passend monitor --unit`.
monitor = book["passend-monitor"]["values"]
doc = json.loads(run_cli("monitor", "--demo", "--unit", unit, "--format", "json"))
for h in doc["partnerships"][0]["headline"]:
    row = next(r for r in monitor if r[0] == h["kpi"])
    assert row[2] == (h["value"] if h["value"] is not None else ""), (row, h)

# The covering network: per matrix every domain × municipality as the CLI's JSON gives it, the
# occupancy cells coloured by state, then the gaps in words and the costs.
sheet = book["passend-dekkend-aanbod"]
cover = sheet["values"]
doc = json.loads(run_cli("coverage", "--demo", "--unit", unit, "--format", "json"))
p = doc["partnerships"][0]
title = [f"Dekkend aanbod {unit} {p['name']}", doc["school_year"], f"teldatum {doc['teldatum']}"]
assert cover[0][:3] == title, cover[0]
cells = {(c["domain"], c["municipality"]): c for c in p["cells"]}
colours = {"covered": "#E3F3E8", "over_demanded": "#FFF1CC", "no_offer": "#FBE3E3"}
titles = [r[0] for r in cover]


def occupancy(c: dict) -> object:
    if c["state"] == "no_offer":
        return "geen aanbod"
    return c["occupancy"] if c["occupancy"] is not None else "–"  # no places, or a small count


for title, shown in (
    ("bezetting op teldatum (%) · occupancy", occupancy),
    ("plaatsen · places", lambda c: c["places"]),
    ("leerlingen · pupils", lambda c: c["pupils"]),
):
    top = titles.index(title) + 1
    codes = [h.split()[0] for h in cover[top][1 : 1 + len(p["municipalities"])]]
    assert cover[top][0] == "domein" and codes == p["municipalities"], cover[top]
    for d, domain in enumerate(doc["domains"]):
        r = top + 1 + d
        assert cover[r][0] == domain
        for m, code in enumerate(p["municipalities"]):
            c = cells[(domain, code)]
            assert cover[r][m + 1] == shown(c), (title, domain, code, cover[r][m + 1], c)
            if title.startswith("bezetting"):
                assert sheet["fills"][f"{r},{m + 1}"] == colours[c["state"]], (domain, code)
                assert sheet["numberFormats"][f"{r},{m + 1}"] == '0"%"'
states = {c["state"] for c in p["cells"]}
assert states == set(colours), states  # the demo partnership shows all three colours
gaps = titles.index("knelpunten") + 1
assert [r[:2] for r in cover[gaps : gaps + len(p["findings"])]] == [[f["nl"], f["en"]] for f in p["findings"]]
total = next(r for r in cover if r[0] == "totaal")
assert total[3:6] == [p["cost_eur"], *p["calendar_years"].values()], total
assert sheet["numberFormats"][f"{cover.index(total)},3"] == '"€ "#,##0.00'

outside = [u for u in requests if not u.startswith(origin) and "appsforoffice" not in u]
assert not outside, outside
print(f"excel task pane: {len(rows)} KPI rows, {len(flows) - 1} flow rows, "
      f"{len(monitor)} monitor rows and {len(cover)} coverage rows written as the CLI gives them; "
      f"requests only to the page and (stand-in) office.js")
