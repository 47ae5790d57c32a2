// Golden cases as data (tests/golden/*.json, docs/authoring.md): one file per policy, each case a
// sentence, a profile and what the result must hold. The unit tests, `srdi test` and the authoring
// view run the same harness; it is as strict as the loaders (an unknown key in a case fails it).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/policy.hpp"

namespace srdi {

struct GoldenFailure {
  std::string case_name;  // the case's sentence ("" for the file itself)
  std::string message;    // what did not hold, in Chinese, naming the pointer or id
};

struct GoldenRun {
  std::size_t cases = 0;
  std::size_t failed_cases = 0;
  std::vector<GoldenFailure> failures;  // per case, and for the file itself (case_name "")
  bool ok() const { return failures.empty(); }  // every case passed, and there was at least one
};

// `base_profile(name)`: the text of the named base profile (a case's "base"); throws LoadFailure
// when there is none. Evaluates every case over `policies`.
GoldenRun run_golden(const json& golden, const PolicySet& policies,
                     const std::function<json(const std::string&)>& base_profile);

// A case's profile: written out in full ("profile"), or the named base profile (`base_profile`,
// throwing LoadFailure when there is none) with JSON-pointer edits ("set": {pointer: value},
// "unset": [pointer]).
json golden_case_profile(const json& c, const std::function<json(const std::string&)>& base_profile);

// The ids of a policy that golden cases must name: measures, rules, benchmarks, and for a tiers
// policy each tier and each deciding test (comparison, fact, title, size, score) with an id.
std::vector<std::string> golden_ids(const Policy& policy);

// A golden file to start from for `policy`: one case per measure (a title held or an event of its
// trigger), with the expectations left for the author to fill from the text.
json golden_template(const Policy& policy);

}  // namespace srdi
