"""Shared helpers of the sweep tests (tests/sweep/sweep_*.py), on top of the integration
tests' Test class (tests/integration/fdtwin_test.py): writing sweep files, reading summaries
and the run log of a sweep folder."""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))

from fdtwin_test import Test, rel_diff  # noqa: E402,F401  (re-exported)

SKIP = 77  # CTest SKIP_RETURN_CODE of the sweep tests


def write_sweep(t, name, body, base=None):
    """Writes a sweep file `name` in the test folder whose [sweep] table starts with the base
    case (the default case unless `base`), followed by `body`."""
    path = t.path(name)
    with open(path, "w") as f:
        f.write(f'[sweep]\nbase = "{base or t.case}"\n{body}')
    return path


def read_csv(path):
    """The rows of a summary.csv as dicts keyed by the header."""
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def log_events(folder, since=0):
    """(event, case, rest) of each line of DIR/sweep.log from byte offset `since`."""
    events = []
    with open(os.path.join(folder, "sweep.log")) as f:
        f.seek(since)
        for line in f:
            m = re.match(r"\S+ (start|done|failed|interrupted) (case-\d+)(.*)", line)
            if m:
                events.append((m.group(1), m.group(2), m.group(3)))
    return events


def same_summary(t, a, b, what):
    """summary.csv and summary.h5 of folders a and b agree in everything but wall times and
    creation times."""
    import h5py
    ra, rb = read_csv(os.path.join(a, "summary.csv")), read_csv(os.path.join(b, "summary.csv"))
    t.check(len(ra) == len(rb), f"{what}: {len(ra)} vs {len(rb)} rows in summary.csv")
    for x, y in zip(ra, rb):
        x.pop("wall_time [s]", None)
        y.pop("wall_time [s]", None)
        t.check(x == y, f"{what}: summary.csv rows differ:\n  {x}\n  {y}")
    with h5py.File(os.path.join(a, "summary.h5"), "r") as fa, h5py.File(os.path.join(b, "summary.h5"), "r") as fb:
        for name in ("cases", "done", "failed", "pending", "sweep_name", "mode", "base_case"):
            t.check(fa.attrs[name] == fb.attrs[name], f"{what}: summary.h5 @{name} differs")
        paths = []
        fa.visit(lambda p: paths.append(p) if isinstance(fa[p], h5py.Dataset) else None)
        pb = []
        fb.visit(lambda p: pb.append(p) if isinstance(fb[p], h5py.Dataset) else None)
        t.check(sorted(paths) == sorted(pb), f"{what}: summary.h5 datasets differ: {paths} vs {pb}")
        for p in paths:
            if p == "case/wall_time" or p not in fb:
                continue
            da, db = fa[p][()], fb[p][()]
            if da.dtype.kind == "f":
                same = all((x == y) or (x != x and y != y) for x, y in zip(da, db))
            else:
                same = list(da) == list(db)
            t.check(same and len(da) == len(db), f"{what}: summary.h5 /{p} differs: {da} vs {db}")
