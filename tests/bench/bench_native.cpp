// Native benchmarks of the engine (Google Benchmark), run by scripts/bench.sh: the full evaluation
// with its explanation, as the CLI and the page get it, against the verdicts-only path of batch
// screening (core/evaluator.hpp). The profile is examples/little-giant-candidate.json (city jinan, so
// the full evaluation includes one city's awards); the evaluation date is the one bench_wasm.js uses.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "core/evaluator.hpp"

namespace {

constexpr const char* kAsOf = "2026-11-21";

const std::string& example_text() {
  static const std::string text = [] {
    std::ifstream in(std::string(SRDI_SOURCE_DIR) + "/examples/little-giant-candidate.json", std::ios::binary);
    if (!in) throw std::runtime_error("cannot read examples/little-giant-candidate.json");
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
  }();
  return text;
}

srdi::Options options(const std::string& criteria) {
  auto d = srdi::parse_date(kAsOf);
  if (!d) throw std::logic_error("bad kAsOf");
  return srdi::Options{*d, criteria};
}

// Text in, JSON text out: what `srdi evaluate` and the wasm module's evaluate() do per call.
void BM_full_request(benchmark::State& state) {
  const std::string& text = example_text();
  const srdi::Options o = options("");
  std::size_t bytes = 0;
  for (auto _ : state) {
    srdi::Response r = srdi::evaluate_request(text, o);
    std::string out = r.body.dump(2, ' ', false);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["output_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_full_request)->Unit(benchmark::kMillisecond);

// A loaded profile to the dumped result: size class, every tier in force with its explanation,
// the city's awards (the profile names jinan).
void BM_full_evaluation(benchmark::State& state) {
  const srdi::PolicySet& policies = srdi::bundled_policies();
  const srdi::Profile profile = srdi::load_profile(example_text());
  const srdi::Options o = options("");
  for (auto _ : state) {
    srdi::json result = srdi::evaluate(profile, o, policies);
    std::string out = result.dump(2, ' ', false);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_full_evaluation)->Unit(benchmark::kMillisecond);

// The strict profile loader alone: with BM_prepare_row, the per-record cost of the wasm load().
void BM_load_profile(benchmark::State& state) {
  const std::string& text = example_text();
  for (auto _ : state) {
    srdi::Profile p = srdi::load_profile(text);
    benchmark::DoNotOptimize(p.facts.size());
  }
}
BENCHMARK(BM_load_profile);

// Laying a loaded profile out into a screening row (the rest of the wasm load()).
void BM_prepare_row(benchmark::State& state) {
  const srdi::PolicySet& policies = srdi::bundled_policies();
  const srdi::Profile profile = srdi::load_profile(example_text());
  srdi::Screener screener(policies, options(""));
  srdi::ScreenRow row;
  for (auto _ : state) {
    screener.prepare(profile, row);
    benchmark::DoNotOptimize(row.slots.data());
  }
}
BENCHMARK(BM_prepare_row);

// Verdicts only on a prepared row, for `tiers` of `criteria` (all tiers in force when empty).
void run_verdicts(benchmark::State& state, const std::string& criteria, const std::vector<std::string>& tiers) {
  const srdi::PolicySet& policies = srdi::bundled_policies();
  const srdi::Profile profile = srdi::load_profile(example_text());
  srdi::Screener screener(policies, options(criteria), tiers);
  const srdi::ScreenRow row = screener.prepare(profile);
  std::vector<srdi::TierVerdict> out;
  for (auto _ : state) {
    screener.run(row, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["tiers"] = static_cast<double>(out.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// Every tier in force on the date (the 2026 ladder), as the full evaluation above.
void BM_verdicts_only(benchmark::State& state) { run_verdicts(state, "", {}); }
BENCHMARK(BM_verdicts_only);

// The one tier that bench_wasm.js compares with json-logic-js and hand-written JavaScript.
void BM_verdicts_only_little_giant_2022(benchmark::State& state) {
  run_verdicts(state, "miit-2022", {"miit2022.little_giant"});
}
BENCHMARK(BM_verdicts_only_little_giant_2022);

}  // namespace

BENCHMARK_MAIN();
