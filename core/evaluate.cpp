#include "core/evaluate.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace srdi {

const char* tri_name(Tri t) {
  switch (t) {
    case Tri::Met:
      return "met";
    case Tri::NotMet:
      return "not_met";
    case Tri::Undetermined:
      return "undetermined";
  }
  return "?";
}

json citation_json(const Citation& c) {
  return json{{"doc", c.doc}, {"clause", c.clause}, {"excerpt", c.excerpt}, {"excerpt_kind", c.excerpt_kind}};
}

void merge_missing(json& into, const json& fields) {
  std::set<std::string> all;
  if (into.is_array()) {
    for (const auto& f : into) all.insert(f.get<std::string>());
  }
  for (const auto& f : fields) all.insert(f.get<std::string>());
  into = json::array();
  for (const auto& f : all) into.push_back(f);
}

namespace {

json base_trace(const Criterion& c, const char* kind) {
  json t{{"id", c.id}, {"title", c.title}, {"kind", kind}, {"citation", citation_json(c.citation)}};
  if (!c.interpretation.empty()) t["interpretation"] = c.interpretation;
  return t;
}

void finish(Outcome& o, Tri r) {
  o.result = r;
  o.trace["result"] = tri_name(r);
  if (r != Tri::Undetermined) o.trace.erase("missing");
  else if (!o.trace.contains("missing")) o.trace["missing"] = json::array();
}

std::string fact_display(const std::string& field, const Fact& f) {
  switch (f.kind) {
    case Fact::Kind::Number: {
      const FieldSpec* spec = find_field(field);
      bool money = spec && (spec->kind == FieldKind::Money || spec->kind == FieldKind::SignedMoney);
      return money ? format_yuan(f.number) : format_decimal(f.number, 4);
    }
    case Fact::Kind::Bool:
      return f.flag ? "true" : "false";
    case Fact::Kind::Text:
      return f.text;
    case Fact::Kind::None:
      return "none";
  }
  return "";
}


// A score interval against a bar: decided only when every score in [min, max] gives one answer.
Tri compare_interval(const Interval& iv, Op op, const Rational& t) {
  auto at = [&](int x) {
    return *compare_range(Rational(x), Rational(x), op, t);
  };
  if (op == Op::Eq) {
    if (iv.min == iv.max) return at(iv.min) ? Tri::Met : Tri::NotMet;
    return (t < Rational(iv.min) || t > Rational(iv.max)) ? Tri::NotMet : Tri::Undetermined;
  }
  bool lo = at(iv.min), hi = at(iv.max);  // the other ops are monotone in the score
  return (lo && hi) ? Tri::Met : (!lo && !hi ? Tri::NotMet : Tri::Undetermined);
}

}  // namespace

FactLookup Evaluator::lookup() const {
  return [this](std::string_view name) { return profile_.fact(name); };
}

Outcome Evaluator::criterion(const Criterion& c, const std::map<std::string, ScoreResult>& scores) {
  switch (c.kind) {
    case Criterion::Kind::Compare:
      return compare(c);
    case Criterion::Kind::Fact:
      return fact(c);
    case Criterion::Kind::Score:
      return score_node(c, scores);
    case Criterion::Kind::Size:
      return size_node(c);
    case Criterion::Kind::Holds:
      return holds_node(c);
    case Criterion::Kind::Reading:
      return reading_node(c, scores);
    case Criterion::Kind::Tier:
      return tier_node(c);
    case Criterion::Kind::Ref: {
      // The definition is evaluated in place; its own id, title and citation are shown.
      const Criterion* def = ctx_.policies ? ctx_.policies->definition(c.ref) : nullptr;
      if (!def) throw std::logic_error("unresolved ref " + c.ref);
      return criterion(*def, scores);
    }
    case Criterion::Kind::Not: {
      // A gap under `not` would point the wrong way (it would move towards failing the negation).
      bool saved = with_gaps_;
      with_gaps_ = false;
      Outcome inner = criterion(c.children.front(), scores);
      with_gaps_ = saved;
      Outcome o{Tri::Undetermined, base_trace(c, "not")};
      Tri r = inner.result == Tri::Met ? Tri::NotMet : (inner.result == Tri::NotMet ? Tri::Met : Tri::Undetermined);
      if (r == Tri::Undetermined) o.trace["missing"] = inner.trace["missing"];
      o.trace["children"] = json::array();
      o.trace["children"].push_back(std::move(inner.trace));
      finish(o, r);
      return o;
    }
    case Criterion::Kind::All:
    case Criterion::Kind::Any: {
      bool any = c.kind == Criterion::Kind::Any;
      Outcome o{Tri::Undetermined, base_trace(c, any ? "any" : "all")};
      if (c.routes) o.trace["routes"] = true;
      json children = json::array();
      json missing = json::array();
      int met = 0, not_met = 0;
      std::string first_met;
      json failed = json::array();
      for (const auto& child : c.children) {
        Outcome co = criterion(child, scores);
        // The trace's id, not the child's: a ref child is shown under its definition's id.
        std::string child_id = co.trace["id"];
        if (co.result == Tri::Met) {
          ++met;
          if (first_met.empty()) first_met = child_id;
        } else if (co.result == Tri::NotMet) {
          ++not_met;
          failed.push_back(child_id);
        } else {
          merge_missing(missing, co.trace["missing"]);
        }
        children.push_back(std::move(co.trace));
      }
      o.trace["children"] = std::move(children);
      int n = static_cast<int>(c.children.size());
      Tri r;
      if (any) {
        r = met > 0 ? Tri::Met : (not_met == n ? Tri::NotMet : Tri::Undetermined);
        if (r == Tri::Met) o.trace["decided_by"] = first_met;
      } else {
        r = not_met > 0 ? Tri::NotMet : (met == n ? Tri::Met : Tri::Undetermined);
        if (r == Tri::NotMet) o.trace["failed"] = failed;
      }
      o.trace["missing"] = missing;
      finish(o, r);
      return o;
    }
  }
  return {};
}

std::string chosen_option(const EvalContext& ctx, const std::string& reading) {
  if (ctx.choice) {
    auto it = ctx.choice->find(reading);
    if (it != ctx.choice->end()) return it->second;
  }
  const Reading* r = ctx.policies ? ctx.policies->reading(reading) : nullptr;
  if (!r) throw std::logic_error("undeclared reading " + reading);
  return r->default_option;
}

Outcome Evaluator::reading_node(const Criterion& c, const std::map<std::string, ScoreResult>& scores) {
  std::string option = chosen_option(ctx_, c.reading);
  auto at = std::find(c.options.begin(), c.options.end(), option);
  if (at == c.options.end()) throw std::logic_error("reading " + c.reading + " has no option " + option);
  std::size_t chosen = static_cast<std::size_t>(at - c.options.begin());
  Outcome inner = criterion(c.children[chosen], scores);
  bool contested = c.reading != kPurposeReading;
  if (contested && ctx_.encountered) ctx_.encountered->insert(c.reading);
  if (contested && ctx_.sensitive && !ctx_.sensitive->count(c.reading)) {
    // Only the result matters here: the other options are evaluated without their traces' gaps.
    bool saved = with_gaps_;
    with_gaps_ = false;
    for (std::size_t i = 0; i < c.children.size(); ++i) {
      if (i != chosen && criterion(c.children[i], scores).result != inner.result) ctx_.sensitive->insert(c.reading);
    }
    with_gaps_ = saved;
  }
  Outcome o{Tri::Undetermined, base_trace(c, "reading")};
  o.trace["reading"] = c.reading;
  o.trace["option"] = option;
  if (inner.result == Tri::Undetermined) o.trace["missing"] = inner.trace["missing"];
  o.trace["children"] = json::array();
  o.trace["children"].push_back(std::move(inner.trace));
  finish(o, inner.result);
  return o;
}

TierOutcome Evaluator::tier(const Tier& t) {
  TierOutcome out;
  for (const auto& table : t.scores) out.scores[table.id] = score(table);
  out.outcome = criterion(t.criterion, out.scores);
  return out;
}

Outcome Evaluator::tier_node(const Criterion& c) {
  const Tier* t = ctx_.policies ? ctx_.policies->tier(c.tier).second : nullptr;
  if (!t) throw std::logic_error("unresolved tier " + c.tier);
  // The other tier's own test, with its own gaps off: its explanation is shown under its own rung.
  bool saved = with_gaps_;
  with_gaps_ = false;
  TierOutcome inner = tier(*t);
  with_gaps_ = saved;
  Outcome o{Tri::Undetermined, base_trace(c, "tier")};
  o.trace["tier"] = c.tier;
  o.trace["tier_title"] = t->title;
  if (inner.outcome.result == Tri::Undetermined) o.trace["missing"] = inner.outcome.trace["missing"];
  finish(o, inner.outcome.result);
  return o;
}

Outcome Evaluator::compare(const Criterion& c) {
  Outcome o{Tri::Undetermined, base_trace(c, "compare")};
  const MetricDef& def = *find_metric(c.metric);
  MetricValue v = compute_metric(def, lookup());
  json inputs = json::array();
  for (const auto& in : v.inputs) {
    const FieldSpec* spec = find_field(in.field);
    json item{{"field", in.field}, {"label", spec ? spec->label : in.field}};
    item["value"] = in.fact ? json(fact_display(in.field, *in.fact)) : json(nullptr);
    inputs.push_back(item);
  }
  o.trace["metric"] = def.name;
  o.trace["metric_label"] = def.label;
  static const char* kUnits[] = {"yuan", "count", "ratio", "score"};
  o.trace["unit"] = kUnits[static_cast<int>(def.unit)];
  o.trace["op"] = op_symbol(c.op);
  o.trace["threshold"] = format_threshold(def.unit, c.threshold);
  o.trace["inputs"] = std::move(inputs);
  if (v.state != MetricValue::State::Unknown) o.trace["value"] = format_metric_value(def, v);
  auto r = compare_metric(v, c.op, c.threshold);
  if (!r) {
    o.trace["missing"] = v.missing;
    finish(o, Tri::Undetermined);
    return o;
  }
  if (v.state == MetricValue::State::Unknown) {  // decided by the range the unknown inputs allow
    o.trace["value_range"] = json{{"min", format_threshold(def.unit, *v.lower)}, {"max", format_threshold(def.unit, *v.upper)}};
  }
  if (!*r && with_gaps_ && c.gap) {
    if (auto gap = metric_gap(def, lookup(), c.op, c.threshold)) {
      const FieldSpec* spec = find_field(gap->field);
      bool money = spec->kind == FieldKind::Money || spec->kind == FieldKind::SignedMoney;
      auto show = [&](const Rational& x) { return money ? format_yuan(x) : format_decimal(x, 6); };
      o.trace["gap"] = json{{"field", gap->field}, {"label", gap->label}, {"from", show(gap->from)},
                            {"to", show(gap->to)},  {"change", show(gap->change)}, {"unit", gap->unit},
                            {"text", gap->text}};
    }
  }
  finish(o, *r ? Tri::Met : Tri::NotMet);
  return o;
}

Outcome Evaluator::fact(const Criterion& c) {
  Outcome o{Tri::Undetermined, base_trace(c, "fact")};
  const FieldSpec* spec = find_field(c.fact);
  o.trace["fact"] = c.fact;
  o.trace["label"] = spec ? spec->label : c.fact;
  o.trace["expected"] = c.expected;
  const Fact* f = profile_.fact(c.fact);
  if (!f) {
    o.trace["value"] = nullptr;
    o.trace["missing"] = json::array({c.fact});
    finish(o, Tri::Undetermined);
    return o;
  }
  std::string value = fact_display(c.fact, *f);
  o.trace["value"] = value;
  bool ok = std::find(c.expected.begin(), c.expected.end(), value) != c.expected.end();
  finish(o, ok ? Tri::Met : Tri::NotMet);
  return o;
}

Outcome Evaluator::score_node(const Criterion& c, const std::map<std::string, ScoreResult>& scores) {
  Outcome o{Tri::Undetermined, base_trace(c, "score")};
  const ScoreResult& s = scores.at(c.score);
  Interval iv = c.category.empty() ? s.total : s.categories.at(c.category);
  o.trace["score"] = c.score;
  if (!c.category.empty()) o.trace["category"] = c.category;
  o.trace["op"] = op_symbol(c.op);
  o.trace["threshold"] = format_decimal(c.threshold, 2);
  o.trace["value"] = json{{"min", iv.min}, {"max", iv.max}};
  Tri r = compare_interval(iv, c.op, c.threshold);
  if (r == Tri::Undetermined) {
    o.trace["missing"] = c.category.empty() ? json(s.missing) : json(s.category_missing.at(c.category));
  }
  if (r == Tri::NotMet && with_gaps_ && (c.op == Op::Ge || c.op == Op::Gt)) {
    Rational need = c.threshold - Rational(iv.max);
    if (c.op == Op::Gt) need = floor_to(c.threshold, Rational(1)) + Rational(1) - Rational(iv.max);
    o.trace["gap"] = json{{"unit", "points"}, {"change", format_decimal(ceil_to(need, Rational(1)), 0)},
                          {"text", "得分还差 " + format_decimal(ceil_to(need, Rational(1)), 0) + " 分"}};
  }
  finish(o, r);
  return o;
}

Outcome Evaluator::size_node(const Criterion& c) {
  Outcome o{Tri::Undetermined, base_trace(c, "size")};
  o.trace["expected"] = c.expected;
  if (!ctx_.size) throw std::logic_error("size criterion evaluated without a size result");
  const json& size = *ctx_.size;
  o.trace["value"] = size["class"];
  int in = 0, out = 0;
  for (const auto& p : size["possible"]) {
    bool ok = std::find(c.expected.begin(), c.expected.end(), p.get<std::string>()) != c.expected.end();
    (ok ? in : out) += 1;
  }
  if (in > 0 && out > 0) o.trace["missing"] = size["missing"];
  finish(o, out == 0 ? Tri::Met : (in == 0 ? Tri::NotMet : Tri::Undetermined));
  return o;
}

namespace {
Date plus_years(const Date& d, int years) {
  Date r{d.year + years, d.month, d.day};
  if (r.day > days_in_month(r.year, r.month)) r.day = days_in_month(r.year, r.month);
  return r;
}
}  // namespace

Outcome Evaluator::holds_node(const Criterion& c) {
  Outcome o{Tri::Undetermined, base_trace(c, "holds")};
  o.trace["holds"] = c.holds;
  if (!c.levels.empty()) o.trace["levels"] = c.levels;
  o.trace["valid_years"] = c.valid_years;
  if (!profile_.holds) {
    o.trace["value"] = nullptr;
    o.trace["missing"] = json::array({"holds"});
    finish(o, Tri::Undetermined);
    return o;
  }
  // Met if one entry is surely valid on the evaluation date; undetermined if one might be.
  bool sure = false, maybe = false;
  json entries = json::array();
  for (const auto& h : *profile_.holds) {
    if (h.title != c.holds) continue;
    json e{{"level", h.level ? json(*h.level) : json(nullptr)}, {"since", h.since ? json(h.since->iso()) : json(nullptr)}};
    bool level_known = !c.levels.empty() && h.level.has_value();
    bool level_ok = c.levels.empty() || (level_known && std::find(c.levels.begin(), c.levels.end(), *h.level) != c.levels.end());
    bool level_open = !c.levels.empty() && !h.level;
    std::optional<bool> in_force;
    if (h.since && c.valid_years > 0) {
      Date until = plus_years(*h.since, c.valid_years);
      e["valid_until"] = until.iso();
      // 民法典 第二百零一、二百零二条: the day of recognition is not counted and the period ends on
      // the corresponding day, so a title of 2022-06-30 valid 3 years is still in force on 2025-06-30.
      in_force = *h.since <= ctx_.as_of && ctx_.as_of <= until;
    } else if (c.valid_years == 0) {
      in_force = !h.since || *h.since <= ctx_.as_of;  // no validity stated: a title listed as held counts
    }
    e["in_force"] = in_force ? json(*in_force) : json(nullptr);
    entries.push_back(e);
    if ((level_ok || level_open) && in_force.value_or(true)) {
      if (level_ok && in_force) sure = true;
      else maybe = true;
    }
  }
  o.trace["value"] = entries;
  if (!sure && maybe) o.trace["missing"] = json::array({"holds"});
  finish(o, sure ? Tri::Met : (maybe ? Tri::Undetermined : Tri::NotMet));
  return o;
}

ScoreResult Evaluator::score(const ScoreTable& table) {
  ScoreResult res;
  json indicators = json::array();
  std::set<std::string> missing_all;
  std::map<std::string, std::set<std::string>> missing_by_cat;
  for (const auto& cat : table.categories) res.categories[cat.id] = Interval{};
  for (const auto& ind : table.indicators) {
    static const char* kModes[] = {"first_match", "sum", "value"};
    json it{{"id", ind.id},   {"title", ind.title}, {"category", ind.category}, {"mode", kModes[static_cast<int>(ind.mode)]},
            {"max", ind.max}, {"citation", citation_json(ind.citation)}};
    if (!ind.interpretation.empty()) it["interpretation"] = ind.interpretation;
    Interval pts;
    json missing = json::array();
    if (ind.mode == Indicator::Mode::Value) {
      const MetricDef& def = *find_metric(ind.metric);
      MetricValue v = compute_metric(def, lookup());
      it["metric"] = ind.metric;
      if (v.state == MetricValue::State::Known) {
        Rational clamped = std::min(std::max(v.value, Rational(0)), Rational(ind.max));
        int p = static_cast<int>(floor_div(clamped.num(), clamped.den()));
        pts = Interval{p, p};
        it["value"] = format_metric_value(def, v);
      } else if (v.state == MetricValue::State::Unknown) {
        pts = Interval{0, ind.max};
        merge_missing(missing, v.missing);
      } else {
        pts = Interval{0, 0};  // known, but not a number of points (none / not computable)
        it["value"] = format_metric_value(def, v);
      }
    } else {
      json bands = json::array();
      bool decided = false;
      int sure = 0, possible = 0;
      std::vector<int> candidates;
      for (const auto& band : ind.bands) {
        json b{{"points", band.points}};
        if (!band.label.empty()) b["label"] = band.label;
        Tri r = Tri::Met;
        if (band.when) {
          Outcome o = criterion(*band.when);
          r = o.result;
          if (r == Tri::Undetermined) merge_missing(missing, o.trace["missing"]);
          b["criterion"] = std::move(o.trace);
        }
        b["result"] = tri_name(r);
        bands.push_back(std::move(b));
        if (ind.mode == Indicator::Mode::Sum) {
          if (r == Tri::Met) sure += band.points;
          if (r != Tri::NotMet) possible += band.points;
          continue;
        }
        if (decided) continue;
        if (r != Tri::NotMet) candidates.push_back(band.points);
        if (r == Tri::Met) {
          decided = true;
          if (candidates.size() == 1) it["band"] = static_cast<int>(bands.size()) - 1;
        }
      }
      if (ind.mode == Indicator::Mode::Sum) {
        pts = Interval{std::min(sure, ind.max), std::min(possible, ind.max)};
      } else {
        if (!decided) candidates.push_back(0);  // no band met: nothing scored
        pts = Interval{*std::min_element(candidates.begin(), candidates.end()),
                       *std::max_element(candidates.begin(), candidates.end())};
      }
      it["bands"] = std::move(bands);
    }
    it["points"] = json{{"min", pts.min}, {"max", pts.max}};
    if (pts.min != pts.max) {
      it["missing"] = missing;
      for (const auto& m : missing) {
        missing_all.insert(m.get<std::string>());
        missing_by_cat[ind.category].insert(m.get<std::string>());
      }
    }
    res.total.min += pts.min;
    res.total.max += pts.max;
    res.categories[ind.category].min += pts.min;
    res.categories[ind.category].max += pts.max;
    indicators.push_back(std::move(it));
  }
  res.missing.assign(missing_all.begin(), missing_all.end());
  json cats = json::array();
  for (const auto& cat : table.categories) {
    const Interval& iv = res.categories[cat.id];
    const auto& m = missing_by_cat[cat.id];
    res.category_missing[cat.id].assign(m.begin(), m.end());
    cats.push_back(json{{"id", cat.id}, {"title", cat.title}, {"max", cat.max}, {"min_points", iv.min}, {"max_points", iv.max}});
  }
  // Assigned key by key: a braced json list would copy the (large) indicator traces.
  res.trace = json::object();
  res.trace["id"] = table.id;
  res.trace["title"] = table.title;
  res.trace["citation"] = citation_json(table.citation);
  res.trace["min"] = res.total.min;
  res.trace["max"] = res.total.max;
  res.trace["categories"] = std::move(cats);
  res.trace["indicators"] = std::move(indicators);
  res.trace["missing"] = res.missing;
  return res;
}

}  // namespace srdi
