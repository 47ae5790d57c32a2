// libFuzzer target: a full request, srdi::evaluate_request and srdi::compare_request, of a fuzzed
// profile against every bundled policy, under a few fixed option sets (chosen by the input's
// size, so the seeds stay plain profiles). The request functions never throw by design; a failed
// response must list errors with a code and a message, and "engine.internal" (an unexpected
// exception caught at the boundary) counts as a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include "core/engine.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {
constexpr std::string_view kOptions[] = {
    R"({"as_of": "2025-06-30"})",
    R"({"as_of": "2023-01-15", "criteria": "auto"})",
    R"({"as_of": "2026-07-01", "applicant": "enterprise"})",
    R"({"as_of": "2024-12-31", "criteria": "miit-2022"})",
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string_view options = kOptions[size % (sizeof kOptions / sizeof kOptions[0])];
  srdi::Response r = srdi::evaluate_request(text, options);
  if (!r.ok) srdi_fuzz::check_error_body(r.body, "evaluate_request");
  srdi::Response c = srdi::compare_request(text, options);
  if (!c.ok) srdi_fuzz::check_error_body(c.body, "compare_request");
  return 0;
}
