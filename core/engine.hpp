// The engine's front door, shared by the CLI and the wasm bindings: strings in, JSON out, and
// never an exception out (errors come back as the structured error list).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/policy.hpp"
#include "core/profile.hpp"

namespace srdi {

const char* engine_version();

// The version of the result format (docs/output-format.md), in every result as "format". 2: the
// citations are listed once per result ("citations") and referred to by their index.
inline constexpr int kOutputFormat = 2;

struct Options {
  Date as_of;
  std::string criteria;   // "" = chosen by the evaluation date; else a version named by the tier policies
  std::string applicant = {};  // "" = the profile's, else enterprise
  std::vector<std::string> renewal = {};  // rung kinds (tiers' `tier`) judged as a renewal (复核)
  std::map<std::string, std::string> readings = {};  // contested readings chosen by the request
};

// The tiers evaluated for a request, in ladder order: the version's tiers, where a renewal is
// asked for a rung kind, replaced by a tier declared `renewal_for` that version on that date.
struct SelectedTier {
  const Policy* policy = nullptr;
  const Tier* tier = nullptr;
  bool renewal = false;
  bool substituted = false;  // judged by another version's tier (renewal_for)
  std::map<std::string, std::string> choice;  // the request's readings and this tier's purpose
};
std::vector<SelectedTier> select_tiers(const PolicySet& policies, const std::string& version, const Options& options);

// {"as_of": "YYYY-MM-DD", "criteria": "..."}; both optional (as_of defaults to `today`).
// Throws LoadFailure (source "options").
Options parse_options(std::string_view text, Date today, const PolicySet& policies);
// Checks a criteria version name against the policies; throws LoadFailure if unknown.
void check_criteria(const std::string& criteria, const PolicySet& policies, const std::string& path);
// Checks the renewal rung kinds and the chosen readings; throws LoadFailure (source "options").
void check_request_choices(const Options& options, const PolicySet& policies);

json evaluate(const Profile& profile, const Options& options, const PolicySet& policies);
// The same with the tiers compiled once for `options` (a batch of profiles: srdi screen); the
// Screener must have been built from these policies and options, and is used by one thread.
class Screener;
json evaluate(const Profile& profile, const Options& options, const PolicySet& policies, const Screener& compiled);
// What one tier lacks, as the full result's tiers[].unmet (gaps included), from the tiers'
// explanation alone (no awards, no result assembled): batch screening asks it for one rung of many
// firms. `compiled` as above; an unknown tier id gives [].
json tier_unmet(const Profile& profile, const Options& options, const Screener& compiled, const std::string& tier_id);
// What each city's award policies would pay and offer this profile, side by side.
json compare(const Profile& profile, const Options& options, const PolicySet& policies);

struct Response {
  bool ok = false;
  json body;  // the result, or {"errors": [...]}
};
// Loads the bundled policies and the profile, evaluates; catches everything.
Response evaluate_request(std::string_view profile_text, const Options& options);
Response evaluate_request(std::string_view profile_text, std::string_view options_text);
Response compare_request(std::string_view profile_text, const Options& options);
Response compare_request(std::string_view profile_text, std::string_view options_text);
// The same over a given policy set (srdi test, the golden harness, the checker).
Response evaluate_request(std::string_view profile_text, std::string_view options_text, const PolicySet& policies);

// The criteria version in force on a date (what "auto" chooses), and whether a tier belongs to a
// version. Used by the evaluator (core/evaluator.cpp) to choose the tiers it compiles.
std::string criteria_version_on(const PolicySet& policies, const Date& date);
bool tier_in_version(const Policy& policy, const Tier& tier, const std::string& version);
void check_applicant(const std::string& applicant, const std::string& path);

json errors_json(const std::vector<Error>& errors);

// A result with each citation index replaced by the citation it refers to and no "citations"
// list: the shape of format 1, for readers that walk the result (the text report, the tests).
json inline_citations(json result);

// Runs `body` (returning the result JSON) and turns every exception into the structured error
// list: the one place where the request functions catch.
template <typename F>
Response guarded_response(F&& body) {
  try {
    return Response{true, body()};
  } catch (const LoadFailure& f) {
    return Response{false, errors_json(f.errors)};
  } catch (const ArithmeticOverflow&) {
    return Response{false, errors_json({Error{"engine.overflow", "", "数值过大，无法精确计算", "engine"}})};
  } catch (const std::exception& e) {
    return Response{false, errors_json({Error{"engine.internal", "", std::string("内部错误：") + e.what(), "engine"}})};
  }
}
// The policies compiled in, as a list of their metadata (id, title, doc_no, status, validity).
json policies_json(const PolicySet& policies);
// The input vocabulary, for forms: the profile's fields (kind, label, allowed values, range), the
// titles `holds` accepts, and the event types with their parameters. Read from the same tables
// the loader checks against, so a form built from it cannot drift from the engine.
json schema_json();

}  // namespace srdi
