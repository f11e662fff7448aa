#pragma once
// Reading a whole text file, once for every reader (case files, environment CSVs, sweep files,
// OpenFOAM dictionaries), with an InputError that says why a file cannot be read.
#include <string>

namespace fdtwin {

// The bytes of the file at `path`. When it cannot be read, throws
// InputError(errorFile, errorLine, errorKey, "<what>: <why>"), where <why> is "no such file",
// "it is a directory", "not a regular file" or the system's reason (strerror). `errorFile`,
// `errorLine` and `errorKey` place the error where the file was named (an `extends` line of a
// case file); the two-argument form places it at `path` itself.
std::string readTextFile(const std::string& path, const std::string& errorFile, int errorLine,
                         const std::string& errorKey, const std::string& what);
std::string readTextFile(const std::string& path, const std::string& what);

}  // namespace fdtwin
