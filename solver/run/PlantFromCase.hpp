#pragma once
// Converts a validated Case into the model's parameters and environment (the only place
// where case keys meet model structs).
#include <memory>

#include "io/Case.hpp"
#include "model/PlantParams.hpp"
#include "io/CsvEnvironment.hpp"

namespace fdtwin::io {

PlantParams plantParams(const Case& c);
// Throws InputError for a bad environment or utilization CSV (file, line, column).
std::shared_ptr<const env::Environment> makeEnvironment(const Case& c);
// Seconds since midnight local time at t = 0, from case.start (ISO 8601).
double startSecondOfDay(const Case& c);

}  // namespace fdtwin::io
