#!/usr/bin/python3
"""sweep_slurm: a sweep through a real Slurm. The test starts munged, slurmctld and slurmd
(Debian's munge and slurm-wlm) on localhost under its own folder with free ports
(local_slurm.py), writes the job array with `fdtwin sweep … --slurm`, submits it with sbatch,
waits for it, and runs `fdtwin sweep collect`: every array task completes, every case is done,
and the summary equals that of a local run of the same sweep. Submitting again finds nothing
to run. Skipped (status 77, with the reason) only when Slurm cannot start here.
"""
import os

from local_slurm import LocalSlurm, SlurmUnavailable
from sweep_test import SKIP, Test, log_events, read_csv, same_summary, write_sweep

t = Test("sweep_slurm")
sweep = write_sweep(t, "slurm.toml", """name = "slurm"
duration = "2 h"
kpis = ["PUE", "fuel_total", "T_chip_max"]
[parameters]
it.halls = [1, 2]
it.utilization = [0.8, 0.9]
[slurm]
partition = "test"
time = "00:05:00"
cases_per_task = 2
max_parallel = 2
setup = ["echo fdtwin-setup-ran-on-$(hostname)"]
""")
out = t.path("slurm")
proc = t.run("sweep", sweep, "-o", out, "--slurm")
t.expect_exit(proc, 0, "--slurm")
script = os.path.join(out, "sweep.sbatch")
t.check(os.path.isfile(script) and "sbatch" in proc.stdout, f"--slurm wrote no script: {proc.stdout!r}")
with open(script) as fh:
    text = fh.read()
t.check("#SBATCH --open-mode=append\n" in text, "the script does not append to the task logs (a requeue replaced them)")
t.check("#SBATCH --signal=B:TERM@120\n" in text, "the script does not ask for SIGTERM before the time limit")
t.check(text.index("echo fdtwin-setup-ran") < text.index("exec "), "slurm.setup does not come before fdtwin starts")

try:
    with LocalSlurm(t.path("cluster")) as slurm:
        job = slurm.sbatch(script)
        tasks = slurm.wait(job, timeout=150)
except SlurmUnavailable as e:
    print(f"SKIP: Slurm cannot start here: {e}")
    t._tmp.cleanup()
    raise SystemExit(SKIP)

t.check(len(tasks) == 2, f"{len(tasks)} array tasks, expected 2: {tasks}")
for task in tasks:
    t.check(task.get("JobState") == "COMPLETED" and task.get("ExitCode") == "0:0",
            f"array task {task.get('JobId')}_{task.get('ArrayTaskId')}: {task.get('JobState')} {task.get('ExitCode')}")
logs = sorted(f for f in os.listdir(os.path.join(out, "logs")) if f.startswith(f"slurm-{job}_"))
t.check(logs == [f"slurm-{job}_0.out", f"slurm-{job}_1.out"], f"Slurm task logs: {logs}")
for name in logs:
    with open(os.path.join(out, "logs", name)) as fh:
        t.check("fdtwin-setup-ran-on-" in fh.read(), f"{name}: the slurm.setup line did not run in the task")
chunks = {rest.split("chunk")[1].split()[0] for ev, _, rest in log_events(out) if ev == "done"}
t.check(chunks == {"0", "1"}, f"cases were not run by the two array tasks: {chunks}")
t.check(any(f"job {job}_1" in rest for _, _, rest in log_events(out)), "the run log does not name the array task")

proc = t.run("sweep", "collect", out)
t.expect_exit(proc, 0, "sweep collect after the array")
rows = read_csv(os.path.join(out, "summary.csv")) if os.path.exists(os.path.join(out, "summary.csv")) else []
t.check([r["status"] for r in rows] == ["done"] * 4, f"statuses after collect: {[r['status'] for r in rows]}")

local = t.path("local")
t.expect_exit(t.run("sweep", sweep, "-o", local, "-j", "2"), 0, "the local run")
same_summary(t, local, out, "Slurm vs local")

proc = t.run("sweep", sweep, "-o", out, "--slurm")
t.expect_exit(proc, 0, "--slurm on a complete sweep")
t.check("nothing to run" in proc.stdout, f"--slurm on a complete sweep: {proc.stdout!r}")
t.finish()
