// The enterprise profile (../shared/spec/profile.md, docs/profile.md): its schema and the strict
// loader. A field that is absent (or null) is unknown; every value that is present is checked
// and kept exactly. All problems found are reported together, each with its JSON pointer.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/events.hpp"
#include "core/exact.hpp"
#include "core/strict_json.hpp"

namespace srdi {

enum class FieldKind {
  Money,        // yuan, >= 0, at most 2 decimals
  SignedMoney,  // yuan, may be negative (net profit)
  Count,        // integer >= 0 (people, items, years)
  Rank,         // integer >= 1
  IntRange,     // integer within [min, max]
  Percent,      // percent as a decimal ("10.5" means 10.5%), 0..100
  Score,        // platform score, 0..100, at most 2 decimals
  Bool,
  Enum,
  Text,
};

struct FieldSpec {
  std::string name;   // dotted fact name, e.g. "revenue.last", "ip.class1"
  FieldKind kind;
  std::string label;  // Chinese label used in explanations
  std::vector<std::string> values = {};  // Enum: allowed values
  int min = 0;
  int max = 0;
  bool internal = false;  // set by the engine (e.g. the evaluation year), never read from input
  bool calendar_year = false;  // a year (IntRange): refused when after the evaluation date
  // A year whose blank means "within the last N years" by the field's own definition (N > 0):
  // unknown, it ranges over the evaluation year and the N years before it (core/metrics.cpp).
  int blank_within_years = 0;
};

// The numbers a field accepts, as the loader checks them (the schema publishes them for forms):
// at most `decimals` fractional digits (0: a whole number), from `min` to `max` inclusive.
struct NumberLimits {
  int decimals = 0;
  Rational min, max;
};
std::optional<NumberLimits> number_limits(const FieldSpec& f);  // nullopt: not a number
std::optional<NumberLimits> number_limits(FieldKind kind);       // nullopt also for IntRange (per field)
std::optional<NumberLimits> number_limits(ParamKind kind);       // an event parameter's

// Every fact the profile format defines, in document order.
const std::vector<FieldSpec>& profile_fields();
// The Chinese words of an enum field's values, in `values` order (e.g. industry → 工业): what a
// person writes in a table or reads on the page. Empty for a field that is not an enum.
const std::vector<std::pair<std::string, std::string>>& value_labels(std::string_view field);
const FieldSpec* find_field(std::string_view name);

struct Fact {
  enum class Kind { Number, Bool, Text, None };  // None: known not to exist (e.g. no award)
  Kind kind = Kind::None;
  Rational number;  // for Number: yuan for money, a plain number otherwise (percent: 10.5)
  bool flag = false;
  std::string text;
};

struct Holding {
  std::string title;                 // innovative_sme, srdi_sme, little_giant, ...
  std::optional<std::string> level;  // national / provincial / city
  std::optional<Date> since;
};

struct Profile {
  std::map<std::string, Fact, std::less<>> facts;  // known facts only
  std::optional<std::vector<Holding>> holds;       // absent: unknown; [] = holds nothing
  std::vector<Event> events;  // absent: none reported (events only add awards; they never block one)

  const Fact* fact(std::string_view name) const;
  std::optional<std::string> text(std::string_view name) const;
};

// The title / level vocabularies of `holds`.
const std::vector<std::string>& holding_titles();
// The levels at which a title of `holds` is recognised (little_giant: national only).
const std::vector<std::string>& holding_levels(const std::string& title);
// Each title of `holds` by its Chinese name (srdi_sme → 专精特新中小企业): what a person reads.
const std::map<std::string, std::string>& holding_title_words();

// The facts the engine adds to a loaded profile for one evaluation (the evaluation year).
Profile with_evaluation_facts(Profile profile, const Date& as_of);

// Throws LoadFailure listing every error found (source "profile").
Profile load_profile(std::string_view text);
Profile load_profile(const StrictDocument& doc);
// The same, for one evaluation date: a date or year after it is bad input as well
// (profile.date_after_as_of: a 认定日期 in `holds`, an award year). Every request path loads
// through this one.
Profile load_profile(std::string_view text, const Date& as_of);
Profile load_profile(const StrictDocument& doc, const Date& as_of);

}  // namespace srdi
