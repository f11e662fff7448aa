"""Streaming keeps memory flat (results are written as the run goes, not held): the peak resident
memory of a run at one-minute output must not grow with the simulated duration. A 1-day and a
5-day run at 1-minute output (1,441 vs 7,201 rows of 448 hull panels and 160 racks: the fields
at every row too, `case.field_interval` = 1 min, the heaviest rows a case can ask for) are
compared: the longer run may use at most 16 MiB more (chunk buffers and allocator slack), and
both stay far under the 500 MB budget of a one-year one-minute run. Peak memory is read with
getrusage of each child process."""
import os
import resource
import subprocess
import sys

from fdtwin_test import Test


def peak_rss_mib(args):
    # Run in a fresh Python child so that RUSAGE_CHILDREN sees exactly one fdtwin process.
    code = ("import resource, subprocess, sys; "
            "r = subprocess.run(sys.argv[1:], capture_output=True); "
            "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True).stdout
    rc, kib = out.split()
    return int(rc), int(kib) / 1024.0


t = Test("cli_memory_flat")
short_rc, short = peak_rss_mib([t.fdtwin, "run", t.case, "-o", t.path("d1.h5"), "-q", "--duration", "1d",
                                "--output-interval", "1min", "--set", "case.field_interval=1min"])
long_rc, long_ = peak_rss_mib([t.fdtwin, "run", t.case, "-o", t.path("d5.h5"), "-q", "--duration", "5d",
                               "--output-interval", "1min", "--set", "case.field_interval=1min"])
t.check(short_rc == 0 and long_rc == 0, f"runs failed: exit {short_rc}, {long_rc}")
print(f"peak RSS: 1 d {short:.1f} MiB, 5 d {long_:.1f} MiB")
t.check(long_ - short <= 16.0, f"peak memory grows with duration: {short:.1f} MiB for 1 d, {long_:.1f} MiB for 5 d")
t.check(long_ < 200.0, f"peak memory {long_:.1f} MiB is far above what a streaming writer needs")
t.finish()
