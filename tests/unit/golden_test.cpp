// Runs every golden file under tests/golden/ through the engine: each case's expectations are
// JSON-pointer equalities on the result and the lists of criteria that must be met / not met /
// undetermined. tests/wasm/golden.test.js runs the same files through the wasm module.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

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

}  // namespace

TEST_CASE("golden files: every case holds natively", "[golden]") {
  fs::path dir = fs::path(SRDI_SOURCE_DIR) / "tests" / "golden";
  int files = 0, cases = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    json golden = read_json(entry.path());
    for (const auto& c : golden["cases"]) {
      ++cases;
      std::string name = c["name"];
      INFO(entry.path().filename().string() << ": " << name);
      srdi::Options options{*srdi::parse_date(c.value("as_of", golden.value("as_of", "2026-11-21"))),
                            c.value("criteria", std::string())};
      srdi::Response r = srdi::evaluate_request(case_profile(c, dir).dump(), options);
      if (c.contains("error")) {
        REQUIRE_FALSE(r.ok);
        CHECK(r.body["errors"][0]["code"].dump() == c["error"]["code"].dump());
        CHECK(r.body["errors"][0]["path"].dump() == c["error"]["path"].dump());
        continue;
      }
      INFO(r.body.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 400));
      REQUIRE(r.ok);
      const json expect = c.value("expect", json::object());
      for (const auto& [pointer, want] : expect.items()) {
        INFO("at " << pointer);
        json::json_pointer ptr(pointer);
        REQUIRE(r.body.contains(ptr));
        CHECK(r.body.at(ptr).dump() == want.dump());
      }
      const json tier_expect = c.value("tier_expect", json::object());
      for (const auto& [tier_id, checks] : tier_expect.items()) {
        const json* tier = nullptr;
        for (const auto& t : r.body["tiers"]) {
          if (t["id"] == tier_id) tier = &t;
        }
        INFO("tier " << tier_id);
        REQUIRE(tier != nullptr);
        for (const auto& [pointer, want] : checks.items()) {
          INFO("at " << pointer);
          json::json_pointer ptr(pointer);
          REQUIRE(tier->contains(ptr));
          CHECK(tier->at(ptr).dump() == want.dump());
        }
      }
      // Award lines by measure id: every line of that measure (or potential line) must match.
      for (const char* key : {"award_expect", "potential_expect"}) {
        const json award_expect = c.value(key, json::object());
        for (const auto& [measure, checks] : award_expect.items()) {
          std::vector<const json*> found;
          const json& aw = r.body["awards"];
          if (std::string(key) == "potential_expect") {
            for (const auto& l : aw["potential"]) {
              if (l["measure"] == measure) found.push_back(&l);
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
          REQUIRE(found.size() == 1);
          for (const auto& [pointer, want] : checks.items()) {
            INFO("at " << pointer);
            json::json_pointer ptr(pointer);
            REQUIRE(found[0]->contains(ptr));
            CHECK(found[0]->at(ptr).dump() == want.dump());
          }
        }
      }
      std::map<std::string, std::string> results;
      collect(r.body, results);
      for (const char* kind : {"met", "not_met", "undetermined"}) {
        for (const auto& id : c.value(kind, json::array())) {
          INFO("criterion " << id.get<std::string>() << " should be " << kind);
          REQUIRE(results.count(id.get<std::string>()) == 1);
          CHECK(results[id.get<std::string>()] == kind);
        }
      }
    }
  }
  CHECK(files >= 1);
  CHECK(cases >= 100);
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
