"""fdtwin run on the case's clock: the environment record is read at case.start + t.

- A run of the default case that starts on 2022-08-01 00:00 KST records the sea surface
  temperature of the Ulsan file's row stamped 2022-08-01T00:00:00+09:00 (read here with the
  csv module), not January's.
- A run whose start or end lies outside the record exits with status 2, names the CSV file,
  the key (case.start or case.duration) and the record's first and last instants, and leaves
  nothing at the output path.
- With environment.wrap = "years" the same run goes through and reads 2022's calendar.
"""
import csv
import os
import sys

import h5py

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fdtwin_test import Test  # noqa: E402

t = Test("cli_environment_clock")
year_file = os.path.join(t.source, "data", "environment", "ulsan-2022.csv")


def record_sst(stamp):
    with open(year_file, newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for row in rows:
            if row["time"] == stamp:
                return float(row["T_sea_surface_K"])
    t.fatal(f"no row {stamp} in {year_file}")
    return None


def run(out, *sets, duration="2h"):
    args = ["run", t.case, "-o", out, "--duration", duration, "--quiet"]
    for s in sets:
        args += ["--set", s]
    return t.run(*args)


def first_sst(out):
    with h5py.File(out, "r") as h5:
        return float(h5["/environment/T_sea_surface"][0])


def no_output(path, what):
    stem = os.path.splitext(path)[0]
    for p in [path, path + ".part", stem + ".xdmf", stem + ".xdmf.part"]:
        t.check(not os.path.exists(p), f"{what}: {p} was written")


# --- August reads August ------------------------------------------------------------------------
august, january = record_sst("2022-08-01T00:00:00+09:00"), record_sst("2022-01-01T00:00:00+09:00")
t.check(august - january > 5.0, f"the record's August ({august} K) and January ({january} K) are too alike to test")
out = t.path("august.h5")
proc = run(out, "case.start=2022-08-01T00:00:00+09:00")
if t.expect_exit(proc, 0, "run starting 2022-08-01"):
    got = first_sst(out)
    t.check(abs(got - august) < 1e-9, f"a run starting 2022-08-01 saw {got} K at t = 0, the record says {august} K")
# The same instant written in UTC.
out = t.path("august-utc.h5")
if t.expect_exit(run(out, "case.start=2022-07-31T15:00:00Z"), 0, "run starting 2022-07-31T15:00:00Z"):
    got = first_sst(out)
    t.check(abs(got - august) < 1e-9, f"a run starting 2022-07-31T15:00:00Z saw {got} K, the record says {august} K")

# --- a record that does not cover the run -------------------------------------------------------
for sets, duration, key in [(["case.start=2022-12-30T00:00:00+09:00"], "7d", "case.duration"),
                            (["case.start=2023-03-01T00:00:00+09:00"], "1d", "case.start"),
                            (["case.start=2021-12-31T12:00:00+09:00"], "1d", "case.start")]:
    out = t.path("uncovered.h5")
    proc = run(out, *sets, duration=duration)
    what = f"run {sets} for {duration}"
    if t.expect_exit(proc, 2, what):
        err = proc.stderr
        for phrase in ["ulsan-2022.csv", key, "2022-01-01T00:00:00+09:00", "2023-01-01T00:00:00+09:00",
                       "environment.wrap"]:
            t.check(phrase in err, f"{what}: the message does not mention {phrase!r}: {err.strip()!r}")
        t.check(len(err.strip().splitlines()) <= 6, f"{what}: the message is {len(err.splitlines())} lines long")
    no_output(out, what)

# --- wrap = "years" --------------------------------------------------------------------------------
out = t.path("wrapped.h5")
proc = run(out, "case.start=2023-08-01T00:00:00+09:00", "environment.wrap=years")
if t.expect_exit(proc, 0, "run starting 2023-08-01 with wrap = years"):
    got = first_sst(out)
    t.check(abs(got - august) < 1e-9, f"2023-08-01 with wrap = years saw {got} K, 2022-08-01 of the record is {august} K")

t.finish()
