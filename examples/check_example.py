# SPDX-License-Identifier: EUPL-1.2
"""Run an example and check it: exit code 0, the bad folder handled, and its KPI lines equal to
each reference's (the CLI's output, or another program printing KPI lines) on the same data.

    check_example.py [--reference CMD]... [--bad-folder] [--min-kpis N] -- EXAMPLE_CMD...

KPI lines read `KPI id year unit numerator denominator value`, with `x` for a suppressed number
and `-` for an absent one. A reference may print KPI lines, a CSV of KPI rows (columns kpi,
school_year, level, unit, numerator, denominator, value; `<5` or an empty field for hidden), or
be `passend summary` (pupils per partnership and setting at each teldatum, counted by the CLI's
own code), from whose last school year the examples' three KPIs follow by hand:
leerlingen_totaal = total, deelname_sbo = 100 sbo / (bao + sbo), deelname_so = 100 so /
(bao + sbo), the last two for PO partnerships and the nation.
"""

import argparse
import csv
import io
import re
import shlex
import subprocess
import sys


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    sys.stdout.write(p.stdout)
    sys.stderr.write(p.stderr)
    if p.returncode != 0:
        sys.exit(f"check_example: {' '.join(cmd)} exited with {p.returncode}")
    return p.stdout


def number(text):
    """A printed number as a float; None when hidden or absent."""
    text = text.strip()
    if text in ("x", "-", "", "<5"):
        return None
    return float(text)


def summary_kpis(out):
    """The examples' KPIs from `passend summary`'s last school year."""
    blocks = re.split(r"^(\d{4}-\d{4})\s+\(teldatum.*$", out, flags=re.M)
    if len(blocks) < 3:
        return {}
    year, body = blocks[-2], blocks[-1]
    rows = {}
    for line in body.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not re.match(r"^[A-Z]{2}\w*\s", parts[0]):
            continue
        unit = parts[0].split()[0]
        total = number(parts[2])
        rows[("leerlingen_totaal", year, unit)] = (total, None, total)
        po = parts[0].split()[-3:]
        if unit.startswith("VO") or not all(re.fullmatch(r"\d+", t) for t in po):
            continue
        bao, sbo, so = (float(t) for t in po)
        for kpi, n in (("deelname_sbo", sbo), ("deelname_so", so)):
            rows[(kpi, year, unit)] = (n, bao + sbo, 100 * n / (bao + sbo) if bao + sbo else None)
    return rows


def kpi_lines(out):
    if "(teldatum" in out:
        return summary_kpis(out)
    rows = {}
    for line in out.splitlines():
        if line.startswith("KPI "):
            _, kpi, year, unit, num, den, value = line.split()
            rows[(kpi, year, unit)] = (number(num), number(den), number(value))
    if rows:
        return rows
    # The CLI's CSV
    for r in csv.DictReader(io.StringIO(out)):
        if r.get("level") in ("national", "swv"):
            rows[(r["kpi"], r["school_year"], r["unit"])] = (
                number(r["numerator"]), number(r["denominator"]), number(r["value"]))
    return rows


def same(a, b):
    for x, y, tol in zip(a, b, (0, 0, 0.005 + 1e-9)):
        if (x is None) != (y is None) or (x is not None and abs(x - y) > tol):
            return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", action="append", default=[],
                    help="command whose KPIs the example must match (repeatable)")
    ap.add_argument("--bad-folder", action="store_true", help="expect the bad-folder line")
    ap.add_argument("--min-kpis", type=int, default=3)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    out = run(cmd)
    if args.bad_folder and "bad folder: not found:" not in out:
        sys.exit("check_example: the bad folder was not reported as not found")
    rows = kpi_lines(out)
    if len(rows) < args.min_kpis:
        sys.exit(f"check_example: only {len(rows)} KPI lines")
    for reference in args.reference:
        check_against(rows, reference)


def check_against(rows, reference):
    """Exit unless the example's rows equal the reference's for the same KPIs and years."""
    ref = kpi_lines(run(shlex.split(reference)))
    ref = {k: v for k, v in ref.items() if k[0] in {r[0] for r in rows} and k[1] in {r[1] for r in rows}}
    missing = sorted(set(ref) ^ set(rows))
    differ = sorted(k for k in set(ref) & set(rows) if not same(ref[k], rows[k]))
    for k in missing[:10]:
        print(f"only in {'reference' if k in ref else 'example'}: {k}", file=sys.stderr)
    for k in differ[:10]:
        print(f"differs: {k}: example {rows[k]} reference {ref[k]}", file=sys.stderr)
    if missing or differ:
        sys.exit(f"check_example: {len(missing)} rows missing, {len(differ)} differ from {reference}")
    print(f"check_example: {len(rows)} KPI rows equal to those of {reference}")


if __name__ == "__main__":
    main()
