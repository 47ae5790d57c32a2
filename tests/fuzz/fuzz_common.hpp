// Shared checks of the libFuzzer targets (tests/fuzz/, built with -DSRDI_FUZZ=ON, run by
// scripts/fuzz.sh). A target catches srdi::LoadFailure only; anything else escaping is a bug and
// crashes the fuzzer, as does a structured error without a code or a message.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>
#include "core/error.hpp"
#include "core/strict_json.hpp"

namespace srdi_fuzz {

[[noreturn]] inline void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "srdi fuzz: %s: %s\n", what, detail.c_str());
  std::abort();
}

inline void check_errors(const std::vector<srdi::Error>& errors, const char* where) {
  if (errors.empty()) fail(where, "LoadFailure with no errors");
  for (const auto& e : errors) {
    if (e.code.empty()) fail(where, "error without a code (message: " + e.message + ")");
    if (e.message.empty()) fail(where, "error without a message (code: " + e.code + ")");
  }
}

// The {"errors": [...]} body of a failed response: each error has a non-empty code and message.
// "engine.internal" means an unexpected exception reached the engine's boundary: a bug.
inline void check_error_body(const srdi::json& body, const char* where) {
  if (!body.is_object() || !body.contains("errors") || !body["errors"].is_array() || body["errors"].empty()) {
    fail(where, "failed response without an errors list: " + body.dump());
  }
  for (const auto& e : body["errors"]) {
    if (!e.is_object() || !e.contains("code") || !e["code"].is_string() || e["code"].get<std::string>().empty()) {
      fail(where, "error without a code: " + e.dump());
    }
    if (!e.contains("message") || !e["message"].is_string() || e["message"].get<std::string>().empty()) {
      fail(where, "error without a message: " + e.dump());
    }
    if (e["code"] == "engine.internal") fail(where, "unexpected exception inside the engine: " + e.dump());
  }
}

}  // namespace srdi_fuzz
