// Every number in a shipped case has a source or says it is an assumption (issue: "every number
// in the shipped cases has a source or is marked as an assumption"). A key line that sets a
// number (a bare number or a quantity string such as "120 kW") must carry a comment on its own
// line, or stand in a block of key lines directly under a comment (one comment may cite the
// source of several keys, as the hardware-spread block does). What is exempt: the run's own
// settings (case.*, solver.*), where the environment comes from (environment.source, .file,
// .wrap) and seeds, which are no physical claim.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace fdtwin {
namespace {

bool exempt(const std::string& table, const std::string& key) {
  if (table == "case" || table == "solver") return true;
  if (table == "environment" && (key == "source" || key == "file" || key == "wrap" || key == "seed")) return true;
  return key.size() >= 4 && key.compare(key.size() - 4, 4, "seed") == 0;
}

class CaseSources : public ::testing::TestWithParam<std::string> {};

TEST_P(CaseSources, EveryNumberHasASourceOrIsAnAssumption) {
  const std::string path = std::string(FDTWIN_SOURCE_DIR) + "/cases/" + GetParam() + ".toml";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  const std::regex tableRe(R"(^\s*\[\s*([A-Za-z0-9_.]+)\s*\]\s*(#.*)?$)");
  const std::regex keyRe(R"(^\s*([A-Za-z0-9_]+)\s*=\s*([^#]*?)\s*(#.*)?$)");
  const std::regex numberRe(R"(^"?[-+]?[0-9][0-9_.eE+-]*(\s*[A-Za-z%/0-9 ]*)?"?$)");
  std::string line, table;
  bool underComment = false;  // in a block of key lines directly below a comment line
  int lineNo = 0;
  std::vector<std::string> missing;
  while (std::getline(in, line)) {
    ++lineNo;
    std::smatch m;
    if (line.find_first_not_of(" \t") == std::string::npos) {
      underComment = false;
    } else if (line.find_first_not_of(" \t") == line.find('#')) {
      underComment = true;
    } else if (std::regex_match(line, m, tableRe)) {
      table = m[1];
      underComment = false;
    } else if (std::regex_match(line, m, keyRe)) {
      const std::string key = m[1], value = m[2];
      const bool commented = m[3].matched;
      const bool number = std::regex_match(value, numberRe) && value.find(';') == std::string::npos;
      if (number && !commented && !underComment && !exempt(table, key)) {
        std::string where = GetParam();
        where += ".toml:" + std::to_string(lineNo);
        where += " " + table;
        where += "." + key;
        where += " = " + value;
        missing.push_back(where);
      }
    }
  }
  std::string all;
  for (const auto& s : missing) all += "\n  " + s;
  EXPECT_TRUE(missing.empty()) << "numbers without a source or \"assumption\" comment:" << all;
}

INSTANTIATE_TEST_SUITE_P(Cases, CaseSources,
                         ::testing::Values("barge-ai-20mw", "barge-ai-20mw-dips", "natick-pod", "nautilus-barge", "tropical-barge"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (auto& ch : n)
                             if (ch == '-') ch = '_';
                           return n;
                         });

}  // namespace
}  // namespace fdtwin
