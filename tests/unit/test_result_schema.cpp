// The result schema (io/ResultSchema): its table is consistent, every dimension has a scale,
// units are UDUNITS-2 strings, and docs/results-format.md and docs/results-schema.json are
// exactly what `fdtwin schema --results [--json]` prints.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>

#include "io/ResultSchema.hpp"

namespace fdtwin::results {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(ResultSchema, MarkdownIsUpToDate) {
  EXPECT_TRUE(readFile(std::string(FDTWIN_SOURCE_DIR) + "/docs/results-format.md") == markdown())
      << "docs/results-format.md is stale: run build/bin/fdtwin schema --results > docs/results-format.md";
}

TEST(ResultSchema, JsonIsUpToDate) {
  // tests/fixtures/make_result.py writes its files from this JSON.
  EXPECT_TRUE(readFile(std::string(FDTWIN_SOURCE_DIR) + "/docs/results-schema.json") == json())
      << "docs/results-schema.json is stale: run build/bin/fdtwin schema --results --json > "
         "docs/results-schema.json";
}

TEST(ResultSchema, TableIsConsistent) {
  std::set<std::string> paths;
  // UDUNITS-2: products with a space, powers as digits, "1" for dimensionless; never "-".
  const std::regex udunits(R"(1|[A-Za-z]+[0-9]*( [A-Za-z]+[0-9]*)*(/[A-Za-z]+[0-9]*)?)");
  for (const Entry* e : schema()) {
    SCOPED_TRACE(e->path);
    EXPECT_TRUE(paths.insert(e->path).second) << "declared twice";
    EXPECT_FALSE(e->longName.empty());
    EXPECT_FALSE(e->description.empty());
    EXPECT_EQ(e->path.front(), '/');
    if (e->type == Type::Text) {
      EXPECT_TRUE(e->units.empty()) << "strings have no units";
    } else if (e->units.rfind("seconds since", 0) != 0) {
      EXPECT_TRUE(std::regex_match(e->units, udunits)) << "units '" << e->units << "' are not UDUNITS-2";
    }
    if (e->kind == Kind::Series) {
      ASSERT_FALSE(e->dims.empty());
      EXPECT_TRUE(e->dims.front() == "time" || e->dims.front() == "field_time") << e->path;
    }
    if (e->kind == Kind::Kpi) {
      EXPECT_TRUE(e->dims.empty());
      EXPECT_FALSE(e->formula.empty());
      EXPECT_EQ(findKpi(e->name()), e);
    }
    if (e->isAttribute()) {
      EXPECT_TRUE(e->dims.empty());
    }
    EXPECT_EQ(find(e->path), e);
    // Every dimension resolves to a declared scale, as netCDF finds it.
    for (const auto& dim : e->dims) {
      const std::string scale = scalePathFor(e->path, dim);
      EXPECT_FALSE(scale.empty()) << "dimension " << dim << " has no scale";
      if (!scale.empty()) {
        EXPECT_TRUE(find(scale)->isScale());
      }
    }
  }
  EXPECT_EQ(scalePathFor(racksTChip.path, "time"), "/time");
  EXPECT_EQ(scalePathFor(racksTChip.path, "rack"), "/racks/rack");
  EXPECT_EQ(scalePathFor(hullPoints.path, "xyz"), "/xyz");
  EXPECT_EQ(scalePathFor(sliceVerticalT.path, "point"), "/cfd/slice_vertical/point");
  EXPECT_EQ(scalePathFor(sliceVerticalT.path, "window"), "/cfd/window");
  EXPECT_EQ(scalePathFor(racksTChip.path, "nothing"), "");
  EXPECT_EQ(find("/nope"), nullptr);
}

TEST(ResultSchema, EntriesSplitIntoObjectAndName) {
  EXPECT_EQ(schemaVersion.object(), "/");
  EXPECT_EQ(schemaVersion.name(), "schema_version");
  EXPECT_EQ(solverSteps.object(), "/solver");
  EXPECT_EQ(solverSteps.name(), "steps");
  EXPECT_EQ(timeCalendar.object(), "/time");
  EXPECT_EQ(racksTChip.name(), "T_chip");
  EXPECT_TRUE(time.isScale());
  EXPECT_TRUE(rackIndex.isScale());
  EXPECT_FALSE(racksTChip.isScale());
  EXPECT_EQ(coolingFoulingResistance.units, "m2 K/W");
}

TEST(ResultSchema, TimeUnitsAreCfReadable) {
  EXPECT_EQ(timeUnits("2025-07-01T00:00:00+09:00"), "seconds since 2025-07-01 00:00:00+09:00");
  EXPECT_EQ(timeUnits("2019-01-01T00:00:00Z"), "seconds since 2019-01-01 00:00:00+00:00");
  EXPECT_STREQ(kCalendar, "standard");
}

TEST(ResultSchema, ProvenanceIsWhatH5diffSkips) {
  const auto ex = h5diffExcludes();
  const std::set<std::string> args(ex.begin(), ex.end());
  for (const Entry* e : schema()) {
    SCOPED_TRACE(e->path);
    if (!e->provenance) continue;
    if (e->isAttribute()) {  // skipped with its group, which holds nothing else
      EXPECT_TRUE(args.count(e->object()));
      EXPECT_NE(e->object(), "/");
      for (const Entry* other : schema()) {
        const bool inGroup =
            other->isAttribute() ? other->object() == e->object() : other->path.rfind(e->object() + "/", 0) == 0;
        EXPECT_TRUE(!inGroup || other->provenance) << other->path << " is skipped with " << e->object();
      }
    } else {
      EXPECT_TRUE(args.count(e->path));
    }
  }
  EXPECT_TRUE(args.count("/provenance"));
  EXPECT_FALSE(caseToml.provenance);
  EXPECT_TRUE(createdUtc.provenance);
}

}  // namespace
}  // namespace fdtwin::results
