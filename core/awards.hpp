// Local awards and support: the measures of the award policies that apply to a profile's city
// (and its province), matched against the year's events and the enterprise's status, with amounts
// computed exactly, stacking resolved as the documents say, and totals kept per document.
#pragma once

#include <map>
#include <string>

#include "core/evaluate.hpp"

namespace srdi {

// What the awards consult beyond the profile: the evaluation date, the policy set (readings), the
// contested readings chosen by the request, and the engine's check of a criterion (a measure's
// condition on the enterprise, a benchmark) with its explanation.
struct AwardContext {
  Date as_of;
  const PolicySet* policies = nullptr;
  const std::map<std::string, std::string>* choice = nullptr;
  CriterionCheck check;
  Citations* cites = nullptr;  // the result's citation table (none: citations inline)
};

struct AwardRequest {
  std::string city;       // a jurisdiction id of an award policy (e.g. "zaozhuang")
  std::string applicant;  // enterprise, service_platform, ...
};

// The "awards" object of the result (docs/output-format.md). `tiers`: the tier results not yet
// held, for the potential awards of recognitions the enterprise may now apply for.
json evaluate_awards(const Profile& profile, const AwardRequest& request, const PolicySet& policies,
                     const AwardContext& ctx, const json& tiers);

// The jurisdictions that have a city-level award policy, in file order.
std::vector<std::pair<std::string, std::string>> award_cities(const PolicySet& policies);

}  // namespace srdi
