"""Run with ParaView's Python modules (PYTHONPATH, see xdmf_paraview.py) for the xdmf_paraview
test; not a test of its own.

Usage: PYTHONPATH=<paraview python> python3 xdmf_paraview_read.py OUT.xdmf ROW [ROW ...]
Opens OUT.xdmf with ParaView's "XDMF Reader" (XDMFReader), and for each time index ROW
prints, as one JSON document on stdout, what ParaView sees: the time steps, and per block
(hull, racks) the points, the cells' point ids and every cell and point array.
"""
import json
import sys

from paraview import simple

path, rows = sys.argv[1], [int(r) for r in sys.argv[2:]]
reader = simple.XDMFReader(FileNames=[path])
times = list(reader.TimestepValues)
result = {"times": times, "rows": {}}


def arrays(data):
    out = {}
    for i in range(data.GetNumberOfArrays()):
        a = data.GetArray(i)
        if a is not None and a.GetNumberOfComponents() == 1:
            out[a.GetName()] = [a.GetValue(k) for k in range(a.GetNumberOfTuples())]
    return out


def block_dict(ds):
    points = ds.GetPoints()
    pts = [list(points.GetPoint(i)) for i in range(ds.GetNumberOfPoints())] if points is not None else []
    cells = []
    for c in range(ds.GetNumberOfCells()):
        ids = ds.GetCell(c).GetPointIds()
        cells.append([ids.GetId(k) for k in range(ids.GetNumberOfIds())])
    return {"class": ds.GetClassName(), "points": pts, "cells": cells, "cell_data": arrays(ds.GetCellData()),
            "point_data": arrays(ds.GetPointData())}


for row in rows:
    time = times[row]
    reader.UpdatePipeline(time)
    output = reader.GetClientSideObject().GetOutputDataObject(0)  # builtin session: same process
    blocks = {}
    for b in range(output.GetNumberOfBlocks()):
        name = output.GetMetaData(b).Get(output.NAME()) if output.HasMetaData(b) else f"block{b}"
        ds = output.GetBlock(b)
        if ds is not None and ds.IsA("vtkMultiBlockDataSet"):  # a temporal collection nested once more
            ds = ds.GetBlock(0)
        if ds is not None:
            blocks[name] = block_dict(ds)
    result["rows"][str(row)] = {"time": time, "blocks": blocks}

print("JSON-BEGIN")
print(json.dumps(result))
print("JSON-END")
