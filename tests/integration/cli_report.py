#!/usr/bin/python3
"""cli_report: `fdtwin report RESULT.h5 -o REPORT.html` writes one self-contained review page.

For a 2-day run of the default case: the page parses as HTML, holds no script and fetches
nothing (no external URL but the SVG namespace), names the case, lists every KPI of the file
with its units, draws five charts with data, and its limit checks agree with the file and the
stored case computed here independently (largest outfall rise against
seawater.discharge_dT_max, hottest chip against it.chip_limit, unserved energy); the exit
status is 1 exactly when a check fails. A result without KPIs (a failed run) gets a page that
says so.
"""
import html.parser
import re
import subprocess
import sys
import tomllib

import h5py

from fdtwin_test import Test

t = Test("cli_report")
out = t.path("run.h5")
t.run_case(out, duration="2d")
page = t.path("report.html")
proc = t.run("report", out, "-o", page)
t.check(proc.returncode in (0, 1), f"report exits {proc.returncode}: {proc.stderr}")
with open(page, encoding="utf-8") as fh:
    text = fh.read()


class Collect(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.rows, self.cell, self.cells = [], [], None, []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr":
            self.cells = []
        if tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.cells.append(self.cell.strip())
            self.cell = None
        if tag == "tr":
            self.rows.append(self.cells)

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


p = Collect()
p.feed(text)
t.check("script" not in p.tags, "the report holds a script")
urls = set(re.findall(r"https?://[^\"' )]+", text)) - {"http://www.w3.org/2000/svg"}
t.check(not urls, f"the report refers to outside resources: {sorted(urls)[:5]}")
t.check("barge-ai-20mw" in text, "the report does not name the case")
t.check(p.tags.count("svg") == 5 and text.count("<polyline") >= 8, "the report does not draw its five charts")

f = h5py.File(out, "r")
rows = {r[0]: r for r in p.rows if r}
for name, ds in f["/kpi"].items():
    units = ds.attrs["units"]
    units = units.decode() if isinstance(units, bytes) else units
    r = rows.get(name)
    if t.check(r is not None, f"KPI {name} is not in the report"):
        t.check(abs(float(r[1]) - float(ds[()])) <= 1e-5 * max(1.0, abs(float(ds[()]))) and r[2] == units,
                f"KPI {name}: report {r[1:3]}, file {float(ds[()])} {units}")

case = tomllib.loads(f.attrs["case_toml"].decode() if isinstance(f.attrs["case_toml"], bytes) else f.attrs["case_toml"])
checks = {r[0]: r for r in p.rows if len(r) == 4 and r[3] in ("pass", "FAIL")}
rise = float(f["/cooling/rise_above_ambient"][:].max())
limit = float(case["seawater"]["discharge_dT_max"])
r = checks.get("main outfall: rise above the ambient sea")
if t.check(r is not None, "no outfall check"):
    t.check(r[3] == ("pass" if rise <= limit else "FAIL"), f"outfall check {r}, rise {rise} K vs limit {limit} K")
chip, chip_limit = float(f["/kpi/T_chip_max"][()]), float(case["it"]["chip_limit"])
r = checks.get("hottest chip")
if t.check(r is not None, "no chip check"):
    t.check(r[3] == ("pass" if chip <= chip_limit else "FAIL"), f"chip check {r}: {chip} K vs {chip_limit} K")
r = checks.get("all demand served")
if t.check(r is not None, "no unserved-energy check"):
    t.check(r[3] == ("pass" if float(f["/kpi/E_unserved"][()]) <= 0 else "FAIL"), f"unserved check {r}")
failed = sum(1 for r in checks.values() if r[3] == "FAIL")
t.check(len(checks) >= 6, f"only {len(checks)} limit checks")
t.check(proc.returncode == (1 if failed else 0), f"exit {proc.returncode} with {failed} failed checks")
t.check(f"{failed} failed" in proc.stdout, f"stdout does not count the failed checks: {proc.stdout[-300:]}")

# A failed run's file: rows, no KPIs.
failed_run = t.path("failed.h5")
subprocess.run([sys.executable, t.source + "/tests/fixtures/make_result.py", failed_run, "--variant", "failed"],
               check=True)
proc = t.run("report", failed_run, "-o", t.path("failed.html"))
t.check(proc.returncode == 0, f"report of a failed run exits {proc.returncode}: {proc.stderr}")
with open(t.path("failed.html"), encoding="utf-8") as fh:
    t.check("did not complete" in fh.read(), "the report of a failed run does not say it did not complete")
proc = t.run("report", t.path("absent.h5"), "-o", t.path("x.html"))
t.check(proc.returncode == 2 and proc.stderr.startswith("error: "), f"report of a missing file: {proc.returncode}")
t.finish()
