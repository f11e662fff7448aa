#pragma once
// Converts the `cfd.*` keys of a validated Case (and its hull) into CFD parameters. Positions
// outside their hull face are InputErrors naming the file, line and key.
#include "cfd/CfdParams.hpp"
#include "io/Case.hpp"

namespace fdtwin::io {

cfd::CfdParams cfdParams(const Case& c);

}  // namespace fdtwin::io
