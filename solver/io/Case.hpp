#pragma once
// A case: the effective key/value set of a case file after `extends` and `--set`, checked
// against the schema (core/Schema.hpp). Values are stored in SI.
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/DateTime.hpp"
#include "core/Schema.hpp"
#include "io/KeyValue.hpp"

namespace fdtwin {

struct CaseEntry {
  CaseValue value;
  std::string file;  // where it was set ("" for defaults, "--set" for the command line)
  int line = 0;
};

// The typed SI value of a key's default (the schema's TOML literal, read like a file value).
// Throws std::logic_error for a key without a default.
CaseValue defaultValue(const KeyDef& key);

class Case {
 public:
  // Reads, merges (`extends`), applies overrides ("key.path=value") and validates.
  // Throws InputError (file, line, key, what was expected) on any bad input.
  static Case load(const std::string& path, const std::vector<std::string>& overrides = {});
  // Same from TOML text (`name` stands for the file name in messages); relative paths
  // resolve against `baseDir`.
  static Case parse(const std::string& text, const std::string& name, const std::string& baseDir,
                    const std::vector<std::string>& overrides = {});

  double real(const std::string& key) const;
  long long integer(const std::string& key) const;
  bool boolean(const std::string& key) const;
  const std::string& string(
      const std::string& key) const;                // String, Choice, Path (absolute), DateTime (normalised)
  DateTime dateTime(const std::string& key) const;  // a DateTime key, parsed
  bool has(const std::string& key) const;                      // set in a file, by --set or by a default
  const CaseEntry& entry(const std::string& key) const;

  // Sets one key from text as a user would write it in TOML ("120 kW", "0.5", "\"csv\"") and
  // re-checks the whole case; throws InputError like the reader. Used by --set and the viewer.
  void set(const std::string& key, const std::string& valueText);

  // The effective case as TOML (stored in results as `case_toml`).
  std::string toToml() const;
  const std::string& sourcePath() const { return m_sourcePath; }
  const std::map<std::string, CaseEntry>& entries() const { return m_entries; }

 private:
  void validate() const;
  std::map<std::string, CaseEntry> m_entries;
  std::string m_sourcePath;
};

}  // namespace fdtwin
