#!/usr/bin/python3
"""xdmf_paraview: ParaView opens OUT.xdmf and sees the values of OUT.h5.

Runs the default case for 2 days, checks OUT.xdmf as XML (written beside OUT.h5, no .part
left, one time step per output row with the times of /time, relative references into the
.h5 only), moves both files to another folder, opens the XDMF there with ParaView's Python
(/usr/bin/pvpython, "XDMF Reader") and compares what ParaView reads at the last and at a
middle output time with h5py: hull geometry and connectivity, hull panel temperature T of
every cell, rack chip temperature T_chip of every rack, each within 1e-9 relative.
Needs Debian's paraview and python3-paraview (scripts/install-deps installs the first and unpacks
the second beside it).
"""
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import h5py
import numpy as np

from fdtwin_test import Test

# ParaView's Python modules are unpacked by scripts/install-deps into their own folder (Debian's
# python3-paraview conflicts with python3-vtk9, which the viewer's libvtk9-dev needs); Debian's
# python3 with that folder first on PYTHONPATH is what pvpython would be.
PARAVIEW_PYTHONPATH = "/opt/fdtwin-paraview-python/usr/lib/python3/dist-packages"
t = Test("xdmf_paraview")
if not os.path.isdir(os.path.join(PARAVIEW_PYTHONPATH, "paraview")) or not os.path.isdir("/usr/lib/x86_64-linux-gnu/paraview-5.11"):
    t.fatal(f"ParaView's Python is missing ({PARAVIEW_PYTHONPATH}): run scripts/install-deps "
            "(Debian package paraview, and python3-paraview unpacked there)")

out = t.path("result.h5")
xdmf = t.path("result.xdmf")
t.run_case(out, duration="2d")
if not t.check(os.path.isfile(xdmf), "no result.xdmf beside result.h5"):
    t.finish()
t.check(not os.path.exists(xdmf + ".part"), "the temporary result.xdmf.part is left")

with h5py.File(out, "r") as f:
    time = f["/time"][:]
    hull_T = f["/hull/T"][:]
    points = f["/hull/points"][:]
    cells = f["/hull/cells"][:]
    rack_T = f["/racks/T_chip"][:]
    rack_pos = f["/racks/position"][:]
nt, npanels = hull_T.shape
nr = rack_T.shape[1]

# --- the XML itself ------------------------------------------------------------------------------
try:
    root = ET.parse(xdmf).getroot()
except ET.ParseError as e:
    t.fatal(f"result.xdmf is not well-formed XML: {e}")
t.check(root.tag == "Xdmf", f"root element is {root.tag}, not Xdmf")
collections = {g.get("Name"): g for g in root.iter("Grid") if g.get("CollectionType") == "Temporal"}
t.check(set(collections) == {"hull", "racks"}, f"temporal collections {sorted(collections)}, expected hull and racks")
for name, coll in collections.items():
    steps = [float(g.find("Time").get("Value")) for g in coll.findall("Grid")]
    t.check(len(steps) == nt and np.allclose(steps, time, rtol=0, atol=0),
            f"{name}: the XDMF times are not /time ({len(steps)} steps, {nt} rows)")
for item in root.iter("DataItem"):
    if item.get("Format") == "HDF":
        ref = (item.text or "").strip()
        t.check(ref.startswith("result.h5:/"), f"HDF reference {ref!r} is not relative to the XDMF file")

# --- ParaView, after moving both files (the references are relative) -----------------------------
moved = t.path("moved")
os.makedirs(moved)
shutil.move(out, os.path.join(moved, "result.h5"))
shutil.move(xdmf, os.path.join(moved, "result.xdmf"))
helper = os.path.join(os.path.dirname(os.path.abspath(__file__)), "xdmf_paraview_read.py")
last, middle = nt - 1, nt // 2
try:
    env = dict(os.environ, PYTHONPATH=PARAVIEW_PYTHONPATH)
    proc = subprocess.run(["/usr/bin/python3", helper, os.path.join(moved, "result.xdmf"),
                           str(last), str(middle)], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, cwd=moved, env=env)
except subprocess.TimeoutExpired:
    t.fatal("ParaView did not read result.xdmf within 120 s")
if "JSON-BEGIN" not in proc.stdout:
    t.fatal(f"ParaView's reader failed (exit status {proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
seen = json.loads(proc.stdout.split("JSON-BEGIN", 1)[1].split("JSON-END", 1)[0])
t.check("HDF5-DIAG" not in proc.stderr and "ERR|" not in proc.stderr,
        f"ParaView reported errors while reading:\n{proc.stderr[-2000:]}")

t.check(len(seen["times"]) == nt and np.allclose(seen["times"], time, rtol=1e-12, atol=0),
        f"ParaView sees {len(seen['times'])} time steps, the file has {nt}")


def close(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.all(np.abs(a - b) <= 1e-9 * np.maximum(np.abs(b), 1e-300)))


for row in (last, middle):
    view = seen["rows"][str(row)]
    t.check(view["time"] == time[row], f"row {row}: ParaView's time {view['time']} is not /time[{row}] = {time[row]}")
    blocks = view["blocks"]
    if not t.check("hull" in blocks and "racks" in blocks, f"row {row}: ParaView sees blocks {sorted(blocks)}"):
        continue
    hull = blocks["hull"]
    t.check(len(hull["cells"]) == npanels and len(hull["points"]) == len(points),
            f"row {row}: hull has {len(hull['cells'])} cells and {len(hull['points'])} points, "
            f"the file {npanels} and {len(points)}")
    t.check(close(hull["points"], points), f"row {row}: hull points differ from /hull/points")
    t.check(np.array_equal(np.asarray(hull["cells"]), cells), f"row {row}: hull cells differ from /hull/cells")
    T = hull["cell_data"].get("T")
    if t.check(T is not None, f"row {row}: no cell array T on the hull"):
        cell = int(np.argmax(np.abs(hull_T[row] - hull_T[0])))  # a panel whose temperature changed
        t.check(close(T[cell], hull_T[row, cell]),
                f"row {row}: ParaView's hull T of cell {cell} is {T[cell]!r}, h5py reads {hull_T[row, cell]!r}")
        t.check(close(T, hull_T[row]), f"row {row}: ParaView's hull T differs from /hull/T[{row}]")
        print(f"row {row} (t = {time[row]:.0f} s): hull cell {cell}: ParaView {T[cell]!r} K, h5py {hull_T[row, cell]!r} K")
    racks = blocks["racks"]
    t.check(len(racks["points"]) == nr and close(racks["points"], rack_pos),
            f"row {row}: rack vertices differ from /racks/position")
    Tc = racks["point_data"].get("T_chip")
    if t.check(Tc is not None, f"row {row}: no point array T_chip on the racks"):
        t.check(close(Tc, rack_T[row]), f"row {row}: ParaView's T_chip differs from /racks/T_chip[{row}]")
t.check(not np.allclose(hull_T[last], hull_T[middle]), "hull T is the same at both rows: the test could not see "
        "a wrong time step")
t.finish()
