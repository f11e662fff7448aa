#!/usr/bin/python3
"""cli_h5diff_reproducible: two runs of the same case give files that h5diff finds equal.

Runs the default case for 6 simulated hours twice, into files of different names (so the
stored command lines differ in length as well as in text), one second apart (so the creation
times differ), and compares them with h5diff and the exclusions the result schema declares
(`fdtwin schema --results --json`, "h5diff_excludes"; docs/results-format.md, "Comparing two
runs"). Without the exclusions h5diff must find the provenance differences, so the test can
fail. The runs have no events: the empty /events datasets must not make h5diff fail.
`fdtwin compare` must find them equal too (exit 0), and a run with 1 % less IT load different
(exit 1), naming the IT power as beyond the tolerance with its row and rack.
"""
import json
import subprocess
import time

import h5py

from fdtwin_test import Test

t = Test("cli_h5diff_reproducible")
a, b = t.path("first.h5"), t.path("second-run-with-a-longer-name.h5")
t.run_case(a, duration="6h")
time.sleep(1.1)
t.run_case(b, duration="6h")

proc = t.run("schema", "--results", "--json")
t.expect_exit(proc, 0, "schema --results --json")
excludes = json.loads(proc.stdout)["h5diff_excludes"]
t.check("/provenance" in excludes, f"h5diff_excludes {excludes} does not skip /provenance")

with h5py.File(a, "r") as f:
    t.check(f["/events/time"].shape == (0,), "the run has events; the empty-dataset case is not exercised")
    t.check(f["/provenance"].attrs["command_line"] != h5py.File(b, "r")["/provenance"].attrs["command_line"],
            "the two runs store the same command line")

diff = subprocess.run(["h5diff", *excludes, a, b], capture_output=True, text=True)
t.check(diff.returncode == 0, f"h5diff {' '.join(excludes)} exits with {diff.returncode}:\n{diff.stdout[-3000:]}"
        f"{diff.stderr[-1000:]}")
t.check("differences found" not in diff.stdout or "0 differences found" in diff.stdout,
        f"h5diff reports differences:\n{diff.stdout[-3000:]}")

full = subprocess.run(["h5diff", a, b], capture_output=True, text=True)
t.check(full.returncode == 1, f"h5diff without exclusions exits with {full.returncode}, expected 1 (provenance "
        "differs)")

# fdtwin compare: equal runs, then a changed one.
proc = t.run("compare", a, b)
t.check(proc.returncode == 0 and "\n0 of " in proc.stdout, f"compare of two runs of one case: exit {proc.returncode}:"
        f"\n{proc.stdout[-2000:]}{proc.stderr}")
c = t.path("less-load.h5")
t.run_case(c, "--set", "it.utilization=0.891", duration="6h")
proc = t.run("compare", a, c)
t.check(proc.returncode == 1, f"compare of a changed run exits {proc.returncode}, expected 1")
beyond = [line for line in proc.stdout.splitlines() if "BEYOND" in line]
t.check(any(line.startswith("/racks/P_it ") and "rack " in line and "(t = " in line for line in beyond),
        f"compare does not show where the rack power differs:\n{proc.stdout[:3000]}")
proc = t.run("compare", a, c, "--json")
doc = json.loads(proc.stdout) if proc.returncode == 1 else {}
t.check(doc.get("beyond", 0) > 10 and doc["items"][0]["relative"] > 1e-3, f"compare --json: {str(doc)[:300]}")
proc = t.run("compare", a, c, "--rtol", "1")
t.check(proc.returncode == 0, f"compare --rtol 1 exits {proc.returncode}: every item is within 100 %")
t.finish()
