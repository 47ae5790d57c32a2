// Small helpers shared by the unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "core/golden.hpp"
#include "core/policy.hpp"
#include "core/profile.hpp"

namespace test_util {

inline std::filesystem::path source_dir() { return SRDI_SOURCE_DIR; }

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

inline srdi::json read_json(const std::filesystem::path& p) { return srdi::json::parse(read_file(p)); }

// A golden case's profile, as the harness of `srdi test` builds it (core/golden.cpp), with the
// base profiles of tests/golden/profiles/.
inline srdi::json case_profile(const srdi::json& c, const std::filesystem::path& golden_dir) {
  return srdi::golden_case_profile(c, [&](const std::string& base) { return read_json(golden_dir / "profiles" / (base + ".json")); });
}

inline srdi::Profile profile(const std::string& text) { return srdi::load_profile(text); }

inline srdi::Policy toy_policy() {
  auto p = source_dir() / "tests/fixtures/policies/toy-tiers.json";
  return srdi::load_policy(read_file(p), "toy-tiers.json");
}

// The errors a loader reports for `text`, or an empty list if it loads.
template <typename F>
std::vector<srdi::Error> errors_of(F&& load) {
  try {
    load();
  } catch (const srdi::LoadFailure& f) {
    return f.errors;
  }
  return {};
}

// Calls fn(file name, text, expected {code, path}) for every fixture of a broken-fixture folder
// and returns how many there were; every fixture must be pinned in the folder's expected.json.
template <typename F>
int for_each_fixture(const std::string& folder, F&& fn) {
  auto dir = source_dir() / "tests/fixtures/broken" / folder;
  auto expected = srdi::json::parse(read_file(dir / "expected.json"));
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name == "expected.json") continue;
    ++seen;
    INFO(name);
    REQUIRE(expected.contains(name));
    fn(name, read_file(entry.path()), expected[name]);
  }
  CHECK(seen == static_cast<int>(expected.size()));
  return seen;
}

}  // namespace test_util
