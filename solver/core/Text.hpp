#pragma once
// Text helpers shared by every layer: trimming, joining, and the "did you mean …?" distance
// behind the suggestions in input errors (case keys, units, CSV columns, sweep keys).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fdtwin {

// `s` without leading and trailing white space (std::isspace).
std::string_view trim(std::string_view s);

// The parts joined with `separator` between them.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Damerau-Levenshtein distance (optimal string alignment, Damerau 1964: an adjacent
// transposition counts as one edit); letter case ignored unless `ignoreCase` is false.
std::size_t editDistance(std::string_view a, std::string_view b, bool ignoreCase = true);

// A candidate and its edit distance from the word looked up; dist is npos when none is close.
struct NearWord {
  std::string word;
  std::size_t dist = std::string::npos;
};

// The candidate nearest to `word` when it is close (distance <= max(2, |word|/3) and less than
// |word|), else an empty NearWord. Ties go to the exact-case match, then to the first candidate.
NearWord nearestCandidate(std::string_view word, const std::vector<std::string>& candidates);

// nearestCandidate(...).word: the nearest candidate, or "" when nothing is close.
std::string nearestWord(std::string_view word, const std::vector<std::string>& candidates);

// Why `name` cannot be one file name inside a results folder ("" when it can): 1–128 bytes,
// no '/' or '\' (no folders, so no ".."), no ':' (the XDMF companion's references break on it),
// no control characters, not starting with '.' (nothing hidden).
std::string fileNameProblem(std::string_view name);

}  // namespace fdtwin
