#!/usr/bin/python3
"""cli_signals: SIGTERM and SIGINT stop a run and keep its rows (a batch time limit, Ctrl-C).

A one-year run with every training dip resolved (about half a minute) gets the signal once its
OUT.h5.part has existed for a second. It must stop within a few seconds with exit status
128 + signal (143, 130) and an `interrupted:` line on stderr, and leave at OUT.h5 a whole,
readable result: `status = "interrupted"`, `failure` naming the signal, the rows up to the
stop (more than one, strictly increasing, every dataset readable), no /kpi, a checkpoint at the
last row, and OUT.xdmf. `fdtwin run --resume OUT.h5 --duration D` then continues it one more
day: exit 0, the rows before the checkpoint as they were, status complete with KPIs; with
`--set` it is refused (exit 2).
(SIGKILL cannot be caught: cli_sigkill checks that it leaves nothing at OUT.h5.)
"""
import os
import signal
import subprocess
import time

import h5py
import numpy as np

from fdtwin_test import Test, read_every_dataset

t = Test("cli_signals")
for sig, status in [(signal.SIGTERM, 143), (signal.SIGINT, 130)]:
    name = signal.Signals(sig).name
    out = t.path(f"{name}.h5")
    proc = subprocess.Popen([t.fdtwin, "run", t.case, "-o", out, "--duration", "365d", "--set",
                             "it.training_dips=resolved", "-q"], cwd=t.tmp, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not os.path.exists(out + ".part") and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    if not t.check(proc.poll() is None, f"{name}: the run ended before the signal ({proc.returncode})"):
        continue
    sent = time.monotonic()
    os.kill(proc.pid, sig)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        t.fatal(f"{name}: the run did not stop within 30 s of the signal")
    err = err.decode(errors="replace")
    t.check(time.monotonic() - sent < 10, f"{name}: the run took {time.monotonic() - sent:.1f} s to stop")
    t.check(proc.returncode == status, f"{name}: exit status {proc.returncode}, expected {status}")
    t.check(err.startswith("interrupted: ") and f"signal {int(sig)}" in err and "status \"interrupted\"" in err,
            f"{name}: stderr does not say the run was interrupted and kept: {err.strip()!r}")
    if not t.check(os.path.isfile(out) and not os.path.exists(out + ".part"),
                   f"{name}: no result at the output path, or a .part left"):
        continue
    t.check(os.path.isfile(t.path(f"{name}.xdmf")), f"{name}: no XDMF companion")
    with h5py.File(out, "r") as f:
        st = f.attrs["status"]
        st = st.decode() if isinstance(st, bytes) else st
        failure = f.attrs.get("failure", b"")
        failure = failure.decode() if isinstance(failure, bytes) else failure
        t.check(st == "interrupted", f"{name}: status {st!r}, expected 'interrupted'")
        t.check(f"signal {int(sig)}" in failure, f"{name}: failure attribute {failure!r} does not name the signal")
        t.check("/kpi" not in f, f"{name}: an interrupted run has KPIs")
        time_rows = f["/time"][:]
        t.check(len(time_rows) > 1 and np.all(np.diff(time_rows) > 0) and time_rows[-1] < 365 * 86400,
                f"{name}: /time holds {len(time_rows)} rows ending at {time_rows[-1:]} s")
        n = read_every_dataset(f)
        t.check(n > 100 and f["/power/P_facility"].shape[0] == len(time_rows), f"{name}: {n} datasets read back")
        t.check("/checkpoint" in f and f["/checkpoint"].attrs["time"] == time_rows[-1],
                f"{name}: no checkpoint at the last row")
        kept = {p: f[p][:] for p in ("/time", "/power/P_facility", "/racks/T_chip")}
    # Resume it for one more simulated day: the rows kept are copied as they are, the run goes on.
    end = float(kept["/time"][-1]) + 86400.0
    refused = subprocess.run([t.fdtwin, "run", "--resume", out, "--set", "it.utilization=0.5"], cwd=t.tmp,
                             capture_output=True, text=True)
    t.check(refused.returncode == 2 and "--resume" in refused.stderr,
            f"{name}: --resume with --set exited {refused.returncode}: {refused.stderr.strip()!r}")
    resumed = subprocess.run([t.fdtwin, "run", "--resume", out, "--duration", f"{end}s", "-q"], cwd=t.tmp,
                             capture_output=True, text=True, timeout=120)
    if not t.check(resumed.returncode == 0, f"{name}: --resume exited {resumed.returncode}: {resumed.stderr[-600:]}"):
        continue
    with h5py.File(out, "r") as f:
        st = f.attrs["status"]
        st = st.decode() if isinstance(st, bytes) else st
        t.check(st == "complete" and "/kpi" in f, f"{name}: the resumed run is {st!r}")
        rows = len(kept["/time"])
        t.check(f["/time"][-1] == end and np.all(np.diff(f["/time"][:]) > 0), f"{name}: resumed /time ends at {f['/time'][-1]}")
        for p, v in kept.items():
            n_kept = len(v) if p != "/racks/T_chip" else v.shape[0]
            t.check(np.array_equal(f[p][:n_kept], v), f"{name}: {p} rows before the checkpoint changed on resume")
        cmd = f["/provenance"].attrs["command_line"]
        cmd = cmd.decode() if isinstance(cmd, bytes) else cmd
        t.check("resumed at t = " in cmd and "--resume" in cmd, f"{name}: command_line {cmd!r}")
        t.check(f["/time"].shape[0] > rows, f"{name}: no rows after the checkpoint")
t.finish()
