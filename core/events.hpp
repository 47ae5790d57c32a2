// The event vocabulary of the profile (`events`): what happened in the evaluation year that a
// local award may be paid for. Generic kinds of events with named parameters; which event pays
// what, and where, is in the award policies. docs/events.md lists the vocabulary.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/exact.hpp"

namespace srdi {

enum class ParamKind { Enum, Money, Count, Rank, Bool, Percent };

struct EventParam {
  std::string name;
  ParamKind kind;
  std::string label;  // Chinese
  std::vector<std::string> values = {};  // Enum
  bool required = false;
};

struct EventType {
  std::string type;
  std::string label;  // Chinese, as the page's checklist shows it
  std::string hint;   // one line: what counts
  std::vector<EventParam> params;
};

const std::vector<EventType>& event_types();
const EventType* find_event_type(std::string_view type);
const EventParam* find_event_param(const EventType& t, std::string_view name);

// One event of a loaded profile: its type and parameter values (numbers exact, enums as text).
struct EventValue {
  std::string name;
  std::optional<Rational> number;
  std::optional<bool> flag;
  std::string text;
};

struct Event {
  std::string type;
  std::vector<EventValue> values;
  const EventValue* get(std::string_view name) const;
};

}  // namespace srdi
