#include "cfd/FoamFile.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/Error.hpp"
#include "core/TextFile.hpp"

namespace fdtwin::cfd {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void bad(const std::string& path, const std::string& what) {
  throw RunError(0.0, path, "cannot read OpenFOAM file: " + what);
}

// A cursor over an OpenFOAM ascii text that skips white space and comments.
struct Cursor {
  const std::string& s;
  size_t i = 0;
  std::string path;
  void ws() {
    while (i < s.size()) {
      if (std::isspace(static_cast<unsigned char>(s[i]))) {
        ++i;
      } else if (s.compare(i, 2, "//") == 0) {
        while (i < s.size() && s[i] != '\n') ++i;
      } else if (s.compare(i, 2, "/*") == 0) {
        const size_t e = s.find("*/", i + 2);
        i = e == std::string::npos ? s.size() : e + 2;
      } else {
        break;
      }
    }
  }
  bool at(char c) {
    ws();
    return i < s.size() && s[i] == c;
  }
  void expect(char c) {
    ws();
    if (i >= s.size() || s[i] != c) bad(path, fmt::format("expected '{}' at offset {}", c, i));
    ++i;
  }
  std::string word() {
    ws();
    const size_t b = i;
    if (i < s.size() && s[i] == '"') {
      const size_t e = s.find('"', i + 1);
      if (e == std::string::npos) bad(path, "unterminated string");
      i = e + 1;
      return s.substr(b + 1, e - b - 1);
    }
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != ';' && s[i] != '{' &&
           s[i] != '}' && s[i] != '(' && s[i] != ')')
      ++i;
    return s.substr(b, i - b);
  }
  double number() {
    ws();
    char* end = nullptr;
    const double v = std::strtod(s.c_str() + i, &end);
    if (end == s.c_str() + i) bad(path, fmt::format("expected a number at offset {}", i));
    i = static_cast<size_t>(end - s.c_str());
    return v;
  }
  long integer() {
    ws();
    char* end = nullptr;
    const long v = std::strtol(s.c_str() + i, &end, 10);
    if (end == s.c_str() + i) bad(path, fmt::format("expected an integer at offset {}", i));
    i = static_cast<size_t>(end - s.c_str());
    return v;
  }
  // Skips a balanced {…} or (…) block starting at the current opening character.
  void skipBlock() {
    ws();
    const char open = s[i], close = open == '{' ? '}' : ')';
    int depth = 0;
    for (; i < s.size(); ++i) {
      if (s[i] == open) ++depth;
      if (s[i] == close && --depth == 0) {
        ++i;
        return;
      }
    }
    bad(path, "unbalanced block");
  }
  // Moves past the FoamFile header dictionary.
  void skipHeader() {
    const size_t h = s.find("FoamFile");
    if (h == std::string::npos) bad(path, "no FoamFile header");
    i = h + 8;
    skipBlock();
  }
};

// Position of the first whole-word `key` at or after `from` that is followed by `next` (after
// white space), or npos.
size_t findKey(const std::string& s, const std::string& key, size_t from, size_t to, char next) {
  size_t p = from;
  while ((p = s.find(key, p)) != std::string::npos && p < to) {
    const bool startOk = p == 0 || std::isspace(static_cast<unsigned char>(s[p - 1])) || s[p - 1] == '{' ||
                         s[p - 1] == ';' || s[p - 1] == '"';
    size_t q = p + key.size();
    if (q < s.size() && s[q] == '"') ++q;
    const bool endOk = q >= s.size() || std::isspace(static_cast<unsigned char>(s[q])) || s[q] == next;
    if (startOk && endOk) {
      if (next == 0) return p;
      while (q < s.size() && std::isspace(static_cast<unsigned char>(s[q]))) ++q;
      if (q < s.size() && s[q] == next) return p;
    }
    p += key.size();
  }
  return std::string::npos;
}

// [open brace, close brace] of boundaryField/<patch>.
std::pair<size_t, size_t> patchBlock(const std::string& s, const std::string& patch,
                                     const std::string& path) {
  const size_t bf = findKey(s, "boundaryField", 0, s.size(), '{');
  if (bf == std::string::npos) bad(path, "no boundaryField");
  const size_t open0 = s.find('{', bf);
  // Only entries at depth 1 of boundaryField are patch names.
  int depth = 0;
  for (size_t i = open0; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) break;
    if (depth == 1 && (i == open0 + 1 || std::isspace(static_cast<unsigned char>(s[i - 1]))) &&
        s.compare(i, patch.size(), patch) == 0) {
      size_t q = i + patch.size();
      if (q < s.size() && !std::isspace(static_cast<unsigned char>(s[q])) && s[q] != '{') continue;
      while (q < s.size() && std::isspace(static_cast<unsigned char>(s[q]))) ++q;
      if (q < s.size() && s[q] == '{') {
        int d = 0;
        for (size_t k = q; k < s.size(); ++k) {
          if (s[k] == '{') ++d;
          if (s[k] == '}' && --d == 0) return {q, k};
        }
        bad(path, "unbalanced patch " + patch);
      }
    }
  }
  bad(path, "no patch '" + patch + "' in boundaryField");
}

// Parses "uniform v" or "nonuniform List<scalar> N (…)" at the cursor.
std::vector<double> parseValue(Cursor& c) {
  const std::string kind = c.word();
  if (kind == "uniform") return {c.number()};
  if (kind != "nonuniform") bad(c.path, "unknown value kind '" + kind + "'");
  c.word();  // List<scalar>
  c.ws();
  long n = 0;
  if (c.at('(')) {
    n = -1;  // count not given
  } else {
    n = c.integer();
  }
  c.expect('(');
  std::vector<double> v;
  if (n > 0) v.reserve(static_cast<size_t>(n));
  while (!c.at(')')) v.push_back(c.number());
  c.expect(')');
  if (n >= 0 && static_cast<long>(v.size()) != n) bad(c.path, "list length does not match its count");
  return v;
}

template <typename F>
void readList(Cursor& c, F&& item) {
  c.skipHeader();
  const long n = c.integer();
  c.expect('(');
  for (long k = 0; k < n; ++k) item(k);
  c.expect(')');
}

}  // namespace

std::string readText(const std::string& path) {
  // A file of the generated case (or of meshes/) that is missing is a failed run, not an input
  // error of the user: the case is written by fdtwin and OpenFOAM.
  try {
    return readTextFile(path, "cannot read it");
  } catch (const InputError& e) {
    throw RunError(0.0, path, e.detail());
  }
}

void writeText(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".fdtwin-tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw RunError(0.0, path, "cannot write " + path);
    out << text;
    if (!out) throw RunError(0.0, path, "cannot write " + path);
  }
  fs::rename(tmp, path);
}

ScalarField readScalarField(const std::string& path) {
  const std::string s = readText(path);
  Cursor c{s, 0, path};
  ScalarField f;
  const size_t ip = findKey(s, "internalField", 0, s.size(), 0);
  if (ip == std::string::npos) bad(path, "no internalField");
  c.i = ip + 13;
  f.internal = parseValue(c);
  const size_t bf = findKey(s, "boundaryField", ip, s.size(), '{');
  if (bf == std::string::npos) bad(path, "no boundaryField");
  c.i = s.find('{', bf) + 1;
  while (!c.at('}')) {
    const std::string name = c.word();
    c.expect('{');
    // Inside the patch dictionary: look for `value`.
    int depth = 1;
    while (depth > 0) {
      c.ws();
      if (c.i >= s.size()) bad(path, "unbalanced boundaryField");
      if (s[c.i] == '}') {
        --depth;
        ++c.i;
        continue;
      }
      if (s[c.i] == '{') {
        ++depth;
        ++c.i;
        continue;
      }
      const std::string key = c.word();
      if (key.empty()) {
        ++c.i;
        continue;
      }
      if (depth == 1 && key == "value") {
        f.patch[name] = parseValue(c);
        c.expect(';');
        continue;
      }
      // Skip the rest of this entry.
      while (c.i < s.size() && s[c.i] != ';' && s[c.i] != '}' && s[c.i] != '{') {
        if (s[c.i] == '(')
          c.skipBlock();
        else
          ++c.i;
      }
      if (c.i < s.size() && s[c.i] == ';') ++c.i;
    }
  }
  return f;
}

void setPatchEntry(const std::string& path, const std::string& patchName, const std::string& key,
                   const std::string& value) {
  std::string s = readText(path);
  const auto [open, close] = patchBlock(s, patchName, path);
  const size_t k = findKey(s, key, open + 1, close, 0);
  if (k != std::string::npos && k < close) {
    const size_t semi = s.find(';', k);
    s.replace(k, semi - k, key + " " + value);
  } else {
    s.insert(close, "    " + key + " " + value + ";\n    ");
  }
  writeText(path, s);
}

void setPatchBody(const std::string& path, const std::string& patchName, const std::string& body) {
  std::string s = readText(path);
  const auto [open, close] = patchBlock(s, patchName, path);
  s.replace(open + 1, close - open - 1, "\n        " + body + "\n    ");
  writeText(path, s);
}

std::string uniformValue(double v) { return fmt::format("uniform {:.10g}", v); }

std::string scalarList(const std::vector<double>& v) {
  std::string out = fmt::format("nonuniform List<scalar> {}\n(\n", v.size());
  out.reserve(out.size() + v.size() * 14);
  for (double x : v) out += fmt::format("{:.10g}\n", x);
  out += ")";
  return out;
}

const PatchInfo& PolyMesh::patch(const std::string& name) const {
  for (const auto& p : patches)
    if (p.name == name) return p;
  throw RunError(0.0, "polyMesh", "the mesh has no patch '" + name + "'");
}

bool PolyMesh::hasPatch(const std::string& name) const {
  for (const auto& p : patches)
    if (p.name == name) return true;
  return false;
}

PolyMesh PolyMesh::read(const std::string& caseDir) {
  const std::string dir = caseDir + "/constant/polyMesh/";
  PolyMesh m;
  {
    const std::string s = readText(dir + "points");
    Cursor c{s, 0, dir + "points"};
    readList(c, [&](long) {
      c.expect('(');
      Vec3 p{c.number(), c.number(), c.number()};
      c.expect(')');
      m.points.push_back(p);
    });
  }
  {
    const std::string s = readText(dir + "faces");
    Cursor c{s, 0, dir + "faces"};
    readList(c, [&](long) {
      const long n = c.integer();
      c.expect('(');
      std::vector<int> f(static_cast<size_t>(n));
      for (auto& v : f) v = static_cast<int>(c.integer());
      c.expect(')');
      m.faces.push_back(std::move(f));
    });
  }
  for (const char* name : {"owner", "neighbour"}) {
    const std::string s = readText(dir + name);
    Cursor c{s, 0, dir + name};
    auto& list = std::string(name) == "owner" ? m.owner : m.neighbour;
    readList(c, [&](long) { list.push_back(static_cast<int>(c.integer())); });
  }
  {
    const std::string s = readText(dir + "boundary");
    Cursor c{s, 0, dir + "boundary"};
    readList(c, [&](long) {
      PatchInfo p;
      p.name = c.word();
      c.expect('{');
      while (!c.at('}')) {
        const std::string key = c.word();
        if (key == "nFaces") {
          p.nFaces = static_cast<int>(c.integer());
        } else if (key == "startFace") {
          p.startFace = static_cast<int>(c.integer());
        } else if (key == "type") {
          p.type = c.word();
        } else {
          while (c.i < s.size() && s[c.i] != ';') {
            if (s[c.i] == '(' || s[c.i] == '{')
              c.skipBlock();
            else
              ++c.i;
          }
        }
        c.expect(';');
      }
      c.expect('}');
      m.patches.push_back(p);
    });
  }
  int maxCell = -1;
  for (int o : m.owner) maxCell = std::max(maxCell, o);
  m.nCells = maxCell + 1;
  // Geometry (faces of block meshes are planar quadrilaterals).
  const size_t nf = m.faces.size();
  m.faceCentre.resize(nf);
  m.faceNormal.resize(nf);
  m.faceArea.resize(nf);
  for (size_t f = 0; f < nf; ++f) {
    const auto& fv = m.faces[f];
    Vec3 c{0, 0, 0};
    for (int v : fv)
      for (int d = 0; d < 3; ++d)
        c[static_cast<size_t>(d)] += m.points[static_cast<size_t>(v)][static_cast<size_t>(d)];
    for (auto& x : c) x /= static_cast<double>(fv.size());
    Vec3 s{0, 0, 0};  // area vector: sum of triangle fan cross products
    for (size_t k = 0; k < fv.size(); ++k) {
      const auto& a = m.points[static_cast<size_t>(fv[k])];
      const auto& b = m.points[static_cast<size_t>(fv[(k + 1) % fv.size()])];
      const Vec3 u{a[0] - c[0], a[1] - c[1], a[2] - c[2]}, w{b[0] - c[0], b[1] - c[1], b[2] - c[2]};
      s[0] += 0.5 * (u[1] * w[2] - u[2] * w[1]);
      s[1] += 0.5 * (u[2] * w[0] - u[0] * w[2]);
      s[2] += 0.5 * (u[0] * w[1] - u[1] * w[0]);
    }
    const double a = std::sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
    m.faceCentre[f] = c;
    m.faceArea[f] = a;
    m.faceNormal[f] = a > 0 ? Vec3{s[0] / a, s[1] / a, s[2] / a} : Vec3{0, 0, 0};
  }
  m.cellCentre.assign(static_cast<size_t>(m.nCells), Vec3{0, 0, 0});
  std::vector<int> count(static_cast<size_t>(m.nCells), 0);
  auto add = [&](int cell, size_t f) {
    for (size_t d = 0; d < 3; ++d) m.cellCentre[static_cast<size_t>(cell)][d] += m.faceCentre[f][d];
    ++count[static_cast<size_t>(cell)];
  };
  for (size_t f = 0; f < m.owner.size(); ++f) add(m.owner[f], f);
  for (size_t f = 0; f < m.neighbour.size(); ++f) add(m.neighbour[f], f);
  for (size_t i = 0; i < m.cellCentre.size(); ++i)
    for (auto& x : m.cellCentre[i]) x /= std::max(1, count[i]);
  return m;
}

}  // namespace fdtwin::cfd
