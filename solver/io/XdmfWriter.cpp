#include "io/XdmfWriter.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "io/ResultReader.hpp"
#include "io/ResultSchema.hpp"

namespace fdtwin::io {

namespace fs = std::filesystem;
namespace rs = ::fdtwin::results;

namespace {

std::string xmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Writes the XML text of the grids; `h5` is the (escaped) relative name of the result file.
class XdmfText {
 public:
  XdmfText(std::ostream& out, std::string h5) : m_out(out), m_h5(std::move(h5)) {}

  // A whole dataset of `dims` (row-major) with the given XDMF number type.
  std::string item(const std::string& path, const std::string& dims, const char* numberType) const {
    return fmt::format(
        R"(<DataItem Dimensions="{}" NumberType="{}" Precision="8" Format="HDF">{}:{}</DataItem>)", dims,
        numberType, m_h5, path);
  }
  // Row `row` of a [nt, n] float dataset.
  std::string row(const std::string& path, std::size_t row, std::size_t nt, std::size_t n) const {
    return fmt::format(
        R"(<DataItem ItemType="HyperSlab" Dimensions="{n}" NumberType="Float" Precision="8" Type="HyperSlab">)"
        R"(<DataItem Dimensions="3 2" NumberType="UInt" Format="XML">{row} 0 1 1 1 {n}</DataItem>)"
        R"(<DataItem Dimensions="{nt} {n}" NumberType="Float" Precision="8" Format="HDF">{h5}:{path}</DataItem>)"
        R"(</DataItem>)",
        fmt::arg("n", n), fmt::arg("row", row), fmt::arg("nt", nt), fmt::arg("h5", m_h5),
        fmt::arg("path", path));
  }
  static std::string attribute(const char* name, const char* center, const std::string& dataItem) {
    return fmt::format(R"(<Attribute Name="{}" AttributeType="Scalar" Center="{}">{}</Attribute>)", name,
                       center, dataItem);
  }
  void line(int indent, const std::string& text) {
    m_out << std::string(static_cast<std::size_t>(indent), ' ') << text << '\n';
  }

 private:
  std::ostream& m_out;
  std::string m_h5;
};

// The output rows listed in the XDMF file: all of them, or an even sample of at most
// kMaxXdmfTimes that always ends with the last row.
std::vector<std::size_t> sampledRows(std::size_t nt) {
  std::vector<std::size_t> rows;
  if (nt == 0) return rows;
  const std::size_t stride = nt <= kMaxXdmfTimes ? 1 : (nt - 1 + kMaxXdmfTimes - 2) / (kMaxXdmfTimes - 1);
  for (std::size_t k = 0; k < nt - 1; k += stride) rows.push_back(k);
  rows.push_back(nt - 1);
  return rows;
}

// Dimension n of a [nt, n] dataset, or 0 when it is absent or not of that shape.
std::size_t width(const ResultReader& r, const std::string& path, std::size_t nt) {
  if (!r.isDataset(path)) return 0;
  const auto shape = r.shape(path);
  return shape.size() == 2 && shape[0] == nt ? shape[1] : 0;
}

void writeDocument(std::ostream& out, const ResultReader& r, const std::string& h5Name) {
  // The hull and rack fields' rows: /field_time (or /time in files before schema version 3).
  const std::vector<double> time = r.readNumbers(r.timeScaleOf(rs::hullT.path));
  const std::size_t nt = time.size();
  const std::vector<std::size_t> rows = sampledRows(nt);
  XdmfText x(out, xmlEscape(h5Name));

  x.line(0, R"(<?xml version="1.0" encoding="utf-8"?>)");
  x.line(0, R"(<!DOCTYPE Xdmf SYSTEM "Xdmf.dtd" []>)");
  x.line(0, R"(<Xdmf Version="2.0">)");
  x.line(1, "<Domain>");

  // Hull: static quadrilateral panels, panel temperature per output time.
  const std::size_t np = width(r, rs::hullT.path, nt);
  if (np > 0 && r.isDataset(rs::hullCells.path) && r.isDataset(rs::hullPoints.path)) {
    const auto cells = r.shape(rs::hullCells.path);
    const auto points = r.shape(rs::hullPoints.path);
    if (cells.size() != 2 || cells[0] != np || points.size() != 2 || points[1] != 3)
      throw std::runtime_error(r.path() + ": " + rs::hullCells.path + " or " + rs::hullPoints.path +
                               " do not match " + rs::hullT.path);
    const std::string topology =
        fmt::format(R"(<Topology TopologyType="{}" NumberOfElements="{}">{}</Topology>)",
                    cells[1] == 4 ? "Quadrilateral" : "Triangle", np,
                    x.item(rs::hullCells.path, fmt::format("{} {}", np, cells[1]), "Int"));
    const std::string geometry =
        fmt::format(R"(<Geometry GeometryType="XYZ">{}</Geometry>)",
                    x.item(rs::hullPoints.path, fmt::format("{} 3", points[0]), "Float"));
    const bool hasGroup =
        r.isDataset(rs::hullGroup.path) && r.shape(rs::hullGroup.path) == std::vector<std::size_t>{np};
    const std::string group =
        hasGroup ? XdmfText::attribute("group", "Cell", x.item(rs::hullGroup.path, std::to_string(np), "Int"))
                 : "";
    x.line(2, R"(<Grid Name="hull" GridType="Collection" CollectionType="Temporal">)");
    for (std::size_t k : rows) {
      x.line(3, R"(<Grid Name="hull" GridType="Uniform">)");
      x.line(4, fmt::format(R"(<Time Value="{:.17g}"/>)", time[k]));
      x.line(4, topology);
      x.line(4, geometry);
      x.line(4, XdmfText::attribute("T", "Cell", x.row(rs::hullT.path, k, nt, np)));
      if (hasGroup) x.line(4, group);
      x.line(3, "</Grid>");
    }
    x.line(2, "</Grid>");
  }

  // Racks: one vertex per rack at its centre, chip temperature and power per output time.
  const std::size_t nr = width(r, rs::racksTChip.path, nt);
  if (nr > 0 && r.isDataset(rs::racksPosition.path) &&
      r.shape(rs::racksPosition.path) == std::vector<std::size_t>{nr, 3}) {
    const std::string topology =
        fmt::format(R"(<Topology TopologyType="Polyvertex" NumberOfElements="{}" NodesPerElement="1"/>)", nr);
    const std::string geometry =
        fmt::format(R"(<Geometry GeometryType="XYZ">{}</Geometry>)",
                    x.item(rs::racksPosition.path, fmt::format("{} 3", nr), "Float"));
    const bool hasPower = width(r, rs::racksPIt.path, nt) == nr;
    const bool hasHall =
        r.isDataset(rs::racksHall.path) && r.shape(rs::racksHall.path) == std::vector<std::size_t>{nr};
    const std::string hall =
        hasHall ? XdmfText::attribute("hall", "Node", x.item(rs::racksHall.path, std::to_string(nr), "Int"))
                : "";
    x.line(2, R"(<Grid Name="racks" GridType="Collection" CollectionType="Temporal">)");
    for (std::size_t k : rows) {
      x.line(3, R"(<Grid Name="racks" GridType="Uniform">)");
      x.line(4, fmt::format(R"(<Time Value="{:.17g}"/>)", time[k]));
      x.line(4, topology);
      x.line(4, geometry);
      x.line(4, XdmfText::attribute("T_chip", "Node", x.row(rs::racksTChip.path, k, nt, nr)));
      if (hasPower) x.line(4, XdmfText::attribute("P_it", "Node", x.row(rs::racksPIt.path, k, nt, nr)));
      if (hasHall) x.line(4, hall);
      x.line(3, "</Grid>");
    }
    x.line(2, "</Grid>");
  }

  x.line(1, "</Domain>");
  x.line(0, "</Xdmf>");
}

}  // namespace

std::string xdmfPathFor(const std::string& h5Path) {
  fs::path p(h5Path);
  // "OUT.xdmf" given as the result name would otherwise be overwritten by its own XDMF file.
  if (p.extension() == ".xdmf") return h5Path + ".xdmf";
  p.replace_extension(".xdmf");
  return p.string();
}

void writeXdmf(const std::string& h5Path) {
  const ResultReader reader(h5Path);
  const std::string finalPath = xdmfPathFor(h5Path);
  const std::string partPath = finalPath + ".part";
  try {
    {
      std::ofstream out(partPath, std::ios::out | std::ios::trunc);
      if (!out) throw std::runtime_error("cannot create " + partPath);
      // Relative name: the two files move together.
      writeDocument(out, reader, fs::path(h5Path).filename().string());
      out.close();
      if (!out) throw std::runtime_error("cannot write " + partPath);
    }
    std::error_code ec;
    fs::rename(partPath, finalPath, ec);
    if (ec) throw std::runtime_error("cannot rename " + partPath + " to " + finalPath + ": " + ec.message());
  } catch (...) {
    std::remove(partPath.c_str());
    throw;
  }
}

}  // namespace fdtwin::io
