#!/usr/bin/python3
"""cli_export_info: `fdtwin export OUT.h5 --csv DIR` and `fdtwin info OUT.h5`.

export: DIR/timeseries.csv has a header row whose columns carry their units and one row per
output time, with the values of the result file; DIR/kpi.csv has one row per /kpi attribute.
info: prints the file's case name, schema version, row count and the KPIs.
"""
import csv
import json
import os
import re
import subprocess

import h5py
import numpy as np

from fdtwin_test import Test, rel_diff

t = Test("cli_export_info")


def text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


out = t.path("result.h5")
t.run_case(out, duration="2d")
f = h5py.File(out, "r")
nt = f["/time"].shape[0]
kpi = {k: float(ds[()]) for k, ds in f["/kpi"].items()}

# --- export --------------------------------------------------------------------------------------
csv_dir = t.path("csv", "nested")  # created by export
proc = t.run("export", out, "--csv", csv_dir)
if t.expect_exit(proc, 0, "fdtwin export"):
    series_path = os.path.join(csv_dir, "timeseries.csv")
    kpi_path = os.path.join(csv_dir, "kpi.csv")
    t.check(os.path.isfile(series_path) and os.path.isfile(kpi_path), "export did not write both CSV files")
    t.check("timeseries.csv" in proc.stdout and "kpi.csv" in proc.stdout, "export does not say what it wrote")
    with open(series_path, newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    t.check(len(body) == nt, f"timeseries.csv has {len(body)} data rows, expected {nt}")
    t.check(all(len(r) == len(header) for r in body), "timeseries.csv rows have different column counts")
    t.check(header[0] in ("time [s]", "time_s"), f"the first column is {header[0]!r}, not the time in s")
    unit_re = re.compile(r"^(.+) \[([^\]]+)\]$")
    columns = {}
    for i, name in enumerate(header[1:], start=1):
        m = unit_re.match(name)
        if t.check(m is not None, f"column {name!r} does not carry its unit as 'name [unit]'"):
            columns[m.group(1)] = (i, m.group(2))
    for path in ["cooling/T_intake", "cooling/T_discharge", "cooling/m_dot_seawater", "cooling/Q_seawater",
                 "cooling/P_pumps", "power/P_it", "power/P_facility", "power/P_unserved", "power/battery_soc",
                 "power/fuel_rate", "balance/E_stored"]:
        if not t.check(path in columns, f"timeseries.csv has no column for /{path}"):
            continue
        i, unit = columns[path]
        t.check(unit == text(f["/" + path].attrs["units"]), f"column {path} has unit {unit!r}, the file says otherwise")
        values = np.array([float(r[i]) for r in body])
        expected = f["/" + path][:]
        worst = np.max(np.abs(values - expected) / np.maximum(np.abs(expected), 1e-300)) if nt else 0
        t.check(worst < 1e-8 or np.allclose(values, expected, rtol=1e-8, atol=1e-12),
                f"column {path} differs from the result file (worst relative {worst:.2e})")
    gens = [text(g) for g in f["/power/generator_name"][:]]
    for g, name in enumerate(gens):
        key = f"power/P_generation/{name}"
        if t.check(key in columns, f"timeseries.csv has no column for generator {name!r}"):
            i, unit = columns[key]
            t.check(unit == "W", f"generator column {name!r} has unit {unit!r}")
            values = np.array([float(r[i]) for r in body])
            t.check(np.allclose(values, f["/power/P_generation"][:, g], rtol=1e-8, atol=1e-6),
                    f"generator column {name!r} differs from /power/P_generation[:, {g}]")
    times = np.array([float(r[0]) for r in body])
    t.check(np.allclose(times, f["/time"][:], rtol=0, atol=1e-6), "the time column differs from /time")

    with open(kpi_path, newline="") as fh:
        krows = list(csv.reader(fh))
    # One KPI per row, so the units sit in a column of their own (the `units` of each /kpi dataset).
    t.check(krows and krows[0] == ["kpi", "value", "unit"], f"kpi.csv header is {krows[:1]}, expected kpi,value,unit")
    exported = {r[0]: float(r[1]) for r in krows[1:] if len(r) >= 2}
    t.check(set(exported) == set(kpi), f"kpi.csv lists {sorted(exported)}, the file has {sorted(kpi)}")
    for k, v in kpi.items():
        if k in exported:
            t.check(rel_diff(exported[k], v, floor=1e-300) < 1e-8, f"kpi.csv {k} = {exported[k]} but the file has {v}")
    units = {k: text(ds.attrs["units"]) for k, ds in f["/kpi"].items()}
    if krows and len(krows[0]) >= 3:
        exported_units = {r[0]: r[2] for r in krows[1:] if len(r) >= 3}
        for k in kpi:
            t.check(exported_units.get(k) == units.get(k), f"kpi.csv unit of {k} is {exported_units.get(k)!r}, "
                    f"/kpi/{k}@units says {units.get(k)!r}")

# export into a path that cannot be a folder: an input error, no crash
proc = t.run("export", out, "--csv", "/proc/fdtwin-export")
t.expect_exit(proc, 2, "export into an uncreatable folder")
proc = t.run("export", t.path("absent.h5"), "--csv", t.path("csv2"))
t.expect_exit(proc, 2, "export of a missing result")

# --- info ----------------------------------------------------------------------------------------
proc = t.run("info", out)
if t.expect_exit(proc, 0, "fdtwin info"):
    out_text = proc.stdout
    t.check("barge-ai-20mw" in out_text, "info does not print the case name")
    t.check(re.search(r"schema version\s+3\b", out_text) is not None, "info does not print the schema version")
    t.check(re.search(rf"output rows\s+{nt}\b", out_text) is not None, f"info does not print the {nt} output rows")
    t.check(re.search(r"racks\s+%d\b" % f["/racks/name"].shape[0], out_text) is not None, "info does not print the racks")
    m = re.search(r"PUE[^\n]*?\s([0-9.]+)\s*$", out_text, re.M)
    if t.check(m is not None, "info does not print the PUE"):
        t.check(abs(float(m.group(1)) - kpi["PUE"]) < 1e-4, f"info prints PUE {m.group(1)}, the file has {kpi['PUE']}")
    m = re.search(r"hottest chip \[degC\]\s+([0-9.]+)", out_text)
    if t.check(m is not None, "info does not print the hottest chip"):
        t.check(abs(float(m.group(1)) - (kpi["T_chip_max"] - 273.15)) < 0.01, "info prints the wrong hottest chip")
    m = re.search(r"fuel \[t\]\s+([0-9.]+)", out_text)
    if t.check(m is not None, "info does not print the fuel"):
        t.check(abs(float(m.group(1)) - kpi["fuel_total"] / 1000) < 0.1, "info prints the wrong fuel")
    t.check("energy balance residual" in out_text, "info does not print the energy balance residual")
    t.check(proc.stderr.strip() == "", f"info writes to stderr: {proc.stderr[:300]!r}")
# info --json: the same facts, every KPI with the file's value and units.
proc = t.run("info", out, "--json")
if t.expect_exit(proc, 0, "fdtwin info --json"):
    doc = json.loads(proc.stdout)
    t.check(doc.get("schema_version") == 3 and doc.get("output_rows") == nt, f"info --json: {str(doc)[:200]}")
    t.check(doc.get("attributes", {}).get("case_name") == "barge-ai-20mw", "info --json: no case_name attribute")
    for name, ds in f["/kpi"].items():
        entry = doc.get("kpi", {}).get(name, {})
        units = ds.attrs.get("units", b"")
        units = units.decode() if isinstance(units, bytes) else units
        t.check(entry.get("value") == float(ds[()]) and entry.get("units") == units,
                f"info --json: kpi {name} is {entry}, the file has {float(ds[()])} {units}")
f.close()
# A reader that goes away (`fdtwin compare A B | head`) ends the command like any shell tool
# (SIGPIPE, 128 + 13), not with "the file is damaged".
proc = subprocess.Popen([t.fdtwin, "compare", out, out, "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
proc.stdout.close()
err = proc.stderr.read().decode(errors="replace")
proc.wait(timeout=60)
t.check(proc.returncode in (0, 141) and "damaged" not in err,
        f"compare into a closed pipe: exit {proc.returncode}, stderr {err.strip()[:300]!r}")
t.finish()
