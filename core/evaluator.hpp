// The evaluator. The policies' criteria trees are compiled once into a flat program over numbered
// fact slots (exact fractions), and one interpreter runs it with a tracer chosen at compile time:
// none (verdicts, for batch screening: a profile becomes a few integers), the deciding fields, or
// the full explanation that `srdi::evaluate` shows. The verdicts therefore cannot differ between
// the paths; the tests still compare them (tests/unit/screen_test.cpp, tests/wasm/parity.test.js).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine.hpp"
#include "core/evaluate.hpp"

namespace srdi {

// A profile's facts laid out for the compiled criteria: one slot per profile field (numbers as
// exact fractions of 64-bit integers), the titles held, the evaluation year. Made by
// Screener::prepare; the same row may be run any number of times.
struct ScreenSlot {
  enum class State : unsigned char { Unknown, Number, Bool, Choice, Text, None };
  State state = State::Unknown;
  std::int64_t num = 0;  // Number: num / den; Bool: 0 or 1; Choice: index in the field's values
  std::int64_t den = 1;
};
struct ScreenHolding {
  int title = -1;  // index in holding_titles()
  int level = -1;  // index of national / provincial / city; -1 unknown
  bool since_known = false;
  Date since;
};
struct ScreenRow {
  std::vector<ScreenSlot> slots;
  bool holds_known = false;
  std::vector<ScreenHolding> holds;
};

// One tier's verdict-only result.
struct TierVerdict {
  std::string_view id;
  char verdict = 'U';  // 'E' eligible, 'N' not eligible, 'U' undetermined
  bool scored = false;
  int score_min = 0, score_max = 0;
  signed char held = -1;  // 1 held, 0 not held, -1 unknown / not a titled rung
};

// What the enterprise would have to change, from one failed leaf of a tier's explanation: its
// id, title, kind, and the gap or the title it lacks. One shape for the full result's `unmet`
// and for Screener::unmet.
nlohmann::json unmet_item(const nlohmann::json& leaf);

class Screener {
 public:
  // Compiles the tiers in force for `options` (as the full evaluation chooses them). `tiers`: if
  // not empty, only these tier ids are evaluated (ids not in the chosen version are an error).
  // Throws LoadFailure (source "options") for an unknown criteria version or tier id.
  Screener(const PolicySet& policies, const Options& options, const std::vector<std::string>& tiers = {});
  ~Screener();
  Screener(Screener&&) noexcept;
  Screener& operator=(Screener&&) noexcept;

  // The evaluation date of the options (profiles are loaded for it: core/profile.hpp).
  Date as_of() const;
  // The ids of the tiers evaluated, in ladder order.
  std::vector<std::string> tier_ids() const;

  // Lays a loaded profile out for run() (the evaluation year comes from the options' date).
  ScreenRow prepare(const Profile& profile) const;
  void prepare(const Profile& profile, ScreenRow& into) const;  // reuses `into`'s memory

  // The fast path: verdicts and scores only. `out` is resized to tier_ids().size().
  void run(const ScreenRow& row, std::vector<TierVerdict>& out) const;
  // The size class: "large", "medium", "small", "micro" or "undetermined".
  const char* size_class(const ScreenRow& row) const;

  // The verdicts-only result object (docs/output-format.md, "Verdicts only"): size, tiers (with
  // missing fields), and award totals when the profile names a city and `awards` is set
  // (screening a sheet shows none, and they cost more than the verdicts).
  json result(const Profile& profile, bool awards = true) const;


  // ---- with explanation: the same program, traced ----

  // Each tier's test explained, as the full result shows it (core/engine.cpp assembles it).
  struct ExplainedTier {
    const Policy* policy = nullptr;
    const Tier* tier = nullptr;
    bool renewal = false, substituted = false;
    Tri result = Tri::Undetermined;  // under the readings in force
    bool contested = false;          // a reading not chosen by the request changes it
    Tri held = Tri::Undetermined;    // the title the tier grants, held on the evaluation date
    bool grants = false;             // the tier grants a title
    json criteria;                   // the criterion's trace
    std::vector<json> scores;        // each score table's trace
    // Each contested reading met on the way (sorted by id): the option in force, whether the
    // request chose it, and the verdict under each of the reading's options (declaration order).
    struct ReadingOutcome {
      std::string id, option;
      bool by_request = false;
      std::vector<Tri> verdicts;
    };
    std::vector<ReadingOutcome> readings;
  };
  struct Explanation {
    json size;  // the "size" object of the result
    std::vector<ExplainedTier> tiers;
  };
  // `profile`: loaded, with the evaluation facts (with_evaluation_facts).
  // `cites`: the result's citation table (none: citations inline).
  Explanation explain(const Profile& profile, Citations* cites = nullptr) const;
  // The size object alone.
  json explain_size(const Profile& profile) const;
  // One tier's unmet conditions: the leaves under its test that are not met, each {id, title,
  // kind, gap?, holds?}, as the full result's `unmet` lists them (core/engine.cpp). Only those
  // leaves are explained (screening a sheet needs the chosen rung's gaps, not the whole trace).
  // Empty for a tier not compiled or not failed.
  json unmet(const Profile& profile, std::string_view tier_id, Citations* cites = nullptr) const;
  // Any criterion of the policies (or of a policy outside them, e.g. in a test), explained for a
  // profile; compiled on first use, with the request's readings, and remembered by address (so
  // the criterion must outlive the Screener). The check keeps a reference to `profile` and to
  // this Screener; it is used by one thread.
  CriterionCheck checker(const Profile& profile, bool gaps = false, Citations* cites = nullptr) const;
  // A tier outside the request (tests): its score tables, then its criterion, explained.
  TierOutcome explain_tier(const Tier& tier, const Profile& profile) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A batch of profiles screened together: the wasm `Screening` class and the benchmarks. Loading
// (strict parse, check, lay out) and running (verdicts only) are separate, so each can be timed;
// the rows' memory is reused from one load to the next.
class ScreenBatch {
 public:
  // {"as_of", "criteria", "applicant", "tiers": [tier ids]}, all optional. Returns {} or {"errors": [...]}.
  json configure(std::string_view options_text);
  // Replaces the rows with the profiles of `jsonl` (one per line). Returns
  // {"rows": n, "errors": [{"line": i, "errors": [...]}]} (lines counted from 1); a bad line stays
  // a row that is not evaluated.
  json load(std::string_view jsonl);
  // Evaluates every loaded row: {"rows": n, "seconds": s, "tiers": [{"id", "eligible",
  // "not_eligible", "undetermined"}]}.
  json run();
  // After run(): one character per row for the tier: E, N, U, or - for a row that did not load.
  std::string verdicts(std::string_view tier_id) const;

 private:
  std::unique_ptr<Screener> screener_;
  std::vector<ScreenRow> rows_;
  std::vector<unsigned char> loaded_;  // not vector<bool>: its proxy references are calls in wasm
  std::size_t count_ = 0;
  std::vector<std::string> verdicts_;  // per tier, one char per row
  std::vector<TierVerdict> scratch_;
};

// One profile, verdicts only; errors structured as in evaluate_request.
Response screen_request(std::string_view profile_text, std::string_view options_text);

Response screen_request(std::string_view profile_text, const Options& options);

// screen_request that keeps the last compiled Screener while the options stay the same (the
// page asks again on every keystroke with the same options). One per thread.
class ScreenSession {
 public:
  Response screen(std::string_view profile_text, std::string_view options_text);

 private:
  Options options_;
  std::unique_ptr<Screener> screener_;
  const PolicySet* set_ = nullptr;  // the set screener_ was built on (it keeps it alive)
};

// JSON Lines: one profile per line in, one compact JSON object per line out (the full result, or
// with `verdicts_only` the verdicts-only result); a line that fails gives {"errors": [...]} on its
// line. A final empty line is ignored. Options as in evaluate_request; bad options give a single
// {"errors": [...]} line. Returns false when any line (or the options) failed.
bool evaluate_lines(std::string_view jsonl, std::string_view options_text, bool verdicts_only, std::string& out);

// The same, one line at a time (the CLI streams with it). Throws LoadFailure for bad options.
class LineEvaluator {
 public:
  LineEvaluator(const Options& options, bool verdicts_only);
  // Appends the line's JSON object (no newline) to `out`; false when it is {"errors": [...]}.
  bool line(std::string_view profile_text, std::string& out) const;

 private:
  Options options_;
  std::unique_ptr<Screener> screener_;
};
bool evaluate_lines(std::string_view jsonl, const Options& options, bool verdicts_only, std::string& out);

}  // namespace srdi
