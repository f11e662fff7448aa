#include "core/Text.hpp"

#include <algorithm>
#include <cctype>

namespace fdtwin {

std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::size_t editDistance(std::string_view a, std::string_view b, bool ignoreCase) {
  const auto eq = [&](char x, char y) {
    return ignoreCase
               ? std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y))
               : x == y;
  };
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = eq(a[i - 1], b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && eq(a[i - 1], b[j - 2]) && eq(a[i - 2], b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

NearWord nearestCandidate(std::string_view word, const std::vector<std::string>& candidates) {
  NearWord best;
  std::size_t bestExact = std::string::npos;
  for (const auto& c : candidates) {
    const std::size_t d = editDistance(word, c, true);
    const std::size_t exact = editDistance(word, c, false);
    if (d < best.dist || (d == best.dist && exact < bestExact)) {
      best = {c, d};
      bestExact = exact;
    }
  }
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  if (best.dist > limit || best.dist >= word.size()) return {};
  return best;
}

std::string fileNameProblem(std::string_view name) {
  constexpr std::size_t kMaxName = 128;
  if (name.empty()) return "it is empty";
  if (name.size() > kMaxName) return "it is longer than 128 characters";
  if (name.front() == '.') return "it starts with '.'";
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\') return "a folder separator: the name is one file name";
    if (c == ':') return "':' breaks the XDMF file's references";
    if (u < 0x20 || u == 0x7f) return "a control character";
  }
  return "";
}

std::string nearestWord(std::string_view word, const std::vector<std::string>& candidates) {
  return nearestCandidate(word, candidates).word;
}

}  // namespace fdtwin
