// libFuzzer target: the strict profile loader, srdi::load_profile, on arbitrary bytes.
// It may only throw srdi::LoadFailure, and every error it reports has a code and a message.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include "core/profile.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    srdi::Profile p = srdi::load_profile(text);
    (void)srdi::with_evaluation_facts(std::move(p), *srdi::parse_date("2025-06-30"));
  } catch (const srdi::LoadFailure& f) {
    srdi_fuzz::check_errors(f.errors, "load_profile");
  }
  return 0;
}
