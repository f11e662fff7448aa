#!/usr/bin/env python3
"""Sweep benchmark (docs/performance.md, "Sweeps"): what `fdtwin sweep` costs on top of the
simulations it runs. Standard library only, so it runs wherever fdtwin does.

  throughput  16 one-week cases of the default case (it.utilization 0.80 … 0.95), run once
              with 1 worker and once with 2 (fresh folders): throughput ratio = wall(1) / wall(2).
              Target: >= 1.8 on a machine with 2 free cores.
  overhead    32 one-hour cases with 1 worker: per-case overhead = (wall of the whole
              `fdtwin sweep` command - sum of the simulations' own /solver@wall_time) / 32, i.e.
              process start, case expansion and checks, result and XDMF writing, run log,
              resume scan and summary. Target: <= 50 ms. Split into the part inside each case's
              process (process wall from the run log - simulation wall) and the sweep's own part.

Usage: sweep_benchmark.py FDTWIN SOURCE_DIR [--cases 16] [--duration 7d] [--overhead-cases 32]
       [--repeat 1] [--keep DIR]
Prints Markdown tables.
"""
import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def values(n, lo=0.80, hi=0.95):
    return ",".join(f"{lo + (hi - lo) * i / max(1, n - 1):.4f}" for i in range(n))


def sweep(fdtwin, case, out, n, duration, jobs):
    cmd = [fdtwin, "sweep", case, "--param", f"it.utilization={values(n)}", "--duration", duration, "-o", out,
           "-j", str(jobs), "-q"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    with open(os.path.join(out, "summary.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    sim = [float(r["wall_time [s]"]) for r in rows]
    proc_wall = []
    with open(os.path.join(out, "sweep.log")) as f:
        for line in f:
            m = re.match(r"\S+ done case-\d+ ([0-9.]+) s", line)
            if m:
                proc_wall.append(float(m.group(1)))
    return wall, sim, proc_wall


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("fdtwin")
    ap.add_argument("source")
    ap.add_argument("--cases", type=int, default=16)
    ap.add_argument("--duration", default="7d")
    ap.add_argument("--overhead-cases", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--keep", help="keep the sweep folders here")
    a = ap.parse_args()
    fdtwin = os.path.abspath(a.fdtwin)
    case = os.path.join(os.path.abspath(a.source), "cases", "barge-ai-20mw.toml")
    work = a.keep or tempfile.mkdtemp(prefix="fdtwin-bench-sweep-")
    os.makedirs(work, exist_ok=True)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")

    print(f"\n### Throughput: {a.cases} cases of {a.duration}\n")
    print("| run | workers | wall [s] | sum of simulation walls [s] | cases/min | throughput vs 1 worker |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    ratios = []
    for r in range(a.repeat):
        w1, s1, _ = sweep(fdtwin, case, os.path.join(work, f"j1-{r}"), a.cases, a.duration, 1)
        w2, s2, _ = sweep(fdtwin, case, os.path.join(work, f"j2-{r}"), a.cases, a.duration, 2)
        ratios.append(w1 / w2)
        print(f"| {r + 1} | 1 | {w1:.2f} | {sum(s1):.2f} | {60 * a.cases / w1:.1f} | 1.00 |")
        print(f"| {r + 1} | 2 | {w2:.2f} | {sum(s2):.2f} | {60 * a.cases / w2:.1f} | {w1 / w2:.2f} |")
    print(f"\nthroughput ratio, 2 workers vs 1: {min(ratios):.2f} (worst of {a.repeat}; target >= 1.8)")

    n = a.overhead_cases
    print(f"\n### Per-case overhead: {n} cases of 1 h, 1 worker\n")
    print("| run | sweep wall [s] | sum of simulation walls [s] | overhead per case [ms] | in the case process [ms] "
          "| in the sweep [ms] |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    worst = 0.0
    for r in range(a.repeat):
        wall, sim, pw = sweep(fdtwin, case, os.path.join(work, f"overhead-{r}"), n, "1h", 1)
        per = 1000 * (wall - sum(sim)) / n
        inside = 1000 * (sum(pw) - sum(sim)) / n
        worst = max(worst, per)
        print(f"| {r + 1} | {wall:.2f} | {sum(sim):.2f} | {per:.1f} | {inside:.1f} | {per - inside:.1f} |")
    print(f"\nper-case overhead: {worst:.1f} ms (worst of {a.repeat}; target <= 50 ms)")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
