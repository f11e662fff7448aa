#!/usr/bin/python3
"""cli_sigkill: a run killed with SIGKILL mid-way leaves no file at the output path.

A one-year run with every training dip resolved (about a minute) is killed once its temporary
OUT.h5.part has existed for a second. Nothing may be at OUT.h5 nor at OUT.xdmf (the .part may remain: SIGKILL cannot be
caught). A second run to the same path must then succeed, replace the stale .part and leave
only complete files: OUT.h5 opens with h5py and holds the whole run, OUT.xdmf is there, and no
.part remains.
"""
import os
import signal
import subprocess
import time

import h5py

from fdtwin_test import Test

t = Test("cli_sigkill")
out = t.path("killed.h5")
part = out + ".part"
xdmf = t.path("killed.xdmf")

proc = subprocess.Popen([t.fdtwin, "run", t.case, "-o", out, "--duration", "365d", "--set", "it.training_dips=resolved"],
                        cwd=t.tmp,
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
deadline = time.monotonic() + 30
while not os.path.exists(part) and proc.poll() is None and time.monotonic() < deadline:
    time.sleep(0.05)
t.check(os.path.exists(part), "the run never created its temporary file " + os.path.basename(part))
time.sleep(1.0)  # well into the run: rows have been appended to the .part
running = proc.poll() is None
if not t.check(running, f"the one-year run ended (status {proc.returncode}) before it could be killed"):
    t.finish()
os.kill(proc.pid, signal.SIGKILL)
proc.wait(timeout=30)
proc.stderr.close()
t.check(proc.returncode == -signal.SIGKILL, f"the run was not killed by SIGKILL (status {proc.returncode})")

t.check(not os.path.exists(out), "a killed run left a file at the final output path")
t.check(not os.path.exists(xdmf), "a killed run left an XDMF file")
print(f"after SIGKILL: {'a stale .part remains' if os.path.exists(part) else 'no .part'}; no file at the output path")

# The next run to the same path replaces the stale .part and commits.
proc = t.run("run", t.case, "-o", out, "--duration", "1d", "--quiet")
if t.expect_exit(proc, 0, "the run after the killed one"):
    t.check(os.path.isfile(out), "the rerun left no result file")
    t.check(not os.path.exists(part), "the rerun left the .part file")
    t.check(os.path.isfile(xdmf) and not os.path.exists(xdmf + ".part"), "the rerun left no complete XDMF file")
    try:
        with h5py.File(out, "r") as f:
            t.check(int(f.attrs["schema_version"]) == 3, "the rerun's result has no schema_version 3")
            t.check(abs(float(f["/time"][-1]) - 86400.0) < 1e-6, "the rerun's result does not hold the whole day")
            t.check("PUE" in f["/kpi"], "the rerun's result has no KPIs")
    except OSError as e:
        t.check(False, f"the rerun's result does not open with h5py: {e}")
    info = t.run("info", out)
    t.expect_exit(info, 0, "fdtwin info of the rerun's result")
t.finish()
