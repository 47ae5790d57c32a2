// The authoring commands (docs/authoring.md): srdi check-policy and srdi test, and the reading of
// --policies DIR|FILE shared by every command.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace srdi_cli {

// The *.json files below `where` (a directory, recursively, in path order) or `where` itself (a
// file): {name relative to the directory (or the file's own name), text}. Problems go to `errors`.
std::vector<std::pair<std::string, std::string>> read_policy_files(const std::string& where, std::vector<srdi::Error>& errors);

int check_policy(const std::vector<std::string>& args);
int test_policy(const std::vector<std::string>& args);

}  // namespace srdi_cli
