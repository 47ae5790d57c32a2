// libFuzzer target: a full request, srdi::evaluate_request and srdi::compare_request, of a fuzzed
// profile against every bundled policy, under a few fixed option sets (chosen by the input's
// size, so the seeds stay plain profiles). The request functions never throw by design; a failed
// response must list errors with a code and a message, and "engine.internal" (an unexpected
// exception caught at the boundary) counts as a bug. Differential: the verdicts-only path
// (srdi::screen_request) must give the full result's verdicts, scores, missing fields, held flags
// and award totals, or the same errors.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <cstdio>
#include <cstdlib>
#include "core/engine.hpp"
#include "core/evaluator.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {
constexpr std::string_view kOptions[] = {
    R"({"as_of": "2025-06-30"})",
    R"({"as_of": "2023-01-15", "criteria": "auto"})",
    R"({"as_of": "2026-07-01", "applicant": "enterprise"})",
    R"({"as_of": "2024-12-31", "criteria": "miit-2022"})",
};
// The full result's fields that the verdicts-only result carries (docs/output-format.md).
srdi::json verdicts_of_full(const srdi::json& full) {
  using srdi::json;
  json out = json::object();
  out["size"] = json{{"class", full["size"]["class"]}, {"possible", full["size"]["possible"]},
                     {"missing", full["size"]["missing"]}, {"is_sme", full["size"]["is_sme"]}};
  json tiers = json::array();
  for (const auto& t : full["tiers"]) {
    json score = t["score"].is_null() ? json(nullptr) : json{{"min", t["score"]["min"]}, {"max", t["score"]["max"]}};
    tiers.push_back(json{{"id", t["id"]}, {"verdict", t["verdict"]}, {"score", score}, {"missing", t["missing"]},
                         {"held", t["held"]}});
  }
  out["tiers"] = tiers;
  json totals = json::array();
  if (!full["awards"]["city"].is_null()) {
    for (const auto& d : full["awards"]["documents"]) totals.push_back(json{{d["policy"], d["totals"]}});
  }
  out["totals"] = totals;
  return out;
}

srdi::json verdicts_of_screen(const srdi::json& v) {
  using srdi::json;
  json out = json::object();
  out["size"] = v["size"];
  json tiers = json::array();
  for (const auto& t : v["tiers"]) {
    tiers.push_back(json{{"id", t["id"]}, {"verdict", t["verdict"]}, {"score", t["score"]}, {"missing", t["missing"]},
                         {"held", t["held"]}});
  }
  out["tiers"] = tiers;
  json totals = json::array();
  if (!v["awards"].is_null()) {
    for (const auto& d : v["awards"]["documents"]) totals.push_back(json{{d["policy"], d["totals"]}});
  }
  out["totals"] = totals;
  return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string_view options = kOptions[size % (sizeof kOptions / sizeof kOptions[0])];
  srdi::Response r = srdi::evaluate_request(text, options);
  if (!r.ok) srdi_fuzz::check_error_body(r.body, "evaluate_request");
  // One session per option set keeps the compiled criteria, as the page does.
  static srdi::ScreenSession sessions[sizeof kOptions / sizeof kOptions[0]];
  srdi::Response v = sessions[size % (sizeof kOptions / sizeof kOptions[0])].screen(text, options);
  if (!v.ok) srdi_fuzz::check_error_body(v.body, "screen_request");
  std::string want = r.ok ? verdicts_of_full(r.body).dump() : r.body.dump();
  std::string got = v.ok ? verdicts_of_screen(v.body).dump() : v.body.dump();
  if (r.ok != v.ok || want != got) {
    std::fprintf(stderr, "verdicts-only path disagrees with the full evaluation\nfull:   %s\nscreen: %s\n", want.c_str(),
                 got.c_str());
    std::abort();
  }
  srdi::Response c = srdi::compare_request(text, options);
  if (!c.ok) srdi_fuzz::check_error_body(c.body, "compare_request");
  return 0;
}
