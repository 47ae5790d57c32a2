// The policy model and its strict loader. A policy file is law as data: a document's metadata
// (id, title, issuer, doc_no, status, validity) and its rules, each cited. See docs/policy-format.md.
#pragma once

#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/exact.hpp"
#include "core/metrics.hpp"
#include "core/strict_json.hpp"

namespace srdi {

struct Citation {
  std::string doc;      // document, e.g. "工信部联企业〔2011〕300号"
  std::string clause;   // e.g. "第四条 （二）"
  std::string excerpt;  // the text the rule rests on
  std::string excerpt_kind;  // "quote" (verbatim) or "paraphrase" (转述)
  // The id of the policy whose bundled source text holds the excerpt (set by the loader for every
  // citation of a file with a `source`), so a reader opens the text by id, never by 文号.
  std::string source;
};

// How to apply, only as far as a source states it (docs/policy-format.md, "How to apply"): each
// field empty when the source is silent, and then the answer is "以当年申报通知为准".
struct ApplyInfo {
  std::string responsible;  // 责任单位 as the text names them
  std::string channel;      // where the application is made
  std::string window;       // when
  std::optional<Date> window_from, window_to;  // the same window as dates, where the source gives them
  std::string materials;    // what to submit
  Citation citation;
};

// A named test; the tree of all / any / not over comparisons is the whole rule vocabulary.
// A question the sources do not settle (docs/policy-format.md, "Contested readings"): each option
// with the source it rests on. The built-in reading `purpose` (new application or renewal) is
// chosen by the request, never varied.
struct ReadingOption {
  std::string id;
  std::string label;  // the option in plain words, e.g. "按算术平均口径"
  Citation citation;  // the source of this option
};

struct Reading {
  std::string id;
  std::string question;
  std::string default_option;
  std::vector<ReadingOption> options;
  std::string interpretation;
  const ReadingOption* option(const std::string& option_id) const;
};

struct Criterion {
  enum class Kind { All, Any, Not, Compare, Fact, Score, Ref, Size, Holds, Reading, Tier };
  std::string id;
  std::string title;
  Kind kind = Kind::All;
  Citation citation;  // own, or inherited from the nearest ancestor that has one
  bool own_citation = false;
  std::string interpretation;
  // The last date the test applies (a rule of one year's notice, e.g. 117号 for 2026): evaluated
  // after it, the node imposes nothing and says so. nullopt: no end.
  std::optional<Date> valid_to;
  std::vector<Criterion> children;  // All / Any / Not (exactly one)
  bool routes = false;              // Any: shown as alternative routes ("满足任一路径")
  // Compare: metric op threshold
  std::string metric;
  Op op = Op::Ge;
  Rational threshold;
  std::string threshold_text;  // as written in the policy ("3%", "10000000")
  bool gap = true;             // false: a test that only selects a band (e.g. by revenue) is not a target
  // Fact: a boolean or enum fact equal to one of `expected` ("true" / "false" / enum names)
  std::string fact;
  std::vector<std::string> expected;
  // Score: a score table's total (or one category) compared with the threshold
  std::string score;
  std::string category;
  // Ref: a named definition of any policy in the set (e.g. shared general preconditions)
  std::string ref;
  // Size: the 划型 result is one of `expected` (e.g. micro / small / medium)
  // Holds: a recognition `holds` held at one of `levels` (any if empty), valid for `valid_years`
  std::string holds;
  std::vector<std::string> levels;
  int valid_years = 0;  // 0: the text states no validity; a title listed as held counts from `since`
  // Reading: the child for each option of `reading` (options[i] selects children[i])
  std::string reading;
  std::vector<std::string> options;
  // Tier: another tier's whole test (with its score tables), e.g. "meets 63号 附件1"
  std::string tier;
};

struct Band {
  std::optional<Criterion> when;  // absent: "otherwise"
  int points = 0;
  std::string label;
};

struct Indicator {
  enum class Mode { FirstMatch, Sum, Value };
  std::string id;
  std::string title;
  std::string category;
  int max = 0;
  Mode mode = Mode::FirstMatch;
  std::vector<Band> bands;  // FirstMatch: the first band met counts; Sum: all bands met add up
  std::string metric;       // Value: the points are this metric's value (e.g. a self-assessed score)
  Citation citation;
  std::string interpretation;
};

struct ScoreCategory {
  std::string id;
  std::string title;
  int max = 0;
};

struct ScoreTable {
  std::string id;
  std::string title;
  Citation citation;
  std::vector<ScoreCategory> categories;
  std::vector<Indicator> indicators;
};

struct Tier {
  std::string id;     // e.g. "miit2022.innovative"
  std::string tier;   // which rung: innovative / srdi / little_giant (names of the ladder)
  std::string title;
  int rung = 0;        // position on the ladder, 1 = first
  std::optional<Criterion> grants;  // whether the enterprise already holds this rung (the ladder)
  std::vector<std::string> versions;  // overrides the policy's versions when not empty
  bool own_validity = false;          // valid_to below overrides the policy's
  std::optional<Date> valid_to;
  std::string note;    // shown with the result, e.g. why a 2022 table still applies
  std::optional<ApplyInfo> apply;
  std::vector<ScoreTable> scores;
  Criterion criterion;  // the whole test; `routes` nodes name the alternatives
  // A renewal (复核) of this rung's kind, in these versions and dates, is judged by this tier
  // instead of the version's own (117号: the 2026 小巨人 复核 still runs on 63号).
  struct RenewalUse {
    std::vector<std::string> versions;
    Date from;
    Date to;
    Citation citation;
    std::string note;
  };
  std::optional<RenewalUse> renewal_for;
};

struct SizeRule {
  std::string size_class;  // large / medium / small; micro is what is left
  Criterion criterion;
};

struct SizeIndustry {
  std::string industry;
  std::string label;
  std::vector<SizeRule> rules;  // in order: large, medium, small
};

// The kinds of amount (docs/policy-format.md, "Award measures"); None: not given or not valid.
enum class AmountKind {
  None, Fixed, UpTo, Rate, RateCap, RateUpTo, PerUnit, Tiered, By, Unquantified, Benefit, TaxCredit,
  SameAsGroup, ByReading, LessEarlier,
  NotPaid  // under this option of a reading (or case of a selection) the measure pays nothing
};
const char* amount_kind_name(AmountKind k);  // as a policy file writes it ("" for None)
std::optional<AmountKind> parse_amount_kind(std::string_view name);

// The kinds of policy file; None: not given or not valid.
enum class PolicyKind { None, SizeStandard, Tiers, Awards, Definitions };
const char* policy_kind_name(PolicyKind k);  // as a policy file writes it ("" for None)

// How much a measure pays, as the text states it (docs/policy-format.md, "Award measures").
struct Amount {
  // fixed / up_to / rate / rate_cap / rate_up_to / per_unit / tiered / unquantified / benefit /
  // tax_credit / by (choose by an event parameter) / same_as_group (the group's amount for the same title) /
  // by_reading (choose by a contested reading's option: cases keyed by option id) /
  // less_earlier (cases[0].second less the group's award for a title held since an earlier year) /
  // not_paid (nothing is paid: an option of a by_reading under which the measure does not apply)
  AmountKind kind = AmountKind::None;
  Rational yuan;         // fixed, up_to
  Rational rate;         // rate*, tax_credit
  std::string base;      // rate*, tax_credit: the event parameter the rate applies to
  std::optional<Rational> cap;
  std::vector<std::pair<std::string, Rational>> units;  // per_unit: (count parameter, yuan each)
  std::string param;     // tiered, by: the event parameter that selects
  std::vector<std::pair<std::string, Amount>> cases;    // tiered (points to fixed), by
  std::string text;      // unquantified: the reason; benefit: what it is
  int carry_forward_years = 0;
  std::string group;     // same_as_group, less_earlier
  std::string reading;   // by_reading: the contested reading whose option selects a case
  // rate_cap, rate_up_to: whom the cap binds. "per_event" (each event's line on its own, the
  // default), "per_enterprise" (the enterprise's total for the measure: 单家企业最高) or
  // "per_investor" (the investor's total for the measure: 每家股权投资企业最高).
  std::string cap_scope = "per_event";
  // Whom the cap binds, when the text leaves it open: a declared reading, and the scope each of
  // its options gives. `cap_scope` is then the option's scope that shares the cap.
  std::string cap_scope_reading;
  std::vector<std::pair<std::string, std::string>> cap_scope_options;
};

// The one cap every figure of the amount is held to (a rate_cap's own, or the same cap of every
// option of a by_reading or case of a selection); none when they differ or there is none.
std::optional<Rational> common_cap(const Amount& a);

struct Trigger {
  std::string event;  // an event type; empty when the measure applies to a status
  std::vector<std::pair<std::string, std::vector<std::string>>> where;  // parameter -> accepted values
  std::vector<std::pair<std::string, Rational>> at_least;  // numeric parameter >= value (inclusive: 以上)
  std::vector<std::pair<std::string, Rational>> at_most;   // numeric parameter <= value (inclusive: 以下)
  // A `where` parameter the event leaves blank, read as this value because the text makes it so
  // (e.g. 专精特新“小巨人” exists only at national level). Otherwise a blank is unknown.
  std::vector<std::pair<std::string, std::string>> blank_as;
};

struct Measure {
  std::string id;
  std::string title;
  std::string applicant;
  Trigger trigger;
  std::optional<Criterion> requires_;  // a condition on the enterprise (three-valued)
  Amount amount;
  std::string group;
  bool competitive = false;
  std::string funded_by;
  std::string adds_to;  // a top-up: the other level's award it is paid on top of (listed unquantified)
  std::optional<ApplyInfo> apply;
  Citation citation;
  std::string interpretation;
};

struct AwardGroup {
  std::string id;
  std::string title;
  std::string rule;  // "highest_only"
  Citation citation;
  std::string interpretation;
};

struct AwardRule {  // a document-wide rule shown beside its totals (e.g. no stacking with other policies)
  std::string id;
  std::string title;
  Citation citation;
  std::string interpretation;
};

struct Benchmark {
  std::string id;
  std::string title;
  std::string target;  // the target as the text states it
  std::optional<Criterion> criterion;  // compared with the enterprise's own figures when it applies
  Citation citation;
  std::string interpretation;
};

struct Jurisdiction {
  std::string id;      // the `city` of a profile, or a province id
  std::string name;
  std::string level;   // city / province
  std::string parent;  // a city's province id
};

struct Policy {
  std::string file;  // path under policies/
  std::string sha256;  // lowercase hex SHA-256 of the file's bytes (bundled policies); empty otherwise
  std::string id;
  PolicyKind kind = PolicyKind::None;
  std::string title;
  std::string issuer;
  std::string doc_no;
  std::string status;  // "published", "draft" or (awards only) "unknown"
  std::string description;
  Date valid_from;
  bool start_unknown = false;  // awards only: `valid_from: null`, the source states no date
  std::optional<Date> valid_to;
  std::string provenance;  // awards only: what the source does not say about itself (required when status is unknown)
  std::vector<std::string> versions;  // tiers: the criteria versions they belong to, e.g. "miit-2022"
  std::vector<SizeIndustry> industries;
  std::vector<Criterion> definitions;  // named criteria that `ref` nodes of any policy may use
  std::vector<Reading> readings;       // contested readings declared by this document
  std::vector<Tier> tiers;
  // kind "awards"
  Jurisdiction jurisdiction;
  std::string source;  // the source text under policies/ (verbatim), when the document may be kept
  std::string source_kind;  // "official" (full text kept) or "news_report" (excerpts only)
  std::vector<AwardGroup> groups;
  std::vector<AwardRule> rules;
  std::vector<Benchmark> benchmarks;
  std::vector<Measure> measures;
};

const std::vector<std::string>& applicant_kinds();

// Throws LoadFailure (source = file) with every error found.
Policy load_policy(std::string_view text, const std::string& file);

struct PolicySet {
  std::vector<Policy> policies;
  const Policy* size_standard() const;
  const Criterion* definition(const std::string& id) const;
  const Reading* reading(const std::string& id) const;  // also the built-in `purpose`
  // The tier with this id and its policy; {nullptr, nullptr} if none.
  std::pair<const Policy*, const Tier*> tier(const std::string& id) const;
};

// The built-in reading id whose option is the request's purpose ("new" or "renewal").
inline constexpr const char* kPurposeReading = "purpose";

// The policies compiled into this build (policies/*.json), loaded and checked once. Throws
// LoadFailure if a bundled policy is broken (the tests make sure none is).
const PolicySet& bundled_policies();
PolicySet load_policy_set(const std::vector<std::pair<std::string, std::string>>& files);

// Policy files given at run time (srdi --policies DIR, SRDI.loadPolicy): {file name, text}. Each
// replaces the bundled policy of the same id in its place, or is added after the bundled ones;
// the set is then checked as a whole, exactly as the bundled one is. The file's SHA-256 is
// computed from its bytes. A file is data only: over kMaxPolicyBytes or nested deeper than the
// strict parser allows, it is refused with a code and path like any other error.
inline constexpr std::size_t kMaxPolicyBytes = 2 * 1024 * 1024;
// The `id` a policy file's text declares ("" when it is not JSON or has none); the loader judges
// the rest. Used to tell which file a given one stands in for.
std::string declared_policy_id(std::string_view text);
PolicySet policies_with(const std::vector<std::pair<std::string, std::string>>& files);

// The policies the request functions use: the bundled set unless use_policies() replaced it.
// The module and the CLI run on one thread; a screener built earlier keeps its set alive.
std::shared_ptr<const PolicySet> active_policy_set();
const PolicySet& active_policies();
void use_policies(std::shared_ptr<const PolicySet> set);  // nullptr: back to the bundled set

}  // namespace srdi
