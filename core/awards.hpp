// Local awards and support: the measures of the award policies that apply to a profile's city
// (and its province), matched against the year's events and the enterprise's status, with amounts
// computed exactly, stacking resolved as the documents say, and totals kept per document.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

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

// A rung as the potential awards read it: the tier (its id, title and the title it grants), its
// verdict, and whether it is judged as a renewal (复核).
struct RungBrief {
  const Tier* tier = nullptr;
  Verdict verdict = Verdict::Undetermined;
  bool renewal = false;
};
// Whether the awards consult a tier: not held on the evaluation date, or being renewed (what a
// renewal pays, e.g. 济南's 延续性奖励). `held`: the title held (nullopt: unknown).
inline bool consulted_by_awards(std::optional<bool> held, bool renewal) { return held != true || renewal; }

// The "awards" object of the result (docs/output-format.md). `rungs`: the tiers the awards consult
// (consulted_by_awards), in ladder order, for the potential awards of recognitions the enterprise
// may now apply for and the awards of the rungs it has not reached.
json evaluate_awards(const Profile& profile, const AwardRequest& request, const PolicySet& policies,
                     const AwardContext& ctx, const std::vector<RungBrief>& rungs);

// The jurisdictions that have a city-level award policy, in file order.
std::vector<std::pair<std::string, std::string>> award_cities(const PolicySet& policies);

}  // namespace srdi
