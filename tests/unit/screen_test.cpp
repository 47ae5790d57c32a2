// The verdicts-only path (core/evaluator.cpp) against the full evaluation: for every golden case at
// its own date and every example at dates on either side of the 2026-04-01 switch, the
// size class, each tier's verdict, score, deciding fields and held flag, and each award
// document's totals must be what the full result says. tests/wasm/parity.test.js does the same
// on 10,000 generated profiles, natively and in wasm.
#include <catch2/catch.hpp>
#include <filesystem>

#include "core/engine.hpp"
#include "core/evaluator.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using srdi::json;

namespace {

// The verdict fields of a full result, in the verdicts-only shape.
json verdicts_of_full(const json& full) {
  json out = json::object();
  out["as_of"] = full["as_of"];
  out["criteria"] = full["criteria"]["version"];
  out["format"] = full["format"];
  out["size"] = json{{"class", full["size"]["class"]},
                     {"possible", full["size"]["possible"]},
                     {"missing", full["size"]["missing"]},
                     {"is_sme", full["size"]["is_sme"]}};
  json tiers = json::array();
  for (const auto& t : full["tiers"]) {
    json score = t["score"].is_null() ? json(nullptr) : json{{"min", t["score"]["min"]}, {"max", t["score"]["max"]}};
    tiers.push_back(json{{"id", t["id"]}, {"rung", t["rung"]}, {"verdict", t["verdict"]}, {"score", score},
                         {"missing", t["missing"]}, {"held", t["held"]}});
  }
  out["tiers"] = tiers;
  if (full["awards"]["city"].is_null()) {
    out["awards"] = nullptr;
  } else {
    json docs = json::array();
    for (const auto& d : full["awards"]["documents"]) {
      json doc = json::object();
      for (const char* k : {"policy", "doc_no", "status", "source_kind", "in_force", "totals"}) doc[k] = d[k];
      docs.push_back(doc);
    }
    out["awards"] = json{{"city", full["awards"]["city"]}, {"applicant", full["awards"]["applicant"]}, {"documents", docs}};
  }
  return out;
}

// Compares one profile at one date; returns false (after reporting) on a difference.
bool same_verdicts(const std::string& label, const std::string& profile_text, const srdi::Options& options) {
  srdi::Response full = srdi::evaluate_request(profile_text, options);
  srdi::Response fast = srdi::screen_request(profile_text, options);
  INFO(label << " as of " << options.as_of.iso());
  REQUIRE(full.ok == fast.ok);
  if (!full.ok) {
    CHECK(full.body.dump() == fast.body.dump());  // the same errors
    return full.body.dump() == fast.body.dump();
  }
  json expected = verdicts_of_full(full.body);
  json got = fast.body;
  got.erase("engine");
  CHECK(got.dump() == expected.dump());
  // The batch path (run: no missing fields, the 划型 evaluated only as far as needed) gives the
  // same verdicts, scores and held flags.
  srdi::Screener screener(srdi::bundled_policies(), options);
  srdi::Profile profile = srdi::load_profile(profile_text);
  srdi::ScreenRow row = screener.prepare(srdi::with_evaluation_facts(profile, options.as_of));
  std::vector<srdi::TierVerdict> verdicts;
  screener.run(row, verdicts);
  std::string batch, want;
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    const auto& v = verdicts[i];
    batch += std::string(v.id) + ":" + v.verdict + ":" + (v.scored ? std::to_string(v.score_min) + "-" + std::to_string(v.score_max) : "-") +
             ":" + std::to_string(v.held) + " ";
  }
  for (const auto& t : expected["tiers"]) {
    std::string verdict = t["verdict"];
    want += t["id"].get<std::string>() + ":" + (verdict == "eligible" ? "E" : verdict == "not_eligible" ? "N" : verdict == "contested" ? "C" : "U") + ":" +
            (t["score"].is_null() ? "-" : std::to_string(t["score"]["min"].get<int>()) + "-" + std::to_string(t["score"]["max"].get<int>())) +
            ":" + (t["held"].is_null() ? "-1" : (t["held"].get<bool>() ? "1" : "0")) + " ";
  }
  CHECK(batch == want);
  CHECK(screener.size_class(row) == expected["size"]["class"].get<std::string>());
  return got.dump() == expected.dump() && batch == want;
}

}  // namespace

TEST_CASE("the verdicts-only path agrees with the full evaluation on every golden case and example", "[screen]") {
  fs::path dir = test_util::source_dir() / "tests" / "golden";
  int compared = 0, differing = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    json golden = test_util::read_json(entry.path());
    for (const auto& c : golden["cases"]) {
      srdi::Options options{*srdi::parse_date(c.value("as_of", golden.value("as_of", "2026-11-21"))),
                            c.value("criteria", std::string())};
      std::string label = entry.path().filename().string() + ": " + c["name"].get<std::string>();
      ++compared;
      if (!same_verdicts(label, test_util::case_profile(c, dir).dump(), options)) ++differing;
    }
  }
  for (const auto& entry : fs::directory_iterator(test_util::source_dir() / "examples")) {
    for (const char* date : {"2024-06-30", "2026-03-31", "2026-04-01", "2026-11-21"}) {
      ++compared;
      std::string text = test_util::read_file(entry.path());
      if (!same_verdicts(entry.path().filename().string(), text, srdi::Options{*srdi::parse_date(date), ""})) ++differing;
    }
  }
  REQUIRE(compared > 700);
  WARN("verdicts-only vs full: " << compared << " evaluations compared, " << differing << " differ");
  CHECK(differing == 0);
}

TEST_CASE("the verdicts-only path evaluates only the tiers asked for, and refuses an unknown one", "[screen]") {
  const srdi::PolicySet& set = srdi::bundled_policies();
  srdi::Options options{*srdi::parse_date("2025-06-30"), "miit-2022"};
  srdi::Screener one(set, options, {"miit2022.little_giant"});
  REQUIRE(one.tier_ids() == std::vector<std::string>{"miit2022.little_giant"});
  srdi::Screener all(set, options);
  CHECK(all.tier_ids().size() == 3);
  auto errors = test_util::errors_of([&] { srdi::Screener bad(set, options, {"miit2026.little_giant"}); });
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "options.bad_tier");
  CHECK(errors[0].path == "/tiers");
}

TEST_CASE("run() gives the verdicts and scores of result() for a prepared row", "[screen]") {
  const srdi::PolicySet& set = srdi::bundled_policies();
  srdi::Options options{*srdi::parse_date("2025-06-30"), ""};
  srdi::Screener s(set, options);
  srdi::Profile p = srdi::load_profile(test_util::read_file(test_util::source_dir() / "examples/precision-parts.json"));
  json r = s.result(p);
  srdi::ScreenRow row = s.prepare(p);
  std::vector<srdi::TierVerdict> v;
  s.run(row, v);
  std::string size = s.size_class(row);
  CHECK(size == r["size"]["class"].get<std::string>());
  REQUIRE(v.size() == r["tiers"].size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const json& t = r["tiers"][i];
    std::string verdict = t["verdict"];
    CHECK(std::string(v[i].id) == t["id"].get<std::string>());
    CHECK(v[i].verdict == (verdict == "eligible" ? 'E' : verdict == "not_eligible" ? 'N' : 'U'));
    CHECK(v[i].scored == !t["score"].is_null());
    if (v[i].scored) CHECK(v[i].score_min == t["score"]["min"].get<int>());
  }
}

TEST_CASE("JSON Lines: one result per line, a bad line answered on its own line", "[screen]") {
  std::string profile = test_util::read_file(test_util::source_dir() / "examples/precision-parts.json");
  json compact = json::parse(profile);
  std::string lines = compact.dump() + "\n{\"employees\": -1}\n" + compact.dump() + "\n";
  std::string out;
  srdi::Options options{*srdi::parse_date("2026-11-21"), ""};
  CHECK_FALSE(srdi::evaluate_lines(lines, options, true, out));
  std::vector<std::string> got;
  std::size_t pos = 0;
  while (pos < out.size()) {
    std::size_t end = out.find('\n', pos);
    got.push_back(out.substr(pos, end - pos));
    pos = end + 1;
  }
  REQUIRE(got.size() == 3);
  CHECK(got[0] == got[2]);
  CHECK(json::parse(got[1])["errors"][0]["path"] == "/employees");
  CHECK(got[0] == srdi::screen_request(compact.dump(), options).body.dump(-1, ' ', false));
  std::string full;
  CHECK_FALSE(srdi::evaluate_lines(lines, options, false, full));
  CHECK(full.substr(0, full.find('\n')) == srdi::evaluate_request(compact.dump(), options).body.dump(-1, ' ', false));
}

TEST_CASE("a screening batch: options with tiers, a bad line kept as a row, counts per tier", "[screen]") {
  srdi::ScreenBatch batch;
  CHECK(batch.load("{}")["errors"][0]["code"] == "engine.not_configured");
  CHECK(batch.configure(R"({"tiers": [1]})")["errors"][0]["path"] == "/tiers/0");
  CHECK(batch.configure(R"({"as_of": "2025-06-30", "tiers": ["miit2022.srdi"], "x": 1})")["errors"][0]["code"] ==
        "options.unknown_key");
  REQUIRE(batch.configure(R"({"as_of": "2025-06-30", "tiers": ["miit2022.srdi"]})").dump() == "{}");
  std::string p = json::parse(test_util::read_file(test_util::source_dir() / "examples/precision-parts.json")).dump();
  json loaded = batch.load(p + "\n[]\n" + p);
  CHECK(loaded["rows"] == 3);
  REQUIRE(loaded["errors"].size() == 1);
  CHECK(loaded["errors"][0]["line"] == 2);
  json run = batch.run();
  REQUIRE(run["tiers"].size() == 1);
  const json& t = run["tiers"][0];
  CHECK(t["eligible"].get<int>() + t["not_eligible"].get<int>() + t["undetermined"].get<int>() == 2);
  std::string v = batch.verdicts("miit2022.srdi");
  REQUIRE(v.size() == 3);
  CHECK(v[1] == '-');
  CHECK(v[0] == v[2]);
  CHECK(batch.verdicts("miit2022.little_giant").empty());
}

TEST_CASE("a screening session reuses its screener only while the options are the same", "[screen]") {
  std::string p = test_util::read_file(test_util::source_dir() / "examples/little-giant-candidate.json");
  srdi::ScreenSession session;
  for (const char* options : {R"({"as_of": "2025-06-30"})", R"({"as_of": "2025-06-30"})", R"({"as_of": "2026-11-21"})",
                              R"({"as_of": "2026-11-21", "applicant": "investor"})", R"({"as_of": "2026-13-01"})",
                              R"({"as_of": "2026-11-21"})"}) {
    INFO(options);
    CHECK(session.screen(p, options).body.dump() == srdi::screen_request(p, options).body.dump());
  }
}
