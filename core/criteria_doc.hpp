// Renders the criteria of the bundled policies as Markdown (docs/criteria.md), so the document a
// reader checks is generated from the same data the engine evaluates, never written twice.
#pragma once

#include <string>

#include "core/policy.hpp"

namespace srdi {

std::string render_criteria_markdown(const PolicySet& policies);
// docs/policies.md: every award measure as encoded, with its amount, trigger and citation.
std::string render_policies_markdown(const PolicySet& policies);
// docs/events.md: the event vocabulary of the profile.
std::string render_events_markdown();

}  // namespace srdi
