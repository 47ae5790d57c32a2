// Policy files given at run time (docs/authoring.md): they evaluate exactly like bundled ones,
// replace or add by id, are stamped with their SHA-256, and are refused with codes and paths when
// they are not data the loader accepts. Also the checker's warnings, one fixture each
// (tests/fixtures/check/expected.json), and the golden harness of `srdi test`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

#include "core/bundled_policies.hpp"
#include "core/engine.hpp"
#include "core/evaluator.hpp"
#include "core/golden.hpp"
#include "core/policy_check.hpp"
#include "core/sha256.hpp"
#include "test_util.hpp"

using srdi::json;
namespace fs = std::filesystem;

namespace {

const fs::path kCheckDir = test_util::source_dir() / "tests/fixtures/check";

std::vector<std::pair<std::string, std::string>> bundled_files() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& f : srdi::bundled_policy_files()) files.emplace_back(f.path, f.text);
  return files;
}

std::string compact(const srdi::Response& r) { return r.body.dump(-1, ' ', false, json::error_handler_t::replace); }

// Restores the bundled set when a test ends, whatever happens.
struct ActiveGuard {
  ~ActiveGuard() { srdi::use_policies(nullptr); }
};

}  // namespace

TEST_CASE("each bundled file given again at run time gives byte-identical results", "[runtime_policy]") {
  const auto files = bundled_files();
  REQUIRE(files.size() >= 8);
  for (const auto& file : files) {
    INFO(file.first);
    srdi::PolicySet set = srdi::policies_with({file});
    // Replaced in its place: the same files in the same order, the same stamps.
    REQUIRE(set.policies.size() == srdi::bundled_policies().policies.size());
    for (std::size_t i = 0; i < set.policies.size(); ++i) {
      CHECK(set.policies[i].file == srdi::bundled_policies().policies[i].file);
      CHECK(set.policies[i].sha256 == srdi::bundled_policies().policies[i].sha256);
    }
    for (const auto& example : fs::directory_iterator(test_util::source_dir() / "examples")) {
      const std::string profile = test_util::read_file(example.path());
      for (const char* as_of : {"2026-03-01", "2026-11-21"}) {
        const std::string options = std::string("{\"as_of\": \"") + as_of + "\"}";
        INFO(example.path().filename().string() << " " << as_of);
        CHECK(compact(srdi::evaluate_request(profile, options, set)) ==
              compact(srdi::evaluate_request(profile, options, srdi::bundled_policies())));
      }
    }
  }
  // And all of them at once.
  srdi::PolicySet all = srdi::policies_with(files);
  const std::string profile = test_util::read_file(test_util::source_dir() / "examples/precision-parts.json");
  CHECK(compact(srdi::evaluate_request(profile, "{\"as_of\": \"2026-11-21\"}", all)) ==
        compact(srdi::evaluate_request(profile, "{\"as_of\": \"2026-11-21\"}", srdi::bundled_policies())));
}

TEST_CASE("a new city's file is added, pays by its text and is stamped with its name and SHA-256", "[runtime_policy]") {
  const std::string text = test_util::read_file(kCheckDir / "clean.json");
  srdi::PolicySet set = srdi::policies_with({{"local/ceshi.json", text}});
  CHECK(set.policies.size() == srdi::bundled_policies().policies.size() + 1);
  const srdi::Policy& added = set.policies.back();
  CHECK(added.file == "local/ceshi.json");
  CHECK(added.sha256 == srdi::sha256_hex(text));
  // 一：新认定的国家级“小巨人” → 500000 元; a 复核 does not trigger it.
  const std::string firm = R"({"name": "测试企业", "city": "ceshi", "events": [{"type": "recognition", "title": "little_giant", "level": "national", "renewal": false}]})";
  json r = srdi::evaluate_request(firm, R"({"as_of": "2026-06-01"})", set).body;
  REQUIRE(r["awards"]["documents"].size() == 1);
  CHECK(r["awards"]["documents"][0]["policy"] == "check-fixture");
  CHECK(r["awards"]["documents"][0]["totals"]["certain"] == "500000.00");
  bool stamped = false;
  for (const auto& p : r["policies"]) stamped = stamped || (p["file"] == "local/ceshi.json" && p["sha256"] == srdi::sha256_hex(text));
  CHECK(stamped);
  std::string renewal = firm;
  renewal.replace(renewal.find("\"renewal\": false"), 16, "\"renewal\": true");
  json r2 = srdi::evaluate_request(renewal, R"({"as_of": "2026-06-01"})", set).body;
  CHECK(r2["awards"]["documents"][0]["totals"]["certain"] == "0.00");
  // Without the file the city has no documents.
  json bundled = srdi::evaluate_request(firm, R"({"as_of": "2026-06-01"})", srdi::bundled_policies()).body;
  CHECK(bundled["awards"]["documents"].empty());
}

TEST_CASE("run-time files are refused with codes and paths: two of one id, too large, too deep, not a policy", "[runtime_policy]") {
  const std::string text = test_util::read_file(kCheckDir / "clean.json");
  auto errors_of = [](const std::vector<std::pair<std::string, std::string>>& files) {
    return test_util::errors_of([&] { srdi::policies_with(files); });
  };
  auto dup = errors_of({{"a.json", text}, {"b.json", text}});
  REQUIRE(dup.size() == 1);
  CHECK(dup[0].code == "policy.duplicate_id");
  CHECK(dup[0].path == "/id");
  CHECK(dup[0].source == "b.json");
  std::string big = text;
  big.insert(big.size() - 2, std::string(srdi::kMaxPolicyBytes, ' '));
  auto large = errors_of({{"big.json", big}});
  REQUIRE(large.size() == 1);
  CHECK(large[0].code == "policy.too_large");
  // 65 nested arrays inside a measure's interpretation slot: refused by the parser, never recursed into.
  std::string deep = text;
  deep.insert(deep.rfind('}'), ", \"x\": " + std::string(70, '[') + std::string(70, ']'));
  auto nested = errors_of({{"deep.json", deep}});
  REQUIRE(nested.size() == 1);
  CHECK(nested[0].code == "json.too_deep");
  CHECK(nested[0].path.rfind("/x/0/0", 0) == 0);
  auto broken = errors_of({{"broken.json", R"({"id": 3})"}});
  CHECK(broken.size() >= 3);  // every error at once
  CHECK(std::all_of(broken.begin(), broken.end(), [](const srdi::Error& e) { return e.source == "broken.json"; }));
  // A file that breaks a reference of the set (its id replaces a definition another file uses).
  auto set_errors = errors_of({{"national/miit-2022-63.json", R"({"id": "miit-2022-63", "kind": "definitions", "title": "t", "issuer": "i", "doc_no": "d", "status": "published", "valid_from": "2022-01-01"})"}});
  CHECK_FALSE(set_errors.empty());
}

TEST_CASE("the request functions follow the active set, and a screener built before a switch is rebuilt", "[runtime_policy]") {
  ActiveGuard guard;
  const std::string firm = R"({"name": "测试企业", "city": "ceshi", "events": [{"type": "recognition", "title": "little_giant", "level": "national", "renewal": false}]})";
  const std::string options = R"({"as_of": "2026-06-01"})";
  srdi::ScreenSession session;
  auto documents = [&](const srdi::Response& r) { return r.body["awards"]["documents"].size(); };
  std::size_t before = documents(session.screen(firm, options));
  srdi::use_policies(std::make_shared<const srdi::PolicySet>(
      srdi::policies_with({{"ceshi.json", test_util::read_file(kCheckDir / "clean.json")}})));
  CHECK(srdi::evaluate_request(firm, options).body["awards"]["documents"].size() == 1);
  CHECK(documents(session.screen(firm, options)) == before + 1);
  srdi::use_policies(nullptr);
  CHECK(srdi::evaluate_request(firm, options).body["awards"]["documents"].empty());
  CHECK(documents(session.screen(firm, options)) == before);
}

TEST_CASE("check-policy: each warning has a fixture that raises exactly it", "[runtime_policy]") {
  const json expected = test_util::read_json(kCheckDir / "expected.json");
  const std::string source = test_util::read_file(kCheckDir / "source.txt");
  std::set<std::string> seen_codes;
  for (const auto& [name, want] : expected.items()) {
    if (name == "_comment") continue;
    INFO(name);
    srdi::PolicyCheckInput in;
    in.file = want["policy"].get<std::string>();
    in.text = test_util::read_file(kCheckDir / in.file);
    if (want["source"].get<bool>()) in.source = &source;
    json golden;
    if (!want["golden"].is_null()) {
      golden = test_util::read_json(kCheckDir / want["golden"].get<std::string>());
      in.golden = &golden;
    }
    srdi::PolicyCheck check = srdi::check_policy(in);
    CHECK(check.errors.empty());
    std::vector<std::pair<std::string, std::string>> got, expect;
    for (const auto& w : check.warnings) {
      got.emplace_back(w.code, w.path);
      CHECK(w.source == in.file);
      CHECK_FALSE(w.message.empty());
    }
    for (const auto& w : want["warnings"]) {
      expect.emplace_back(w[0].get<std::string>(), w[1].get<std::string>());
      seen_codes.insert(w[0].get<std::string>());
    }
    CHECK(got == expect);
  }
  CHECK(seen_codes.size() == 11);  // every warning code of core/policy_check.cpp
}

TEST_CASE("check-policy: a file with errors reports them all and no warnings", "[runtime_policy]") {
  srdi::PolicyCheckInput in;
  in.file = "broken.json";
  in.text = R"({"id": "x", "kind": "awards", "title": 3, "measures": [{"id": "m"}]})";
  srdi::PolicyCheck check = srdi::check_policy(in);
  CHECK(check.errors.size() >= 3);
  CHECK(check.warnings.empty());
  CHECK(check.policy.is_null());
  json body = srdi::check_json(check);
  CHECK(body["ok"] == false);
  CHECK(body["errors"].size() == check.errors.size());
}

TEST_CASE("srdi test's harness: passing cases pass, a wrong amount fails its case only, an unknown key fails", "[runtime_policy]") {
  srdi::PolicySet set = srdi::policies_with({{"clean.json", test_util::read_file(kCheckDir / "clean.json")}});
  auto no_base = [](const std::string&) -> json { throw srdi::LoadFailure({{"golden.no_base", "", "no base", "golden"}}); };
  srdi::GoldenRun ok = srdi::run_golden(test_util::read_json(kCheckDir / "golden_clean.json"), set, no_base);
  CHECK(ok.cases == 3);
  CHECK(ok.failures.empty());
  srdi::GoldenRun bad = srdi::run_golden(test_util::read_json(kCheckDir / "golden_failing.json"), set, no_base);
  CHECK(bad.cases == 3);
  CHECK(bad.failed_cases == 1);
  REQUIRE(bad.failures.size() == 1);
  CHECK(bad.failures[0].case_name == "A retrofit of 2000万 equipment is capped at 100万");
  json unknown = test_util::read_json(kCheckDir / "golden_clean.json");
  unknown["cases"][0]["expcet"] = json::object();
  srdi::GoldenRun typo = srdi::run_golden(unknown, set, no_base);
  CHECK(typo.failed_cases == 1);
  // The template has one case per measure, and its placeholders fail until filled in.
  json tmpl = srdi::golden_template(set.policies.back());
  CHECK(tmpl["cases"].size() == 2);
  srdi::GoldenRun unfilled = srdi::run_golden(tmpl, set, no_base);
  CHECK(unfilled.failed_cases == 2);
}
