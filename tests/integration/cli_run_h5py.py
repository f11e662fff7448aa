#!/usr/bin/python3
"""cli_run_h5py: `fdtwin run` of the default case for 2 days at half-hour output rows (the
per-element fields at the case's hourly `case.field_interval`), result read back with h5py.

Checks the result against docs/results-format.md (schema version 3): root and provenance
attributes, `long_name` on every dataset and UDUNITS-2 `units` on every numeric one, `/time`
units and calendar that xarray decodes, a dimension scale on every dimension, the required
datasets with their shapes (the fields on `/field_time`, every second `/time` row), time
series chunked along time and compressed, the hottest chip at every row, the /kpi
datasets, and two conservation identities
that must hold from the file alone:
  energy:     Σ source_energy[-1] − Σ sink_energy[-1] − (E_stored[-1] − E_stored[0]),
              relative to Σ source_energy[-1], is ≤ 1e-6 and equals /kpi/energy_balance_residual
  electrical: Σ P_generation + P_battery + P_unserved = P_facility + P_dumped at every row
"""
import datetime
import json
import os
import re
import subprocess

import h5py
import numpy as np

from fdtwin_test import Test, rel_diff

t = Test("cli_run_h5py")
DURATION = 2 * 86400.0
out = t.path("result.h5")
t.run_case(out, "--output-interval", "30min", duration="2d")
t.check(os.path.isfile(out), "no result file at the output path")
t.check(not os.path.exists(out + ".part"), "the temporary .part file is left after a successful run")

f = h5py.File(out, "r")


def text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


# --- root attributes ------------------------------------------------------------------------
# Provenance (what differs between two runs of one case) sits in /provenance: as root
# attributes here, for the checks below.
attrs = dict(f.attrs)
attrs.update(f["/provenance"].attrs if "/provenance" in f else {})
for name in ["schema_version", "fdtwin_version", "case_name", "case_toml", "command_line", "created_utc"]:
    t.check(name in attrs, f"attribute {name} missing")
t.check(int(attrs.get("schema_version", 0)) == 3, f"schema_version is {attrs.get('schema_version')}, expected 3")
t.check(re.fullmatch(r"\d+\.\d+\.\d+.*", text(attrs.get("fdtwin_version", ""))),
        f"fdtwin_version {attrs.get('fdtwin_version')!r} is not a version")
t.check(text(attrs.get("case_name", "")) == "barge-ai-20mw", f"case_name is {attrs.get('case_name')!r}")
case_toml = text(attrs.get("case_toml", ""))
t.check("[case]" in case_toml or "case." in case_toml, "case_toml does not look like the case as TOML")
t.check("racks_per_row" in case_toml, "case_toml is not the full effective case (racks_per_row missing)")
command = text(attrs.get("command_line", ""))
t.check("run" in command and "--duration 2d" in command, f"command_line {command!r} is not the command that ran")
try:
    created = datetime.datetime.strptime(text(attrs.get("created_utc", "")), "%Y-%m-%dT%H:%M:%SZ")
    age = abs((datetime.datetime.utcnow() - created).total_seconds())
    t.check(age < 3600, f"created_utc {created} is not the time of the run")
except ValueError:
    t.check(False, f"created_utc {attrs.get('created_utc')!r} is not ISO 8601 UTC (YYYY-MM-DDTHH:MM:SSZ)")

# --- every dataset has units ------------------------------------------------------------------
datasets = {}
f.visititems(lambda name, obj: datasets.__setitem__("/" + name, obj) if isinstance(obj, h5py.Dataset) else None)
t.check(len(datasets) >= 40, f"only {len(datasets)} datasets in the file")
# UDUNITS-2 strings ("1" for dimensionless and indices, "m2 K/W"); strings carry no units.
allowed_units = {"s", "K", "W", "kg/s", "J", "m", "m2", "m2 K/W", "kg", "1", "W/m2", "m/s", "W/K"}
time_units = text(f["/time"].attrs.get("units", ""))
t.check(re.fullmatch(r"seconds since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d\d:\d\d", time_units) is not None,
        f"/time@units {time_units!r} is not 'seconds since YYYY-MM-DD hh:mm:ss+hh:mm'")
t.check(text(f["/time"].attrs.get("calendar", "")) == "standard", "/time@calendar is not 'standard'")
for path, ds in sorted(datasets.items()):
    t.check("long_name" in ds.attrs, f"{path} has no long_name")
    if ds.dtype.kind in "OSU":  # strings: no units
        t.check("units" not in ds.attrs, f"{path}: a string dataset with units")
    elif t.check("units" in ds.attrs, f"{path} has no units attribute"):
        u = text(ds.attrs["units"])
        t.check(u in allowed_units or u == time_units, f"{path}: units {u!r} is not a UDUNITS-2 SI unit as documented")
    # Every dimension tied to a dimension scale: /time for time, an index dataset for the rest.
    if ds.ndim > 0 and not h5py.h5ds.is_scale(ds.id):
        for i, dim in enumerate(ds.dims):
            if t.check(len(dim) == 1, f"{path}: dimension {i} has {len(dim)} scales, expected 1"):
                t.check(dim[0].shape == (ds.shape[i],), f"{path}: dimension {i} scale {dim[0].name} has shape "
                        f"{dim[0].shape}, the dataset {ds.shape}")
t.check(f["/racks/T_chip"].dims[0][0].name == "/field_time" and f["/racks/T_chip"].dims[1][0].name == "/racks/rack",
        "/racks/T_chip is not [field_time, rack]")
t.check(f["/hull/T"].dims[0][0].name == "/field_time", "/hull/T is not [field_time, panel]")

# --- required datasets and shapes -------------------------------------------------------------
time = f["/time"][:] if "/time" in f else np.zeros(0)
nt = len(time)
t.check(nt == 97, f"/time has {nt} rows, expected 97 (2 days at a 30 min output interval)")
field_time = f["/field_time"][:] if "/field_time" in f else np.zeros(0)
nf = len(field_time)
t.check(nf == 49 and np.array_equal(field_time, time[::2]),
        f"/field_time has {nf} rows, expected the 49 hourly rows of /time (case.field_interval = 1 h)")
t.check(text(f["/field_time"].attrs.get("units", "")) == text(f["/time"].attrs.get("units", "")),
        "/field_time has other units than /time")
t.check(nt > 1 and time[0] == 0.0 and abs(time[-1] - DURATION) < 1e-6, f"/time runs {time[:1]} .. {time[-1:]}")
t.check(np.all(np.diff(time) > 0), "/time is not strictly increasing")
nr = f["/racks/name"].shape[0]
npanels = f["/hull/cells"].shape[0]
npts = f["/hull/points"].shape[0]
ng = f["/power/generator_name"].shape[0]
k = f["/balance/source_names"].shape[0]
m = f["/balance/sink_names"].shape[0]
t.check(nr > 0 and npanels > 0 and npts >= 4 and ng > 0 and k > 0 and m > 0, "empty name or geometry dataset")
required = {
    "/time": (time_units, (nt,)),
    "/racks/name": ("", (nr,)),  # strings: no units
    "/racks/position": ("m", (nr, 3)),
    "/field_time": (time_units, (nf,)),
    "/racks/T_chip": ("K", (nf, nr)),
    "/racks/T_chip_max": ("K", (nt,)),
    "/racks/P_it": ("W", (nf, nr)),
    "/cooling/T_intake": ("K", (nt,)),
    "/cooling/T_discharge": ("K", (nt,)),
    "/cooling/m_dot_seawater": ("kg/s", (nt,)),
    "/cooling/Q_seawater": ("W", (nt,)),
    "/cooling/P_pumps": ("W", (nt,)),
    "/hull/points": ("m", (npts, 3)),
    "/hull/cells": ("1", (npanels, 4)),
    "/hull/T": ("K", (nf, npanels)),
    "/power/P_it": ("W", (nt,)),
    "/power/P_facility": ("W", (nt,)),
    "/power/P_unserved": ("W", (nt,)),
    "/power/P_generation": ("W", (nt, ng)),
    "/power/generator_name": ("", (ng,)),
    "/power/battery_soc": ("1", (nt,)),
    "/power/fuel_rate": ("kg/s", (nt,)),
    "/balance/source_names": ("", (k,)),
    "/balance/sources": ("W", (nt, k)),
    "/balance/sink_names": ("", (m,)),
    "/balance/sinks": ("W", (nt, m)),
    "/balance/E_stored": ("J", (nt,)),
    "/balance/source_energy": ("J", (nt, k)),
    "/balance/sink_energy": ("J", (nt, m)),
    "/power/P_battery": ("W", (nt,)),
    "/power/P_dumped": ("W", (nt,)),
}
for path, (units, shape) in required.items():
    if not t.check(path in datasets, f"required dataset {path} missing"):
        continue
    ds = datasets[path]
    t.check(ds.shape == shape, f"{path} has shape {ds.shape}, expected {shape}")
    t.check(text(ds.attrs.get("units", "")) == units, f"{path} has units {ds.attrs.get('units')!r}, expected {units!r}")
cells = f["/hull/cells"][:]
t.check(cells.min() >= 0 and cells.max() < npts, "/hull/cells refers to points that do not exist")
t.check(all(len(set(row)) == 4 for row in cells), "/hull/cells has a panel with repeated corners")
t.check("salinity" in f["/cooling"].attrs, "/cooling has no salinity attribute")
if "salinity" in f["/cooling"].attrs:
    s = float(f["/cooling"].attrs["salinity"])
    t.check(0 < s <= 45, f"/cooling@salinity {s} g/kg is outside 0–45")

# --- time series: chunked along time, compressed ----------------------------------------------
# What is a time series, from the schema itself (`fdtwin schema --results --json`).
schema = json.loads(subprocess.run([t.fdtwin, "schema", "--results", "--json"], capture_output=True, text=True,
                                   check=True).stdout)
kinds = {e["path"]: e["kind"] for e in schema["entries"]}
for path in datasets:
    t.check(path in kinds, f"{path} is not declared in the result schema")
series = [p for p in datasets if kinds.get(p) == "series"]
t.check(len(series) >= 30, f"only {len(series)} time series")
for path in series:
    ds = datasets[path]
    on_field_time = path == "/field_time" or (len(ds.dims[0]) > 0 and ds.dims[0][0].name == "/field_time")
    rows = nf if on_field_time else nt
    if not t.check(ds.shape[:1] == (rows,), f"time series {path} has shape {ds.shape}, expected [{rows}, ...]"):
        continue
    t.check(ds.chunks is not None, f"{path} is not chunked")
    t.check(ds.compression == "gzip", f"{path} is not compressed (compression={ds.compression})")
    t.check(ds.maxshape[0] is None, f"{path} cannot grow along time (maxshape {ds.maxshape})")
    if ds.chunks is not None:
        t.check(ds.chunks[1:] == ds.shape[1:], f"{path}: chunks {ds.chunks} do not hold whole rows (along time)")

# --- KPIs -------------------------------------------------------------------------------------
kpi = {k: ds[()] for k, ds in f["/kpi"].items()} if "/kpi" in f else {}
for name, ds in (f["/kpi"].items() if "/kpi" in f else []):
    t.check(ds.shape == () and text(ds.attrs.get("units", "")) in allowed_units and "formula" in ds.attrs,
            f"/kpi/{name}: not a scalar dataset with units and formula")
for name in ["PUE", "T_chip_max", "discharge_dT_max", "fuel_total", "CO2_total", "energy_balance_residual"]:
    if t.check(name in kpi, f"/kpi@{name} missing"):
        t.check(np.isfinite(float(kpi[name])), f"/kpi@{name} is not finite")
if "PUE" in kpi:
    t.check(1.0 < float(kpi["PUE"]) < 2.0, f"PUE {kpi['PUE']} is implausible")
if "T_chip_max" in kpi:
    t.check(abs(float(kpi["T_chip_max"]) - f["/racks/T_chip_max"][:].max()) < 1e-9 * 300,
            "/kpi@T_chip_max is not the largest /racks/T_chip_max")
# The hottest chip at every row is the row maximum of the fields where both are stored.
t.check(np.array_equal(f["/racks/T_chip_max"][::2], f["/racks/T_chip"][:].max(axis=1)),
        "/racks/T_chip_max is not the largest /racks/T_chip at the field rows")
if "discharge_dT_max" in kpi:
    dT = f["/cooling/T_discharge"][:] - f["/cooling/T_intake"][:]
    t.check(abs(float(kpi["discharge_dT_max"]) - dT.max()) < 1e-6,
            f"/kpi@discharge_dT_max {kpi['discharge_dT_max']} != max(T_discharge - T_intake) {dT.max()}")
if "E_it_input" in kpi and "E_facility" in kpi:
    # PUE's boundary (ISO/IEC 30134-2): IT energy at the IT equipment input, the rack power shelves'.
    t.check(rel_diff(float(kpi["PUE"]), float(kpi["E_facility"]) / float(kpi["E_it_input"])) < 1e-12,
            "/kpi@PUE is not E_facility / E_it_input")
    # Independently: the rows integrated by the trapezoid rule (hourly rows of slowly varying
    # powers: 1e-3).
    tt = f["/time"][:]
    pue_rows = np.trapz(f["/power/P_facility"][:], tt) / np.trapz(f["/power/P_it_input"][:], tt)
    t.check(rel_diff(float(kpi["PUE"]), pue_rows) < 1e-3, f"/kpi@PUE {kpi['PUE']} != trapezoid of the rows {pue_rows}")
if "outfall_rise_max" in kpi:
    rise = max(f["/cooling/rise_above_ambient"][:].max(), f["/engine_cooling/rise_above_ambient"][:].max())
    t.check(abs(float(kpi["outfall_rise_max"]) - rise) < 1e-6, f"/kpi@outfall_rise_max != max of the outfalls' rise")

# --- energy balance from the file alone -------------------------------------------------------
E = f["/balance/E_stored"][:]
sources = f["/balance/source_energy"][-1].sum()
sinks = f["/balance/sink_energy"][-1].sum()
residual = (sources - sinks - (E[-1] - E[0])) / sources
print(f"energy balance: sources {sources:.6e} J, sinks {sinks:.6e} J, stored {E[-1] - E[0]:.6e} J, "
      f"residual {residual:.3e}")
t.check(sources > 0, "no energy entered the ship")
t.check(abs(residual) <= 1e-6, f"energy balance residual {residual:.3e} exceeds 1e-6")
if "energy_balance_residual" in kpi:
    reported = float(kpi["energy_balance_residual"])
    t.check(abs(residual - reported) <= 1e-12 + 1e-9 * abs(residual),
            f"/kpi@energy_balance_residual {reported:.6e} differs from the file's own balance {residual:.6e}")
# The energies are integrals from t = 0 of non-negative powers. (A trapezoidal integral of the
# sampled powers is no check: the default case's hourly checkpoint dips fall between rows.)
for name in ["source", "sink"]:
    energy = f[f"/balance/{name}_energy"][:]
    power = f[f"/balance/{name}s"][:]
    bad_rows = np.flatnonzero(~np.all(np.isfinite(energy), axis=1))
    t.check(bad_rows.size == 0, f"/balance/{name}_energy is not finite at rows {bad_rows[:10].tolist()}")
    t.check(np.all(energy[0] == 0.0), f"/balance/{name}_energy does not start at 0 J: row 0 is {energy[0].tolist()}")
    good = energy[np.all(np.isfinite(energy), axis=1)]
    names = [n.decode() if isinstance(n, bytes) else n for n in f[f"/balance/{name}_names"][:]]
    # Hull exchange with sea and air is signed (the sun or warm air can heat the hull).
    one_way = [k for k, n in enumerate(names) if not n.startswith("hull to")]
    # The integrals come from CVODES under its error test (rtol 1e-5): an integral of a
    # non-negative power may step back by a few ppm of its value where the power has a kink
    # (sunrise, sunset), so the monotonicity check allows 3e-5 of each column's final value (13 ppm
    # measured on the solar and hull-sun columns at the first sunset since the trim chiller's energy
    # integral joined the error test), and for a
    # column that stays near zero (battery losses of an idle battery) 1e-9 of the ledger's
    # total, the scale the quadratures' error control works on.
    total = np.abs(good[-1]).sum()
    allowed = np.maximum(3e-5 * np.maximum(1.0, np.abs(good[-1, one_way])), 1e-9 * total)
    t.check(np.all(np.diff(good[:, one_way], axis=0) >= -allowed), f"/balance/{name}_energy decreases")
    t.check(np.all(power[:, one_way] >= -1e-9 * max(1.0, np.abs(power).max())), f"/balance/{name}s has negative powers")

# --- electrical balance at every output row ---------------------------------------------------
gen = f["/power/P_generation"][:].sum(axis=1)
lhs = gen + f["/power/P_battery"][:] + f["/power/P_unserved"][:]
rhs = f["/power/P_facility"][:] + f["/power/P_plant_aux"][:] + f["/power/P_dumped"][:]
worst = np.max(np.abs(lhs - rhs) / np.maximum(np.abs(rhs), 1.0))
print(f"electrical balance: worst row mismatch {worst:.3e} (relative)")
t.check(worst <= 1e-6, f"Σ P_generation + P_battery + P_unserved != P_facility + P_dumped (worst {worst:.3e})")
names = [text(n) for n in f["/power/generator_name"][:]]
t.check(any("engine" in n for n in names) and "solar" in names and "shore" in names,
        f"/power/generator_name {names} does not list engines, solar and shore")

# --- meaning of a few series ------------------------------------------------------------------
racks_sum = f["/racks/P_it"][:].sum(axis=1)
p_it = f["/power/P_it"][:]
t.check(np.max(np.abs(racks_sum - p_it[::2]) / np.maximum(p_it[::2], 1.0)) < 1e-9,
        "Σ /racks/P_it != /power/P_it at the field rows")
facility = f["/power/P_facility"][:]
t.check(np.all(facility >= p_it - 1e-6), "/power/P_facility is smaller than /power/P_it")
mdot = f["/cooling/m_dot_seawater"][:]
dT = f["/cooling/T_discharge"][:] - f["/cooling/T_intake"][:]
cp = f["/cooling/Q_seawater"][:] / (mdot * dT)
t.check(np.all((cp > 3800) & (cp < 4200)),
        f"/cooling/Q_seawater is not ṁ·cp·(T_discharge − T_intake) with a seawater cp (got {cp.min():.0f}..{cp.max():.0f})")
soc = f["/power/battery_soc"][:]
t.check(np.all((soc >= 0) & (soc <= 1)), "/power/battery_soc outside 0..1")
t.check(np.all(f["/power/fuel_rate"][:] >= 0), "negative /power/fuel_rate")
T_chip = f["/racks/T_chip"][:]
t.check(np.all((T_chip > 271) & (T_chip < 400)), "/racks/T_chip outside 271..400 K")
f.close()
t.finish()
