#pragma once
// Converts a validated Case into the model's parameters and environment (the only place
// where case keys meet model structs).
#include <memory>

#include "io/Case.hpp"
#include "model/PlantParams.hpp"
#include "io/CsvEnvironment.hpp"

namespace fdtwin::io {

PlantParams plantParams(const Case& c);
// The environment of the case, with t = 0 at case.start. Throws InputError for a bad environment
// CSV (file, line, column) or one that does not cover [0, duration] (file, key case.start,
// case.duration or environment.wrap). The first form takes case.duration.
std::shared_ptr<const env::Environment> makeEnvironment(const Case& c);
std::shared_ptr<const env::Environment> makeEnvironment(const Case& c, double duration);
// Seconds since midnight local time at t = 0, from case.start (ISO 8601).
double startSecondOfDay(const Case& c);

}  // namespace fdtwin::io
