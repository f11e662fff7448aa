#!/usr/bin/python3
"""sweep_mpi: `mpirun -np 2 fdtwin sweep SWEEP -o DIR --mpi` (fdtwin calls MPI_Init itself)
gives the same summary as the local run of the same sweep, failure included; both ranks run
cases (rank 0 hands out case indices on request and runs cases too); a bad sweep file ends
every rank with status 2 and one message. Skipped (status 77) without mpirun.

Run as root (as CI does), OpenMPI needs --allow-run-as-root; --oversubscribe lets 2 ranks
start on a machine with fewer free slots.
"""
import os
import shutil
import subprocess

from sweep_test import SKIP, Test, log_events, read_csv, same_summary, write_sweep

t = Test("sweep_mpi")
mpirun = shutil.which("mpirun") or ("/usr/bin/mpirun" if os.access("/usr/bin/mpirun", os.X_OK) else None)
if not mpirun:
    print("SKIP: mpirun is not installed (Debian package openmpi-bin)")
    raise SystemExit(SKIP)
MPI = [mpirun, "--allow-run-as-root", "--oversubscribe", "-np", "2"]

csv_file = os.path.join(t.source, "data", "environment", "ulsan-2022.csv")
sweep = write_sweep(t, "mpi.toml", f"""name = "mpi"
mode = "list"
duration = "3 h"
kpis = ["PUE", "fuel_total", "T_chip_max", "discharge_dT_max", "energy_balance_residual"]
[parameters]
it.utilization = [0.6, 0.7, 0.8, 0.9, 0.95, 1.0]
environment.file = ["{csv_file}", "{csv_file}", "{csv_file}", "missing.csv", "{csv_file}", "{csv_file}"]
""")

local = t.path("local")
proc = t.run("sweep", sweep, "-o", local, "-j", "2")
t.expect_exit(proc, 1, "the local run (one case fails)")

ranks = t.path("mpi")
proc = subprocess.run(MPI + [t.fdtwin, "sweep", sweep, "-o", ranks, "--mpi"], cwd=t.tmp, capture_output=True,
                      text=True, timeout=150)
t.check(proc.returncode == 1, f"mpirun … --mpi exited with {proc.returncode}, expected 1 (one failed case):\n"
        f"{proc.stdout[-1500:]}\n{proc.stderr[-1500:]}")
t.check("5 done, 1 failed, 0 pending (2 MPI ranks" in proc.stdout, f"MPI report: {proc.stdout!r}")
if os.path.exists(os.path.join(ranks, "summary.csv")):
    same_summary(t, local, ranks, "MPI vs local")
    rows = read_csv(os.path.join(ranks, "summary.csv"))
    t.check([r["status"] for r in rows].count("done") == 5, "MPI: not 5 done")
    by_rank = {}
    for ev, case, rest in log_events(ranks):
        if ev in ("done", "failed"):
            rank = rest.split("rank")[-1].split(":")[0].strip()
            by_rank.setdefault(rank, []).append(case)
    t.check(set(by_rank) == {"0", "1"}, f"cases did not run on both ranks: {by_rank}")
    print(f"cases per rank: {by_rank}")

# A bad sweep: every rank stops with status 2, the message appears once.
bad = write_sweep(t, "bad.toml", "[parameters]\nit.halls = [1, 0]\n")
proc = subprocess.run(MPI + [t.fdtwin, "sweep", bad, "-o", t.path("bad"), "--mpi"], cwd=t.tmp, capture_output=True,
                      text=True, timeout=60)
t.check(proc.returncode == 2, f"a bad sweep under MPI exited with {proc.returncode}, expected 2")
t.check(proc.stderr.count("error: ") == 1 and "it.halls: must be 1" in proc.stderr,
        f"a bad sweep under MPI: {proc.stderr[-1000:]!r}")
t.finish()
