"""Shared helpers of the integration tests (tests/integration/*.py).

Every test script is run by CTest as
    /usr/bin/python3 tests/integration/<test>.py <path of the fdtwin program> <source dir>
and exits 0 when every check passed, 1 (after printing each failed check) otherwise. The
scripts use Debian's python3 with python3-h5py and python3-numpy (scripts/install-deps).
"""
import os
import subprocess
import sys
import tempfile
import time

DEFAULT_CASE = "cases/barge-ai-20mw.toml"


class Test:
    """Collects failed checks so that one run reports all of them, not only the first."""

    def __init__(self, name):
        if len(sys.argv) != 3:
            sys.exit(f"usage: {sys.argv[0]} FDTWIN_PROGRAM SOURCE_DIR")
        self.name = name
        self.fdtwin = os.path.abspath(sys.argv[1])
        self.source = os.path.abspath(sys.argv[2])
        self.case = os.path.join(self.source, DEFAULT_CASE)
        self.failures = []
        self.checks = 0
        self.started = time.monotonic()
        self._tmp = tempfile.TemporaryDirectory(prefix=f"fdtwin-{name}-")
        self.tmp = self._tmp.name

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def check(self, condition, message):
        self.checks += 1
        if not condition:
            self.failures.append(message)
            print(f"FAIL: {message}", flush=True)
        return bool(condition)

    def fatal(self, message):
        """A failed check after which the rest of the test cannot run."""
        self.failures.append(message)
        print(f"FAIL: {message}", flush=True)
        self.finish()

    def run(self, *args, timeout=120, cwd=None, stdin=subprocess.DEVNULL):
        """Runs fdtwin with `args`; returns the CompletedProcess with stdout and stderr decoded
        (without universal newlines, so that a carriage return stays one)."""
        cmd = [self.fdtwin, *args]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, cwd=cwd or self.tmp, stdin=stdin)
        except subprocess.TimeoutExpired:
            self.fatal(f"`{' '.join(cmd)}` did not finish within {timeout} s")
        proc.stdout = proc.stdout.decode("utf-8", errors="replace")
        proc.stderr = proc.stderr.decode("utf-8", errors="replace")
        return proc

    def expect_exit(self, proc, code, what):
        """Checks the exit status; a signal (negative or >= 128) is always a failure."""
        rc = proc.returncode
        crashed = rc < 0 or rc >= 128
        ok = self.check(not crashed and rc == code,
                        f"{what}: expected exit status {code}, got {rc}"
                        f"{' (killed by a signal: a crash)' if crashed else ''}\n"
                        f"  stdout: {proc.stdout.strip()[-800:]}\n  stderr: {proc.stderr.strip()[-800:]}")
        return ok

    def run_case(self, out, *extra, duration="2d"):
        """Runs the default case into `out`; fails the test when the run fails."""
        proc = self.run("run", self.case, "-o", out, "--duration", duration, "--quiet", *extra)
        if proc.returncode != 0:
            self.fatal(f"run of {DEFAULT_CASE} failed with exit status {proc.returncode}:\n{proc.stderr}")
        return proc

    def finish(self):
        elapsed = time.monotonic() - self.started
        self._tmp.cleanup()
        if self.failures:
            print(f"{self.name}: {len(self.failures)} of {self.checks} checks failed ({elapsed:.1f} s)")
            sys.exit(1)
        print(f"{self.name}: all {self.checks} checks passed ({elapsed:.1f} s)")
        sys.exit(0)


def rel_diff(a, b, floor=1.0):
    """|a - b| relative to max(|a|, |b|, floor)."""
    return abs(a - b) / max(abs(a), abs(b), floor)


def read_every_dataset(f):
    """Reads every dataset of an open h5py File (decompressing every chunk); returns their count."""
    import h5py  # only the tests that read result files need it

    count = 0

    def visit(_, obj):
        nonlocal count
        if isinstance(obj, h5py.Dataset):
            obj[()]
            count += 1
    f.visititems(visit)
    return count
