// libFuzzer target: the policy loader. The input is one policy file, loaded by
// srdi::load_policy_set alone and, when it loads by itself, through the run-time path
// srdi::policies_with (srdi --policies, SRDI.loadPolicy): in place of the bundled file with the
// same id, if any, so a mutated bundled policy can load cleanly. When the set with it loads, a sample profile is evaluated and compared against it.
// Only srdi::LoadFailure may escape the loader (every error with a code and a message); the
// evaluation may also throw srdi::ArithmeticOverflow, which the engine's boundary turns into
// "engine.overflow" by design. Anything else crashes the fuzzer.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>
#include <nlohmann/json.hpp>
#include "core/engine.hpp"
#include "core/exact.hpp"
#include "core/policy.hpp"
#include "core/profile.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {

const std::string kPath = "fuzz/policy.json";

const srdi::Profile& sample_profile() {
  static const srdi::Profile profile = [] {
    std::ifstream in(SRDI_SOURCE_DIR "/examples/precision-parts.json", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return srdi::load_profile(s.str());  // a bundled example: must load
  }();
  return profile;
}

void evaluate_with(const srdi::PolicySet& set) {
  srdi::Options options{*srdi::parse_date("2025-06-30"), ""};
  try {
    (void)srdi::evaluate(sample_profile(), options, set);
    (void)srdi::compare(sample_profile(), options, set);
  } catch (const srdi::LoadFailure& f) {
    srdi_fuzz::check_errors(f.errors, "evaluate with fuzzed policy");
  } catch (const srdi::ArithmeticOverflow&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  (void)sample_profile();

  // Alone.
  try {
    (void)srdi::load_policy_set({{kPath, text}});
  } catch (const srdi::LoadFailure& f) {
    srdi_fuzz::check_errors(f.errors, "load_policy_set (alone)");
  }

  // With the bundled policies: first try to parse it on its own, to know its id.
  std::string id;
  try {
    id = srdi::load_policy(text, kPath).id;
  } catch (const srdi::LoadFailure& f) {
    srdi_fuzz::check_errors(f.errors, "load_policy");
  }
  // A file that does not load on its own adds nothing with the others (its errors are the same),
  // and loading the 250 KB of bundled policies each time would slow the fuzzer tenfold.
  if (id.empty()) return 0;
  // The run-time path (srdi --policies, SRDI.loadPolicy): the file replaces the bundled policy of
  // its id in place, or is added; the set is checked as a whole.
  try {
    srdi::PolicySet set = srdi::policies_with({{kPath, text}});
    evaluate_with(set);
  } catch (const srdi::LoadFailure& f) {
    srdi_fuzz::check_errors(f.errors, "policies_with (run time)");
  }
  return 0;
}
