#pragma once
// XDMF companion of a result file (docs/results-format.md, section "XDMF"): a small XML file
// beside OUT.h5 that describes the hull and the racks as meshes with their temperatures over
// time, so that ParaView ("XDMF Reader") and VisIt open a result without a plugin. It holds
// no data: every array is a reference into the .h5 by relative file name, and each output
// time selects its row of a [nt, n] dataset with an XDMF HyperSlab.
//
// Layout (XDMF 2, the dialect of ParaView's vtkXdmfReader):
//   Domain
//     Grid "hull"  (Collection, Temporal): per field row (`/field_time`) a Uniform grid, Quadrilateral
//                  topology /hull/cells, XYZ geometry /hull/points, cell attributes
//                  "T" [K] (/hull/T row) and "group" (/hull/group)
//     Grid "racks" (Collection, Temporal): per field row (`/field_time`) a Uniform grid, Polyvertex
//                  topology over /racks/position, node attributes "T_chip" [K]
//                  (/racks/T_chip row), "P_it" [W] (/racks/P_it row) and "hall" (/racks/hall)
// Long results are sampled: at most kMaxXdmfTimes output times, evenly strided, the last
// row always included (the .h5 keeps every row).
#include <cstddef>
#include <string>

namespace fdtwin::io {

// Upper bound on the time steps listed in one XDMF file (an XML file of ~2 KB per step
// stays under ~20 MB, and ParaView parses it in seconds).
inline constexpr std::size_t kMaxXdmfTimes = 10000;

// The XDMF path that belongs to a result file: "dir/OUT.h5" -> "dir/OUT.xdmf".
std::string xdmfPathFor(const std::string& h5Path);

// Writes xdmfPathFor(h5Path) for the complete result file h5Path, reading the shapes and the
// output times with ResultReader. The file is written to "<xdmf>.part" and renamed, so a
// reader never sees half of it. Throws InputError when h5Path is not a readable result
// file, std::runtime_error when the XDMF file cannot be written (no partial file is left).
void writeXdmf(const std::string& h5Path);

}  // namespace fdtwin::io
