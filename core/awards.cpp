#include "core/awards.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace srdi {

namespace {

// Whether the document is in force on the date: false after its end or before its start, and
// unknown (nullopt) when the source states no start date and no end has passed.
std::optional<bool> in_force(const Policy& p, const Date& d) {
  if (p.valid_to && d > *p.valid_to) return false;
  if (p.start_unknown) return std::nullopt;
  return p.valid_from <= d;
}

std::string yuan_text(const Rational& x) { return format_wan(x) + "元"; }

// The value of an event parameter as the trigger's `where` compares it: its enum name,
// true/false, or its number. "" when the event leaves it blank: unknown, whatever its kind.
std::string param_text(const Event& e, const std::string& name) {
  const EventValue* v = e.get(name);
  if (!v) return "";
  if (v->flag) return *v->flag ? "true" : "false";
  if (v->number) return format_decimal(*v->number, 4);
  return v->text;
}

const EventParam* param_of(const std::string& type, const std::string& name) {
  const EventType* t = find_event_type(type);
  return t ? find_event_param(*t, name) : nullptr;
}

// The Chinese label of an event parameter, for the sentences that name an unknown one.
std::string param_label(const std::string& type, const std::string& name) {
  const EventParam* p = param_of(type, name);
  return p ? p->label : name;
}

// A value of a selecting parameter in words (bool cases read 是 / 否).
std::string case_word(const std::string& key) {
  if (key == "true") return "是";
  if (key == "false") return "否";
  return key;
}

// The event as the measure reads it: a `where` parameter left blank that the text fixes
// (`blank_as`) takes that value, and `assumed` records it for the line.
Event fill_blanks(const Trigger& t, const Event& e, std::map<std::string, std::string>* assumed) {
  Event out = e;
  for (const auto& blank : t.blank_as) {
    const std::string& param = blank.first;  // not a structured binding: clang 14 cannot capture one
    const std::string& value = blank.second;
    if (!param_text(e, param).empty()) continue;
    const EventParam* spec = param_of(e.type, param);
    EventValue v{param, std::nullopt, std::nullopt, value};
    if (spec && spec->kind == ParamKind::Bool) v = EventValue{param, std::nullopt, value == "true", ""};
    out.values.erase(std::remove_if(out.values.begin(), out.values.end(), [&](const EventValue& x) { return x.name == param; }),
                     out.values.end());
    out.values.push_back(v);
    if (assumed) (*assumed)[param] = value;
  }
  return out;
}

// Whether an event is what the measure pays for. A blank parameter that the trigger tests does
// not exclude the event: the line is kept and names the parameter (`unsure`). Without `unsure`,
// a blank `where` parameter fails. `skip`: parameters not held against the event (those a
// potential recognition does not know, or that a relocation read as a new recognition lacks).
bool matches(const Trigger& t, const Event& e, std::vector<std::string>* unsure = nullptr,
             const std::set<std::string>* skip = nullptr) {
  if (t.event != e.type) return false;
  for (const auto& [param, accepted] : t.where) {
    if (skip && skip->count(param)) continue;
    std::string value = param_text(e, param);
    if (value.empty()) {  // left blank: it might be what the measure pays for
      if (!unsure) return false;
      unsure->push_back(param);
      continue;
    }
    if (std::find(accepted.begin(), accepted.end(), value) == accepted.end()) return false;
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& [param, limit] : pass == 0 ? t.at_least : t.at_most) {
      if (skip && skip->count(param)) continue;
      const EventValue* v = e.get(param);
      if (!v || !v->number) {
        if (unsure) unsure->push_back(param);
        continue;
      }
      if (pass == 0 ? *v->number < limit : *v->number > limit) return false;
    }
  }
  return true;
}

// An amount worked out for one line: certain, an upper bound, or no figure.
struct Figure {
  std::optional<Rational> certain;
  std::optional<Rational> up_to;
  std::optional<Rational> tax_credit;
  std::string basis;                 // how it was computed, in Chinese
  std::vector<std::string> missing;  // event parameters that would fix the figure
  bool unquantified = false;
  bool benefit = false;
  bool excluded = false;  // the event's value is not one the measure pays for (e.g. a 5th place)
  bool contested = false;  // the readings disagree: `certain` is the least, `up_to` the most
  std::vector<std::string> profile_missing;  // profile fields (not event parameters) that would fix it
};

// What a figure may consult beyond its event: the document, the enterprise's titles held
// (less_earlier), the evaluation date, and the option in force of each contested reading.
struct Reckoner {
  const Policy& p;
  const Profile& profile;
  const AwardContext& ctx;
  std::map<std::string, std::string> choice;  // the request's picks, and the option being tried
  std::set<std::string>* met = nullptr;       // the contested readings met on the way
  bool earlier = false;                       // working out an earlier award: less_earlier deducts nothing
};

const Reading* find_reading(const Reckoner& r, const std::string& id) {
  for (const auto& x : r.p.readings) {
    if (x.id == id) return &x;
  }
  return r.ctx.policies ? r.ctx.policies->reading(id) : nullptr;
}

std::string option_in_force(const Reckoner& r, const std::string& reading) {
  auto it = r.choice.find(reading);
  if (it != r.choice.end()) return it->second;
  const Reading* x = find_reading(r, reading);
  return x ? x->default_option : "";
}

void add_missing(std::vector<std::string>& into, const std::vector<std::string>& more) {
  for (const auto& m : more) {
    if (std::find(into.begin(), into.end(), m) == into.end()) into.push_back(m);
  }
}

// Rates produce fractions of a fen: the documents do not say; the calculator rounds down.
Rational down_to_fen(const Rational& x) { return floor_to(x, Rational::of(1, 100)); }

// same_as_group: the first member of the group whose trigger accepts this event as one of its own
// type (a relocation read as a new recognition of the title it brings). The member's parameters
// that the event's own type does not have (renewal, first_time, …) are not held against it.
const Measure* find_measure(const Policy& p, const std::string& group, const Event& e) {
  const EventType* own = find_event_type(e.type);
  for (const auto& m : p.measures) {
    if (m.group != group || m.amount.kind == AmountKind::SameAsGroup) continue;
    const EventType* member = find_event_type(m.trigger.event);
    std::set<std::string> skip;
    if (member) {
      for (const auto& param : member->params) {
        if (!own || !find_event_param(*own, param.name)) skip.insert(param.name);
      }
    }
    Event as_new = fill_blanks(m.trigger, Event{m.trigger.event, e.values}, nullptr);
    if (matches(m.trigger, as_new, nullptr, &skip)) return &m;
  }
  return nullptr;
}

void earlier_awards(Figure& f, const Rational& own, const std::string& group, const Reckoner& r, int depth);

Figure figure(const Amount& a, const Event* e, const Reckoner& r, int depth = 0) {
  const Policy& p = r.p;
  Figure f;
  auto base = [&](const std::string& name) -> std::optional<Rational> {
    const EventValue* v = e ? e->get(name) : nullptr;
    if (v && v->number) return v->number;
    f.missing.push_back(name);
    return std::nullopt;
  };
  switch (a.kind) {
    case AmountKind::Fixed: {
      f.certain = a.yuan;
      f.basis = yuan_text(a.yuan);
      break;
    }
    case AmountKind::UpTo: {
      f.up_to = a.yuan;
      f.basis = "最高 " + yuan_text(a.yuan);
      break;
    }
    case AmountKind::Rate:
    case AmountKind::RateCap:
    case AmountKind::RateUpTo: {
      auto b = base(a.base);
      std::string rate = format_percent(a.rate);
      if (b) {
        Rational raw = down_to_fen(a.rate * *b);
        Rational paid = a.cap ? std::min(raw, *a.cap) : raw;
        f.basis = rate + " × " + yuan_text(*b) + " = " + yuan_text(raw);
        if (a.cap) f.basis += raw > *a.cap ? "，超过上限，按上限 " + yuan_text(*a.cap) : "（上限 " + yuan_text(*a.cap) + "）";
        (a.kind == AmountKind::RateUpTo ? f.up_to : f.certain) = paid;
      } else {
        f.basis = rate + " × 基数（未填写）" + (a.cap ? "，上限 " + yuan_text(*a.cap) : "");
        if (a.cap) f.up_to = a.cap;
        else f.unquantified = true;
      }
      break;
    }
    case AmountKind::TaxCredit: {
      auto b = base(a.base);
      if (b) {
        f.tax_credit = down_to_fen(a.rate * *b);
        f.basis = format_percent(a.rate) + " × " + yuan_text(*b) + " = " + yuan_text(*f.tax_credit) +
                  "，抵免当年企业所得税，不足抵免的可结转 " + std::to_string(a.carry_forward_years) + " 年";
      } else {
        f.basis = format_percent(a.rate) + " × 设备投资额（未填写）";
        f.unquantified = true;
      }
      break;
    }
    case AmountKind::PerUnit: {
      Rational total;
      std::string parts;
      for (const auto& [param, each] : a.units) {
        auto n = base(param);
        if (!n) continue;
        total = total + *n * each;
        parts += (parts.empty() ? "" : " + ") + format_decimal(*n, 0) + " × " + yuan_text(each);
      }
      // A count left blank leaves the total open: no figure until every count is known.
      f.basis = parts.empty() ? "按人数计算（人数未填写）" : parts + " = " + yuan_text(total);
      if (f.missing.empty()) f.certain = total;
      else f.unquantified = true;
      break;
    }
    case AmountKind::Tiered:
    case AmountKind::By: {
      std::string value = e ? param_text(*e, a.param) : "";
      const Amount* chosen = nullptr;
      for (const auto& [key, sub] : a.cases) {
        if (key == value) chosen = &sub;
      }
      if (chosen && depth < 4) {
        f = figure(*chosen, e, r, depth + 1);
      } else if (!value.empty()) {
        f.excluded = true;
      } else {
        // Unknown selector: never certain. The largest case bounds it, unless some case has no
        // figure (then nothing bounds it). The basis gives each case's amount.
        std::optional<Rational> most;
        bool open = false;
        std::string cases;
        for (const auto& [key, sub] : a.cases) {
          Figure g = depth < 4 ? figure(sub, e, r, depth + 1) : Figure{};
          auto v = g.certain ? g.certain : g.up_to;
          if (g.excluded) continue;
          if (v && (!most || *v > *most)) most = v;
          if (!v) open = true;
          add_missing(f.missing, g.missing);
          cases += (cases.empty() ? "" : "；") + case_word(key) + "——" + (v ? (g.up_to ? "最高 " : "") + yuan_text(*v) : g.basis);
        }
        f.missing.insert(f.missing.begin(), a.param);
        std::string label = e ? param_label(e->type, a.param) : a.param;
        f.basis = "视“" + label + "”而定（未填写）：" + cases;
        if (most && !open) f.up_to = most;
        else f.unquantified = true;
      }
      break;
    }
    case AmountKind::SameAsGroup: {
      const Measure* m = e ? find_measure(p, a.group, *e) : nullptr;
      if (m && depth < 4) {
        Reckoner as_new = r;  // the title brought in is paid as a new one: nothing earlier is deducted
        as_new.earlier = true;
        f = figure(m->amount, e, as_new, depth + 1);
        f.basis = "参照“" + m->title + "”：" + f.basis;
      } else {
        f.unquantified = true;
        f.basis = "参照新认定标准（所持称号未对应到本文件的奖励）";
      }
      break;
    }
    case AmountKind::ByReading: {
      // The option in force decides; the line lists every option's figure (reading_outcomes).
      if (r.met) r.met->insert(a.reading);
      std::string option = option_in_force(r, a.reading);
      for (const auto& c : a.cases) {
        if (c.first == option && depth < 4) f = figure(c.second, e, r, depth + 1);
      }
      break;
    }
    case AmountKind::LessEarlier: {
      if (a.cases.empty() || depth >= 4) return f;
      f = figure(a.cases.front().second, e, r, depth + 1);
      auto own = f.certain ? f.certain : f.up_to;
      if (r.earlier || !own) return f;
      earlier_awards(f, *own, a.group, r, depth);
      break;
    }
    case AmountKind::Unquantified: {
      f.unquantified = true;
      f.basis = a.text;
      break;
    }
    case AmountKind::NotPaid: {
      f.excluded = true;  // as a selection's case that pays nothing
      f.basis = a.text;
      break;
    }
    case AmountKind::Benefit: {
      f.benefit = true;
      f.basis = a.text;
      break;
    }
    case AmountKind::None:
      break;
  }
  return f;
}

// less_earlier: the group pays the difference over its largest award for a title the enterprise
// has held since an earlier year (a `holds` entry whose 认定日期 is in an earlier year). The
// profile does not say whether that award was paid: the earlier recognition stands for it. A
// title whose date is unknown may be earlier: the figure is then at most the undiminished amount.
void earlier_awards(Figure& f, const Rational& own, const std::string& group, const Reckoner& r, int depth) {
  if (!r.profile.holds) {
    f.up_to = f.certain ? f.certain : f.up_to;
    f.certain.reset();
    f.profile_missing.push_back("holds");
    f.basis += "；已获称号未填写：往年是否已按较低一级获奖不明";
    return;
  }
  Rational deducted;
  std::string from;
  std::optional<Rational> unknown;  // the largest award for a title of unknown date
  std::vector<std::string> unknown_paths;
  Reckoner prior_r = r;
  prior_r.earlier = true;
  const auto& holds = *r.profile.holds;
  for (std::size_t i = 0; i < holds.size(); ++i) {
    const Holding& h = holds[i];
    Event prior{"recognition", {EventValue{"title", std::nullopt, std::nullopt, h.title},
                                EventValue{"renewal", std::nullopt, false, ""}}};
    if (h.level) prior.values.push_back(EventValue{"level", std::nullopt, std::nullopt, *h.level});
    const Measure* m = find_measure(r.p, group, prior);
    if (!m) continue;
    Event filled = fill_blanks(m->trigger, prior, nullptr);
    Figure g = figure(m->amount, &filled, prior_r, depth + 1);
    auto v = g.certain ? g.certain : g.up_to;
    if (!v) continue;
    if (!h.since) {
      if (!unknown || *v > *unknown) unknown = v;
      unknown_paths.push_back("holds/" + std::to_string(i) + "/since");
    } else if (h.since->year < r.ctx.as_of.year && *v > deducted) {
      deducted = *v;
      from = std::to_string(h.since->year) + " 年认定，按“" + m->title + "”计 " + yuan_text(*v);
    }
  }
  Rational paid = own > deducted ? own - deducted : Rational(0);
  if (!from.empty()) {
    // The full amount's computation is the start of the sum, not the line's figure.
    f.basis = "全额 " + f.basis + "；往年已获认定（" + from + "），从高不重复，补差额 " + yuan_text(own) + " − " +
              yuan_text(deducted) + " = " + yuan_text(paid);
  }
  (f.certain ? f.certain : f.up_to) = paid;
  if (unknown && *unknown > deducted) {
    f.up_to = paid;
    f.certain.reset();
    add_missing(f.profile_missing, unknown_paths);
    f.basis += "；所持称号认定日期未填写：若为往年认定，只补差额，本行金额只作上限";
  }
}

// The most an amount can pay, where its text states a figure (the largest case, the cap).
std::optional<Rational> amount_max(const Amount& a) {
  switch (a.kind) {
    case AmountKind::Fixed:
    case AmountKind::UpTo:
      return a.yuan;
    case AmountKind::RateCap:
    case AmountKind::RateUpTo:
      return a.cap;
    case AmountKind::Tiered:
    case AmountKind::By:
    case AmountKind::ByReading:
    case AmountKind::LessEarlier: {
      std::optional<Rational> most;
      for (const auto& c : a.cases) {
        auto m = amount_max(c.second);
        if (m && (!most || *most < *m)) most = m;
      }
      return most;
    }
    default:
      return std::nullopt;
  }
}

// What a measure pays, in a finance officer's words, for the document's list of measures: the
// figure the text states, the base of a rate by its label, "分档" for amounts chosen by a parameter.
std::string amount_words(const Amount& a, const std::string& event) {
  const std::string scope = !a.cap_scope_reading.empty()    ? "（封顶按每次还是按合计，有两种读法）"
                            : a.cap_scope == "per_enterprise" ? "（单家企业本项合计）"
                            : a.cap_scope == "per_investor"   ? "（每家投资机构本项合计）"
                                                              : "";
  // A rate's base by its label, without the unit the form shows ("实际销售额（元）").
  auto plain = [&](const std::string& name) {
    std::string l = param_label(event, name);
    const std::string unit = "（元）";
    if (l.size() > unit.size() && l.compare(l.size() - unit.size(), unit.size(), unit) == 0) l.resize(l.size() - unit.size());
    return l;
  };
  const std::string base = plain(a.base);
  switch (a.kind) {
    case AmountKind::Fixed:
      return yuan_text(a.yuan);
    case AmountKind::UpTo:
      return "最高" + yuan_text(a.yuan);
    case AmountKind::Rate:
      return "按" + base + "的" + format_percent(a.rate);
    case AmountKind::RateCap:
      return "按" + base + "的" + format_percent(a.rate) + "，最高" + yuan_text(*a.cap) + scope;
    case AmountKind::RateUpTo:
      return "不超过" + base + "的" + format_percent(a.rate) + "，最高" + yuan_text(*a.cap) + scope;
    case AmountKind::TaxCredit:
      return "按" + base + "的" + format_percent(a.rate) + "抵免税额";
    case AmountKind::PerUnit: {
      std::string s;
      for (const auto& [param, each] : a.units) s += (s.empty() ? "" : "；") + ("每" + plain(param) + " " + yuan_text(each));
      return s;
    }
    case AmountKind::Tiered:
    case AmountKind::By:
    case AmountKind::ByReading:
    case AmountKind::SameAsGroup:
    case AmountKind::LessEarlier: {
      auto most = amount_max(a);
      std::string s = a.kind == AmountKind::SameAsGroup ? "参照同类认定的奖励标准"
                      : a.kind == AmountKind::ByReading ? "依读法而定"
                      : a.kind == AmountKind::LessEarlier ? "补足与往年所获奖励的差额"
                                                          : "分档奖励";
      return most ? s + "，最高" + yuan_text(*most) : s;
    }
    case AmountKind::Unquantified:
      return "原文未载明金额";
    case AmountKind::Benefit:
      return "非资金支持：" + a.text;
    case AmountKind::NotPaid:
      return "不予奖励";
    case AmountKind::None:
      break;
  }
  return "";
}

// A figure in words, for the sentences that give each reading's outcome.
std::string figure_words(const Figure& g) {
  if (g.excluded) return "不予奖励";
  if (g.certain) return yuan_text(*g.certain);
  if (g.up_to) return "最高 " + yuan_text(*g.up_to);
  if (g.tax_credit) return "抵免 " + yuan_text(*g.tax_credit);
  return "金额未载明";
}

// ---- The lines of the result, typed: amounts stay exact (whole fen) until the result is written ----

// A figure in whole fen, rounded half away from zero as the result writes it. figure() already
// rounds rates down to the fen, so this changes nothing there; it makes the line's amounts
// exactly what the result shows, and every sum below a sum of those.
Rational in_fen(const Rational& x) {
  const i128 scaled = checked_mul(x.num(), 100);
  i128 q = scaled / x.den();
  const i128 rem = scaled % x.den();
  if ((rem < 0 ? -rem : rem) * 2 >= x.den()) q += scaled < 0 ? -1 : 1;
  return Rational::of(q, 100);
}

// A line's (or one reading's) amount: docs/output-format.md, "amount".
struct Amounts {
  std::optional<Rational> certain, up_to, tax_credit;
  std::optional<int> carry_forward_years;
  bool has_figure() const { return certain.has_value() || up_to.has_value(); }
  Rational value() const { return certain ? *certain : (up_to ? *up_to : Rational(0)); }
  // The most a line may pay: its upper bound when it has one (a contested line has both).
  Rational upper() const { return up_to ? *up_to : value(); }
};

Amounts figure_amounts(const Figure& g) {
  Amounts a;
  if (g.excluded) a.certain = Rational(0);
  else if (g.certain) a.certain = in_fen(*g.certain);
  else if (g.up_to) a.up_to = in_fen(*g.up_to);
  return a;
}

// One option of a contested reading and what the line pays under it.
struct OptionOutcome {
  std::string option, label;
  Amounts amount;
  std::string basis, text;
  json citation;  // a citation reference, taken when the outcome is worked out (first-use order)
};
struct LineReading {
  std::string question, option, option_label;
  bool by_request = false;  // else the reading's default
  bool decisive = false;    // the options' figures differ
  std::string summary;
  std::vector<OptionOutcome> outcomes;
};
using LineReadings = std::map<std::string, LineReading>;  // by reading id, as the result orders them

enum class LineKind { Certain, Contested, UpTo, TaxCredit, Benefit, Unquantified };
const char* line_kind_name(LineKind k) {
  switch (k) {
    case LineKind::Certain: return "certain";
    case LineKind::Contested: return "contested";
    case LineKind::UpTo: return "up_to";
    case LineKind::TaxCredit: return "tax_credit";
    case LineKind::Benefit: return "benefit";
    case LineKind::Unquantified: return "unquantified";
  }
  return "unquantified";
}
enum class LineState { Applies, Undetermined, Superseded };
const char* line_state_name(LineState s) {
  switch (s) {
    case LineState::Applies: return "applies";
    case LineState::Undetermined: return "undetermined";
    case LineState::Superseded: return "superseded";
  }
  return "undetermined";
}

// A line of a document's awards (docs/output-format.md, "lines").
struct AwardLine {
  const Measure* measure = nullptr;
  const Policy* policy = nullptr;
  std::string measure_id;  // the measure's, or its base award's (adds_to)
  std::string title;
  AmountKind amount_kind = AmountKind::Unquantified;
  LineKind kind = LineKind::Unquantified;
  Amounts amount;
  std::string basis;
  std::vector<std::string> labels;
  LineState state = LineState::Applies;
  json citation;
  std::optional<std::vector<std::string>> missing;
  std::optional<std::size_t> event;
  std::string funded_by, group, cap_scope, adds_to;
  LineReadings readings;
  std::map<std::string, std::string> assumed;  // blank event parameters the text fixes
  std::optional<json> condition;               // the measure's condition explained, when undetermined
  std::optional<std::string> undetermined_by;
  std::optional<std::string> stacking;
  json stacking_citation;
  std::optional<std::string> tier, tier_title, tier_verdict;  // a potential or next-rung line
};

json amounts_json(const Amounts& a) {
  json j = json::object();
  if (a.certain) j["certain"] = format_yuan(*a.certain);
  if (a.up_to) j["up_to"] = format_yuan(*a.up_to);
  if (a.tax_credit) j["tax_credit"] = format_yuan(*a.tax_credit);
  if (a.carry_forward_years) j["carry_forward_years"] = *a.carry_forward_years;
  return j;
}

json readings_json(const LineReadings& readings) {
  json out = json::object();
  for (const auto& [id, r] : readings) {
    json outcomes = json::array();
    for (const auto& o : r.outcomes) {
      outcomes.push_back(json{{"option", o.option}, {"label", o.label}, {"amount", amounts_json(o.amount)},
                              {"basis", o.basis}, {"text", o.text}, {"citation", o.citation}});
    }
    out[id] = json{{"question", r.question},       {"option", r.option},
                   {"option_label", r.option_label}, {"chosen_by", r.by_request ? "request" : "default"},
                   {"decisive", r.decisive},       {"summary", r.summary},
                   {"outcomes", std::move(outcomes)}};
  }
  return out;
}

json line_json(const AwardLine& l) {
  const Measure& m = *l.measure;
  const Policy& p = *l.policy;
  json j{{"measure", l.measure_id},
         {"title", l.title},
         {"policy", p.id},
         {"doc_no", p.doc_no},
         {"status", p.status},
         {"applicant", m.applicant},
         {"amount_kind", amount_kind_name(l.amount_kind)},
         {"kind", line_kind_name(l.kind)},
         {"amount", amounts_json(l.amount)},
         {"basis", l.basis},
         {"labels", l.labels},
         {"competitive", m.competitive},
         {"citation", l.citation},
         {"state", line_state_name(l.state)}};
  if (l.missing) j["missing"] = *l.missing;
  if (l.event) j["event"] = *l.event;
  if (!m.interpretation.empty()) j["interpretation"] = m.interpretation;
  if (!l.funded_by.empty()) j["funded_by"] = l.funded_by;
  if (!l.group.empty()) j["group"] = l.group;
  if (!l.cap_scope.empty()) j["cap_scope"] = l.cap_scope;
  if (!l.readings.empty()) j["readings"] = readings_json(l.readings);
  if (!l.assumed.empty()) j["assumed"] = l.assumed;
  if (l.condition) j["condition"] = *l.condition;
  if (l.undetermined_by) j["undetermined_by"] = *l.undetermined_by;
  if (!l.adds_to.empty()) j["adds_to"] = l.adds_to;
  if (l.stacking) {
    j["stacking"] = *l.stacking;
    j["stacking_citation"] = l.stacking_citation;
  }
  if (l.tier) j["tier"] = *l.tier;
  if (l.tier_title) j["tier_title"] = *l.tier_title;
  if (l.tier_verdict) j["tier_verdict"] = *l.tier_verdict;
  return j;
}

json lines_json(const std::vector<AwardLine>& lines) {
  json out = json::array();
  for (const auto& l : lines) out.push_back(line_json(l));
  return out;
}

// An amount's figure under the options in force, with `readings`: for each contested reading
// the amount rests on, every option's figure. When a reading the request did not pick changes
// the figure, the line is not stated under one reading: `certain` is the least of the options
// (only if every option is certain) and `up_to` the most. Options are varied one reading at a
// time; a picked reading is never varied, so its option's figure stands.
Figure reckon(const Amount& a, const Event* e, const Reckoner& base, LineReadings& readings) {
  std::set<std::string> met;
  Reckoner first = base;
  first.met = &met;
  Figure f = figure(a, e, first);
  readings.clear();
  std::vector<Figure> tried{f};
  bool decisive_any = false;
  for (const auto& id : met) {
    const Reading* rd = find_reading(base, id);
    if (!rd) continue;
    LineReading r;
    r.by_request = base.choice.count(id) > 0;
    r.question = rd->question;
    r.option = option_in_force(base, id);
    std::set<std::string> words;
    for (const auto& o : rd->options) {
      Reckoner trial = base;
      trial.choice[id] = o.id;
      Figure g = figure(a, e, trial);
      std::string text = o.label + "：" + figure_words(g);
      r.outcomes.push_back(OptionOutcome{o.id, o.label, figure_amounts(g), g.basis, text, cite(base.ctx.cites, o.citation)});
      r.summary += (r.summary.empty() ? "" : "；") + text;
      words.insert(figure_words(g));
      if (o.id == r.option) r.option_label = o.label;
      if (!r.by_request) tried.push_back(g);
    }
    r.decisive = words.size() > 1;
    if (r.decisive && !r.by_request && !decisive_any) {
      decisive_any = true;
      // No one reading's computation is stated as the basis: each option's is given.
      std::string each;
      for (const auto& o : r.outcomes) each += (each.empty() ? "" : "；") + o.label + "：" + o.basis;
      f.basis = each;
    }
    readings[id] = std::move(r);
  }
  if (!decisive_any) return f;
  // The readings disagree: the least as certain, the most as the upper bound.
  std::optional<Rational> lo, hi;
  bool all_certain = true, open = false, all_excluded = true;
  for (const auto& g : tried) {
    add_missing(f.missing, g.missing);
    add_missing(f.profile_missing, g.profile_missing);
    if (!g.excluded) all_excluded = false;
    auto v = g.excluded ? std::optional<Rational>(Rational(0)) : (g.certain ? g.certain : g.up_to);
    if (!v) {
      open = true;
      continue;
    }
    if (!hi || *v > *hi) hi = v;
    if (g.excluded || g.certain) {
      if (!lo || *v < *lo) lo = v;
    } else {
      all_certain = false;
    }
  }
  f.excluded = all_excluded;
  f.certain.reset();
  f.up_to.reset();
  f.unquantified = false;
  if (open || !hi) {
    f.unquantified = true;
  } else if (all_certain && lo) {
    f.certain = lo;
    f.up_to = hi;
    f.contested = true;
  } else {
    f.up_to = hi;
  }
  return f;
}

// A line's figure leaves `certain` (it may not be paid, or not in full): it becomes an upper bound.
void not_certain(AwardLine& l, const std::string& why) {
  if (!l.amount.certain) return;
  if (!l.amount.up_to) l.amount.up_to = l.amount.certain;  // contested: the most stays the bound
  l.amount.certain.reset();
  l.kind = LineKind::UpTo;
  l.basis += "；" + why;
}

AwardLine make_line(const Measure& m, const Policy& p, const Figure& f, const AwardContext& ctx,
                    std::optional<std::size_t> event) {
  const Date& as_of = ctx.as_of;
  AwardLine l;
  l.measure = &m;
  l.policy = &p;
  l.measure_id = m.id;
  l.title = m.title;
  l.amount_kind = m.amount.kind;
  if (p.status == "draft") l.labels.push_back("征求意见稿");
  if (!p.provenance.empty()) l.labels.push_back(p.provenance);
  if (p.source_kind == "news_report") l.labels.push_back("据新闻报道");
  if (p.valid_to && as_of > *p.valid_to) l.labels.push_back("已于 " + p.valid_to->iso() + " 失效");
  if (!p.start_unknown && as_of < p.valid_from) l.labels.push_back("尚未施行（" + p.valid_from.iso() + " 起）");
  if (p.start_unknown && !(p.valid_to && as_of > *p.valid_to)) l.labels.push_back("施行日期不明：是否有效无法确定");
  if (m.competitive) l.labels.push_back("竞争性评选：具备资格不等于获奖");
  if (f.contested && f.certain && f.up_to) {
    l.amount.certain = in_fen(*f.certain);
    l.amount.up_to = in_fen(*f.up_to);
    l.kind = LineKind::Contested;
  } else if (f.certain) {
    l.amount.certain = in_fen(*f.certain);
    l.kind = LineKind::Certain;
  } else if (f.up_to) {
    l.amount.up_to = in_fen(*f.up_to);
    l.kind = LineKind::UpTo;
  } else if (f.tax_credit) {
    l.amount.tax_credit = in_fen(*f.tax_credit);
    l.kind = LineKind::TaxCredit;
  } else {
    l.kind = f.benefit ? LineKind::Benefit
                       : (m.amount.kind == AmountKind::TaxCredit ? LineKind::TaxCredit : LineKind::Unquantified);
  }
  if (m.amount.kind == AmountKind::TaxCredit) l.amount.carry_forward_years = m.amount.carry_forward_years;
  l.basis = f.basis;
  l.citation = cite(ctx.cites, m.citation);
  if (!f.missing.empty() || !f.profile_missing.empty()) {
    std::vector<std::string> missing;
    for (const auto& name : f.missing) missing.push_back(event ? "events/" + std::to_string(*event) + "/" + name : name);
    for (const auto& path : f.profile_missing) missing.push_back(path);
    l.missing = std::move(missing);
  }
  l.event = event;
  l.funded_by = m.funded_by;
  l.group = m.group;
  // A scope that rests on a reading is not stated: the line's `readings` gives each option.
  if (m.amount.cap_scope != "per_event" && m.amount.cap_scope_reading.empty()) l.cap_scope = m.amount.cap_scope;
  // A document whose start date is unknown pays nothing for certain.
  if (p.start_unknown) not_certain(l, "本文件施行日期不明，不计为确定金额");
  return l;
}

bool paid_line_of(const AwardLine& l, const Measure& m) {
  return l.measure == &m && l.measure_id == m.id && l.state != LineState::Superseded && l.amount.has_figure();
}

// A cap of the measure as a whole (单家企业最高, 每家股权投资企业最高): its lines share it, in
// event order, certain amounts first. A line cut down says so in its basis; with `cuts`, the
// lines stay as they are and each cut is recorded there instead (figure, and why).
using Cuts = std::map<const AwardLine*, std::pair<Rational, std::string>>;
void cut_to_cap(std::vector<AwardLine>& lines, const Measure& m, const Rational& cap, const std::string& scope,
                Cuts* cuts = nullptr) {
  const std::string who = scope == "per_investor" ? "每家股权投资机构" : "单家企业";
  Rational left = cap;
  for (int pass = 0; pass < 2; ++pass) {
    for (auto& l : lines) {
      if (!paid_line_of(l, m)) continue;
      const bool certain = l.state == LineState::Applies && l.amount.certain;
      if (certain != (pass == 0)) continue;
      const Rational v = l.amount.value();
      const Rational paid = std::min(v, left);
      left = left - paid;
      if (!(paid < v)) continue;
      const std::string why =
          "本项" + who + "合计最高 " + yuan_text(cap) + "，本项其他行已计 " + yuan_text(cap - left - paid) + "，本行计 " + yuan_text(paid);
      if (cuts) {
        (*cuts)[&l] = {paid, why};
      } else {
        (certain ? l.amount.certain : l.amount.up_to) = paid;
        l.basis += "；" + why;
      }
    }
  }
}

void share_cap(std::vector<AwardLine>& lines, const Measure& m, const Reckoner& rk) {
  const auto cap = common_cap(m.amount);
  if (!cap) return;
  const std::string& rid = m.amount.cap_scope_reading;
  if (rid.empty()) {
    if (m.amount.cap_scope != "per_event") cut_to_cap(lines, m, *cap, m.amount.cap_scope);
    return;
  }
  // Whom the cap binds is a contested reading (三明 sm.fund_investment, 济南 jn.green_retrofit):
  // every line lists its figure under each option.
  const Reading* rd = find_reading(rk, rid);
  // One line alone is capped on its own under every reading: nothing to show.
  const auto shares = std::count_if(lines.begin(), lines.end(), [&](const AwardLine& l) { return paid_line_of(l, m); });
  if (!rd || shares < 2) return;
  const bool picked = rk.choice.count(rid) > 0;
  const std::string option_now = option_in_force(rk, rid);
  auto scope_of = [&](const std::string& option) {
    for (const auto& [o, scope] : m.amount.cap_scope_options) {
      if (o == option) return scope;
    }
    return std::string("per_event");
  };
  Cuts cuts;  // each line's figure where the shared cap cuts it; per_event cuts nothing
  cut_to_cap(lines, m, *cap, m.amount.cap_scope, &cuts);
  for (auto& l : lines) {
    if (!paid_line_of(l, m)) continue;
    const auto cut = cuts.find(&l);
    const bool certain = l.state == LineState::Applies && l.amount.certain;
    LineReading r;
    r.question = rd->question;
    r.option = option_now;
    r.by_request = picked;
    std::string each_basis;
    for (const auto& o : rd->options) {
      const bool shared = cut != cuts.end() && scope_of(o.id) != "per_event";
      Amounts amount = l.amount;
      if (shared) {
        amount = Amounts{};
        (certain ? amount.certain : amount.up_to) = cut->second.first;
      } else if (amount.certain) {
        amount.up_to.reset();
      }
      const std::string basis = l.basis + (shared ? "；" + cut->second.second : "");
      const std::string text = o.label + "：" + (certain ? "" : "最高 ") + yuan_text(shared ? cut->second.first : l.amount.value());
      r.outcomes.push_back(OptionOutcome{o.id, o.label, amount, basis, text, cite(rk.ctx.cites, o.citation)});
      r.summary += (r.summary.empty() ? "" : "；") + text;
      each_basis += (each_basis.empty() ? "" : "；") + o.label + "：" + basis;
      if (o.id == option_now) r.option_label = o.label;
    }
    r.decisive = cut != cuts.end();
    l.readings[rid] = std::move(r);
    if (cut == cuts.end()) continue;
    if (picked) {
      // The request's reading stands.
      if (scope_of(option_now) == "per_event") continue;
      (certain ? l.amount.certain : l.amount.up_to) = cut->second.first;
      l.basis += "；" + cut->second.second;
    } else if (certain) {
      // Not stated under one reading: the least (the shared cap) is certain, the most (each
      // line on its own) the upper bound. An upper bound already is the most.
      if (!l.amount.up_to) l.amount.up_to = l.amount.certain;
      l.amount.certain = cut->second.first;
      l.kind = LineKind::Contested;
      l.basis = each_basis;
    }
  }
}

// A document's totals (docs/output-format.md, "totals"), exact until written.
struct Totals {
  Rational certain, upper_bound, tax_credit;
  int unquantified = 0;
  std::size_t benefits = 0;
};
json totals_json(const Totals& t) {
  return json{{"certain", format_yuan(t.certain)},
              {"upper_bound", format_yuan(t.upper_bound)},
              {"unquantified", t.unquantified},
              {"tax_credit", format_yuan(t.tax_credit)},
              {"benefits", t.benefits}};
}

// Totals of a document's lines alone: certain amounts, upper bounds, items without a figure. An
// undetermined line may be paid: it counts in the upper bound, never in the certain total.
// Within a "highest only" group only one line is paid, so the group adds its largest line; its
// certain part is the largest certain member (two members stay unsuperseded only when the best
// rests on an open reading).
Totals totals_of(const std::vector<AwardLine>& lines, std::size_t benefits) {
  Totals t;
  t.benefits = benefits;
  std::map<std::string, Rational> group_bound, group_certain;
  for (const auto& l : lines) {
    if (l.state == LineState::Superseded) continue;
    const bool applies = l.state == LineState::Applies;
    if (l.amount.certain && applies) {
      const Rational& v = *l.amount.certain;
      if (l.group.empty()) t.certain = t.certain + v;
      else if (!group_certain.count(l.group) || group_certain[l.group] < v) group_certain[l.group] = v;
    }
    if (l.amount.has_figure()) {
      if (l.group.empty()) {
        t.upper_bound = t.upper_bound + l.amount.upper();
      } else if (!group_bound.count(l.group) || group_bound[l.group] < l.amount.upper()) {
        group_bound[l.group] = l.amount.upper();
      }
    } else if (l.amount.tax_credit) {
      if (applies) t.tax_credit = t.tax_credit + *l.amount.tax_credit;
    } else {
      ++t.unquantified;
    }
  }
  for (const auto& [group, v] : group_bound) t.upper_bound = t.upper_bound + v;
  for (const auto& [group, v] : group_certain) t.certain = t.certain + v;
  return t;
}

// Stacking: within a "highest only" group, only the largest line is paid.
void resolve_stacking(std::vector<AwardLine>& lines, const Policy& p, const AwardContext& ctx) {
  for (const auto& g : p.groups) {
    AwardLine* best = nullptr;
    // Lines without a figure take no part: the highest can only be chosen among amounts.
    auto member = [&](const AwardLine& l) {
      return l.group == g.id && l.state == LineState::Applies && l.amount.has_figure();
    };
    for (auto& l : lines) {
      if (member(l) && (!best || l.amount.value() > best->amount.value())) best = &l;
    }
    if (!best) continue;
    // The least the best line pays under an option of a reading the request left open (本市:
    // a renewed 单项冠军 is paid 0 or 500万): a line above that is paid under that option, so
    // it is not superseded; it says under which reading it would be.
    std::optional<Rational> least;
    std::string least_reading;
    for (const auto& [rid, rd] : best->readings) {
      if (rd.by_request || !rd.decisive) continue;
      for (const auto& o : rd.outcomes) {
        if (!o.amount.has_figure()) continue;
        const Rational v = o.amount.value();
        if (!least || v < *least) {
          least = v;
          least_reading = o.label;
        }
      }
    }
    for (auto& l : lines) {
      if (&l == best || !member(l)) continue;
      if (least && *least < l.amount.value()) {
        l.stacking = g.title + "：按其他读法可得" + best->title + " " + yuan_text(best->amount.value()) +
                     "，届时不再另计本项；按" + least_reading + "，" + best->title + "只计 " + yuan_text(*least) +
                     "，本项照计";
        l.stacking_citation = cite(ctx.cites, g.citation);
        continue;
      }
      l.state = LineState::Superseded;
      l.stacking = g.title + "：" + best->title + " " + yuan_text(best->amount.value()) + "，不再另计" + l.title + " " +
                   yuan_text(l.amount.value());
      l.stacking_citation = cite(ctx.cites, g.citation);
    }
  }
}

json zero_totals() { return totals_json(Totals{}); }

}  // namespace

std::vector<std::pair<std::string, std::string>> award_cities(const PolicySet& policies) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : policies.policies) {
    if (p.kind != PolicyKind::Awards || p.jurisdiction.level != "city") continue;
    bool seen = std::any_of(out.begin(), out.end(), [&](const auto& c) { return c.first == p.jurisdiction.id; });
    if (!seen) out.emplace_back(p.jurisdiction.id, p.jurisdiction.name);
  }
  return out;
}

namespace {

// What the document pays for, every measure of it, whether or not this enterprise has a line:
// the amount as the text states it, who may apply, how to apply where the text says, and where
// this enterprise stands (`reach`, docs/output-format.md "The document's measures").
json measure_list(const Policy& p, const AwardRequest& req, const AwardContext& ctx, const std::vector<AwardLine>& lines,
                  const std::vector<AwardLine>& benefits, const std::vector<AwardLine>& potential,
                  const std::vector<AwardLine>& next_rungs, const std::set<std::string>& cond_not_met) {
  auto has = [](const std::vector<AwardLine>& list, const std::string& id) {
    return std::any_of(list.begin(), list.end(), [&](const AwardLine& l) {
      return l.measure_id == id || l.measure_id == id + ".base_award";
    });
  };
  json out = json::array();
  for (const auto& m : p.measures) {
    json j{{"measure", m.id},
           {"title", m.title},
           {"applicant", m.applicant},
           {"amount_kind", amount_kind_name(m.amount.kind)},
           {"amount_words", amount_words(m.amount, m.trigger.event)}};
    if (const EventType* t = m.trigger.event.empty() ? nullptr : find_event_type(m.trigger.event)) j["event"] = t->label;
    if (auto most = amount_max(m.amount)) j["most"] = format_yuan(*most);
    if (m.competitive) j["competitive"] = true;
    std::string reach;
    if (m.applicant != req.applicant) reach = "other_applicant";
    else if (has(lines, m.id) || has(benefits, m.id)) reach = "listed";
    else if (cond_not_met.count(m.id)) reach = "condition_not_met";
    else if (has(potential, m.id)) reach = "potential";
    else if (has(next_rungs, m.id)) reach = "next_rung";
    else if (!m.trigger.event.empty()) reach = "on_event";
    else reach = "not_paid";
    j["reach"] = reach;
    if (reach == "condition_not_met" && m.requires_) j["condition"] = m.requires_->title;
    if (m.apply) j["apply"] = apply_json(*m.apply, ctx.cites, &ctx.as_of);
    j["citation"] = cite(ctx.cites, m.citation);
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<std::string> trace_missing(const json& trace) {
  std::vector<std::string> out;
  auto it = trace.find("missing");
  if (it != trace.end()) {
    for (const auto& f : *it) out.push_back(f.get<std::string>());
  }
  return out;
}

}  // namespace

json evaluate_awards(const Profile& profile, const AwardRequest& req, const PolicySet& policies, const AwardContext& ctx,
                     const std::vector<RungBrief>& rungs) {
  json out{{"city", req.city.empty() ? json(nullptr) : json(req.city)}, {"applicant", req.applicant}};
  // The city's own documents, then its province's.
  std::vector<const Policy*> docs;
  std::string province;
  for (const auto& p : policies.policies) {
    if (p.kind == PolicyKind::Awards && p.jurisdiction.id == req.city) {
      docs.push_back(&p);
      province = p.jurisdiction.parent;
    }
  }
  for (const auto& p : policies.policies) {
    if (p.kind == PolicyKind::Awards && !province.empty() && p.jurisdiction.id == province) docs.push_back(&p);
  }
  out["city_name"] = docs.empty() ? json(nullptr) : json(docs.front()->jurisdiction.name);

  // Titles the enterprise may now apply for, for potential awards. Only a tier that is surely
  // met opens one: "undetermined" and "contested" (the sources allow readings under which the
  // tier is met and others under which it is not) never show money, and neither does
  // "not_eligible" or any verdict this code does not know.
  // Rungs not yet met (undetermined, contested, not eligible) get the same lines apart, as
  // `next_rungs`: what reaching them would pay, never counted as money the enterprise may expect.
  std::vector<std::pair<const RungBrief*, Event>> potential_events;
  for (const auto& t : rungs) {
    const std::optional<Criterion>& grants = t.tier->grants;
    if (!grants || grants->kind != Criterion::Kind::Holds) continue;
    // A first recognition, unless the rung is judged as a renewal (复核) or the enterprise held
    // the title before (at that level): then it is a 复核 or 到期重新认定, which the texts pay
    // apart from, or not like, a new recognition.
    const std::string& title = grants->holds;
    const std::string level = grants->levels.size() == 1 ? grants->levels.front() : "";
    bool again = t.renewal;
    if (profile.holds) {
      again = again || std::any_of(profile.holds->begin(), profile.holds->end(), [&](const Holding& h) {
                // A level left blank may be this one: no new-recognition money is claimed.
                return h.title == title && (level.empty() || !h.level || *h.level == level);
              });
    }
    Event e{"recognition", {EventValue{"title", std::nullopt, std::nullopt, title},
                            EventValue{"renewal", std::nullopt, again, ""}}};
    if (!level.empty()) e.values.push_back(EventValue{"level", std::nullopt, std::nullopt, level});
    potential_events.emplace_back(&t, e);
  }

  json documents = json::array();
  std::vector<AwardLine> potential, next_rungs;
  for (const Policy* p : docs) {
    std::set<std::string> cond_not_met;
    std::vector<AwardLine> lines, benefits;
    json notes = json::array();
    std::optional<bool> valid = in_force(*p, ctx.as_of);
    Reckoner rk{*p, profile, ctx, ctx.choice ? *ctx.choice : std::map<std::string, std::string>{}};
    for (const auto& m : p->measures) {
      if (m.applicant != req.applicant) continue;
      // A condition on the enterprise itself (e.g. holds a provincial SRDI title).
      Tri cond = Tri::Met;
      json cond_trace;
      if (m.requires_) {
        Outcome o = ctx.check(*m.requires_);
        cond = o.result;
        cond_trace = std::move(o.trace);
      }
      if (cond == Tri::NotMet) {
        cond_not_met.insert(m.id);
        continue;
      }
      struct Hit {
        std::optional<std::size_t> index;
        std::optional<Event> event;
        std::vector<std::string> unsure;
        std::map<std::string, std::string> assumed;
      };
      std::vector<Hit> hits;
      if (m.trigger.event.empty()) {
        hits.push_back(Hit{std::nullopt, std::nullopt, {}, {}});  // a status measure
      } else {
        for (std::size_t i = 0; i < profile.events.size(); ++i) {
          std::map<std::string, std::string> assumed;
          Event e = fill_blanks(m.trigger, profile.events[i], &assumed);
          std::vector<std::string> unsure;
          if (matches(m.trigger, e, &unsure)) hits.push_back(Hit{i, std::move(e), std::move(unsure), std::move(assumed)});
        }
      }
      for (const auto& hit : hits) {
        LineReadings readings;
        Figure fig = reckon(m.amount, hit.event ? &*hit.event : nullptr, rk, readings);
        if (fig.excluded) continue;
        AwardLine l = make_line(m, *p, fig, ctx, hit.index);
        l.readings = std::move(readings);
        l.assumed = hit.assumed;
        if (cond == Tri::Undetermined || !hit.unsure.empty()) {
          // Something that decides whether it is paid is unknown: the line stays, its amount is
          // at most an upper bound, and it says what is unknown.
          l.state = LineState::Undetermined;
          std::vector<std::string> missing = l.missing.value_or(std::vector<std::string>{});
          std::string why;
          for (const auto& u : hit.unsure) {
            missing.push_back("events/" + std::to_string(*hit.index) + "/" + u);
            why += (why.empty() ? "" : "；") + ("事项未填写“" + param_label(m.trigger.event, u) + "”");
          }
          if (cond == Tri::Undetermined) {
            l.condition = cond_trace;
            for (auto& f : trace_missing(cond_trace)) missing.push_back(std::move(f));
            why += (why.empty() ? "" : "；") + std::string("本项条件待定");
          }
          l.missing = std::move(missing);
          l.undetermined_by = why;
          not_certain(l, why + "，不计为确定金额");
        }
        const bool top_up = !m.adds_to.empty() && l.state != LineState::Undetermined;
        if (top_up) {
          // A top-up: the award it is paid on top of is another level's, listed here without a figure.
          notes.push_back(json{{"measure", m.id}, {"text", "在" + m.adds_to + "基础上另行给予；" + m.adds_to + "不在本文件中，金额未计入。"}});
        }
        AwardLine base;
        if (top_up) {
          base = l;
          base.measure_id = m.id + ".base_award";
          base.title = m.adds_to + "（本项的基础奖励，见上级文件）";
          base.amount_kind = AmountKind::Unquantified;
          base.kind = LineKind::Unquantified;
          base.amount = Amounts{};
          base.basis = m.adds_to + "的金额不在本文件中";
          base.funded_by.clear();
          base.group.clear();
          base.cap_scope.clear();
          base.missing.reset();
          l.adds_to = m.adds_to;
        }
        (l.kind == LineKind::Benefit ? benefits : lines).push_back(std::move(l));
        if (top_up) lines.push_back(std::move(base));
      }
      // Potential: what a recognition the enterprise may now apply for would pay here. Not for a
      // measure that one of the enterprise's own events already lists above (say, a recognition
      // ticked this year before the title is entered as held): it would be the same award twice.
      auto of_measure = [&](const AwardLine& l) { return l.measure_id == m.id; };
      const bool listed = std::any_of(lines.begin(), lines.end(), of_measure) ||
                          std::any_of(benefits.begin(), benefits.end(), of_measure);
      // A document not in force on the evaluation date offers nothing to apply for.
      const bool out_of_force = valid.has_value() && !*valid;
      for (const auto& [tier, e0] : potential_events) {
        if (m.trigger.where.empty() || listed || out_of_force) continue;
        std::map<std::string, std::string> assumed;
        Event e = fill_blanks(m.trigger, e0, &assumed);
        std::set<std::string> unknown;  // what a potential recognition cannot know is not held against it
        for (const auto& [param, accepted] : m.trigger.where) {
          if (param_text(e, param).empty()) unknown.insert(param);
        }
        if (!matches(m.trigger, e, nullptr, &unknown)) continue;
        LineReadings readings;
        Figure fig = reckon(m.amount, &e, rk, readings);
        AwardLine l = make_line(m, *p, fig, ctx, std::nullopt);
        l.readings = std::move(readings);
        l.assumed = std::move(assumed);
        if (cond == Tri::Undetermined) {
          l.state = LineState::Undetermined;
          l.missing = trace_missing(cond_trace);
        }
        l.tier = tier->tier->id;
        l.tier_title = tier->tier->title;
        if (tier->verdict == Verdict::Eligible) {
          potential.push_back(std::move(l));
        } else {
          l.tier_verdict = verdict_name(tier->verdict);
          next_rungs.push_back(std::move(l));
        }
      }
    }
    resolve_stacking(lines, *p, ctx);
    // A cap on the measure as a whole binds its lines together.
    for (const auto& m : p->measures) share_cap(lines, m, rk);
    const Totals totals = totals_of(lines, benefits.size());
    json rules = json::array();
    for (const auto& r : p->rules) {
      json rj{{"id", r.id}, {"title", r.title}, {"citation", cite(ctx.cites, r.citation)}};
      if (!r.interpretation.empty()) rj["interpretation"] = r.interpretation;
      rules.push_back(rj);
    }
    json marks = json::array();
    for (const auto& b : p->benchmarks) {
      json bj{{"id", b.id}, {"title", b.title}, {"target", b.target}, {"citation", cite(ctx.cites, b.citation)}};
      if (!b.interpretation.empty()) bj["interpretation"] = b.interpretation;
      if (b.criterion) {
        Outcome o = ctx.check(*b.criterion);
        bj["result"] = tri_name(o.result);
        bj["check"] = o.trace;
      } else {
        bj["result"] = nullptr;
      }
      marks.push_back(bj);
    }
    json doc{{"policy", p->id},
             {"title", p->title},
             {"doc_no", p->doc_no},
             {"jurisdiction", p->jurisdiction.name},
             {"source_kind", p->source_kind},
             {"status", p->status},
             {"valid_from", p->start_unknown ? json(nullptr) : json(p->valid_from.iso())},
             {"valid_to", p->valid_to ? json(p->valid_to->iso()) : json(nullptr)},
             {"in_force", valid ? json(*valid) : json(nullptr)},
             {"lines", lines_json(lines)},
             {"benefits", lines_json(benefits)},
             {"notes", notes},
             {"rules", rules},
             {"benchmarks", marks},
             {"totals", totals_json(totals)}};
    doc["measures"] = measure_list(*p, req, ctx, lines, benefits, potential, next_rungs, cond_not_met);
    if (!p->provenance.empty()) doc["provenance"] = p->provenance;
    if (valid.has_value() && !*valid) {
      // Not in force: nothing is payable. What it would pay stays apart, labelled.
      std::string note = p->valid_to && ctx.as_of > *p->valid_to
                             ? "本文件已于 " + p->valid_to->iso() + " 失效：以下金额不可领取，仅供参考。"
                             : "本文件自 " + p->valid_from.iso() + " 起施行：评估日期尚未生效，以下金额不可领取。";
      doc["validity_note"] = note;
      doc["totals"] = zero_totals();
      json if_in_force = totals_json(totals);
      if_in_force["label"] = note;
      doc["totals_if_in_force"] = std::move(if_in_force);
    } else if (!valid.has_value()) {
      doc["validity_note"] = p->valid_to ? "本文件未载施行日期（至 " + p->valid_to->iso() + "）：评估日期是否在有效期内无法确定，金额均不计为确定金额。"
                                         : "本文件未载施行日期：评估日期是否在有效期内无法确定，金额均不计为确定金额。";
    }
    if (p->status == "draft") doc["draft_note"] = "征求意见稿：金额以正式发布的文件为准。";
    documents.push_back(doc);
  }
  out["documents"] = documents;
  out["potential"] = lines_json(potential);
  out["next_rungs"] = lines_json(next_rungs);
  if (docs.empty()) {
    out["note"] = req.city.empty() ? "未填写所在城市：不计算地方奖励。" : "本计算器暂无该城市的奖励政策。";
  }
  return out;
}

}  // namespace srdi
