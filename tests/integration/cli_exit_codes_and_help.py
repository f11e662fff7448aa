#!/usr/bin/python3
"""cli_exit_codes_and_help: the command line's contract (docs/cli.md).

`--help` of every subcommand; exit status 2 and a message on stderr (never a crash, never a
file at -o) for bad cases, missing cases, bad result files given to `info`, bad durations,
bad --set values and unwritable output paths; durations in s, min, h and d; `--json`,
`--quiet`, plain "progress:" lines when stderr is not a terminal and a redrawn bar when it is.
"""
import json
import os
import shutil
import subprocess

import h5py

from fdtwin_test import Test

t = Test("cli_exit_codes_and_help")
KPI_KEYS = ["PUE", "T_chip_max", "discharge_dT_max", "fuel_total", "CO2_total", "energy_balance_residual"]


def no_output(path, what):
    """Nothing at `path`, nor its temporary .part, nor its XDMF file."""
    stem = os.path.splitext(path)[0]
    for p in [path, path + ".part", stem + ".xdmf", stem + ".xdmf.part"]:
        t.check(not os.path.exists(p), f"{what}: {p} was written")


def input_error(proc, what, *phrases):
    """Exit status 2 with one clear `error:` message on stderr naming each of `phrases`."""
    if t.expect_exit(proc, 2, what):
        err = proc.stderr
        t.check(err.startswith("error: ") or "\nerror: " in err, f"{what}: stderr does not start with 'error:': {err!r}")
        t.check("HDF5-DIAG" not in err and "Traceback" not in err and "terminate called" not in err,
                f"{what}: stderr carries library noise instead of one message: {err[:500]!r}")
        t.check(len(err.strip().splitlines()) <= 6, f"{what}: the message is {len(err.splitlines())} lines long")
        for phrase in phrases:
            t.check(phrase in err, f"{what}: the message does not mention {phrase!r}: {err.strip()!r}")


# --- help --------------------------------------------------------------------------------------
for args in [["--help"], ["run", "--help"], ["validate", "--help"], ["info", "--help"], ["schema", "--help"],
             ["export", "--help"]]:
    proc = t.run(*args)
    if t.expect_exit(proc, 0, f"fdtwin {' '.join(args)}"):
        t.check("Usage" in proc.stdout, f"fdtwin {' '.join(args)} prints no usage on stdout")
run_help = t.run("run", "--help").stdout
for option in ["--output", "--set", "--duration", "--output-interval", "--quiet", "--json"]:
    t.check(option in run_help, f"`fdtwin run --help` does not describe {option}")
t.check("--csv" in t.run("export", "--help").stdout, "`fdtwin export --help` does not describe --csv")
proc = t.run()
t.expect_exit(proc, 2, "fdtwin without a subcommand")
proc = t.run("frobnicate")
t.expect_exit(proc, 2, "fdtwin with an unknown subcommand")
proc = t.run("run", t.case, "--no-such-option")
t.expect_exit(proc, 2, "fdtwin run with an unknown option")
proc = t.run("schema")
if t.expect_exit(proc, 0, "fdtwin schema"):
    t.check(proc.stdout.lstrip().startswith("#") and "racks_per_row" in proc.stdout,
            "`fdtwin schema` does not print the Markdown key reference")
proc = t.run("schema", "--json")
if t.expect_exit(proc, 0, "fdtwin schema --json"):
    schema = json.loads(proc.stdout)
    keys = {k["key"]: k for k in schema["keys"]}
    t.check(keys.get("it.rack_power_peak", {}).get("default") == 120e3 and keys["it.rack_power_peak"]["unit"] == "W",
            "`fdtwin schema --json` does not give it.rack_power_peak's SI default and unit")
    t.check(keys.get("it.profile", {}).get("choices") == ["training", "inference", "idle", "csv"],
            "`fdtwin schema --json` does not list the choices of it.profile")
    t.check(keys.get("case.start", {}).get("type") == "datetime", "case.start is not a datetime in the JSON schema")
    t.check(any(r["keys"] == ["seawater.cleaning_duration", "seawater.cleaning_interval"] for r in schema["rules"]),
            "`fdtwin schema --json` does not list the cleaning_duration < cleaning_interval rule")
proc = t.run("validate", t.case)
t.expect_exit(proc, 0, "fdtwin validate of the default case")
for start, phrase in [("2022-02-30T00:00:00+09:00", "day out of range"), ("2022-01-01T00:00:00", "UTC offset"),
                      ('"yesterday"', "YYYY-MM-DD")]:
    bad_start = t.path("bad_start.toml")
    with open(bad_start, "w") as f:
        f.write(f'[case]\nname = "x"\nstart = {start}\n')
    input_error(t.run("validate", bad_start), f"validate of case.start = {start}", "bad_start.toml:3", "case.start",
                phrase)

# --- bad cases -----------------------------------------------------------------------------------
bad = t.path("syntax.toml")
with open(bad, "w") as f:
    f.write('[case]\nname = "broken\n[it\nracks_per_row = 4\n')
out = t.path("syntax.h5")
input_error(t.run("run", bad, "-o", out, "--duration", "1d"), "run of a case with a TOML syntax error", "syntax.toml")
no_output(out, "run of a case with a TOML syntax error")
input_error(t.run("validate", bad), "validate of a case with a TOML syntax error", "syntax.toml")
out = t.path("missing.h5")
input_error(t.run("run", t.path("no-such-case.toml"), "-o", out), "run of a missing case file", "no-such-case.toml")
no_output(out, "run of a missing case file")

# --- bad result files given to `info` ------------------------------------------------------------
good = t.path("good.h5")
t.run_case(good, duration="12h")
proc = t.run("info", good)
t.expect_exit(proc, 0, "info of a good result")

truncated = t.path("truncated.h5")
shutil.copy(good, truncated)
os.truncate(truncated, os.path.getsize(good) // 2)
input_error(t.run("info", truncated), "info of a truncated result", "truncated.h5")
input_error(t.run("export", truncated, "--csv", t.path("csv-truncated")), "export of a truncated result",
            "truncated.h5")

foreign = t.path("foreign.h5")
with h5py.File(foreign, "w") as f:
    f["/data"] = [1.0, 2.0, 3.0]
    f.attrs["creator"] = "someone else"
input_error(t.run("info", foreign), "info of a foreign HDF5 file", "foreign.h5", "not an fdtwin result")

text = t.path("notes.h5")
with open(text, "w") as f:
    f.write("this is not HDF5\n" * 100)
input_error(t.run("info", text), "info of a text file", "notes.h5", "not an HDF5 file")

newer = t.path("version4.h5")
shutil.copy(good, newer)
with h5py.File(newer, "r+") as f:
    f.attrs["schema_version"] = 4
input_error(t.run("info", newer), "info of a schema version 4 file", "version4.h5", "schema version 4")

# A header that declares 300 M rows the file never stored: refused at once (it took 2.4 GB and
# wrote a 600 MB CSV), and a series shorter than /time: refused, not left out of the CSV.
ghost = t.path("ghost-rows.h5")
shutil.copy(good, ghost)
with h5py.File(ghost, "r+") as f:
    f["/time"].resize((300_000_000,))
input_error(t.run("info", ghost, timeout=20), "info of a file declaring 300 M unwritten rows", "/time", "damaged")
input_error(t.run("export", ghost, "--csv", t.path("csv-ghost"), timeout=20),
            "export of a file declaring 300 M unwritten rows", "/time", "damaged")
short = t.path("short-series.h5")
shutil.copy(good, short)
with h5py.File(short, "r+") as f:
    f["/cooling/T_intake"].resize((5,))
input_error(t.run("export", short, "--csv", t.path("csv-short")), "export of a file with a short series",
            "/cooling/T_intake", "has 5 rows but /time has 13")

# A file on which libhdf5 itself crashes (found by tests/fuzz/fuzz_result): every reading command
# refuses it as damaged, exit 2, instead of dumping core.
segv = os.path.join(t.source, "tests", "cases", "bad-results", "h5aiterate-segv.h5")
for args, what in [(["info", segv], "info"), (["report", segv, "-o", t.path("segv.html")], "report")]:
    input_error(t.run(*args), f"{what} of a file that crashes libhdf5", "damaged")
input_error(t.run("export", segv, "--csv", t.path("csv-segv")), "export of a file that crashes libhdf5", "h5aiterate")
proc = t.run("compare", good, segv)  # reads other parts of the file: differences, or an error, never a crash
t.check(proc.returncode in (1, 2), f"compare with a file that crashes libhdf5 exits {proc.returncode}")

input_error(t.run("info", t.path("absent.h5")), "info of a missing file", "absent.h5")
input_error(t.run("info", t.tmp), "info of a folder", t.tmp)
empty = t.path("empty.h5")
open(empty, "w").close()
input_error(t.run("info", empty), "info of an empty file", "empty.h5")

# --- durations -----------------------------------------------------------------------------------
for duration, seconds in [("12h", 43200.0), ("90min", 5400.0), ("3600s", 3600.0), ("0.25d", 21600.0)]:
    out = t.path(f"duration-{duration}.h5")
    proc = t.run("run", t.case, "-o", out, "--duration", duration, "--quiet")
    if t.expect_exit(proc, 0, f"run --duration {duration}"):
        with h5py.File(out, "r") as f:
            end = float(f["/time"][-1])
        t.check(abs(end - seconds) < 1e-6, f"--duration {duration} simulated {end} s, expected {seconds} s")
# 30 days take about half a minute; that the value parses is shown by the next error being
# about the output folder (the duration is checked first).
proc = t.run("run", t.case, "-o", t.path("no-such-folder", "x.h5"), "--duration", "30d")
input_error(proc, "run --duration 30d into a missing folder", "no-such-folder")
t.check("--duration" not in proc.stderr, f"--duration 30d is refused: {proc.stderr.strip()!r}")
proc = t.run("run", t.case, "-o", t.path("interval.h5"), "--duration", "2h", "--output-interval", "15min", "-q")
if t.expect_exit(proc, 0, "run --duration 2h --output-interval 15min"):
    with h5py.File(t.path("interval.h5"), "r") as f:
        t.check(f["/time"].shape == (9,), f"--output-interval 15min over 2 h gave {f['/time'].shape[0]} rows, expected 9")
for duration in ["3x", "abc", "-1d", "0s", ""]:
    out = t.path("bad-duration.h5")
    input_error(t.run("run", t.case, "-o", out, "--duration", duration), f"run --duration {duration!r}",
                "--duration")
    no_output(out, f"run --duration {duration!r}")
out = t.path("bad-interval.h5")
input_error(t.run("run", t.case, "-o", out, "--duration", "1d", "--output-interval", "5 parsecs"),
            "run --output-interval '5 parsecs'", "--output-interval")
no_output(out, "run with a bad --output-interval")

# Edge numbers: a duration beyond a double, intervals below the millisecond, a row count beyond
# the budget: refused before anything is written (they used to give a garbage "complete" result
# or run forever without a progress line).
for args, what, phrase in [(["--duration", "1e308 d"], "--duration '1e308 d'", "not a finite number"),
                           (["--duration", "12000d"], "--duration longer than a hull's life", "case.duration"),
                           (["--duration", "1h", "--output-interval", "1e-300"], "--output-interval 1e-300",
                            "case.output_interval"),
                           (["--duration", "1h", "--output-interval", "1e-9 s"], "--output-interval '1e-9 s'",
                            "case.output_interval"),
                           (["--duration", "365d", "--output-interval", "1s"], "31.5 M rows", "--max-rows")]:
    out = t.path("edge.h5")
    input_error(t.run("run", t.case, "-o", out, *args, timeout=20), f"run {what}", phrase)
    no_output(out, f"run {what}")
proc = t.run("run", t.case, "-o", t.path("rows.h5"), "--duration", "2h", "--output-interval", "1s", "--max-rows", "7000",
             "-q")
t.check(proc.returncode == 2 and "7201 output rows" in proc.stderr, f"--max-rows 7000: {proc.stderr.strip()!r}")
proc = t.run("run", t.case, "-o", t.path("rows.h5"), "--duration", "2h", "--output-interval", "1s", "--max-rows", "7201",
             "-q")
t.expect_exit(proc, 0, "run within --max-rows")
# The case stored in the result is the one that ran: its duration and output interval.
with h5py.File(t.path("rows.h5"), "r") as f:
    stored = f.attrs["case_toml"]
    stored = stored.decode() if isinstance(stored, bytes) else stored
t.check("duration = 7200 " in stored and "output_interval = 1 " in stored,
        "the stored case does not hold the run's --duration and --output-interval")

# --- --version, parse errors, options in any order ---------------------------------------------------
proc = t.run("--version")
if t.expect_exit(proc, 0, "--version"):
    first = proc.stdout.splitlines()[0] if proc.stdout else ""
    t.check(first.startswith("fdtwin ") and "SUNDIALS 6." in proc.stdout and "HDF5 1." in proc.stdout
            and "OpenFOAM" in proc.stdout, f"--version does not name the program and its libraries: {proc.stdout!r}")
input_error(t.run("run", t.case, "--bogus"), "run with an unknown option", "--bogus")
input_error(t.run("run", "--duration", "1h"), "run without a case file", "case file is missing")
input_error(t.run(), "no command", "subcommand")
# --cfd before the case: the case is still the case (here refused for its name, not swallowed
# as --cfd's second value, which made it "missing").
input_error(t.run("run", "--cfd", "live", t.case, "--set", 'case.name="a/b"'), "run --cfd live CASE", "case.name")
input_error(t.run("run", "--cfd", "surrogate", t.case), "run --cfd surrogate CASE without a table", "--cfd",
            "surrogate takes its table")

# --- --set -----------------------------------------------------------------------------------------
out = t.path("set.h5")
input_error(t.run("run", t.case, "-o", out, "--duration", "1d", "--set", "it.racks_per_row=0"),
            "run --set it.racks_per_row=0", "racks_per_row")
no_output(out, "run --set it.racks_per_row=0")
input_error(t.run("run", t.case, "-o", out, "--duration", "1d", "--set", "it.racks_per_rwo=4"),
            "run --set with a misspelt key", "racks_per_rwo")
input_error(t.run("run", t.case, "-o", out, "--duration", "1d", "--set", "it.racks_per_row"),
            "run --set without '='", "it.racks_per_row")
no_output(out, "run with bad --set values")

# --- unwritable output paths -----------------------------------------------------------------------
for out, what in [("/proc/fdtwin-test.h5", "an unwritable folder"),
                  (t.path("missing-folder", "x.h5"), "a missing folder"),
                  (t.tmp, "an existing folder")]:
    proc = t.run("run", t.case, "-o", out, "--duration", "2h")
    input_error(proc, f"run -o into {what}", "--output")
    if out != t.tmp:
        no_output(out, f"run -o into {what}")
    t.check(not os.path.exists(t.tmp + ".part"), f"run -o into {what} left a .part file")

# --- --json, --quiet, progress ---------------------------------------------------------------------
out = t.path("json.h5")
proc = t.run("run", t.case, "-o", out, "--duration", "12h", "--json")
if t.expect_exit(proc, 0, "run --json"):
    try:
        doc = json.loads(proc.stdout)
        kpi = doc.get("kpi", {})
        for key in KPI_KEYS:
            t.check(key in kpi, f"--json: kpi.{key} missing")
        t.check(doc.get("result") == out, f"--json: result is {doc.get('result')!r}, expected {out!r}")
        with h5py.File(out, "r") as f:
            t.check(len(f["/kpi"]) >= len(KPI_KEYS), "--json: the file has fewer KPIs than expected")
            for key, ds in f["/kpi"].items():
                value = ds[()]
                t.check(kpi.get(key) == float(value), f"--json: kpi.{key} = {kpi.get(key)} but the file has {value}")
    except json.JSONDecodeError as e:
        t.check(False, f"--json: stdout is not JSON ({e}): {proc.stdout[:300]!r}")
    t.check("progress" not in proc.stderr, "--json: progress lines on stderr")

proc = t.run("run", t.case, "-o", t.path("quiet.h5"), "--duration", "12h", "--quiet")
if t.expect_exit(proc, 0, "run --quiet"):
    t.check(proc.stderr.strip() == "", f"--quiet: stderr is not empty: {proc.stderr[:300]!r}")
    t.check("PUE" in proc.stdout, "--quiet: the KPI summary is missing from stdout")

proc = t.run("run", t.case, "-o", t.path("plain.h5"), "--duration", "12h")
if t.expect_exit(proc, 0, "run with stderr not a terminal"):
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    progress = [line for line in lines if line.startswith("progress: ")]
    t.check(5 <= len(progress) <= 20, f"expected about ten 'progress:' lines, got {len(progress)}: {lines[:3]}")
    t.check("\r" not in proc.stderr and "\x1b" not in proc.stderr, "non-terminal progress contains \\r or escapes")
    t.check(len(progress) == len(lines), f"stderr has lines other than progress: {lines}")
    percents = [float(line.split()[1]) for line in progress if len(line.split()) > 1]
    t.check(percents == sorted(percents) and percents and percents[-1] == 100.0,
            f"progress percentages do not rise to 100: {percents}")
    t.check(all("ETA" in line and "speed" in line and "t = " in line for line in progress),
            "progress lines lack simulated time, speed or ETA")
    t.check("PUE" in proc.stdout and "result:" in proc.stdout, "the KPI summary is missing from stdout")

script = shutil.which("script")  # util-linux: runs a command on a pseudo-terminal
if t.check(script is not None, "`script` (util-linux) is missing: cannot test the terminal progress bar"):
    cmd = f"'{t.fdtwin}' run '{t.case}' -o '{t.path('tty.h5')}' --duration 12h"
    # Bytes, not text: universal newlines would turn the bar's carriage returns into newlines.
    proc = subprocess.run([script, "-qec", cmd, "/dev/null"], capture_output=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    proc.stdout, proc.stderr = proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace")
    if t.expect_exit(proc, 0, "run on a terminal"):
        t.check("\r[" in proc.stdout and "#" in proc.stdout, "no redrawn progress bar on a terminal")
        t.check("progress: " not in proc.stdout, "plain 'progress:' lines on a terminal")
        t.check("100.0 %" in proc.stdout and "ETA" in proc.stdout, "the bar does not reach 100 % or lacks the ETA")

t.finish()
