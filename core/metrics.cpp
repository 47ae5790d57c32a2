#include "core/metrics.hpp"

namespace srdi {

namespace {

Unit unit_of_field(const FieldSpec& f) {
  switch (f.kind) {
    case FieldKind::Money:
    case FieldKind::SignedMoney:
      return Unit::Yuan;
    case FieldKind::Percent:
      return Unit::Ratio;
    case FieldKind::Score:
      return Unit::Score;
    default:
      return Unit::Count;
  }
}

std::vector<MetricDef> make_catalogue() {
  std::vector<MetricDef> c;
  for (const auto& f : profile_fields()) {
    bool numeric = f.kind != FieldKind::Bool && f.kind != FieldKind::Enum && f.kind != FieldKind::Text;
    if (f.internal) numeric = false;  // reachable only through derived metrics
    if (!numeric) continue;
    std::string formula = f.kind == FieldKind::Percent ? f.name + " ÷ 100" : f.name;
    c.push_back(MetricDef{f.name, f.label, unit_of_field(f), MetricKind::Fact, {f.name}, formula});
  }
  auto add = [&](std::string name, std::string label, Unit unit, MetricKind kind, std::vector<std::string> in,
                 std::string formula) {
    c.push_back(MetricDef{std::move(name), std::move(label), unit, kind, std::move(in), std::move(formula)});
  };
  add("rd_ratio.last", "研发费用占营业收入比重（上年度）", Unit::Ratio, MetricKind::Ratio,
      {"rd_expense.last", "revenue.last"}, "rd_expense.last ÷ revenue.last");
  add("rd_ratio.prev", "研发费用占营业收入比重（上上年度）", Unit::Ratio, MetricKind::Ratio,
      {"rd_expense.prev", "revenue.prev"}, "rd_expense.prev ÷ revenue.prev");
  add("debt_ratio", "资产负债率（上年末）", Unit::Ratio, MetricKind::Ratio, {"total_liabilities", "total_assets"},
      "total_liabilities ÷ total_assets");
  add("main_business_share.last", "主营业务收入占营业收入比重（上年度）", Unit::Ratio, MetricKind::Ratio,
      {"main_business_revenue.last", "revenue.last"}, "main_business_revenue.last ÷ revenue.last");
  add("net_margin.last", "净利润率（上年度）", Unit::Ratio, MetricKind::Ratio, {"net_profit", "revenue.last"},
      "net_profit ÷ revenue.last");
  add("rd_staff_ratio", "研发人员占职工总数比重", Unit::Ratio, MetricKind::Ratio, {"rd_staff", "employees"},
      "rd_staff ÷ employees");
  add("main_business_growth.last", "主营业务收入增长率（上年度）", Unit::Ratio, MetricKind::Growth,
      {"main_business_revenue.last", "main_business_revenue.prev"},
      "(main_business_revenue.last − main_business_revenue.prev) ÷ main_business_revenue.prev");
  add("revenue_growth.last", "营业收入增长率（上年度）", Unit::Ratio, MetricKind::Growth,
      {"revenue.last", "revenue.prev"}, "(revenue.last − revenue.prev) ÷ revenue.prev");
  add("main_business_growth.avg2", "近2年主营业务收入平均增长率", Unit::Ratio, MetricKind::AvgGrowth,
      {"main_business_revenue.last", "main_business_revenue.prev", "main_business_revenue.prev2"},
      "[(prev − prev2) ÷ prev2 + (last − prev) ÷ prev] ÷ 2，主营业务收入");
  add("main_business_cagr.2y", "近两年主营业务收入复合增长率", Unit::Ratio, MetricKind::Cagr,
      {"main_business_revenue.last", "main_business_revenue.prev2"},
      "√(main_business_revenue.last ÷ main_business_revenue.prev2) − 1");
  add("revenue_cagr.2y", "近两年营业收入复合增长率", Unit::Ratio, MetricKind::Cagr, {"revenue.last", "revenue.prev2"},
      "√(revenue.last ÷ revenue.prev2) − 1");
  add("rd_expense.sum2", "近两年研发费用合计", Unit::Yuan, MetricKind::Sum, {"rd_expense.last", "rd_expense.prev"},
      "rd_expense.last + rd_expense.prev");
  add("rd_expense.avg2", "近两年研发费用年均", Unit::Yuan, MetricKind::Avg, {"rd_expense.last", "rd_expense.prev"},
      "(rd_expense.last + rd_expense.prev) ÷ 2");
  add("equity_financing.sum2", "近两年新增股权融资合计", Unit::Yuan, MetricKind::Sum,
      {"equity_financing.last", "equity_financing.prev"}, "equity_financing.last + equity_financing.prev");
  add("equity_financing.sum3", "近三年新增股权融资合计", Unit::Yuan, MetricKind::Sum,
      {"equity_financing.last", "equity_financing.prev", "equity_financing.prev2"},
      "equity_financing.last + equity_financing.prev + equity_financing.prev2");
  add("sci_award.national_years_ago", "国家级科技奖励距评估年度的年数", Unit::Count, MetricKind::Diff,
      {"evaluation_year", "sci_award.national_year"}, "evaluation_year − sci_award.national_year");
  add("sci_award.provincial_years_ago", "省级科技奖励距评估年度的年数", Unit::Count, MetricKind::Diff,
      {"evaluation_year", "sci_award.provincial_year"}, "evaluation_year − sci_award.provincial_year");
  add("sci_award.ministerial_years_ago", "部级科技奖励距评估年度的年数", Unit::Count, MetricKind::Diff,
      {"evaluation_year", "sci_award.ministerial_year"}, "evaluation_year − sci_award.ministerial_year");
  add("maker_china.years_ago", "创客中国全国赛入围距评估年度的年数", Unit::Count, MetricKind::Diff,
      {"evaluation_year", "maker_china_year"}, "evaluation_year − maker_china_year");
  return c;
}

bool is_percent_field(std::string_view field) {
  const FieldSpec* f = find_field(field);
  return f && f->kind == FieldKind::Percent;
}

// The value a fact contributes to a metric: percent fields are stored as "10.5" and used as 0.105.
Rational fact_number(std::string_view field, const Fact& f) {
  return is_percent_field(field) ? f.number / Rational(100) : f.number;
}

std::string unit_word(std::string_view field) {
  if (field == "employees" || field == "rd_staff") return "人";
  if (field.rfind("ip.", 0) == 0) return "项";
  if (field == "niche_years") return "年";
  if (field == "distinctive_score" || field.rfind("platform_score", 0) == 0) return "分";
  if (field == "digital_level") return "级";
  return "";
}

const Rational kMaxMoney(10'000'000'000'000);  // 10万亿元, the profile format's bound

// The range of a metric with unknown inputs, for the kinds that are monotone in each input: a
// field (increasing), a sum and an average (increasing in every input), a difference (increasing
// in the first, decreasing in the second). Each unknown input ranges over unknown_range.
void bound_unknown(const MetricDef& def, const FactLookup& lookup, MetricValue& v) {
  if (def.kind != MetricKind::Fact && def.kind != MetricKind::Sum && def.kind != MetricKind::Avg &&
      def.kind != MetricKind::Diff) {
    return;
  }
  std::optional<int> year;
  if (const Fact* y = lookup("evaluation_year"); y && y->kind == Fact::Kind::Number) {
    year = static_cast<int>(y->number.num());
  }
  std::vector<Rational> lo, hi;
  for (const auto& in : v.inputs) {
    if (in.fact) {
      Rational x = fact_number(in.field, *in.fact);
      lo.push_back(x);
      hi.push_back(x);
      continue;
    }
    const FieldSpec* spec = find_field(in.field);
    auto range = spec ? unknown_range(*spec, year) : std::nullopt;
    if (!range) return;
    lo.push_back(range->first);
    hi.push_back(range->second);
  }
  switch (def.kind) {
    case MetricKind::Fact:
      v.lower = lo[0];
      v.upper = hi[0];
      break;
    case MetricKind::Diff:
      v.lower = lo[0] - hi[1];
      v.upper = hi[0] - lo[1];
      break;
    default: {  // Sum, Avg
      Rational a, b;
      for (std::size_t i = 0; i < lo.size(); ++i) {
        a = a + lo[i];
        b = b + hi[i];
      }
      if (def.kind == MetricKind::Avg) {
        Rational n(static_cast<std::int64_t>(lo.size()));
        a = a / n;
        b = b / n;
      }
      v.lower = a;
      v.upper = b;
      break;
    }
  }
}

}  // namespace

std::optional<std::pair<Rational, Rational>> unknown_range(const FieldSpec& f, std::optional<int> evaluation_year) {
  switch (f.kind) {
    case FieldKind::Money:
      return std::pair{Rational(0), kMaxMoney};
    case FieldKind::SignedMoney:
      return std::pair{Rational(0) - kMaxMoney, kMaxMoney};
    case FieldKind::Count:
      return std::pair{Rational(0), Rational(1'000'000'000)};
    case FieldKind::IntRange:
      if (f.blank_within_years > 0) {
        if (!evaluation_year) return std::nullopt;
        return std::pair{Rational(*evaluation_year - f.blank_within_years), Rational(*evaluation_year)};
      }
      return std::pair{Rational(f.min), Rational(f.max)};
    case FieldKind::Percent:
      return std::pair{Rational(0), Rational(1)};
    case FieldKind::Score:
      return std::pair{Rational(0), Rational(100)};
    default:  // a rank may be "none"; bool, enum and text are not numbers
      return std::nullopt;
  }
}

std::optional<bool> compare_range(const Rational& lo, const Rational& hi, Op op, const Rational& t) {
  if (op == Op::Eq) {
    if (t < lo || hi < t) return false;
    if (lo == hi) return true;  // lo = hi = t
    return std::nullopt;
  }
  // The other operators are monotone in the value: the ends decide.
  auto at = [&](const Rational& x) {
    int c = compare(x, t);
    switch (op) {
      case Op::Ge: return c >= 0;
      case Op::Gt: return c > 0;
      case Op::Le: return c <= 0;
      case Op::Lt: return c < 0;
      case Op::Eq: return c == 0;
    }
    return false;
  };
  bool a = at(lo), b = at(hi);
  if (a == b) return a;
  return std::nullopt;
}

const std::vector<MetricDef>& metric_catalogue() {
  static const std::vector<MetricDef> c = make_catalogue();
  return c;
}

const MetricDef* find_metric(std::string_view name) {
  for (const auto& m : metric_catalogue()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

const char* op_symbol(Op op) {
  switch (op) {
    case Op::Ge:
      return ">=";
    case Op::Gt:
      return ">";
    case Op::Le:
      return "<=";
    case Op::Lt:
      return "<";
    case Op::Eq:
      return "==";
  }
  return "?";
}

std::optional<Op> parse_op(std::string_view s) {
  if (s == ">=") return Op::Ge;
  if (s == ">") return Op::Gt;
  if (s == "<=") return Op::Le;
  if (s == "<") return Op::Lt;
  if (s == "==") return Op::Eq;
  return std::nullopt;
}

MetricValue compute_metric(const MetricDef& def, const FactLookup& lookup) {
  MetricValue v;
  std::vector<Rational> x;
  bool none = false;
  for (const auto& field : def.inputs) {
    const Fact* f = lookup(field);
    v.inputs.push_back(MetricInput{field, f});
    if (!f) {
      v.missing.push_back(field);
    } else if (f->kind == Fact::Kind::None) {
      none = true;
    } else {
      x.push_back(fact_number(field, *f));
    }
  }
  if (!v.missing.empty()) {
    v.state = MetricValue::State::Unknown;
    if (!none) bound_unknown(def, lookup, v);
    return v;
  }
  if (none) {
    v.state = MetricValue::State::None;
    return v;
  }
  auto known = [&](Rational r) {
    v.state = MetricValue::State::Known;
    v.value = r;
    return v;
  };
  // a / b with b >= 0 (inputs of a ratio are never negative except net profit's numerator).
  auto divide = [&](const Rational& a, const Rational& b) -> std::optional<Rational> {
    if (b.sign() != 0) return a / b;
    v.state = a.sign() > 0 ? MetricValue::State::Infinite : MetricValue::State::Undefined;
    return std::nullopt;
  };
  switch (def.kind) {
    case MetricKind::Fact:
      return known(x[0]);
    case MetricKind::Ratio: {
      auto r = divide(x[0], x[1]);
      return r ? known(*r) : v;
    }
    case MetricKind::Growth: {
      auto r = divide(x[0] - x[1], x[1]);
      return r ? known(*r) : v;
    }
    case MetricKind::AvgGrowth: {
      auto g1 = divide(x[1] - x[2], x[2]);
      if (!g1) return v;
      auto g2 = divide(x[0] - x[1], x[1]);
      if (!g2) return v;
      return known((*g1 + *g2) / Rational(2));
    }
    case MetricKind::Cagr: {
      auto r = divide(x[0], x[1]);
      if (!r) return v;
      v.squared = true;
      return known(*r);
    }
    case MetricKind::Diff:
      return known(x[0] - x[1]);
    case MetricKind::Sum:
    case MetricKind::Avg: {
      Rational s;
      for (const auto& r : x) s = s + r;
      return known(def.kind == MetricKind::Avg ? s / Rational(static_cast<std::int64_t>(x.size())) : s);
    }
  }
  return v;
}

std::optional<bool> compare_metric(const MetricValue& v, Op op, const Rational& t) {
  using S = MetricValue::State;
  switch (v.state) {
    case S::Unknown:
      if (v.lower && v.upper) return compare_range(*v.lower, *v.upper, op, t);
      return std::nullopt;
    case S::Undefined:
    case S::None:
      return false;
    case S::Infinite:
      return op == Op::Ge || op == Op::Gt;
    case S::Known:
      break;
  }
  int c;
  if (v.squared) {
    // sqrt(q) - 1 vs t  <=>  sqrt(q) vs 1 + t  <=>  q vs (1 + t)^2 when 1 + t >= 0.
    Rational rhs = Rational(1) + t;
    c = rhs.sign() < 0 ? 1 : compare(v.value, rhs * rhs);
  } else {
    c = compare(v.value, t);
  }
  switch (op) {
    case Op::Ge:
      return c >= 0;
    case Op::Gt:
      return c > 0;
    case Op::Le:
      return c <= 0;
    case Op::Lt:
      return c < 0;
    case Op::Eq:
      return c == 0;
  }
  return false;
}

std::string format_threshold(Unit unit, const Rational& t) {
  switch (unit) {
    case Unit::Yuan:
      return format_yuan(t);
    case Unit::Ratio:
      return format_percent(t);
    default:
      return format_decimal(t, 2);
  }
}

std::string format_metric_value(const MetricDef& def, const MetricValue& v) {
  using S = MetricValue::State;
  switch (v.state) {
    case S::Unknown:
      return "";
    case S::Undefined:
      return "无法计算（分母为0）";
    case S::Infinite:
      return "无穷大（分母为0）";
    case S::None:
      return "无";
    case S::Known:
      break;
  }
  if (v.squared) return "≈" + format_percent(approx_sqrt(v.value, 6) - Rational(1));
  return format_threshold(def.unit, v.value);
}

std::optional<Gap> metric_gap(const MetricDef& def, const FactLookup& lookup, Op op, const Rational& t) {
  MetricValue v = compute_metric(def, lookup);
  if (v.state != MetricValue::State::Known && v.state != MetricValue::State::Undefined) return std::nullopt;
  if (op == Op::Eq) return std::nullopt;
  const std::string& lever = def.inputs[0];
  std::vector<Rational> x;
  for (const auto& field : def.inputs) {
    const Fact* f = lookup(field);
    if (!f || f->kind != Fact::Kind::Number) return std::nullopt;
    x.push_back(fact_number(field, *f));
  }
  // L: the exact lever value at which the metric equals t. Every metric here increases with its
  // lever when its other inputs are positive, so the rounding below is the same for all.
  std::optional<Rational> target;
  switch (def.kind) {
    case MetricKind::Fact:
      target = t;
      break;
    case MetricKind::Ratio:
      if (x[1].sign() > 0) target = t * x[1];
      break;
    case MetricKind::Growth:
      if (x[1].sign() > 0) target = (Rational(1) + t) * x[1];
      break;
    case MetricKind::AvgGrowth:
      if (x[1].sign() > 0 && x[2].sign() > 0) {
        target = x[1] * (Rational(2) * t - (x[1] - x[2]) / x[2] + Rational(1));
      }
      break;
    case MetricKind::Cagr:
      if (x[1].sign() > 0 && (Rational(1) + t).sign() >= 0) target = x[1] * (Rational(1) + t) * (Rational(1) + t);
      break;
    case MetricKind::Diff:
      target = t + x[1];
      break;
    case MetricKind::Sum:
    case MetricKind::Avg: {
      Rational others;
      for (std::size_t i = 1; i < x.size(); ++i) others = others + x[i];
      Rational n = def.kind == MetricKind::Avg ? Rational(static_cast<std::int64_t>(x.size())) : Rational(1);
      target = n * t - others;
      break;
    }
  }
  if (!target) return std::nullopt;
  const FieldSpec* spec = find_field(lever);
  if (spec->internal) return std::nullopt;  // the evaluation date is not the user's to change
  bool percent = spec->kind == FieldKind::Percent;
  Rational step = spec->kind == FieldKind::Money || spec->kind == FieldKind::SignedMoney || spec->kind == FieldKind::Score
                      ? Rational::of(1, 100)
                      : (percent ? Rational::of(1, 1000000) : Rational(1));
  Rational to;
  switch (op) {
    case Op::Ge:
      to = ceil_to(*target, step);
      break;
    case Op::Gt:
      to = floor_to(*target, step) + step;
      break;
    case Op::Le:
      to = floor_to(*target, step);
      break;
    case Op::Lt:
      to = ceil_to(*target, step) - step;
      break;
    case Op::Eq:
      return std::nullopt;
  }
  if (percent) to = to * Rational(100);  // back to the profile's own unit: percent points
  // The change must stay inside what the field can hold (a level 1-4, a share up to 100%, ...).
  Rational lo = spec->kind == FieldKind::SignedMoney ? Rational(0) - Rational(10'000'000'000'000) : Rational(0);
  std::optional<Rational> hi;
  if (spec->kind == FieldKind::Rank) lo = Rational(1);
  if (spec->kind == FieldKind::IntRange) {
    lo = Rational(spec->min);
    hi = Rational(spec->max);
  }
  if (spec->kind == FieldKind::Percent || spec->kind == FieldKind::Score) hi = Rational(100);
  if (to < lo || (hi && to > *hi)) return std::nullopt;
  // Check the answer by evaluating with the lever moved; never report a change that fails.
  Fact moved = *lookup(lever);
  moved.number = to;
  FactLookup changed = [&](std::string_view name) -> const Fact* { return name == lever ? &moved : lookup(name); };
  auto ok = compare_metric(compute_metric(def, changed), op, t);
  if (!ok || !*ok) return std::nullopt;

  Gap g;
  g.field = lever;
  g.label = spec->label;
  g.from = lookup(lever)->number;
  g.to = to;
  g.change = to - g.from;
  bool up = g.change.sign() > 0;
  std::string verb = up ? "增加 " : "减少 ";
  Rational mag = up ? g.change : Rational(0) - g.change;
  switch (unit_of_field(*spec)) {
    case Unit::Yuan:
      g.unit = "yuan";
      g.text = g.label + verb + format_wan(mag) + "元";
      break;
    case Unit::Ratio:
      g.unit = "percent_points";
      g.text = g.label + verb + format_decimal(mag, 4) + " 个百分点";
      break;
    case Unit::Score:
      g.unit = "points";
      g.text = g.label + verb + format_decimal(mag, 2) + " 分";
      break;
    case Unit::Count:
      g.unit = "count";
      g.text = g.label + verb + format_decimal(mag, 0) + unit_word(lever);
      break;
  }
  return g;
}

}  // namespace srdi
