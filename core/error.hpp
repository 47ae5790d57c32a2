// The one error shape of the whole product: a stable code, the JSON pointer of the offending
// value, and a Chinese message for the page. The CLI, the wasm module and the page all show it.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace srdi {

struct Error {
  std::string code;     // stable, e.g. "profile.unknown_key"
  std::string path;     // JSON pointer, e.g. "/revenue/last"; "" for the whole document
  std::string message;  // Chinese, for the user
  std::string source;   // which document: "profile", "options", or a policy file name
};

// Carries one or more errors out of a loader; caught at the engine boundary.
struct LoadFailure : std::runtime_error {
  explicit LoadFailure(std::vector<Error> errs)
      : std::runtime_error(errs.empty() ? "load failure" : errs.front().code), errors(std::move(errs)) {}
  std::vector<Error> errors;
};

}  // namespace srdi
