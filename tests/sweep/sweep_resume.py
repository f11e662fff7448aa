#!/usr/bin/python3
"""sweep_resume: a sweep killed at any moment loses no completed case, and a rerun completes
it without running any finished case twice (docs/sweeps.md, "Resume").

1. SIGKILL: an 8-case sweep of one-day runs on 2 workers is killed with SIGKILL once at
   least two cases are complete and another is running. Its running cases die with it (no
   orphan keeps writing). The same command then exits 0 with exactly the full set of 8
   results; the results that existed before are untouched (same inode and mtime) and not one
   of them appears as started in the run log after the kill; every other case starts once.
2. SIGTERM (and Ctrl-C, which the same code handles): the sweep stops starting cases, stops
   the running ones (which keep their rows as "interrupted" results with a checkpoint and
   without KPIs), records them as pending (never failed), writes the summary and exits with
   128 + 15; a rerun completes the set, running exactly the cases without a complete result,
   the interrupted ones resumed from their checkpoints (`start … resumed at t = …`).
"""
import glob
import os
import signal
import subprocess
import time

import h5py

from sweep_test import Test, log_events, read_csv

t = Test("sweep_resume")
values = "0.60,0.65,0.70,0.75,0.80,0.85,0.90,0.95"
N = 8


def command(out, duration="1d", extra=()):
    return [t.fdtwin, "sweep", t.case, "--param", f"it.utilization={values}", "--duration", duration, "-o", out,
            "-j", "2", *extra]


def results(out):
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(out, "case-*.h5")))


def start_and_wait(out, done_at_least, cmd=None):
    """Starts the sweep; returns it once `done_at_least` results exist and a case is running."""
    proc = subprocess.Popen(cmd or command(out), cwd=t.tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if len(results(out)) >= done_at_least and glob.glob(os.path.join(out, "case-*.h5.part")):
            return proc
        time.sleep(0.01)
    t.fatal(f"the sweep never had {done_at_least} results and a running case (status {proc.poll()})")


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] not in ("Z", "X")
    except OSError:
        return False


# --- 1. SIGKILL -------------------------------------------------------------------------------
out = t.path("killed")
proc = start_and_wait(out, 2)
os.kill(proc.pid, signal.SIGKILL)
proc.wait(timeout=30)
t.check(proc.returncode == -signal.SIGKILL, f"the sweep was not killed by SIGKILL ({proc.returncode})")
before = {n: (os.stat(os.path.join(out, n)).st_ino, os.stat(os.path.join(out, n)).st_mtime_ns) for n in results(out)}
children = [int(rest.split("pid")[1].split()[0]) for ev, case, rest in log_events(out) if ev == "start"]
deadline = time.monotonic() + 5
while any(alive(p) for p in children) and time.monotonic() < deadline:
    time.sleep(0.05)
t.check(not any(alive(p) for p in children), "cases of the killed sweep still run (orphans)")
after_kill = results(out)  # an orphan would have added results here
t.check(sorted(before) == after_kill, f"results appeared after the kill: {sorted(before)} -> {after_kill}")
print(f"killed with {len(before)} of {N} cases complete: {sorted(before)}")

mark = os.path.getsize(os.path.join(out, "sweep.log"))
rerun = subprocess.run(command(out), cwd=t.tmp, capture_output=True, text=True, timeout=120)
t.check(rerun.returncode == 0, f"the rerun exited with {rerun.returncode}: {rerun.stderr[-800:]}")
t.check(f"{len(before)} done before" in rerun.stderr, f"the rerun does not report the completed cases: {rerun.stderr}")
t.check(results(out) == [f"case-{i:04d}.h5" for i in range(N)], f"results after the rerun: {results(out)}")
for name, (ino, mtime) in before.items():
    st = os.stat(os.path.join(out, name))
    t.check((st.st_ino, st.st_mtime_ns) == (ino, mtime), f"{name} was written again by the rerun")
starts = [case for ev, case, _ in log_events(out, mark) if ev == "start"]
t.check(not set(starts) & {n[:-3] for n in before}, f"the rerun started finished cases: {set(starts) & set(before)}")
missing = sorted(f"case-{i:04d}" for i in range(N) if f"case-{i:04d}.h5" not in before)
t.check(sorted(starts) == missing, f"the rerun started {sorted(starts)}, expected each of {missing} once")
t.check(not glob.glob(os.path.join(out, "*.part")), "temporary .part files remain")
rows = read_csv(os.path.join(out, "summary.csv"))
t.check([r["status"] for r in rows] == ["done"] * N, f"summary statuses {[r['status'] for r in rows]}")

# --- 2. SIGTERM --------------------------------------------------------------------------------
# Cases of a few seconds each (three days with every training dip resolved), so that the ones
# running when the signal comes are stopped part-way and resume from their checkpoints.
out = t.path("terminated")
slow = command(out, "3d", ("--set", "it.training_dips=resolved"))
proc = start_and_wait(out, 2, slow)  # the next two cases start as these end: one is part-way
os.kill(proc.pid, signal.SIGTERM)
proc.wait(timeout=60)
t.check(proc.returncode == 128 + signal.SIGTERM, f"a sweep stopped by SIGTERM exits {proc.returncode}, not 143")
t.check(not glob.glob(os.path.join(out, "*.failed")), "stopped cases were recorded as failed")
rows = read_csv(os.path.join(out, "summary.csv"))
states = [r["status"] for r in rows]
t.check("pending" in states and "failed" not in states and "done" in states, f"summary after SIGTERM: {states}")
# Every case started before the signal ends in the log as done (it finished first) or
# interrupted (it was stopped: its rows kept as an "interrupted" file), never failed or unended.
events = log_events(out)
ended = {case: ev for ev, case, _ in events if ev in ("done", "interrupted", "failed")}
started = [case for ev, case, _ in events if ev == "start"]
t.check(all(ended.get(case) in ("done", "interrupted") for case in started),
        f"started cases without a done or interrupted end in the run log: {[(c, ended.get(c)) for c in started]}")
# The cases SIGTERM stopped keep their rows as `status = "interrupted"` files without KPIs
# (fdtwin run's own signal handling); they are pending, not done, and run again.
def complete(out):
    done, interrupted = set(), set()
    for name in results(out):
        with h5py.File(os.path.join(out, name), "r") as f:
            status = f.attrs.get("status", b"")
            status = status.decode() if isinstance(status, bytes) else status
            t.check(status in ("complete", "interrupted"), f"{name} after SIGTERM has status {status!r}")
            if status == "complete" and "/kpi" in f:
                done.add(name)
            if status == "interrupted":
                t.check("/checkpoint" in f, f"{name} was interrupted without a checkpoint")
                interrupted.add(name)
    return done, interrupted


done_before, interrupted_before = complete(out)
mark = os.path.getsize(os.path.join(out, "sweep.log"))
rerun = subprocess.run(slow, cwd=t.tmp, capture_output=True, text=True, timeout=180)
t.check(rerun.returncode == 0, f"the rerun after SIGTERM exited with {rerun.returncode}: {rerun.stderr[-800:]}")
t.check(len(results(out)) == N, f"{len(results(out))} results after the rerun")
starts = [case + ".h5" for ev, case, _ in log_events(out, mark) if ev == "start"]
t.check(not set(starts) & done_before and len(starts) == N - len(done_before),
        f"the rerun after SIGTERM started {starts} with {sorted(done_before)} complete")
# The interrupted cases go on from their checkpoints (fdtwin run --resume), the others from t = 0.
resumed = {case + ".h5" for ev, case, rest in log_events(out, mark) if ev == "start" and "resumed at t =" in rest}
t.check(interrupted_before and resumed == interrupted_before,
        f"the rerun resumed {sorted(resumed)}; the interrupted cases were {sorted(interrupted_before)}")
t.check(complete(out)[0] == set(results(out)), "results after the resumed rerun are not all complete")
t.finish()
