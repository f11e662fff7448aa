#pragma once
// Errors that cross fdtwin's public API.
//
// InputError: the user's input is wrong (case file, command line, environment CSV, result
//   file given to a reader). Exit status 2. The message names the file, the line (0 when
//   there is none), the key or column, and what was expected.
// RunError: a run failed after its input was accepted (solver, CFD). Exit status 1. The
//   message says when (simulated time) and where (component or state).
#include <stdexcept>
#include <string>

namespace fdtwin {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, std::string key, const std::string& message);
  const std::string& file() const { return m_file; }
  int line() const { return m_line; }
  const std::string& key() const { return m_key; }
  // The message without the "file:line: key:" prefix.
  const std::string& detail() const { return m_detail; }

 private:
  std::string m_file;
  int m_line;
  std::string m_key;
  std::string m_detail;
};

class RunError : public std::runtime_error {
 public:
  RunError(double simTime, std::string where, const std::string& message);
  double simTime() const { return m_simTime; }
  const std::string& where() const { return m_where; }
  const std::string& message() const { return m_message; }  // without time and place

 private:
  double m_simTime;
  std::string m_where, m_message;
};

}  // namespace fdtwin
