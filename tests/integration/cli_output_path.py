#!/usr/bin/python3
"""cli_output_path: an output path is never damaged by a run that does not own it.

1. Same-path race: a second run on the output path of a run in progress stops with exit 2 and
   "another fdtwin run is writing this result" before it creates or truncates anything; the
   first run completes and every dataset of its file reads back (the race used to truncate
   the first run's OUT.h5.part and zero its geometry, 10 of 16 races).
2. A FIFO and a symbolic link (to /dev/null) as -o are refused with exit 2 and stay what they
   were (the final rename used to replace them with a regular file; as root, `-o /dev/null`
   replaced the device).
3. A stale OUT.h5.part (a killed run, not locked) does not stop a new run, which replaces it.
"""
import os
import stat
import subprocess
import time

import h5py

from fdtwin_test import Test, read_every_dataset

t = Test("cli_output_path")


# --- 1. same-path race ---------------------------------------------------------------------------
out = t.path("race.h5")
first = subprocess.Popen([t.fdtwin, "run", t.case, "-o", out, "--duration", "365d", "--output-interval", "10min",
                          "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
deadline = time.monotonic() + 30
while not os.path.exists(out + ".part") and first.poll() is None and time.monotonic() < deadline:
    time.sleep(0.02)
t.check(first.poll() is None, "the first run ended before the second started: the race was not tried")
second = t.run("run", t.case, "-o", out, "--duration", "1h", "-q")
t.check(second.returncode == 2, f"the second run on a busy output path exited {second.returncode}, expected 2")
t.check("another fdtwin run is writing this result" in second.stderr and "race.h5.part is locked" in second.stderr,
        f"the second run's error does not say the path is busy: {second.stderr.strip()}")
t.check(first.poll() is None, "the first run ended while the second was refused (the race was not tried)")
_, err = first.communicate(timeout=120)
t.check(first.returncode == 0, f"the first run exited {first.returncode}: {err.decode(errors='replace')}")
if t.check(os.path.isfile(out), "the first run left no result"):
    with h5py.File(out, "r") as f:
        n, status = read_every_dataset(f), f.attrs["status"]
    t.check(n > 100 and status in (b"complete", "complete"), f"the first run's file reads {n} datasets, status {status}")
    with h5py.File(out, "r") as f:
        t.check(f["/time"].shape[0] == 365 * 144 + 1, f"the first run's file has {f['/time'].shape[0]} rows")
        t.check(abs(f["/hull/points"][:]).max() > 1.0, "the first run's hull geometry is zeroed")

# --- 2. FIFO and symbolic link ---------------------------------------------------------------------
fifo = t.path("pipe.h5")
os.mkfifo(fifo)
r = t.run("run", t.case, "-o", fifo, "--duration", "1h", "-q")
t.check(r.returncode == 2 and "not a regular file" in r.stderr, f"-o FIFO: exit {r.returncode}: {r.stderr.strip()}")
t.check(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO given as -o is no longer a FIFO")
link = t.path("null.h5")
os.symlink("/dev/null", link)
r = t.run("run", t.case, "-o", link, "--duration", "1h", "-q")
t.check(r.returncode == 2 and "symbolic link" in r.stderr, f"-o symlink: exit {r.returncode}: {r.stderr.strip()}")
t.check(os.path.islink(link) and os.readlink(link) == "/dev/null", "the symbolic link given as -o was replaced")
t.check(stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null is no longer a character device")
t.check(not os.path.exists(fifo + ".part") and not os.path.exists(link + ".part"), "a refused run left a .part")

# --- 3. a stale .part -----------------------------------------------------------------------------
stale = t.path("stale.h5")
with open(stale + ".part", "wb") as fh:
    fh.write(b"left by a killed run")
r = t.run("run", t.case, "-o", stale, "--duration", "2h", "-q")
t.check(r.returncode == 0, f"a stale .part stopped the run: exit {r.returncode}: {r.stderr.strip()}")
t.check(os.path.isfile(stale) and not os.path.exists(stale + ".part"), "the stale .part was not replaced")
t.finish()
