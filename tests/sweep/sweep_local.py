#!/usr/bin/python3
"""sweep_local: `fdtwin sweep` with worker processes on this machine (docs/sweeps.md).

1. A 2 x 2 grid of two-hour cases on 2 workers: exit 0, one complete result per case, whose
   stored command line is the case's own `fdtwin run`; summary.csv and summary.h5 hold one
   row per case in grid order with the swept values in SI, the KPIs of each result file, the
   status, and units.
2. A list sweep of four cases where case 1 reads a missing environment file (fails, exit 2)
   and case 2 is killed with SIGSEGV while it runs (a crash): the other two complete, the
   sweep exits 1, each failure is recorded with its message; a rerun runs nothing; after the
   missing file is supplied, --retry-failed runs exactly the two failed cases and no other.
3. `fdtwin sweep collect` rewrites the same summary; a different sweep into the same folder,
   a bad sweep file and a misspelt --param are refused with status 2 and a one-line message.
4. --slurm writes a job-array script with the [slurm] resources, covering only chunks with
   work left.
"""
import os
import shutil
import signal
import subprocess
import time

import h5py

from sweep_test import Test, log_events, read_csv, same_summary, write_sweep

t = Test("sweep_local")

# --- 1. a grid --------------------------------------------------------------------------------
grid = write_sweep(t, "grid.toml", """name = "grid"
duration = "2 h"
kpis = ["PUE", "fuel_total", "T_chip_max", "E_unserved"]
[set]
it.utilization = 0.9
[parameters]
power.battery.capacity = ["10 MWh", "20 MWh"]
it.halls = [1, 2]
""")
out = t.path("grid")
proc = t.run("sweep", grid, "-o", out, "-j", "2")
t.expect_exit(proc, 0, "the grid sweep")
t.check("4 done, 0 failed, 0 pending" in proc.stdout, f"the grid sweep's report: {proc.stdout!r}")
t.check("sweep: case-0003 done" in proc.stderr, f"no progress line per case on stderr: {proc.stderr!r}")
t.check("ETA" in proc.stderr and "running" in proc.stderr, "progress lines show no running count or ETA")
rows = read_csv(os.path.join(out, "summary.csv"))
expected = [(3.6e10, 1), (3.6e10, 2), (7.2e10, 1), (7.2e10, 2)]
t.check(len(rows) == 4, f"summary.csv has {len(rows)} rows, expected 4")
for i, (row, (cap, halls)) in enumerate(zip(rows, expected)):
    name = f"case-{i:04d}"
    h5 = os.path.join(out, name + ".h5")
    t.check(row["case"] == name and row["status"] == "done", f"row {i}: {row}")
    t.check(float(row["power.battery.capacity [J]"]) == cap and int(row["it.halls [1]"]) == halls,
            f"row {i} holds the wrong inputs: {row}")
    t.check(os.path.isfile(h5) and os.path.isfile(os.path.join(out, name + ".xdmf")), f"{name}: no .h5 or .xdmf")
    with h5py.File(h5, "r") as f:
        cmd = f["/provenance"].attrs["command_line"]
        cmd = cmd.decode() if isinstance(cmd, bytes) else cmd
        t.check(f"--set power.battery.capacity={int(cap)}" in cmd and f"--set it.halls={halls}" in cmd
                and "--set it.utilization=0.9" in cmd and "--duration 7200" in cmd,
                f"{name}: the stored command line is not the case's own run: {cmd}")
        for k in ("PUE", "fuel_total", "T_chip_max", "E_unserved"):
            unit = {"PUE": "1", "fuel_total": "kg", "T_chip_max": "K", "E_unserved": "J"}[k]
            t.check(float(row[f"{k} [{unit}]"]) == float(f"{f['/kpi/' + k][()]:.9g}"),
                    f"{name}: summary.csv {k} {row[f'{k} [{unit}]']} differs from the result's {f['/kpi/' + k][()]}")
        t.check(abs(float(row["wall_time [s]"]) - f["/provenance"].attrs["wall_time"]) < 1e-6, f"{name}: wall time")
t.check(list(rows[0].keys()) == ["case", "status", "power.battery.capacity [J]", "it.halls [1]", "PUE [1]",
                                 "fuel_total [kg]", "T_chip_max [K]", "E_unserved [J]", "wall_time [s]", "error"],
        f"summary.csv columns: {list(rows[0].keys())}")
with h5py.File(os.path.join(out, "summary.h5"), "r") as f:
    t.check(int(f.attrs["summary_version"]) == 1 and int(f.attrs["cases"]) == 4 and int(f.attrs["done"]) == 4,
            "summary.h5 root attributes")
    t.check(list(f["/inputs/power.battery.capacity"][()]) == [3.6e10, 3.6e10, 7.2e10, 7.2e10], "/inputs values")
    t.check(f["/inputs/power.battery.capacity"].attrs["units"] == b"J" or
            f["/inputs/power.battery.capacity"].attrs["units"] == "J", "/inputs units attribute")
    t.check([s.decode() for s in f["/case/status"][()]] == ["done"] * 4, "/case/status")
    t.check(f["/kpi/T_chip_max"].attrs["units"] in (b"K", "K"), "/kpi units attribute")
    for p in ("/case/name", "/case/error", "/case/result", "/case/wall_time", "/kpi/PUE"):
        t.check("units" in f[p].attrs, f"{p} has no units attribute")
    t.check(f["/kpi"].attrs["names"] in (b"PUE;fuel_total;T_chip_max;E_unserved", "PUE;fuel_total;T_chip_max;E_unserved"),
            "/kpi@names lists the KPIs in sweep order")

# --- 2. a failing and a crashing case -----------------------------------------------------------
env = os.path.join(t.source, "data", "environment", "ulsan-2022.csv")
mixed = write_sweep(t, "mixed.toml", f"""name = "mixed"
mode = "list"
[parameters]
environment.file = ["{env}", "later.csv", "{env}", "{env}"]
case.duration = ["1 h", "1 h", "365 d", "1 h"]
""")
out2 = t.path("mixed")
started = time.monotonic()
sweep = subprocess.Popen([t.fdtwin, "sweep", mixed, "-o", out2, "-j", "2"], cwd=t.tmp, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
victim = None
while victim is None and sweep.poll() is None and time.monotonic() - started < 60:
    if os.path.exists(os.path.join(out2, "sweep.log")):
        for ev, case, rest in log_events(out2):
            if ev == "start" and case == "case-0002":
                victim = int(rest.split("pid")[1].split()[0])
    time.sleep(0.02)
if t.check(victim is not None, "case-0002 never started"):
    time.sleep(0.4)
    os.kill(victim, signal.SIGSEGV)
stdout, stderr = sweep.communicate(timeout=120)
t.check(sweep.returncode == 1, f"a sweep with failures exits with status 1, got {sweep.returncode}: {stderr}")
rows = read_csv(os.path.join(out2, "summary.csv"))
status = [r["status"] for r in rows]
t.check(status == ["done", "failed", "failed", "done"], f"statuses {status}")
t.check("environment file not found" in rows[1]["error"] and rows[1]["error"].startswith("error: "),
        f"case-0001's error: {rows[1]['error']!r}")
t.check("crashed by signal 11" in rows[2]["error"], f"case-0002's error: {rows[2]['error']!r}")
t.check(rows[1]["PUE [1]"] == "" and rows[0]["PUE [1]"] != "", "a failed case has KPIs, or a done one none")
t.check("case-0001: error:" in stdout and "case-0002: crashed" in stdout, f"failures not listed: {stdout!r}")
t.check(os.path.isfile(os.path.join(out2, "case-0001.failed")), "no failure record for case-0001")
t.check(not os.path.exists(os.path.join(out2, "case-0001.h5")), "a failed case left a result file")

mtimes = {n: os.stat(os.path.join(out2, n + ".h5")).st_mtime_ns for n in ("case-0000", "case-0003")}
mark = os.path.getsize(os.path.join(out2, "sweep.log"))
proc = t.run("sweep", mixed, "-o", out2, "-j", "2")
t.expect_exit(proc, 1, "a rerun of a sweep with failures")
t.check(not [e for e in log_events(out2, mark) if e[0] == "start"], "a rerun without --retry-failed started cases")
t.check("--retry-failed" in proc.stderr, f"the rerun does not point to --retry-failed: {proc.stderr!r}")

shutil.copy(env, t.path("later.csv"))  # the missing input appears
mark = os.path.getsize(os.path.join(out2, "sweep.log"))
proc = t.run("sweep", mixed, "-o", out2, "-j", "2", "--retry-failed")
t.expect_exit(proc, 0, "--retry-failed after the input was fixed")
started = sorted(c for e, c, _ in log_events(out2, mark) if e == "start")
t.check(started == ["case-0001", "case-0002"], f"--retry-failed started {started}, expected the two failed cases")
t.check(not os.path.exists(os.path.join(out2, "case-0001.failed")), "a retried case kept its failure record")
for n, m in mtimes.items():
    t.check(os.stat(os.path.join(out2, n + ".h5")).st_mtime_ns == m, f"{n} was rewritten by a rerun")
t.check([r["status"] for r in read_csv(os.path.join(out2, "summary.csv"))] == ["done"] * 4, "not all done after retry")

# --- 3. collect, refusals -----------------------------------------------------------------------
shutil.copytree(out2, t.path("mixed-copy"))
proc = t.run("sweep", "collect", out2)
t.expect_exit(proc, 0, "sweep collect")
same_summary(t, out2, t.path("mixed-copy"), "collect vs the sweep's own summary")

other = write_sweep(t, "other.toml", '[parameters]\nit.halls = [1, 3]\n')
proc = t.run("sweep", other, "-o", out2)
t.expect_exit(proc, 2, "another sweep into a used folder")
t.check("holds the results of a different sweep" in proc.stderr, f"message: {proc.stderr!r}")
bad = write_sweep(t, "bad.toml", '[parameters]\nit.racks_per_rwo = [1, 2]\n')
proc = t.run("sweep", bad, "-o", t.path("bad"))
t.expect_exit(proc, 2, "a misspelt key in a sweep file")
t.check(proc.stderr.strip() == f"error: {bad}:4: it.racks_per_rwo: unknown case key in [parameters]; "
        "did you mean 'it.racks_per_row'?", f"message: {proc.stderr!r}")
t.check(not os.path.exists(t.path("bad")), "a refused sweep created its folder")
proc = t.run("sweep", t.case, "--param", "it.hals=1,2", "-o", t.path("p"))
t.expect_exit(proc, 2, "a misspelt --param")
t.check("--param: it.hals: unknown key; did you mean 'it.halls'?" in proc.stderr, f"message: {proc.stderr!r}")
proc = t.run("sweep", t.case, "--param", "it.halls=1,2", "--param", "it.profile=training,inference", "--list")
t.expect_exit(proc, 0, "--list of a command-line grid")
t.check(len(proc.stdout.strip().splitlines()) == 6 and "case-0003  2" in proc.stdout, f"--list: {proc.stdout!r}")

# --- 4. the Slurm script -------------------------------------------------------------------------
slurm = write_sweep(t, "slurm.toml", """name = "slurm-script"
duration = "1 h"
[parameters]
it.halls = [1, 2, 3, 4, 5]
[slurm]
partition = "short"
time = "00:20:00"
cases_per_task = 2
max_parallel = 3
mem = "2G"
extra = ["--qos=low"]
""")
out4 = t.path("slurm")
os.makedirs(out4)
proc = t.run("sweep", slurm, "-o", out4, "--slurm")
t.expect_exit(proc, 0, "--slurm")
script = open(os.path.join(out4, "sweep.sbatch")).read() if os.path.exists(os.path.join(out4, "sweep.sbatch")) else ""
for line in ["#SBATCH --array=0-2%3", "#SBATCH --partition=short", "#SBATCH --time=00:20:00", "#SBATCH --mem=2G",
             "#SBATCH --qos=low", "#SBATCH --cpus-per-task=1", f"#SBATCH --output={out4}/logs/slurm-%A_%a.out",
             f"sweep task {out4} --chunk \"$SLURM_ARRAY_TASK_ID\""]:
    t.check(line in script, f"the script lacks {line!r}:\n{script}")
t.check(os.access(os.path.join(out4, "sweep.sbatch"), os.X_OK), "the script is not executable")
# Chunk 1 (cases 2, 3) run by hand, twice: the second run skips them; a resubmission of the
# script covers only chunks 0 and 2.
proc = t.run("sweep", "task", out4, "--chunk", "1")
t.expect_exit(proc, 0, "sweep task --chunk 1")
mark = os.path.getsize(os.path.join(out4, "sweep.log"))
t.expect_exit(t.run("sweep", "task", out4, "--chunk", "1"), 0, "sweep task --chunk 1 again")
t.check(not log_events(out4, mark), f"a second task run of a complete chunk ran cases: {log_events(out4, mark)}")
t.check(sorted(f for f in os.listdir(out4) if f.endswith(".h5")) == ["case-0002.h5", "case-0003.h5"],
        f"chunk 1 wrote {sorted(os.listdir(out4))}")
proc = t.run("sweep", "task", out4, "--chunk", "3")
t.expect_exit(proc, 2, "sweep task --chunk 3 of 3 chunks")
proc = t.run("sweep", slurm, "-o", out4, "--slurm")
script = open(os.path.join(out4, "sweep.sbatch")).read()
t.check("#SBATCH --array=0,2%3" in script, f"the resubmission's array is not 0,2:\n{script}")
t.finish()
