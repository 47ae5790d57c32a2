// Runs every golden file under tests/golden/ through the engine: each case's expectations are
// JSON-pointer equalities on the result and the lists of criteria that must be met / not met /
// undetermined. tests/wasm/golden.test.js runs the same files through the wasm module.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <cstdlib>
#include <memory>
#include <algorithm>

#include "core/engine.hpp"
#include "test_util.hpp"

using test_util::case_profile;
using test_util::read_json;

namespace fs = std::filesystem;
using srdi::json;

namespace {

// Collects the result of every criterion node (anything with "id" and "result") by id.
void collect(const json& node, std::map<std::string, std::string>& out) {
  if (node.is_object()) {
    if (node.contains("id") && node.contains("result") && node["result"].is_string()) {
      out[node["id"].get<std::string>()] = node["result"].get<std::string>();
    }
    for (const auto& [k, v] : node.items()) collect(v, out);
  } else if (node.is_array()) {
    for (const auto& v : node) collect(v, out);
  }
}

// The options a case asks for, as the JSON the engine's front doors take.
json case_options(const json& golden, const json& c) {
  json o{{"as_of", c.value("as_of", golden.value("as_of", "2026-11-21"))}};
  for (const char* k : {"criteria", "renewal", "readings"}) {
    if (c.contains(k)) o[k] = c[k];
  }
  return o;
}

// SRDI_POLICY_DIR: the policies of that directory (every *.json below it) instead of the bundled
// ones, so the golden cases can judge a changed copy (scripts/mutate_policies.py).
const srdi::PolicySet* policies_from_env() {
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
  return set.get();
}

srdi::Response run_case(const std::string& profile_text, const json& options) {
  const srdi::PolicySet* set = policies_from_env();
  if (!set) return srdi::evaluate_request(profile_text, options.dump());
  return srdi::guarded_response([&] {
    srdi::Options o = srdi::parse_options(options.dump(), srdi::today_local(), *set);
    return srdi::evaluate(srdi::load_profile(profile_text), o, *set);
  });
}

const std::set<std::string> kCaseKeys = {"name", "note", "base", "profile", "set", "unset", "as_of", "criteria", "renewal",
                                         "readings", "error", "expect", "tier_expect", "award_expect", "potential_expect",
                                         "next_rung_expect", "measure_expect", "met", "not_met", "undetermined"};
// One case of a golden file: the strict key check, then each kind of expectation.
void check_case(const json& golden, const json& c, const fs::path& dir) {
  for (const auto& [k, v] : c.items()) {
    INFO("key " << k);
    CHECK(kCaseKeys.count(k) == 1);  // the harness is as strict as the loaders
  }
  srdi::Response r = run_case(case_profile(c, dir).dump(), case_options(golden, c));
  if (c.contains("error")) {
    CHECK_FALSE(r.ok);
    if (r.ok) return;
    CHECK(r.body["errors"][0]["code"].dump() == c["error"]["code"].dump());
    CHECK(r.body["errors"][0]["path"].dump() == c["error"]["path"].dump());
    return;
  }
  INFO(r.body.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 200));
  CHECK(r.ok);
  if (!r.ok) return;
  // Pointers address the result as a reader sees it: a citation, not its index in the list.
  const json body = srdi::inline_citations(r.body);
  const json expect = c.value("expect", json::object());
  for (const auto& [pointer, want] : expect.items()) {
    INFO("at " << pointer);
    json::json_pointer ptr(pointer);
    CHECK(body.contains(ptr));
    if (body.contains(ptr)) CHECK(body.at(ptr).dump() == want.dump());
  }
  const json tier_expect = c.value("tier_expect", json::object());
  for (const auto& [tier_id, checks] : tier_expect.items()) {
    const json* tier = nullptr;
    for (const auto& t : body["tiers"]) {
      if (t["id"] == tier_id) tier = &t;
    }
    INFO("tier " << tier_id);
    CHECK(tier != nullptr);
    if (!tier) continue;
    for (const auto& [pointer, want] : checks.items()) {
      INFO("at " << pointer);
      json::json_pointer ptr(pointer);
      CHECK(tier->contains(ptr));
      if (tier->contains(ptr)) CHECK(tier->at(ptr).dump() == want.dump());
    }
  }
  // Award lines by measure id: every line of that measure (or potential line) must match.
  // potential_expect / next_rung_expect: the lines of awards.potential / awards.next_rungs;
  // measure_expect: the entry of documents[].measures (what the document pays for).
  for (const char* key : {"award_expect", "potential_expect", "next_rung_expect", "measure_expect"}) {
    const json award_expect = c.value(key, json::object());
    const std::string k = key;
    for (const auto& [measure, checks] : award_expect.items()) {
      std::vector<const json*> found;
      const json& aw = body["awards"];
      if (k == "potential_expect" || k == "next_rung_expect") {
        for (const auto& l : aw[k == "potential_expect" ? "potential" : "next_rungs"]) {
          if (l["measure"] == measure) found.push_back(&l);
        }
      } else if (k == "measure_expect") {
        for (const auto& d : aw["documents"]) {
          for (const auto& l : d["measures"]) {
            if (l["measure"] == measure) found.push_back(&l);
          }
        }
      } else {
        for (const auto& d : aw["documents"]) {
          for (const char* list : {"lines", "benefits"}) {
            for (const auto& l : d[list]) {
              if (l["measure"] == measure) found.push_back(&l);
            }
          }
        }
      }
      INFO(key << " " << measure);
      if (checks.is_null()) {  // null: the measure must not appear at all
        CHECK(found.empty());
        continue;
      }
      CHECK(found.size() == 1);
      if (found.size() != 1) continue;
      for (const auto& [pointer, want] : checks.items()) {
        INFO("at " << pointer);
        json::json_pointer ptr(pointer);
        CHECK(found[0]->contains(ptr));
        if (found[0]->contains(ptr)) CHECK(found[0]->at(ptr).dump() == want.dump());
      }
    }
  }
  std::map<std::string, std::string> results;
  collect(body, results);
  for (const char* kind : {"met", "not_met", "undetermined"}) {
    for (const auto& id : c.value(kind, json::array())) {
      INFO("criterion " << id.get<std::string>() << " should be " << kind);
      CHECK(results.count(id.get<std::string>()) == 1);
      CHECK(results[id.get<std::string>()] == kind);
    }
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
  for (const auto& f : files) {
    for (const auto& c : f.golden["cases"]) {
      ++cases;
      INFO(f.name << ": " << c["name"].get<std::string>());
      check_case(f.golden, c, dir);
    }
  }
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
