// `srdi check-policy` and the authoring view's checker (docs/authoring.md): every error of a policy
// file at once, as the loader reports them, and warnings about what the loader cannot refuse but a
// reviewer should see (an excerpt not found in the source text, a measure no golden case names, a
// cap whose scope is left to the default, a date the source does not show, ...).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/policy.hpp"

namespace srdi {

struct PolicyCheckInput {
  std::string file;          // the file name shown in errors
  std::string text;          // the policy file
  const std::string* source = nullptr;  // the source text, when given
  const json* golden = nullptr;         // the policy's golden file, when given
  std::vector<std::pair<std::string, std::string>> others;  // other run-time files it needs
};

struct PolicyCheck {
  std::vector<Error> errors;    // the loader's, all at once; nothing else is checked when any
  std::vector<Error> warnings;  // code "check.*", path into the file, plain message
  json policy;                  // the file's metadata (id, title, kind, ...) when it loads
};

PolicyCheck check_policy(const PolicyCheckInput& input);
json check_json(const PolicyCheck& check);  // {"ok", "policy", "errors", "warnings"}

}  // namespace srdi
