// libFuzzer target: the strict profile loader, srdi::load_profile, on arbitrary bytes.
// It may only throw srdi::LoadFailure, and every error it reports has a code and a message.
// The loader's fast JSON parser (core/json_tree.hpp) must accept exactly what parse_strict_json
// accepts, and read it to the same tree.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include "core/json_tree.hpp"
#include "core/profile.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  srdi::JsonTree fast;
  const bool fast_ok = srdi::parse_json_tree(text, fast);
  try {
    srdi::StrictDocument doc = srdi::parse_strict_json(text, "profile");
    if (!fast_ok) srdi_fuzz::fail("json_tree", "refused a text parse_strict_json accepts");
    if (!srdi::same_tree(fast, srdi::json_tree_of(doc))) srdi_fuzz::fail("json_tree", "read a text to another tree");
  } catch (const srdi::LoadFailure&) {
    if (fast_ok) srdi_fuzz::fail("json_tree", "accepted a text parse_strict_json refuses");
  }
  try {
    srdi::Profile p = srdi::load_profile(text);
    (void)srdi::with_evaluation_facts(std::move(p), *srdi::parse_date("2025-06-30"));
  } catch (const srdi::LoadFailure& f) {
    srdi_fuzz::check_errors(f.errors, "load_profile");
  }
  return 0;
}
