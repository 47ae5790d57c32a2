// Three-valued evaluation of criteria trees and score tables. The explanation is built while
// evaluating: every node returns its result together with its trace (JSON), which the CLI's
// JSON output, the text report and the page all render. docs/output-format.md describes it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/policy.hpp"
#include "core/profile.hpp"

namespace srdi {

enum class Tri { Met, NotMet, Undetermined };
const char* tri_name(Tri t);  // "met" / "not_met" / "undetermined"

struct Interval {
  int min = 0;
  int max = 0;
};

struct ScoreResult {
  Interval total;
  std::map<std::string, Interval> categories;
  std::map<std::string, std::vector<std::string>> category_missing;  // fields that would narrow it
  std::vector<std::string> missing;
  json trace;
};

struct Outcome {
  Tri result = Tri::Undetermined;
  json trace;
};

// What an evaluation may consult beyond the profile: the evaluation date (validity of titles
// held), the 划型 result (size criteria) and the policy set (definitions named by `ref`).
struct EvalContext {
  Date as_of;
  const json* size = nullptr;
  const PolicySet* policies = nullptr;
  // The option chosen for each reading (absent: the reading's default; `purpose`: "new").
  const std::map<std::string, std::string>* choice = nullptr;
  // Filled while evaluating, when given: every contested reading met on the way, and those
  // whose other options would change some node's result (only these can change the verdict).
  std::set<std::string>* encountered = nullptr;
  std::set<std::string>* sensitive = nullptr;
};

// The option of `reading` in force under `ctx`.
std::string chosen_option(const EvalContext& ctx, const std::string& reading);

// A tier's whole test: its score tables, then its criterion (the verdict with its trace).
struct TierOutcome {
  std::map<std::string, ScoreResult> scores;
  Outcome outcome;
};

class Evaluator {
 public:
  // `with_gaps`: compute the smallest change for unmet comparisons (off for 划型, where reaching
  // another class is not a goal).
  explicit Evaluator(const Profile& profile, bool with_gaps = true, EvalContext ctx = {})
      : profile_(profile), with_gaps_(with_gaps), ctx_(ctx) {}

  ScoreResult score(const ScoreTable& table);
  TierOutcome tier(const Tier& t);
  // `scores`: results of the score tables that Score nodes may refer to.
  Outcome criterion(const Criterion& c, const std::map<std::string, ScoreResult>& scores = {});

 private:
  Outcome compare(const Criterion& c);
  Outcome fact(const Criterion& c);
  Outcome score_node(const Criterion& c, const std::map<std::string, ScoreResult>& scores);
  Outcome size_node(const Criterion& c);
  Outcome holds_node(const Criterion& c);
  Outcome reading_node(const Criterion& c, const std::map<std::string, ScoreResult>& scores);
  Outcome tier_node(const Criterion& c);
  FactLookup lookup() const;

  const Profile& profile_;
  bool with_gaps_;
  EvalContext ctx_;
};

json citation_json(const Citation& c);
// Adds `fields` to the sorted, duplicate-free JSON array `into`.
void merge_missing(json& into, const json& fields);

}  // namespace srdi
