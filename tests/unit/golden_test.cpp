// Runs every golden file under tests/golden/ through the engine with the harness of `srdi test`
// (core/golden.cpp): each case's expectations are JSON-pointer equalities on the result and the
// lists of criteria that must be met / not met / undetermined. tests/wasm/golden.test.js runs the
// same files through the wasm module.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <cstdlib>
#include <memory>
#include <algorithm>

#include "core/engine.hpp"
#include "core/golden.hpp"
#include "test_util.hpp"

using test_util::read_json;

namespace fs = std::filesystem;
using srdi::json;

namespace {

// SRDI_POLICY_DIR: the policies of that directory (every *.json below it) instead of the bundled
// ones, so the golden cases can judge a changed copy (scripts/mutate_policies.py).
const srdi::PolicySet& golden_policies() {
  static const std::unique_ptr<srdi::PolicySet> set = []() -> std::unique_ptr<srdi::PolicySet> {
    const char* dir = std::getenv("SRDI_POLICY_DIR");
    if (!dir || !*dir) return nullptr;
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.path().extension() != ".json") continue;
      files.emplace_back(fs::relative(e.path(), dir).generic_string(), test_util::read_file(e.path()));
    }
    std::sort(files.begin(), files.end());
    return std::make_unique<srdi::PolicySet>(srdi::load_policy_set(files));
  }();
  return set ? *set : srdi::bundled_policies();
}

// The harness of `srdi test` (core/golden.cpp); each failure is reported with its file and case.
void run_file(const std::string& name, const json& golden, const fs::path& dir, std::size_t& cases) {
  auto base = [&](const std::string& base_name) { return read_json(dir / "profiles" / (base_name + ".json")); };
  srdi::GoldenRun run = srdi::run_golden(golden, golden_policies(), base);
  cases += run.cases;
  for (const auto& f : run.failures) {
    INFO(name << ": " << f.case_name);
    FAIL_CHECK(f.message);
  }
}

struct GoldenFile {
  std::string name;
  json golden;
};

// The golden files, filtered by
// SRDI_GOLDEN_ONLY: a comma-separated list of golden file names to run (the mutation script runs
// the files that judge the mutated policy).
const std::vector<GoldenFile>& golden_files() {
  static const std::vector<GoldenFile> files = [] {
    fs::path dir = fs::path(SRDI_SOURCE_DIR) / "tests" / "golden";
    std::string only = std::getenv("SRDI_GOLDEN_ONLY") ? std::getenv("SRDI_GOLDEN_ONLY") : "";
    std::vector<GoldenFile> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".json") continue;
      std::string name = entry.path().filename().string();
      if (!only.empty() && ("," + only + ",").find("," + name + ",") == std::string::npos) continue;
      out.push_back(GoldenFile{name, read_json(entry.path())});
    }
    std::sort(out.begin(), out.end(), [](const GoldenFile& a, const GoldenFile& b) { return a.name < b.name; });
    return out;
  }();
  return files;
}
}  // namespace

// Every case runs, named by its file and its sentence: check_case only CHECKs (a failed REQUIRE
// would end the test case), so a failing case never hides the cases after it.
TEST_CASE("golden files: every case holds natively", "[golden]") {
  fs::path dir = fs::path(SRDI_SOURCE_DIR) / "tests" / "golden";
  const auto& files = golden_files();
  std::size_t cases = 0;
  for (const auto& f : files) run_file(f.name, f.golden, dir, cases);
  CHECK(files.size() >= 1);
  CHECK(cases >= (std::getenv("SRDI_GOLDEN_ONLY") ? 1u : 100u));
}

TEST_CASE("every award measure, rule and benchmark of the policies has a golden case", "[golden]") {
  fs::path dir = fs::path(SRDI_SOURCE_DIR) / "tests" / "golden";
  std::string all;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") all += read_json(entry.path()).dump();
  }
  int ids = 0;
  for (const auto& p : srdi::bundled_policies().policies) {
    std::vector<std::string> names;
    for (const auto& m : p.measures) names.push_back(m.id);
    for (const auto& r : p.rules) names.push_back(r.id);
    for (const auto& b : p.benchmarks) names.push_back(b.id);
    for (const auto& id : names) {
      ++ids;
      INFO(p.file << ": " << id << " appears in no golden case");
      CHECK(all.find("\"" + id + "\"") != std::string::npos);
    }
  }
  CHECK(ids > 0);
}
