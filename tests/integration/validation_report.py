"""scripts/validation-report (`make validate`) on a tiny gtest XML fixture and one short run:
the HTML has a row per recorded check, a row for a test without numbers and the case's plot;
a check outside its tolerance, or a failed assertion, makes the report exit 1; missing input, 2."""
import os
import re
import subprocess
import sys

from fdtwin_test import Test

t = Test("validation_report")
script = os.path.join(t.source, "scripts", "validation-report")
fixture = os.path.join(t.source, "tests", "fixtures", "validation", "gtest-results.xml")
with open(fixture, encoding="utf-8") as fh:
    passing_xml = fh.read()
# The fixture names two tests of tests/validation/test_pump.cpp; point it at their current lines,
# so that the report finds the comment above each (the test's cited reference).
with open(os.path.join(t.source, "tests", "validation", "test_pump.cpp"), encoding="utf-8") as fh:
    pump_source = fh.read().splitlines()
for test_name in ("OperatingPointMatchesHandCalculation", "RejectsNonPhysicalCurves"):
    line = next((i + 1 for i, s in enumerate(pump_source) if s.startswith(f"TEST(Pump, {test_name})")), 0)
    if not line:
        t.fatal(f"tests/validation/test_pump.cpp has no TEST(Pump, {test_name})")
    passing_xml = re.sub(rf'(name="{test_name}" file="[^"]*" line=")\d+"', rf'\g<1>{line}"', passing_xml)

h5 = t.path("short.h5")
t.run_case(h5, duration="6h")


def report(xml_text, name):
    """Writes xml_text to a file and runs the report on it and the short run."""
    xml = t.path(f"{name}.xml")
    with open(xml, "w", encoding="utf-8") as fh:
        fh.write(xml_text)
    out = t.path(name)
    proc = subprocess.run(["/usr/bin/python3", script, "--fdtwin", t.fdtwin, "--xml", xml, "--result", h5,
                           "--out", out], capture_output=True, text=True, timeout=120, check=False)
    page = ""
    if os.path.exists(os.path.join(out, "index.html")):
        with open(os.path.join(out, "index.html"), encoding="utf-8") as fh:
            page = fh.read()
    return proc, out, page


# All checks within tolerance: exit 0, one row per check plus one for the test without checks.
proc, out, page = report(passing_xml, "passing")
t.check(proc.returncode == 0, f"passing report: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
t.check(page.count("<tr class=pass>") == 3, f"passing report: {page.count('<tr class=pass>')} pass rows, want 3")
t.check("<tr class=fail>" not in page, "passing report has a failed row")
for text in ("flow, 2 pumps at N 0.9 on H = 5 + 10 Q^2", "hand calculation in the test", "1.0982941", "m3/s",
             "0.1 %: the hand values carry 7-8 digits", "RejectsNonPhysicalCurves", "no numbers recorded"):
    t.check(text in page, f"passing report lacks '{text}'")
# The test's comment in tests/validation/test_pump.cpp (the cited reference) is quoted.
t.check("Hand calculation at N = 0.9" in page, "the report does not quote the test's reference comment")
images = re.findall(r'<img src="([^"]+)"', page)
t.check(len(images) == 1, f"passing report: {len(images)} images, want 1 (one result file)")
for img in images:
    path = os.path.join(out, img)
    ok = os.path.exists(path)
    if ok:
        with open(path, "rb") as fh:
            ok = fh.read(8) == b"\x89PNG\r\n\x1a\n" and os.path.getsize(path) > 20000
    t.check(ok, f"{img} is not a PNG of a plot beside index.html")
t.check("power usage effectiveness" in page, "the report has no KPI table of the run")

# A measured value outside its tolerance fails the report by its numbers alone.
outside = passing_xml.replace('value="1.098294"', 'value="1.2"').replace('value="1e-07"', 'value="0.1017059"')
proc, _, page = report(outside, "outside")
t.check(proc.returncode == 1, f"check outside its tolerance: exit {proc.returncode}, want 1\n{proc.stderr}")
t.check(page.count("<tr class=fail>") == 1, f"outside: {page.count('<tr class=fail>')} failed rows, want 1")
t.check("FAIL" in proc.stdout and "flow, 2 pumps" in proc.stderr, f"outside: no FAIL line\n{proc.stdout}{proc.stderr}")

# A failed assertion fails the report even where the test recorded no numbers.
failed = passing_xml.replace(
    'classname="Pump" />',
    'classname="Pump"><failure message="Expected: Pump{p} throws std::invalid_argument" type="" /></testcase>')
proc, _, page = report(failed, "failed")
t.check(proc.returncode == 1, f"failed assertion: exit {proc.returncode}, want 1\n{proc.stderr}")
t.check("Expected: Pump{p} throws" in page, "failed assertion: its message is not in the report")

# Missing input: a usage error (2), with a message.
proc = subprocess.run(["/usr/bin/python3", script, "--fdtwin", t.fdtwin, "--xml", t.path("none.xml"),
                       "--out", t.path("none")], capture_output=True, text=True, timeout=60, check=False)
t.check(proc.returncode == 2 and "none.xml" in proc.stderr, f"missing XML: exit {proc.returncode}, {proc.stderr}")

t.finish()
sys.exit(0)
