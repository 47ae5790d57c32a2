#include "core/evaluator.hpp"

#include <algorithm>
#include <chrono>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <type_traits>

#include "core/awards.hpp"
#include "core/metrics.hpp"

// The three-valued semantics: every node answers met, not met or undetermined and, when
// undetermined, the set of fields that would decide it (a bit set). Without explanation, children
// are evaluated only until the answer is known; with it, all of them, each with its trace.
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
  json j{{"doc", c.doc}, {"clause", c.clause}, {"excerpt", c.excerpt}, {"excerpt_kind", c.excerpt_kind}};
  if (!c.source.empty()) j["source"] = c.source;
  return j;
}

json apply_json(const ApplyInfo& a, Citations* cites, const Date* as_of) {
  json j = json::object();
  if (!a.responsible.empty()) j["responsible"] = a.responsible;
  if (!a.channel.empty()) j["channel"] = a.channel;
  if (!a.window.empty()) j["window"] = a.window;
  if (a.window_from && a.window_to) {
    j["window_from"] = a.window_from->iso();
    j["window_to"] = a.window_to->iso();
    // On the evaluation date: a window that has closed is no advice to apply now.
    if (as_of) j["window_state"] = *a.window_to < *as_of ? "passed" : (*as_of < *a.window_from ? "upcoming" : "open");
  }
  if (!a.materials.empty()) j["materials"] = a.materials;
  j["citation"] = cite(cites, a.citation);
  return j;
}

json Citations::ref(const Citation& c) {
  auto at = by_address_.find(&c);
  if (at != by_address_.end()) return at->second;
  // Children inherit their parent's citation by copy: equal texts are one citation.
  std::string key = c.doc + '\x1f' + c.clause + '\x1f' + c.excerpt + '\x1f' + c.excerpt_kind + '\x1f' + c.source;
  auto [it, added] = by_text_.emplace(std::move(key), static_cast<int>(list_.size()));
  if (added) list_.push_back(&c);
  by_address_.emplace(&c, it->second);
  return it->second;
}

json Citations::table() const {
  json out = json::array();
  for (const Citation* c : list_) out.push_back(citation_json(*c));
  return out;
}

json cite(Citations* table, const Citation& c) { return table ? table->ref(c) : citation_json(c); }

// The words of the result's codes: one table for the text report, the screening sheet and the
// page (the schema's "words"), so a reader never sees two words for one verdict.
namespace {
using Words = std::pair<const char*, const char*>;
constexpr Words kVerdictWords[] = {
    {"eligible", "符合"}, {"not_eligible", "不符合"}, {"undetermined", "待定"}, {"contested", "依读法而定"}};
constexpr Words kResultWords[] = {{"met", "满足"}, {"not_met", "不满足"}, {"undetermined", "待定"}};
constexpr Words kOpWords[] = {{">=", "不低于"}, {">", "高于"}, {"<=", "不高于"}, {"<", "低于"}, {"==", "等于"}};
constexpr Words kSizeWords[] = {
    {"large", "大型"}, {"medium", "中型"}, {"small", "小型"}, {"micro", "微型"}, {"undetermined", "待定"}};
// A code this engine does not know is not stated as an answer: 待定.
template <std::size_t N>
const char* word_of(const Words (&table)[N], std::string_view code, const char* unknown = "待定") {
  for (const auto& [c, w] : table) {
    if (code == c) return w;
  }
  return unknown;
}
template <std::size_t N>
json words_object(const Words (&table)[N]) {
  json out = json::object();
  for (const auto& [c, w] : table) out[c] = w;
  return out;
}
}  // namespace

const char* size_class_label(std::string_view c) { return word_of(kSizeWords, c); }
const char* verdict_label(std::string_view v) { return word_of(kVerdictWords, v); }
const char* result_label(std::string_view r) { return word_of(kResultWords, r); }
const char* op_label(std::string_view op) { return word_of(kOpWords, op, ""); }
const char* verdict_label(Verdict v) { return verdict_label(verdict_name(v)); }

Verdict verdict_of(Tri result, bool contested) {
  if (contested) return Verdict::Contested;
  return result == Tri::Met ? Verdict::Eligible : (result == Tri::NotMet ? Verdict::NotEligible : Verdict::Undetermined);
}
const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Eligible: return "eligible";
    case Verdict::NotEligible: return "not_eligible";
    case Verdict::Contested: return "contested";
    case Verdict::Undetermined: return "undetermined";
  }
  return "undetermined";
}
json words_json() {
  return json{{"verdicts", words_object(kVerdictWords)},
              {"results", words_object(kResultWords)},
              {"size_classes", words_object(kSizeWords)},
              {"ops", words_object(kOpWords)}};
}

namespace {

// Fields that would decide a verdict, as bits: one per profile field, plus `holds`.
struct Bits {
  std::uint64_t w[2] = {0, 0};
  void set(int i) { w[i >> 6] |= std::uint64_t{1} << (i & 63); }
  bool test(int i) const { return (w[i >> 6] >> (i & 63)) & 1; }
  Bits& operator|=(const Bits& o) {
    w[0] |= o.w[0];
    w[1] |= o.w[1];
    return *this;
  }
};


// An exact fraction that is not reduced: the inputs' denominators are small (100 for money), so
// cross-multiplying stays far inside 128 bits for every value the profile format accepts. The
// checked operations throw ArithmeticOverflow otherwise, and the metric is then computed again
// with the reducing Rational.
struct Frac {
  i128 n = 0;
  i128 d = 1;
};

// Bits of |x|: two factors whose bit counts add up to at most 126 cannot overflow 128 bits, so
// most products skip the checked (and much slower) multiplication.
inline int bit_length(i128 x) {
  unsigned __int128 u = x < 0 ? -static_cast<unsigned __int128>(x) : static_cast<unsigned __int128>(x);
  auto hi = static_cast<std::uint64_t>(u >> 64), lo = static_cast<std::uint64_t>(u);
  return hi ? 128 - __builtin_clzll(hi) : (lo ? 64 - __builtin_clzll(lo) : 0);
}
inline i128 mul(i128 a, i128 b) { return bit_length(a) + bit_length(b) <= 126 ? a * b : checked_mul(a, b); }

Frac sub(const Frac& a, const Frac& b) {
  if (a.d == b.d) return {checked_add(a.n, -b.n), a.d};
  return {checked_add(mul(a.n, b.d), -mul(b.n, a.d)), mul(a.d, b.d)};
}
Frac add(const Frac& a, const Frac& b) {
  if (a.d == b.d) return {checked_add(a.n, b.n), a.d};
  return {checked_add(mul(a.n, b.d), mul(b.n, a.d)), mul(a.d, b.d)};
}
Frac divide(const Frac& a, const Frac& b) {  // b != 0
  Frac r = a.d == b.d ? Frac{a.n, b.n} : Frac{mul(a.n, b.d), mul(a.d, b.n)};
  if (r.d < 0) r = {-r.n, -r.d};
  return r;
}
Frac scale_down(const Frac& a, std::int64_t k) { return {a.n, mul(a.d, k)}; }
int sign(const Frac& a) { return a.n > 0 ? 1 : (a.n < 0 ? -1 : 0); }
int cmp(const Frac& a, const Rational& t) {
  i128 l = mul(a.n, t.den()), r = mul(t.num(), a.d);
  return l < r ? -1 : (l > r ? 1 : 0);
}

Rational sub(const Rational& a, const Rational& b) { return a - b; }
Rational add(const Rational& a, const Rational& b) { return a + b; }
Rational divide(const Rational& a, const Rational& b) { return a / b; }
Rational scale_down(const Rational& a, std::int64_t k) { return a / Rational(k); }
int sign(const Rational& a) { return a.sign(); }
int cmp(const Rational& a, const Rational& t) { return compare(a, t); }

template <typename N>
N from_slot(const ScreenSlot& s);
template <>
Frac from_slot<Frac>(const ScreenSlot& s) {
  return {s.num, s.den};
}
template <>
Rational from_slot<Rational>(const ScreenSlot& s) {
  return Rational::of(s.num, s.den);
}

// A compiled comparison of a metric with a threshold (compare nodes, score nodes, bands).
struct MetricTest {
  MetricKind kind = MetricKind::Fact;
  std::array<int, 3> in{};  // slots of the metric's inputs
  int n_in = 0;
  Op op = Op::Ge;
  Rational t;        // the threshold
  Rational t_sq;     // Cagr: (1 + t)^2
  bool t_neg = false;  // Cagr: 1 + t < 0
  // The threshold as p / q when both fit in 40 bits: with the slots' bounds (below) a fact or a
  // ratio is then compared by two 128-bit products that cannot overflow, without the general path.
  bool small_t = false;
  std::int64_t p = 0, q = 1;
  // Unknown inputs (as compute_metric's bounds): the metrics monotone in each input (a field, a
  // sum, an average, a difference) are decided when the comparison holds, or fails, over the
  // whole range that the unknown inputs allow: input i ranges over [lo[i], hi[i]] (has_range).
  bool bounded = false;
  std::array<bool, 3> has_range{};
  std::array<Rational, 3> lo{}, hi{};
};

// Slots within these bounds take the fast comparisons (the loader's limits keep every valid
// profile inside them: money below 10^15 fen, denominators at most 10^6).
inline bool small_slot(const ScreenSlot& s) {
  return s.state == ScreenSlot::State::Number && s.num < (std::int64_t{1} << 53) &&
         s.num > -(std::int64_t{1} << 53) && s.den > 0 && s.den < (std::int64_t{1} << 21);
}
inline int cmp128(i128 l, i128 r) { return l < r ? -1 : (l > r ? 1 : 0); }
inline int bits64(std::int64_t x) {
  std::uint64_t u = x < 0 ? -static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
  return u ? 64 - __builtin_clzll(u) : 0;
}
// a·b against c·d. In 64 bits when neither product can reach 2^62 (wasm has no 64×64→128
// multiply instruction, so the 128-bit one is a library call); else in 128 bits, which cannot
// overflow for factors below 2^63.
inline int cmp_products(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d) {
  if (bits64(a) + bits64(b) <= 62 && bits64(c) + bits64(d) <= 62) {
    std::int64_t l = a * b, r = c * d;
    return l < r ? -1 : (l > r ? 1 : 0);
  }
  return cmp128(static_cast<i128>(a) * b, static_cast<i128>(c) * d);
}
inline bool op_holds(Op op, int c) {
  switch (op) {
    case Op::Ge: return c >= 0;
    case Op::Gt: return c > 0;
    case Op::Le: return c <= 0;
    case Op::Lt: return c < 0;
    case Op::Eq: return c == 0;
  }
  return false;
}

// The fast comparisons: a fact, a ratio a / b, a growth (a - b) / b of two facts with the same
// denominator. Returns false when the metric is none of these or a slot is out of bounds; the
// general path then decides.
inline bool fast_test(const MetricTest& m, const ScreenRow& row, Tri& result) {
  if (!m.small_t) return false;
  switch (m.kind) {
    case MetricKind::Fact: {
      const ScreenSlot& a = row.slots[m.in[0]];
      if (!small_slot(a)) return false;
      result = op_holds(m.op, cmp_products(a.num, m.q, m.p, a.den)) ? Tri::Met : Tri::NotMet;
      return true;
    }
    case MetricKind::Ratio:
    case MetricKind::Growth: {
      const ScreenSlot& a = row.slots[m.in[0]];
      const ScreenSlot& b = row.slots[m.in[1]];
      if (!small_slot(a) || !small_slot(b)) return false;
      // The metric as n / d: a·b.den / (a.den·b) for a ratio, (a − b) / b for a growth.
      std::int64_t n, d;
      if (m.kind == MetricKind::Ratio) {
        if (bits64(a.num) + bits64(b.den) > 62 || bits64(a.den) + bits64(b.num) > 62) return false;
        n = a.num * b.den;
        d = a.den * b.num;
      } else {
        if (a.den != b.den) return false;
        n = a.num - b.num;  // both below 2^53: no overflow
        d = b.num;
      }
      if (d == 0) {  // x / 0: infinite above every threshold when x > 0, else meets nothing
        result = n > 0 && (m.op == Op::Ge || m.op == Op::Gt) ? Tri::Met : Tri::NotMet;
        return true;
      }
      if (d < 0) {
        n = -n;
        d = -d;
      }
      result = op_holds(m.op, cmp_products(n, m.q, m.p, d)) ? Tri::Met : Tri::NotMet;
      return true;
    }
    default:
      return false;
  }
}

enum class MState { Known, Unknown, Infinite, Undefined, None };

template <typename N>
struct MValue {
  MState state = MState::Unknown;
  N v;
};

template <typename N>
MValue<N> compute(MetricKind kind, const std::array<int, 3>& in, int n_in, const ScreenRow& row) {
  MValue<N> out;
  N x[3];
  for (int i = 0; i < n_in; ++i) {
    const ScreenSlot& s = row.slots[in[i]];
    if (s.state == ScreenSlot::State::None) out.state = MState::None;
    else x[i] = from_slot<N>(s);
  }
  if (out.state == MState::None) return out;
  auto divided = [&](const N& a, const N& b, N& r) {
    if (sign(b) != 0) {
      r = divide(a, b);
      return true;
    }
    out.state = sign(a) > 0 ? MState::Infinite : MState::Undefined;
    return false;
  };
  N r;
  switch (kind) {
    case MetricKind::Fact:
      r = x[0];
      break;
    case MetricKind::Ratio:
    case MetricKind::Cagr:
      if (!divided(x[0], x[1], r)) return out;
      break;
    case MetricKind::Growth:
      if (!divided(sub(x[0], x[1]), x[1], r)) return out;
      break;
    case MetricKind::AvgGrowth: {
      N g1, g2;
      if (!divided(sub(x[1], x[2]), x[2], g1)) return out;
      if (!divided(sub(x[0], x[1]), x[1], g2)) return out;
      r = scale_down(add(g1, g2), 2);
      break;
    }
    case MetricKind::Diff:
      r = sub(x[0], x[1]);
      break;
    case MetricKind::Sum:
    case MetricKind::Avg:
      r = x[0];
      for (int i = 1; i < n_in; ++i) r = add(r, x[i]);
      if (kind == MetricKind::Avg) r = scale_down(r, n_in);
      break;
  }
  out.state = MState::Known;
  out.v = r;
  return out;
}

template <typename N>
bool test_known(const MetricTest& m, const N& v) {
  return op_holds(m.op, m.kind == MetricKind::Cagr ? (m.t_neg ? 1 : cmp(v, m.t_sq)) : cmp(v, m.t));
}

// The comparison of a bounded metric with unknown inputs over their whole range (the same
// arithmetic as compute_metric's bound_unknown), or nullopt when the range leaves it open.
std::optional<bool> range_test(const MetricTest& m, const ScreenRow& row) {
  Rational lo[3], hi[3];
  for (int i = 0; i < m.n_in; ++i) {
    const ScreenSlot& s = row.slots[m.in[i]];
    if (s.state == ScreenSlot::State::Unknown) {
      if (!m.has_range[i]) return std::nullopt;
      lo[i] = m.lo[i];
      hi[i] = m.hi[i];
    } else if (s.state == ScreenSlot::State::Number) {
      lo[i] = hi[i] = from_slot<Rational>(s);
    } else {
      return std::nullopt;  // none: as the full evaluation, no range
    }
  }
  Rational a, b;
  switch (m.kind) {
    case MetricKind::Fact:
      a = lo[0];
      b = hi[0];
      break;
    case MetricKind::Diff:
      a = lo[0] - hi[1];
      b = hi[0] - lo[1];
      break;
    case MetricKind::Sum:
    case MetricKind::Avg:
      for (int i = 0; i < m.n_in; ++i) {
        a = a + lo[i];
        b = b + hi[i];
      }
      if (m.kind == MetricKind::Avg) {
        a = a / Rational(m.n_in);
        b = b / Rational(m.n_in);
      }
      break;
    default:
      return std::nullopt;
  }
  return compare_range(a, b, m.op, m.t);
}

// On an undetermined result, adds the missing inputs to *missing (when asked for).
Tri run_metric_test(const MetricTest& m, const ScreenRow& row, Bits* missing) {
  bool unknown = false;
  for (int i = 0; i < m.n_in; ++i) unknown = unknown || row.slots[m.in[i]].state == ScreenSlot::State::Unknown;
  if (unknown) {
    if (m.bounded) {
      if (auto r = range_test(m, row)) return *r ? Tri::Met : Tri::NotMet;
    }
    if (missing) {
      for (int i = 0; i < m.n_in; ++i) {
        if (row.slots[m.in[i]].state == ScreenSlot::State::Unknown) missing->set(m.in[i]);
      }
    }
    return Tri::Undetermined;
  }
  Tri fast;
  if (fast_test(m, row, fast)) return fast;
  bool ok;
  MState state;
  try {
    MValue<Frac> v = compute<Frac>(m.kind, m.in, m.n_in, row);
    state = v.state;
    ok = state == MState::Known && test_known(m, v.v);
  } catch (const ArithmeticOverflow&) {
    MValue<Rational> v = compute<Rational>(m.kind, m.in, m.n_in, row);
    state = v.state;
    ok = state == MState::Known && test_known(m, v.v);
  }
  if (state == MState::Infinite) ok = m.op == Op::Ge || m.op == Op::Gt;
  return ok ? Tri::Met : Tri::NotMet;
}

// The tracers of the one interpreter (Impl::Run::eval): what is recorded beside each result.
struct Light {  // nothing: verdicts, and the deciding fields when asked for
  static constexpr bool full = false;
};
struct Full {  // the explanation
  static constexpr bool full = true;
  const Profile* profile = nullptr;  // the shown values come from the profile as loaded
  bool gaps = true;                  // the smallest change for unmet comparisons
  Citations* cites = nullptr;        // the result's citations (none: inline)
};

// What only the full tracer records: without it, an empty type, so the verdict path constructs
// and destroys nothing per node.
struct Nothing {};
template <class T, class X>
using FullOnly = std::conditional_t<T::full, X, Nothing>;

const char* kind_name(Criterion::Kind k) {
  switch (k) {
    case Criterion::Kind::All: return "all";
    case Criterion::Kind::Any: return "any";
    case Criterion::Kind::Not: return "not";
    case Criterion::Kind::Compare: return "compare";
    case Criterion::Kind::Fact: return "fact";
    case Criterion::Kind::Score: return "score";
    case Criterion::Kind::Size: return "size";
    case Criterion::Kind::Holds: return "holds";
    case Criterion::Kind::Reading: return "reading";
    case Criterion::Kind::Tier: return "tier";
    case Criterion::Kind::Ref: return "ref";
  }
  return "?";
}

json base_trace(const Criterion& c, const char* kind, Citations* cites) {
  json t{{"id", c.id}, {"title", c.title}, {"kind", kind}, {"citation", cite(cites, c.citation)}};
  if (!c.interpretation.empty()) t["interpretation"] = c.interpretation;
  return t;
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

// The last day a title recognised on `since` is valid for `years`. 民法典 第二百零一、二百零二条:
// the day of recognition is not counted and the period ends on the corresponding day, so a title
// of 2022-06-30 valid 3 years is still in force on 2025-06-30 (29 February ends on 28 February).
Date valid_until(const Date& since, int years) {
  Date r{since.year + years, since.month, since.day};
  if (r.day > days_in_month(r.year, r.month)) r.day = days_in_month(r.year, r.month);
  return r;
}

enum : unsigned { kLarge = 1, kMedium = 2, kSmall = 4, kMicro = 8, kAllSizes = 15 };
unsigned size_bit(const std::string& c) {
  if (c == "large") return kLarge;
  if (c == "medium") return kMedium;
  if (c == "small") return kSmall;
  if (c == "micro") return kMicro;
  return 0;
}
const char* size_name(unsigned bit) {
  switch (bit) {
    case kLarge: return "large";
    case kMedium: return "medium";
    case kSmall: return "small";
    case kMicro: return "micro";
  }
  return "undetermined";
}

struct Node {
  Criterion::Kind kind = Criterion::Kind::All;
  const Criterion* src = nullptr;  // what the explanation shows (a ref's definition)
  int first = 0, count = 0;  // All / Any / Not / Reading (the chosen option): children in kids
  int test = -1;             // Compare: index in Program::tests
  int slot = -1;             // Fact: the field; Score: the table (index in the tier's tables); Reading: the option
  std::uint64_t accept = 0;  // Fact: accepted values (bit per choice, 0/1 for false/true); Size: classes
  bool accept_none = false;  // Fact: "none" accepted
  int category = -1;         // Score: -1 = total
  int title = -1, valid_years = 0;  // Holds
  unsigned levels = 0;              // Holds: accepted levels, 0 = any
  bool lapsed = false;              // the rule ended before the evaluation date (src->valid_to)
};

struct BandCode {
  int node = -1;  // -1: "otherwise"
  int points = 0;
};

struct IndicatorCode {
  const Indicator* src = nullptr;
  Indicator::Mode mode = Indicator::Mode::FirstMatch;
  int max = 0;
  int category = 0;
  std::vector<BandCode> bands;
  int value_test = -1;  // Value: the metric, as a test (its op and threshold unused)
};

struct Table {
  const ScoreTable* src = nullptr;
  std::string id;
  int categories = 0;
  std::vector<IndicatorCode> indicators;
  std::vector<std::string> category_ids;
};

struct ScoreValue {
  Interval total;
  std::vector<Interval> cats;
  Bits missing;
  std::vector<Bits> cat_missing;
};

struct SubTier {  // a tier's test as a `tier` node reaches it
  int root = -1;
  std::vector<Table> tables;
};

struct CompiledTier {
  const Policy* policy = nullptr;
  const Tier* tier = nullptr;
  int root = -1;
  int grants = -1;
  std::vector<Table> tables;
  // The contested readings met on the way (sorted), and the same tier under each other option of
  // each (one at a time): if one not chosen by the request gives another verdict, it is contested.
  std::vector<std::string> readings;
  std::map<std::string, std::string> choice;  // the request's readings and this tier's purpose
  bool renewal = false, substituted = false;  // as SelectedTier
  struct Alternate {
    std::string reading, option;
    bool by_request = false;
    SubTier sub;
  };
  std::vector<Alternate> alternates;
};

}  // namespace

struct Screener::Impl {
  const PolicySet* policies = nullptr;
  std::shared_ptr<const PolicySet> keep;  // the active set this screener was built on, kept alive
  Options options;
  std::string version;
  bool filtered = false;
  std::vector<const FieldSpec*> fields;  // slot -> field
  int holds_bit = 0;
  int evaluation_year = -1;
  int industry = -1;
  std::vector<Node> nodes;
  std::vector<int> kids;
  // The same children as evaluated without explanation: a reading node replaced by the node of
  // its chosen option, so the verdict path does not pass through it.
  std::vector<int> light_kids;
  int light_of(int node) const {
    const Node& n = nodes[static_cast<std::size_t>(node)];
    return n.kind == Criterion::Kind::Reading ? light_kids[static_cast<std::size_t>(n.first)] : node;
  }
  std::vector<MetricTest> tests;
  std::vector<CompiledTier> tiers;
  std::vector<SubTier> subtiers;  // targets of `tier` nodes
  struct Run;
  char verdict_of(const CompiledTier& t, Run& run, Tri r) const;
  // While compiling: the option of each reading (absent: its default) and the readings met.
  std::map<std::string, std::string> reading_choice;
  std::set<std::string> readings_met;
  // Scratch for run(): the score values of one tier, reused from row to row (so a Screener is
  // used by one thread at a time).
  mutable std::vector<ScoreValue> scratch;
  // Criteria and tiers outside the request's ladder (awards, tests), compiled on first use.
  std::map<const Criterion*, int> extra;
  std::map<const Tier*, SubTier> extra_tiers;
  int compiled(const Criterion& c) {
    auto it = extra.find(&c);
    if (it != extra.end()) return it->second;
    reading_choice = options.readings;
    int n = compile(c, nullptr);
    extra[&c] = n;
    return n;
  }
  json size_json(const Run& run, const Profile& profile, Citations* cites) const;
  // 划型: the rules (large, medium, small) of each industry choice; empty when the standard lacks it.
  std::vector<std::vector<std::pair<unsigned, int>>> size_rules;

  // Fields as the result lists them: by name, `holds` among them.
  json names(const Bits& b) const {
    std::vector<std::string> list;
    for (int i = 0; i <= holds_bit; ++i) {
      if (b.test(i)) list.push_back(i == holds_bit ? "holds" : fields[i]->name);
    }
    std::sort(list.begin(), list.end());
    return json(list);
  }

  int slot_of(const std::string& field) const {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i]->name == field) return static_cast<int>(i);
    }
    throw std::logic_error("screen: unknown field " + field);
  }

  int metric_test(const std::string& metric, Op op, const Rational& t) {
    const MetricDef* def = find_metric(metric);
    if (!def || def->inputs.size() > 3) throw std::logic_error("screen: unsupported metric " + metric);
    MetricTest m;
    m.kind = def->kind;
    m.n_in = static_cast<int>(def->inputs.size());
    for (int i = 0; i < m.n_in; ++i) m.in[i] = slot_of(def->inputs[i]);
    m.op = op;
    m.t = t;
    Rational rhs = Rational(1) + t;
    m.t_neg = rhs.sign() < 0;
    if (!m.t_neg) m.t_sq = rhs * rhs;
    i128 limit = i128{1} << 40;
    m.small_t = t.num() < limit && t.num() > -limit && t.den() < limit;
    m.p = static_cast<std::int64_t>(t.num());
    m.q = static_cast<std::int64_t>(t.den());
    m.bounded = m.kind == MetricKind::Fact || m.kind == MetricKind::Sum || m.kind == MetricKind::Avg ||
                m.kind == MetricKind::Diff;
    for (int i = 0; m.bounded && i < m.n_in; ++i) {
      if (auto range = unknown_range(*fields[m.in[i]], options.as_of.year)) {
        m.has_range[i] = true;
        m.lo[i] = range->first;
        m.hi[i] = range->second;
      }
    }
    tests.push_back(m);
    return static_cast<int>(tests.size()) - 1;
  }

  int compile(const Criterion& c, const std::vector<Table>* tables) {
    // A rule that ended before the evaluation date (e.g. one year's notice): met, imposing
    // nothing, and its explanation says so. The node keeps its source, whose citation the
    // result's table refers to by address.
    if (c.valid_to && *c.valid_to < options.as_of) {
      Node n;
      n.kind = Criterion::Kind::All;
      n.src = &c;
      n.lapsed = true;
      n.first = static_cast<int>(kids.size());
      nodes.push_back(n);
      return static_cast<int>(nodes.size()) - 1;
    }
    Node n;
    n.kind = c.kind;
    n.src = &c;
    switch (c.kind) {
      case Criterion::Kind::Ref: {
        const Criterion* def = policies->definition(c.ref);
        if (!def) throw std::logic_error("screen: unresolved ref " + c.ref);
        return compile(*def, tables);
      }
      case Criterion::Kind::Reading: {
        // The option in force is chosen here, once: the node keeps only its child.
        std::string option = option_of(c.reading);
        if (c.reading != kPurposeReading) readings_met.insert(c.reading);
        // Options not taken are walked too, for the readings nested in them.
        for (std::size_t i = 0; i < c.options.size(); ++i) {
          if (c.options[i] != option) collect_readings(c.children[i]);
        }
        auto at = std::find(c.options.begin(), c.options.end(), option);
        if (at == c.options.end()) throw std::logic_error("screen: reading " + c.reading + " has no option " + option);
        n.slot = static_cast<int>(at - c.options.begin());
        int child = compile(c.children[static_cast<std::size_t>(n.slot)], tables);
        n.first = static_cast<int>(kids.size());
        n.count = 1;
        kids.push_back(child);
        light_kids.push_back(light_of(child));
        break;
      }
      case Criterion::Kind::Tier: {
        const Tier* t = policies->tier(c.tier).second;
        if (!t) throw std::logic_error("screen: unresolved tier " + c.tier);
        n.slot = static_cast<int>(subtiers.size());
        subtiers.emplace_back();
        SubTier sub = compile_sub(*t);
        subtiers[static_cast<std::size_t>(n.slot)] = std::move(sub);
        break;
      }
      case Criterion::Kind::All:
      case Criterion::Kind::Any:
      case Criterion::Kind::Not: {
        std::vector<int> children;
        for (const auto& child : c.children) children.push_back(compile(child, tables));
        n.first = static_cast<int>(kids.size());
        n.count = static_cast<int>(children.size());
        kids.insert(kids.end(), children.begin(), children.end());
        for (int child : children) light_kids.push_back(light_of(child));
        break;
      }
      case Criterion::Kind::Compare:
        n.test = metric_test(c.metric, c.op, c.threshold);
        break;
      case Criterion::Kind::Fact: {
        n.slot = slot_of(c.fact);
        const FieldSpec& f = *fields[n.slot];
        for (const auto& e : c.expected) {
          if (e == "none") n.accept_none = true;
          if (f.kind == FieldKind::Bool) {
            if (e == "true") n.accept |= 2;
            if (e == "false") n.accept |= 1;
          } else if (f.kind == FieldKind::Enum) {
            auto it = std::find(f.values.begin(), f.values.end(), e);
            if (it != f.values.end()) n.accept |= std::uint64_t{1} << (it - f.values.begin());
          } else {
            throw std::logic_error("screen: fact criterion on a field that is neither bool nor enum: " + c.fact);
          }
        }
        break;
      }
      case Criterion::Kind::Score: {
        if (!tables) throw std::logic_error("screen: score criterion outside a tier");
        n.slot = -1;
        for (std::size_t i = 0; i < tables->size(); ++i) {
          if ((*tables)[i].id == c.score) n.slot = static_cast<int>(i);
        }
        if (n.slot < 0) throw std::logic_error("screen: unknown score table " + c.score);
        if (!c.category.empty()) {
          const auto& ids = (*tables)[n.slot].category_ids;
          auto it = std::find(ids.begin(), ids.end(), c.category);
          if (it == ids.end()) throw std::logic_error("screen: unknown score category " + c.category);
          n.category = static_cast<int>(it - ids.begin());
        }
        n.test = metric_test_for_score(c.op, c.threshold);
        break;
      }
      case Criterion::Kind::Size:
        for (const auto& e : c.expected) n.accept |= size_bit(e);
        break;
      case Criterion::Kind::Holds: {
        const auto& titles = holding_titles();
        auto it = std::find(titles.begin(), titles.end(), c.holds);
        n.title = it == titles.end() ? -2 : static_cast<int>(it - titles.begin());  // -2: never held
        n.valid_years = c.valid_years;
        for (const auto& l : c.levels) n.levels |= level_bit(l);
        if (!c.levels.empty() && n.levels == 0) n.levels = 1u << 8;  // only unknown levels could match
        break;
      }
    }
    nodes.push_back(n);
    return static_cast<int>(nodes.size()) - 1;
  }

  SubTier compile_sub(const Tier& t) {
    SubTier sub;
    for (const auto& table : t.scores) sub.tables.push_back(compile_table(table));
    sub.root = compile(t.criterion, &sub.tables);
    return sub;
  }

  // The option of `reading` in force while compiling: the request's (or the tier's purpose), else
  // the reading's default.
  std::string option_of(const std::string& reading) const {
    auto it = reading_choice.find(reading);
    if (it != reading_choice.end()) return it->second;
    const Reading* r = policies->reading(reading);
    if (!r) throw std::logic_error("undeclared reading " + reading);
    return r->default_option;
  }

  void collect_readings(const Criterion& c) {
    if (c.kind == Criterion::Kind::Reading && c.reading != kPurposeReading) readings_met.insert(c.reading);
    if (c.kind == Criterion::Kind::Ref) {
      if (const Criterion* def = policies->definition(c.ref)) collect_readings(*def);
    }
    for (const auto& k : c.children) collect_readings(k);
  }

  // A score node compares an integer interval; only its op and threshold are used.
  int metric_test_for_score(Op op, const Rational& t) {
    MetricTest m;
    m.op = op;
    m.t = t;
    tests.push_back(m);
    return static_cast<int>(tests.size()) - 1;
  }

  static unsigned level_bit(const std::string& l) {
    if (l == "national") return 1;
    if (l == "provincial") return 2;
    if (l == "city") return 4;
    return 0;
  }

  Table compile_table(const ScoreTable& st) {
    Table t;
    t.src = &st;
    t.id = st.id;
    for (const auto& cat : st.categories) t.category_ids.push_back(cat.id);
    for (const auto& ind : st.indicators) {
      IndicatorCode ci;
      ci.src = &ind;
      ci.mode = ind.mode;
      ci.max = ind.max;
      auto it = std::find(t.category_ids.begin(), t.category_ids.end(), ind.category);
      if (it == t.category_ids.end()) {
        t.category_ids.push_back(ind.category);  // as the full evaluation does: a category without a heading
        it = t.category_ids.end() - 1;
      }
      ci.category = static_cast<int>(it - t.category_ids.begin());
      if (ind.mode == Indicator::Mode::Value) {
        ci.value_test = metric_test(ind.metric, Op::Ge, Rational(0));
      } else {
        for (const auto& b : ind.bands) ci.bands.push_back(BandCode{b.when ? compile(*b.when, nullptr) : -1, b.points});
      }
      t.indicators.push_back(std::move(ci));
    }
    t.categories = static_cast<int>(t.category_ids.size());
    return t;
  }

  // ---- evaluation ----

  struct Run {
    Run(const Impl& impl, const ScreenRow& r) : p(impl), row(r) {}
    const Impl& p;
    const ScreenRow& row;
    // The 划型 result, computed on first need (size() ran: size_ready).
    mutable bool size_ready = false;
    mutable unsigned size_possible = kAllSizes;
    mutable Bits size_missing;
    mutable const std::vector<ScoreValue>* scores = nullptr;

    // flatten: emcc's size builds add -fno-inline-functions, which would leave every vector index
    // and slot check of the hot loop a call.
    // A node's result, without explanation. When it is undetermined and `missing` is given, the
    // fields that would decide it are added there; the batch path passes none and skips that.
    [[gnu::flatten]] Tri node(int i, Bits* missing) const {
      Light light;
      return eval(i, missing, light, nullptr);
    }
    // The same node with its explanation in `out` (docs/output-format.md, "criteria"): the one
    // interpreter below, run with the full tracer. `missing` receives the node's own fields.
    Tri explain(int i, Bits& missing, Full& tr, json& out) const { return eval(i, &missing, tr, &out); }

    // Every node kind, once. The tracer type chooses at compile time what is recorded: Light
    // (verdicts; missing fields when asked) stops at the first decisive child; Full visits every
    // child and builds the trace. The result never depends on the tracer.
    // always_inline: node() is flattened, and clang (emcc) flattens only the calls it sees in the
    // function itself, so the interpreter must be in node()'s body, as before it was a template.
    template <class T>
    [[gnu::always_inline]] inline Tri eval(int i, Bits* missing, T& tr, json* out) const {
      const Node& n = p.nodes[i];
      Tri r = Tri::Undetermined;
      if constexpr (T::full) {
        *out = base_trace(*n.src, kind_name(n.kind), tr.cites);
        if (n.lapsed) {
          (*out)["kind"] = "all";
          (*out)["title"] = n.src->title + "（本项只适用至 " + n.src->valid_to->iso() + "，评估日期在其后，不考查）";
        }
      }
      switch (n.kind) {
        case Criterion::Kind::All:
        case Criterion::Kind::Any: {
          bool any = n.kind == Criterion::Kind::Any;
          Tri decisive = any ? Tri::Met : Tri::NotMet;
          Bits acc;  // the undetermined children's fields, kept only if this node ends undetermined
          int met = 0, not_met = 0;
          [[maybe_unused]] FullOnly<T, json> children, failed;
          [[maybe_unused]] FullOnly<T, std::string> first_met;
          if constexpr (T::full) {
            children = json::array();
            failed = json::array();
          }
          for (int k = 0; k < n.count; ++k) {
            Tri c;
            if constexpr (T::full) {
              Bits cb;
              json ct;
              c = explain(p.kids[n.first + k], cb, tr, ct);
              if (c == Tri::Undetermined) acc |= cb;
              // The trace's id, not the child's: a ref child is shown under its definition's id.
              if (c == Tri::Met && first_met.empty()) first_met = ct["id"].template get<std::string>();
              if (c == Tri::NotMet) failed.push_back(ct["id"]);
              children.push_back(std::move(ct));
            } else {
              c = node(p.light_kids[n.first + k], missing ? &acc : nullptr);
              if (c == decisive) return c;  // the others cannot change it
            }
            met += c == Tri::Met;
            not_met += c == Tri::NotMet;
          }
          if (any) r = met > 0 ? Tri::Met : (not_met == n.count ? Tri::NotMet : Tri::Undetermined);
          else r = not_met > 0 ? Tri::NotMet : (met == n.count ? Tri::Met : Tri::Undetermined);
          if (r == Tri::Undetermined && missing) *missing |= acc;
          if constexpr (T::full) {
            if (n.src->routes) (*out)["routes"] = true;
            (*out)["children"] = std::move(children);
            if (any && r == Tri::Met) (*out)["decided_by"] = first_met;
            if (!any && r == Tri::NotMet) (*out)["failed"] = std::move(failed);
          }
          break;
        }
        case Criterion::Kind::Not: {
          if constexpr (T::full) {
            // A gap under `not` would point the wrong way (towards failing the negation).
            bool saved = tr.gaps;
            tr.gaps = false;
            json ct;
            Tri c = explain(p.kids[n.first], *missing, tr, ct);
            tr.gaps = saved;
            if (c == Tri::Undetermined) (*out)["missing"] = ct["missing"];  // as the child lists them
            (*out)["children"] = json::array({std::move(ct)});
            r = c == Tri::Met ? Tri::NotMet : (c == Tri::NotMet ? Tri::Met : Tri::Undetermined);
          } else {
            Tri c = node(p.light_kids[n.first], missing);
            return c == Tri::Met ? Tri::NotMet : (c == Tri::NotMet ? Tri::Met : Tri::Undetermined);
          }
          break;
        }
        case Criterion::Kind::Reading: {
          if constexpr (T::full) {
            json ct;
            r = explain(p.kids[n.first], *missing, tr, ct);
            (*out)["reading"] = n.src->reading;
            (*out)["option"] = n.src->options[static_cast<std::size_t>(n.slot)];
            if (r == Tri::Undetermined) (*out)["missing"] = ct["missing"];  // as the child lists them
            (*out)["children"] = json::array({std::move(ct)});
          } else {
            return node(p.light_kids[n.first], missing);
          }
          break;
        }
        case Criterion::Kind::Compare:
          r = run_metric_test(p.tests[n.test], row, missing);
          if constexpr (T::full) trace_compare(*n.src, r, tr, *out);
          break;
        case Criterion::Kind::Fact: {
          const ScreenSlot& s = row.slots[n.slot];
          bool ok = false;
          switch (s.state) {
            case ScreenSlot::State::Unknown:
              if (missing) missing->set(n.slot);
              break;
            case ScreenSlot::State::Bool:
            case ScreenSlot::State::Choice:
              ok = (n.accept >> s.num) & 1;
              break;
            case ScreenSlot::State::None:
              ok = n.accept_none;
              break;
            default:
              break;
          }
          r = s.state == ScreenSlot::State::Unknown ? Tri::Undetermined : (ok ? Tri::Met : Tri::NotMet);
          if constexpr (T::full) {
            const FieldSpec& f = *p.fields[n.slot];
            (*out)["fact"] = f.name;
            (*out)["label"] = f.label;
            (*out)["expected"] = n.src->expected;
            const Fact* fact = tr.profile->fact(f.name);
            (*out)["value"] = fact ? json(fact_display(f.name, *fact)) : json(nullptr);
          }
          break;
        }
        case Criterion::Kind::Score: {
          const ScoreValue& s = (*scores)[n.slot];
          Interval iv = n.category < 0 ? s.total : s.cats[n.category];
          r = interval(iv, p.tests[n.test]);
          if (r == Tri::Undetermined && missing) *missing |= n.category < 0 ? s.missing : s.cat_missing[n.category];
          if constexpr (T::full) trace_score(*n.src, iv, r, tr, *out);
          break;
        }
        case Criterion::Kind::Size: {
          if constexpr (!T::full) {
            if (!size_ready && !missing) return size_test(static_cast<unsigned>(n.accept));
          }
          if (!size_ready) size();
          bool in = size_possible & n.accept, out_ = size_possible & ~n.accept;
          if (in && out_) {
            if (missing) *missing |= size_missing;
            r = Tri::Undetermined;
          } else {
            r = out_ ? Tri::NotMet : Tri::Met;
          }
          if constexpr (T::full) {
            (*out)["expected"] = n.src->expected;
            (*out)["value"] = size_class_name();
          }
          break;
        }
        case Criterion::Kind::Holds:
          r = holds(n, missing);
          if constexpr (T::full) trace_holds(*n.src, tr, *out);
          break;
        case Criterion::Kind::Tier: {
          // Another tier's whole test, with its own score tables; its explanation is shown under
          // its own rung, so only the result and the fields that would decide it are kept here.
          const SubTier& sub = p.subtiers[n.slot];
          r = sub_tier(sub, missing);
          if constexpr (T::full) {
            (*out)["tier"] = n.src->tier;
            (*out)["tier_title"] = p.policies->tier(n.src->tier).second->title;
          }
          break;
        }
        case Criterion::Kind::Ref:  // compiled to its definition
          break;
      }
      if constexpr (T::full) {
        (*out)["result"] = tri_name(r);
        if (r != Tri::Undetermined) out->erase("missing");
        else if (!out->contains("missing")) (*out)["missing"] = p.names(*missing);
      }
      return r;
    }

    Tri sub_tier(const SubTier& sub, Bits* missing) const {
      std::vector<ScoreValue> own(sub.tables.size());
      Light light;
      for (std::size_t k = 0; k < sub.tables.size(); ++k) score(sub.tables[k], own[k], missing != nullptr, light, nullptr);
      const std::vector<ScoreValue>* saved = scores;
      scores = &own;
      Tri r = node(sub.root, missing);
      scores = saved;
      return r;
    }

    // ---- the explanation's details (Full only): what each node shows besides its result ----

    FactLookup lookup(const Full& tr) const {
      const Profile* profile = tr.profile;
      return [profile](std::string_view name) { return profile->fact(name); };
    }

    const char* size_class_name() const {
      unsigned sp = size_possible;
      return (sp & (sp - 1)) ? "undetermined" : size_name(sp);
    }

    void trace_compare(const Criterion& c, Tri r, const Full& tr, json& o) const {
      const MetricDef& def = *find_metric(c.metric);
      MetricValue v = compute_metric(def, lookup(tr));
      json inputs = json::array();
      for (const auto& in : v.inputs) {
        const FieldSpec* spec = find_field(in.field);
        json item{{"field", in.field}, {"label", spec ? spec->label : in.field}};
        item["value"] = in.fact ? json(fact_display(in.field, *in.fact)) : json(nullptr);
        inputs.push_back(item);
      }
      o["metric"] = def.name;
      o["metric_label"] = def.label;
      static const char* kUnits[] = {"yuan", "count", "ratio", "score"};
      o["unit"] = kUnits[static_cast<int>(def.unit)];
      o["op"] = op_symbol(c.op);
      o["threshold"] = format_threshold(def.unit, c.threshold);
      o["inputs"] = std::move(inputs);
      if (v.state != MetricValue::State::Unknown) o["value"] = format_metric_value(def, v);
      if (r == Tri::Undetermined) {
        o["missing"] = v.missing;  // in the metric's order of inputs
        return;
      }
      if (v.state == MetricValue::State::Unknown && v.lower && v.upper) {  // decided by the range the unknowns allow
        o["value_range"] = json{{"min", format_threshold(def.unit, *v.lower)}, {"max", format_threshold(def.unit, *v.upper)}};
      }
      if (r == Tri::NotMet && tr.gaps) compare_gap(c, def, tr, o);
    }

    // What would meet a failed comparison: the field, from and to, in the field's unit.
    void compare_gap(const Criterion& c, const MetricDef& def, const Full& tr, json& o) const {
      if (!c.gap) return;
      if (auto gap = metric_gap(def, lookup(tr), c.op, c.threshold)) {
        const FieldSpec* spec = find_field(gap->field);
        bool money = spec->kind == FieldKind::Money || spec->kind == FieldKind::SignedMoney;
        auto show = [&](const Rational& x) { return money ? format_yuan(x) : format_decimal(x, 6); };
        o["gap"] = json{{"field", gap->field}, {"label", gap->label}, {"from", show(gap->from)},
                        {"to", show(gap->to)},  {"change", show(gap->change)}, {"unit", gap->unit},
                        {"text", gap->text}};
      }
    }

    // The points a failed score test lacks.
    static void score_gap(const Criterion& c, const Interval& iv, json& o) {
      if (c.op != Op::Ge && c.op != Op::Gt) return;
      Rational need = c.threshold - Rational(iv.max);
      if (c.op == Op::Gt) need = floor_to(c.threshold, Rational(1)) + Rational(1) - Rational(iv.max);
      std::string points = format_decimal(ceil_to(need, Rational(1)), 0);
      o["gap"] = json{{"unit", "points"}, {"change", points}, {"text", "得分还差 " + points + " 分"}};
    }

    // A failed leaf as Screener::unmet lists it (unmet_item of its explanation), without the
    // explanation: the values, inputs and citation it would carry are not read.
    json unmet_leaf(int i, const Full& tr) const {
      const Node& n = p.nodes[static_cast<std::size_t>(i)];
      const Criterion& c = *n.src;
      json item{{"id", c.id}, {"title", c.title}, {"kind", kind_name(n.kind)}};
      if (n.kind == Criterion::Kind::Compare && tr.gaps) compare_gap(c, *find_metric(c.metric), tr, item);
      if (n.kind == Criterion::Kind::Score && tr.gaps) {
        const ScoreValue& sv = (*scores)[n.slot];
        score_gap(c, n.category < 0 ? sv.total : sv.cats[n.category], item);
      }
      if (n.kind == Criterion::Kind::Holds) item["holds"] = c.holds;
      return item;
    }

    void trace_score(const Criterion& c, const Interval& iv, Tri r, const Full& tr, json& o) const {
      o["score"] = c.score;
      if (!c.category.empty()) o["category"] = c.category;
      o["op"] = op_symbol(c.op);
      o["threshold"] = format_decimal(c.threshold, 2);
      o["value"] = json{{"min", iv.min}, {"max", iv.max}};
      if (r == Tri::NotMet && tr.gaps) score_gap(c, iv, o);
    }

    // The entries of the title asked for, each with its validity on the evaluation date.
    void trace_holds(const Criterion& c, const Full& tr, json& o) const {
      o["holds"] = c.holds;
      if (!c.levels.empty()) o["levels"] = c.levels;
      o["valid_years"] = c.valid_years;
      if (!tr.profile->holds) {
        o["value"] = nullptr;
        return;
      }
      json entries = json::array();
      for (const auto& h : *tr.profile->holds) {
        if (h.title != c.holds) continue;
        json e{{"level", h.level ? json(*h.level) : json(nullptr)}, {"since", h.since ? json(h.since->iso()) : json(nullptr)}};
        json in_force = nullptr;
        if (h.since && c.valid_years > 0) {
          Date until = valid_until(*h.since, c.valid_years);
          e["valid_until"] = until.iso();
          in_force = *h.since <= p.options.as_of && p.options.as_of <= until;
        } else if (c.valid_years == 0) {
          in_force = !h.since || *h.since <= p.options.as_of;
        }
        e["in_force"] = in_force;
        entries.push_back(std::move(e));
      }
      o["value"] = std::move(entries);
    }

    // A size criterion without its missing fields: the 划型 rules are evaluated only until the
    // answer is known (for "not large", the first rule usually settles it).
    Tri size_test(unsigned expected) const {
      auto decide = [&](unsigned possible) {
        bool in = possible & expected, out = possible & ~expected;
        return in && out ? Tri::Undetermined : (out ? Tri::NotMet : Tri::Met);
      };
      const ScreenSlot& s = row.slots[p.industry];
      if (s.state != ScreenSlot::State::Choice) {  // unknown industry: every industry's rules
        size();
        return decide(size_possible);
      }
      auto choice = static_cast<std::size_t>(s.num);
      if (p.size_rules[choice].empty()) return decide(kAllSizes);
      const auto& rules = p.size_rules[choice];
      unsigned known = 0;  // classes of the rules evaluated that remain possible
      unsigned rest = kAllSizes;  // classes not yet evaluated (micro is what is left)
      for (const auto& [cls, rule] : rules) {
        Tri r = node(rule, nullptr);
        rest &= ~cls;
        if (r == Tri::Met) return decide(known | cls);  // settled: nothing after it is possible
        if (r == Tri::Undetermined) known |= cls;
        // Unsettled, the final classes are `known` plus at least one of `rest` (micro at the end).
        if ((rest & ~expected) == 0) return (known & ~expected) ? Tri::Undetermined : Tri::Met;
        if ((rest & expected) == 0) return (known & expected) ? Tri::Undetermined : Tri::NotMet;
      }
      return decide(known | kMicro);
    }

    static Tri interval(const Interval& iv, const MetricTest& m) {
      auto at = [&](int x) { return test_known<Rational>(m, Rational(x)); };
      if (m.op == Op::Eq) {
        if (iv.min == iv.max) return at(iv.min) ? Tri::Met : Tri::NotMet;
        return (m.t < Rational(iv.min) || m.t > Rational(iv.max)) ? Tri::NotMet : Tri::Undetermined;
      }
      bool lo = at(iv.min), hi = at(iv.max);
      return (lo && hi) ? Tri::Met : (!lo && !hi ? Tri::NotMet : Tri::Undetermined);
    }

    Tri holds(const Node& n, Bits* missing) const {
      if (!row.holds_known) {
        if (missing) missing->set(p.holds_bit);
        return Tri::Undetermined;
      }
      bool sure = false, maybe = false;
      const Date& as_of = p.options.as_of;
      for (const auto& h : row.holds) {
        if (h.title != n.title) continue;
        bool level_ok = n.levels == 0 || (h.level >= 0 && (n.levels >> h.level) & 1);
        bool level_open = n.levels != 0 && h.level < 0;
        bool in_force = true;
        if (h.since_known && n.valid_years > 0) {
          Date until = valid_until(h.since, n.valid_years);
          in_force = h.since <= as_of && as_of <= until;
        } else if (h.since_known) {
          in_force = h.since <= as_of;  // no validity stated: a title listed as held counts
        }
        if ((level_ok || level_open) && in_force) {
          if (level_ok && (h.since_known || n.valid_years == 0)) sure = true;
          else maybe = true;
        }
      }
      if (sure) return Tri::Met;
      if (maybe) {
        if (missing) missing->set(p.holds_bit);
        return Tri::Undetermined;
      }
      return Tri::NotMet;
    }

    // A score table: each indicator's points as an interval (exact when its inputs are known).
    // `with_missing`: also the fields that would narrow each interval. With the full tracer,
    // `out` receives the table's explanation (docs/output-format.md, "scores").
    template <class T>
    void score(const Table& t, ScoreValue& s, bool with_missing, T& tr, json* out) const {
      s.total = Interval{};
      s.missing = Bits{};
      s.cats.assign(t.categories, Interval{});
      s.cat_missing.assign(t.categories, Bits{});
      [[maybe_unused]] FullOnly<T, json> indicators;
      if constexpr (T::full) indicators = json::array();
      for (const auto& ind : t.indicators) {
        Interval pts;
        Bits missing;
        [[maybe_unused]] FullOnly<T, json> it;
        if constexpr (T::full) it = indicator_trace(*ind.src, tr.cites);
        if (ind.mode == Indicator::Mode::Value) {
          pts = value_points(ind, missing);
          if constexpr (T::full) {
            const MetricDef& def = *find_metric(ind.src->metric);
            MetricValue v = compute_metric(def, lookup(tr));
            it["metric"] = ind.src->metric;
            if (v.state != MetricValue::State::Unknown) it["value"] = format_metric_value(def, v);
          }
        } else {
          bool decided = false;
          int sure = 0, possible = 0;
          int cmin = 0, cmax = 0;
          int candidates = 0;
          [[maybe_unused]] FullOnly<T, json> bands;
          if constexpr (T::full) bands = json::array();
          for (const auto& b : ind.bands) {
            Tri r = Tri::Met;
            [[maybe_unused]] FullOnly<T, json> bt;
            if constexpr (T::full) {
              bt = json{{"points", b.points}};
              if (!ind.src->bands[static_cast<std::size_t>(&b - ind.bands.data())].label.empty()) {
                bt["label"] = ind.src->bands[static_cast<std::size_t>(&b - ind.bands.data())].label;
              }
              if (b.node >= 0) {
                Bits bb;
                json ct;
                r = explain(b.node, bb, tr, ct);
                if (r == Tri::Undetermined) missing |= bb;
                bt["criterion"] = std::move(ct);
              }
              bt["result"] = tri_name(r);
              bands.push_back(std::move(bt));
            } else {
              if (b.node >= 0) r = node(b.node, with_missing ? &missing : nullptr);
            }
            if (ind.mode == Indicator::Mode::Sum) {
              if (r == Tri::Met) sure += b.points;
              if (r != Tri::NotMet) possible += b.points;
              continue;
            }
            if (decided) continue;
            if (r != Tri::NotMet) {
              cmin = candidates ? std::min(cmin, b.points) : b.points;
              cmax = candidates ? std::max(cmax, b.points) : b.points;
              ++candidates;
            }
            if (r == Tri::Met) {
              decided = true;
              if constexpr (T::full) {
                if (candidates == 1) it["band"] = static_cast<int>(bands.size()) - 1;
              }
            }
          }
          if (ind.mode == Indicator::Mode::Sum) {
            pts = Interval{std::min(sure, ind.max), std::min(possible, ind.max)};
          } else {
            if (!decided) {  // no band met: nothing scored is possible too
              cmin = candidates ? std::min(cmin, 0) : 0;
              cmax = candidates ? std::max(cmax, 0) : 0;
            }
            pts = Interval{cmin, cmax};
          }
          if constexpr (T::full) it["bands"] = std::move(bands);
        }
        if (pts.min != pts.max) {
          s.missing |= missing;
          s.cat_missing[ind.category] |= missing;
        }
        s.total.min += pts.min;
        s.total.max += pts.max;
        s.cats[ind.category].min += pts.min;
        s.cats[ind.category].max += pts.max;
        if constexpr (T::full) {
          it["points"] = json{{"min", pts.min}, {"max", pts.max}};
          if (pts.min != pts.max) it["missing"] = p.names(missing);
          indicators.push_back(std::move(it));
        }
      }
      if constexpr (T::full) {
        const ScoreTable& st = *t.src;
        json cats = json::array();
        for (std::size_t k = 0; k < st.categories.size(); ++k) {  // the headed categories come first
          const auto& cat = st.categories[k];
          cats.push_back(json{{"id", cat.id}, {"title", cat.title}, {"max", cat.max},
                              {"min_points", s.cats[k].min}, {"max_points", s.cats[k].max}});
        }
        // Assigned key by key: a braced json list would copy the (large) indicator traces.
        *out = json::object();
        (*out)["id"] = st.id;
        (*out)["title"] = st.title;
        (*out)["citation"] = cite(tr.cites, st.citation);
        (*out)["min"] = s.total.min;
        (*out)["max"] = s.total.max;
        (*out)["categories"] = std::move(cats);
        (*out)["indicators"] = std::move(indicators);
        (*out)["missing"] = p.names(s.missing);
      }
    }

    void score(const Table& t, ScoreValue& s, bool with_missing) const {
      Light light;
      score(t, s, with_missing, light, nullptr);
    }

    static json indicator_trace(const Indicator& ind, Citations* cites) {
      static const char* kModes[] = {"first_match", "sum", "value"};
      json it{{"id", ind.id},   {"title", ind.title}, {"category", ind.category}, {"mode", kModes[static_cast<int>(ind.mode)]},
              {"max", ind.max}, {"citation", cite(cites, ind.citation)}};
      if (!ind.interpretation.empty()) it["interpretation"] = ind.interpretation;
      return it;
    }

    Interval value_points(const IndicatorCode& ind, Bits& missing) const {
      const MetricTest& m = p.tests[ind.value_test];
      for (int i = 0; i < m.n_in; ++i) {
        if (row.slots[m.in[i]].state == ScreenSlot::State::Unknown) missing.set(m.in[i]);
      }
      if (missing.w[0] || missing.w[1]) return Interval{0, ind.max};
      MValue<Rational> v = compute<Rational>(m.kind, m.in, m.n_in, row);
      if (v.state != MState::Known) return Interval{0, 0};
      Rational clamped = std::min(std::max(v.v, Rational(0)), Rational(ind.max));
      int pts = static_cast<int>(floor_div(clamped.num(), clamped.den()));
      return Interval{pts, pts};
    }

    // One industry's classes (the rules large, medium, small in order; micro is what is left) into `possible`, and the fields
    // that would narrow them into `missing` while more than one class is left.
    void size_in(std::size_t choice, unsigned& possible, Bits& missing) const {
      const auto& rules = p.size_rules[choice];
      if (rules.empty()) {  // an industry the standard lacks: nothing can be said
        possible = kAllSizes;
        missing = Bits{};
        missing.set(p.industry);
        return;
      }
      possible = 0;
      missing = Bits{};
      bool settled = false;
      for (const auto& [cls, rule] : rules) {
        Tri r = node(rule, &missing);
        if (r != Tri::NotMet) possible |= cls;
        if (r == Tri::Met) {
          settled = true;
          break;
        }
      }
      if (!settled) possible |= kMicro;
      if (!(possible & (possible - 1))) missing = Bits{};
    }

    void size() const {
      const ScreenSlot& s = row.slots[p.industry];
      unsigned possible = 0;
      Bits missing;
      if (s.state == ScreenSlot::State::Choice) {
        size_in(static_cast<std::size_t>(s.num), possible, missing);
      } else {
        // Unknown industry: a class is possible if some industry allows it (a sure SME when every
        // industry rules out large).
        for (std::size_t choice = 0; choice < p.size_rules.size(); ++choice) {
          unsigned one = 0;
          Bits why;
          size_in(choice, one, why);
          possible |= one;
          missing |= why;
        }
        missing.set(p.industry);
        if (!(possible & (possible - 1))) missing = Bits{};
      }
      size_possible = possible;
      size_missing = missing;
      size_ready = true;
    }
  };
};

namespace {
const std::vector<std::string>& level_names() {
  static const std::vector<std::string> l = {"national", "provincial", "city"};
  return l;
}
}  // namespace

Screener::Screener(const PolicySet& policies, const Options& options, const std::vector<std::string>& tiers)
    : impl_(std::make_unique<Impl>()) {
  Impl& p = *impl_;
  p.policies = &policies;
  if (&policies == &active_policies()) p.keep = active_policy_set();
  p.options = options;
  check_criteria(options.criteria, policies, "/criteria");
  check_applicant(options.applicant, "/applicant");
  for (const auto& f : profile_fields()) p.fields.push_back(&f);
  p.holds_bit = static_cast<int>(p.fields.size());
  if (p.holds_bit >= 128) throw std::logic_error("screen: more than 127 profile fields");
  p.evaluation_year = p.slot_of("evaluation_year");
  p.industry = p.slot_of("industry");

  const Policy* standard = policies.size_standard();
  const FieldSpec& industry = *p.fields[p.industry];
  p.size_rules.resize(industry.values.size());
  for (std::size_t i = 0; i < industry.values.size(); ++i) {
    for (const auto& ind : standard->industries) {
      if (ind.industry != industry.values[i]) continue;
      p.size_rules[i].clear();
      for (const auto& rule : ind.rules) p.size_rules[i].emplace_back(size_bit(rule.size_class), p.compile(rule.criterion, nullptr));
    }
  }

  p.version = options.criteria.empty() ? criteria_version_on(policies, options.as_of) : options.criteria;
  check_request_choices(options, policies);
  std::vector<CompiledTier> all;
  for (const auto& sel : select_tiers(policies, p.version, options)) {
    const Tier& tier = *sel.tier;
    if (!tiers.empty() && std::find(tiers.begin(), tiers.end(), tier.id) == tiers.end()) continue;
    CompiledTier ct;
    ct.policy = sel.policy;
    ct.tier = &tier;
    p.reading_choice = sel.choice;
    p.readings_met.clear();
    for (const auto& table : tier.scores) ct.tables.push_back(p.compile_table(table));
    ct.root = p.compile(tier.criterion, &ct.tables);
    if (tier.grants) ct.grants = p.compile(*tier.grants, nullptr);
    std::set<std::string> met = p.readings_met;
    ct.readings.assign(met.begin(), met.end());
    for (const auto& rid : met) {
      // A reading chosen by the request is varied too, for the explanation, but never contests.
      bool by_request = sel.choice.count(rid) > 0;
      const Reading& r = *policies.reading(rid);
      std::string in_force = by_request ? sel.choice.at(rid) : r.default_option;
      for (const auto& opt : r.options) {
        if (opt.id == in_force) continue;
        p.reading_choice = sel.choice;
        p.reading_choice[rid] = opt.id;
        ct.alternates.push_back(CompiledTier::Alternate{rid, opt.id, by_request, p.compile_sub(tier)});
      }
    }
    p.reading_choice = sel.choice;
    ct.choice = sel.choice;
    ct.renewal = sel.renewal;
    ct.substituted = sel.substituted;
    all.push_back(std::move(ct));
  }
  for (const auto& id : tiers) {
    bool found = std::any_of(all.begin(), all.end(), [&](const CompiledTier& t) { return t.tier->id == id; });
    if (!found) {
      throw LoadFailure({Error{"options.bad_tier", "/tiers",
                               "层级“" + id + "”不在认定标准版本“" + p.version + "”中", "options"}});
    }
  }
  p.tiers = std::move(all);  // in ladder order, as select_tiers gives them
  p.filtered = !tiers.empty();
}

Screener::~Screener() = default;
Screener::Screener(Screener&&) noexcept = default;
Screener& Screener::operator=(Screener&&) noexcept = default;

Date Screener::as_of() const { return impl_->options.as_of; }

std::vector<std::string> Screener::tier_ids() const {
  std::vector<std::string> ids;
  for (const auto& t : impl_->tiers) ids.push_back(t.tier->id);
  return ids;
}

void Screener::prepare(const Profile& profile, ScreenRow& row) const {
  const Impl& p = *impl_;
  row.slots.assign(p.fields.size(), ScreenSlot{});
  for (std::size_t i = 0; i < p.fields.size(); ++i) {
    const FieldSpec& f = *p.fields[i];
    const Fact* fact = profile.fact(f.name);
    if (!fact) continue;
    ScreenSlot& s = row.slots[i];
    switch (fact->kind) {
      case Fact::Kind::None:
        s.state = ScreenSlot::State::None;
        break;
      case Fact::Kind::Bool:
        s.state = ScreenSlot::State::Bool;
        s.num = fact->flag ? 1 : 0;
        break;
      case Fact::Kind::Text: {
        auto it = std::find(f.values.begin(), f.values.end(), fact->text);
        s.state = it == f.values.end() ? ScreenSlot::State::Text : ScreenSlot::State::Choice;
        s.num = it - f.values.begin();
        break;
      }
      case Fact::Kind::Number: {
        // Percent fields hold "10.5" for 10.5%; metrics read them as the ratio 0.105.
        Rational x = f.kind == FieldKind::Percent ? fact->number / Rational(100) : fact->number;
        s.state = ScreenSlot::State::Number;
        s.num = static_cast<std::int64_t>(x.num());
        s.den = static_cast<std::int64_t>(x.den());
        break;
      }
    }
  }
  ScreenSlot& year = row.slots[p.evaluation_year];
  year = ScreenSlot{ScreenSlot::State::Number, p.options.as_of.year, 1};
  row.holds_known = profile.holds.has_value();
  row.holds.clear();
  if (profile.holds) {
    const auto& titles = holding_titles();
    const auto& levels = level_names();
    for (const auto& h : *profile.holds) {
      ScreenHolding sh;
      auto t = std::find(titles.begin(), titles.end(), h.title);
      sh.title = t == titles.end() ? -1 : static_cast<int>(t - titles.begin());
      if (h.level) {
        auto l = std::find(levels.begin(), levels.end(), *h.level);
        sh.level = l == levels.end() ? -1 : static_cast<int>(l - levels.begin());
      }
      sh.since_known = h.since.has_value();
      if (h.since) sh.since = *h.since;
      row.holds.push_back(sh);
    }
  }
}

ScreenRow Screener::prepare(const Profile& profile) const {
  ScreenRow row;
  prepare(profile, row);
  return row;
}

namespace {
char verdict_char(Tri t) { return t == Tri::Met ? 'E' : (t == Tri::NotMet ? 'N' : 'U'); }
Verdict verdict_from(char v) {
  return v == 'E' ? Verdict::Eligible : (v == 'N' ? Verdict::NotEligible : (v == 'C' ? Verdict::Contested : Verdict::Undetermined));
}
}  // namespace

// The tier's verdict under the default readings, then 'C' if another reading's option changes it.
// noinline: Screener::run is flattened, and a second full copy of the node interpreter here made
// GCC -O3 take tens of minutes on this file.
[[gnu::noinline]] char Screener::Impl::verdict_of(const CompiledTier& t, Run& run, Tri r) const {
  if (t.alternates.empty()) return verdict_char(r);
  char v = verdict_char(r);
  for (const auto& alt : t.alternates) {
    if (alt.by_request) continue;  // the request chose it: a choice, not a contest
    if (run.sub_tier(alt.sub, nullptr) != r) return 'C';
  }
  return v;
}

// Not flattened: the work is in Impl::Run::node and score, flattened themselves; a copy of them
// per call site here cost minutes of GCC -O3 and nothing measurable at run time.
void Screener::run(const ScreenRow& row, std::vector<TierVerdict>& out) const {
  const Impl& p = *impl_;
  Impl::Run run(p, row);
  out.resize(p.tiers.size());
  std::vector<ScoreValue>& scores = p.scratch;
  for (std::size_t i = 0; i < p.tiers.size(); ++i) {
    const CompiledTier& t = p.tiers[i];
    if (scores.size() < t.tables.size()) scores.resize(t.tables.size());
    for (std::size_t k = 0; k < t.tables.size(); ++k) run.score(t.tables[k], scores[k], false);
    run.scores = &scores;
    Tri r = run.node(t.root, nullptr);
    TierVerdict& v = out[i];
    v.id = t.tier->id;
    v.verdict = p.verdict_of(t, run, r);
    v.scored = !t.tables.empty();
    if (v.scored) {
      v.score_min = scores[0].total.min;
      v.score_max = scores[0].total.max;
    }
    v.held = -1;
    if (t.grants >= 0) {
      Tri h = run.node(t.grants, nullptr);
      v.held = h == Tri::Met ? 1 : (h == Tri::NotMet ? 0 : -1);
    }
  }
}

const char* Screener::size_class(const ScreenRow& row) const {
  Impl::Run run(*impl_, row);
  run.size();
  unsigned s = run.size_possible;
  return (s & (s - 1)) ? "undetermined" : size_name(s);
}

json Screener::result(const Profile& loaded, bool with_awards) const {
  const Impl& p = *impl_;
  Profile profile = with_evaluation_facts(loaded, p.options.as_of);
  ScreenRow row = prepare(profile);
  Impl::Run run(p, row);
  run.size();

  auto names = [&](const Bits& b) {
    // Sorted by name, as the full evaluation's merged lists are.
    std::vector<std::string> list;
    for (int i = 0; i <= p.holds_bit; ++i) {
      if (b.test(i)) list.push_back(i == p.holds_bit ? "holds" : p.fields[i]->name);
    }
    std::sort(list.begin(), list.end());
    return json(list);
  };

  json out = json::object();
  out["engine"] = json{{"name", "srdi"}, {"version", engine_version()}};
  out["format"] = kOutputFormat;
  out["as_of"] = p.options.as_of.iso();
  out["criteria"] = p.version.empty() ? json(nullptr) : json(p.version);
  json possible = json::array();
  for (unsigned bit : {kLarge, kMedium, kSmall, kMicro}) {
    if (run.size_possible & bit) possible.push_back(size_name(bit));
  }
  unsigned sp = run.size_possible;
  bool can_be_large = sp & kLarge, can_be_sme = sp & ~kLarge;
  json size = json::object();
  size["class"] = (sp & (sp - 1)) ? "undetermined" : size_name(sp);
  size["possible"] = possible;
  size["missing"] = names(run.size_missing);
  size["is_sme"] = can_be_large && can_be_sme ? json(nullptr) : json(can_be_sme);
  out["size"] = size;

  json tiers = json::array();
  std::vector<RungBrief> rungs;  // what the awards consult (core/awards.hpp)
  std::vector<ScoreValue> scores;
  for (const auto& t : p.tiers) {
    scores.assign(t.tables.size(), ScoreValue{});
    for (std::size_t k = 0; k < t.tables.size(); ++k) run.score(t.tables[k], scores[k], true);
    run.scores = &scores;
    Bits missing;
    Tri r = run.node(t.root, &missing);
    const Verdict verdict = verdict_from(p.verdict_of(t, run, r));
    std::optional<bool> held;  // the title the tier grants, held (unknown: nullopt)
    if (t.grants >= 0) {
      const Tri h = run.node(t.grants, nullptr);
      if (h != Tri::Undetermined) held = h == Tri::Met;
    }
    json item = json::object();
    item["id"] = t.tier->id;
    item["rung"] = t.tier->rung;
    item["verdict"] = verdict_name(verdict);
    item["score"] = scores.empty() ? json(nullptr) : json{{"min", scores[0].total.min}, {"max", scores[0].total.max}};
    item["missing"] = r == Tri::Undetermined ? names(missing) : json::array();
    item["held"] = held ? json(*held) : json(nullptr);
    tiers.push_back(std::move(item));
    if (consulted_by_awards(held, t.renewal)) rungs.push_back(RungBrief{t.tier, verdict, t.renewal});
  }
  out["tiers"] = std::move(tiers);

  // Award totals: the award measures are evaluated by core/awards.cpp (as in the full result),
  // keeping each document's totals. Only with every tier, since potential awards read them all.
  auto city = profile.text("city");
  if (!city || p.filtered || !with_awards) {
    out["awards"] = nullptr;
    return out;
  }
  std::string applicant =
      !p.options.applicant.empty() ? p.options.applicant : profile.text("applicant").value_or("enterprise");
  Citations cites;  // only the totals are kept
  AwardContext ctx{p.options.as_of, p.policies, &p.options.readings, checker(profile, false, &cites), &cites};
  json awards = evaluate_awards(profile, AwardRequest{*city, applicant}, *p.policies, ctx, rungs);
  json docs = json::array();
  for (const auto& d : awards["documents"]) {
    json doc = json::object();
    for (const char* k : {"policy", "doc_no", "status", "source_kind", "in_force", "totals"}) doc[k] = d[k];
    docs.push_back(std::move(doc));
  }
  out["awards"] = json{{"city", *city}, {"applicant", awards["applicant"]}, {"documents", std::move(docs)}};
  return out;
}


// ---- with explanation ----

json Screener::Impl::size_json(const Run& run, const Profile& profile, Citations* cites) const {
  const Policy& standard = *policies->size_standard();
  run.size();
  json out{{"policy", standard.id}, {"doc_no", standard.doc_no}};
  json rules = json::array();
  auto industry_given = profile.text("industry");
  if (industry_given) {
    out["industry"] = *industry_given;
    for (const auto& ind : standard.industries) {
      if (ind.industry == *industry_given) out["industry_label"] = ind.label;
    }
    const auto& values = fields[industry]->values;
    auto at = std::find(values.begin(), values.end(), *industry_given);
    if (at != values.end()) {
      // Every rule is shown, also those after the one that settles the class.
      Full tr{&profile, false, cites};
      for (const auto& [cls, rule] : size_rules[static_cast<std::size_t>(at - values.begin())]) {
        Bits m;
        json t;
        run.explain(rule, m, tr, t);
        t["class"] = size_name(cls);
        rules.push_back(std::move(t));
      }
    }
  } else {
    out["industry"] = nullptr;
  }
  unsigned sp = run.size_possible;
  json possible = json::array();
  for (unsigned bit : {kLarge, kMedium, kSmall, kMicro}) {
    if (sp & bit) possible.push_back(size_name(bit));
  }
  std::string cls = run.size_class_name();
  out["class"] = cls;
  out["label"] = size_class_label(cls);
  out["possible"] = std::move(possible);
  out["missing"] = names(run.size_missing);
  out["rules"] = std::move(rules);
  bool can_be_large = sp & kLarge, can_be_sme = sp & ~kLarge;
  out["is_sme"] = can_be_large && can_be_sme ? json(nullptr) : json(can_be_sme);
  return out;
}

json Screener::explain_size(const Profile& profile) const {
  ScreenRow row = prepare(profile);
  Impl::Run run(*impl_, row);
  return impl_->size_json(run, profile, nullptr);
}

json unmet_item(const json& leaf) {
  json item{{"id", leaf["id"]}, {"title", leaf["title"]}, {"kind", leaf["kind"]}};
  if (leaf.contains("gap")) item["gap"] = leaf["gap"];
  if (leaf.contains("holds")) item["holds"] = leaf["holds"];
  return item;
}

json Screener::unmet(const Profile& profile, std::string_view tier_id, Citations* cites) const {
  const Impl& p = *impl_;
  json out = json::array();
  for (const auto& t : p.tiers) {
    if (t.tier->id != tier_id) continue;
    ScreenRow row = prepare(profile);
    Impl::Run run(p, row);
    std::vector<ScoreValue> scores(t.tables.size());
    for (std::size_t k = 0; k < t.tables.size(); ++k) run.score(t.tables[k], scores[k], true);
    run.scores = &scores;
    Full tr{&profile, true, cites};
    // The walk of engine.cpp's collect_unmet over the full trace, on the program: a node that is
    // not failed is skipped unexplained; only the failed leaves are traced.
    auto walk = [&](auto& self, int i) -> void {
      const Node& n = p.nodes[static_cast<std::size_t>(i)];
      if (run.node(i, nullptr) != Tri::NotMet) return;
      if (!n.lapsed && (n.kind == Criterion::Kind::All || n.kind == Criterion::Kind::Any || n.kind == Criterion::Kind::Reading)) {
        for (int k = 0; k < n.count; ++k) self(self, p.kids[static_cast<std::size_t>(n.first + k)]);
        return;
      }
      if (n.lapsed) {  // shown as "not examined": its explanation words the title
        Bits missing;
        json trace;
        run.explain(i, missing, tr, trace);
        out.push_back(unmet_item(trace));
      } else {
        out.push_back(run.unmet_leaf(i, tr));
      }
    };
    walk(walk, t.root);
    run.scores = nullptr;
  }
  return out;
}

Screener::Explanation Screener::explain(const Profile& profile, Citations* cites) const {
  const Impl& p = *impl_;
  ScreenRow row = prepare(profile);
  Impl::Run run(p, row);
  Explanation out;
  out.size = p.size_json(run, profile, cites);
  Full tr{&profile, true, cites};
  for (const auto& t : p.tiers) {
    ExplainedTier e;
    e.policy = t.policy;
    e.tier = t.tier;
    e.renewal = t.renewal;
    e.substituted = t.substituted;
    std::vector<ScoreValue> scores(t.tables.size());
    for (std::size_t k = 0; k < t.tables.size(); ++k) {
      json st;
      run.score(t.tables[k], scores[k], true, tr, &st);
      e.scores.push_back(std::move(st));
    }
    run.scores = &scores;
    Bits missing;
    e.result = run.explain(t.root, missing, tr, e.criteria);
    e.contested = p.verdict_of(t, run, e.result) == 'C';
    for (const auto& rid : t.readings) {
      const Reading& r = *p.policies->reading(rid);
      ExplainedTier::ReadingOutcome ro;
      ro.id = rid;
      ro.by_request = t.choice.count(rid) > 0;
      ro.option = ro.by_request ? t.choice.at(rid) : r.default_option;
      for (const auto& opt : r.options) {
        Tri v = e.result;
        if (opt.id != ro.option) {
          for (const auto& alt : t.alternates) {
            if (alt.reading == rid && alt.option == opt.id) v = run.sub_tier(alt.sub, nullptr);
          }
        }
        ro.verdicts.push_back(v);
      }
      e.readings.push_back(std::move(ro));
    }
    run.scores = nullptr;
    if (t.grants >= 0) {
      e.grants = true;
      e.held = run.node(t.grants, nullptr);
    }
    out.tiers.push_back(std::move(e));
  }
  return out;
}

CriterionCheck Screener::checker(const Profile& profile, bool gaps, Citations* cites) const {
  Impl* p = impl_.get();
  struct State {
    ScreenRow row;
    std::unique_ptr<Impl::Run> run;
  };
  auto state = std::make_shared<State>();
  prepare(profile, state->row);
  state->run = std::make_unique<Impl::Run>(*p, state->row);
  const Profile* shown = &profile;
  return [p, state, shown, gaps, cites](const Criterion& c) {
    int node = p->compiled(c);  // before the run: compiling may move the program's nodes
    Full tr{shown, gaps, cites};
    Bits missing;
    Outcome o;
    o.result = state->run->explain(node, missing, tr, o.trace);
    return o;
  };
}

TierOutcome Screener::explain_tier(const Tier& tier, const Profile& profile) const {
  Impl& p = *impl_;
  auto it = p.extra_tiers.find(&tier);
  if (it == p.extra_tiers.end()) {
    p.reading_choice = p.options.readings;
    p.reading_choice[kPurposeReading] = "new";
    it = p.extra_tiers.emplace(&tier, p.compile_sub(tier)).first;
  }
  const SubTier& sub = it->second;
  ScreenRow row = prepare(profile);
  Impl::Run run(p, row);
  Full tr{&profile, true};
  TierOutcome out;
  std::vector<ScoreValue> scores(sub.tables.size());
  for (std::size_t k = 0; k < sub.tables.size(); ++k) {
    ScoreResult sr;
    run.score(sub.tables[k], scores[k], true, tr, &sr.trace);
    sr.total = scores[k].total;
    for (std::size_t c = 0; c < sub.tables[k].category_ids.size(); ++c) sr.categories[sub.tables[k].category_ids[c]] = scores[k].cats[c];
    out.scores[sub.tables[k].id] = std::move(sr);
  }
  run.scores = &scores;
  Bits missing;
  out.outcome.result = run.explain(sub.root, missing, tr, out.outcome.trace);
  return out;
}

Response screen_request(std::string_view profile_text, const Options& options) {
  return guarded_response([&] {
    Screener s(active_policies(), options);
    return s.result(load_profile(profile_text, options.as_of));
  });
}

Response screen_request(std::string_view profile_text, std::string_view options_text) {
  Options o;
  Response bad = guarded_response([&] {
    o = parse_options(options_text, today_local(), active_policies());
    return json();
  });
  return bad.ok ? screen_request(profile_text, o) : bad;
}

json ScreenBatch::configure(std::string_view options_text) {
  Response r = guarded_response([&] {
    std::vector<std::string> tiers;
    std::string rest(options_text);
    if (!options_text.empty()) {
      StrictDocument doc = parse_strict_json(options_text, "options");
      if (doc.value.is_object() && doc.value.contains("tiers")) {
        json o = doc.value;
        const json& list = o["tiers"];
        if (!list.is_array()) throw LoadFailure({Error{"options.wrong_type", "/tiers", "层级应为层级编号的列表", "options"}});
        for (std::size_t i = 0; i < list.size(); ++i) {
          if (!list[i].is_string()) {
            throw LoadFailure({Error{"options.wrong_type", "/tiers/" + std::to_string(i), "层级编号应为文字", "options"}});
          }
          tiers.push_back(list[i].get<std::string>());
        }
        o.erase("tiers");
        rest = o.dump();
      }
    }
    Options options = parse_options(rest, today_local(), active_policies());
    // Rows prepared for an earlier screener hold its slot layout: they must be loaded again.
    count_ = 0;
    screener_ = std::make_unique<Screener>(active_policies(), options, tiers);
    return json::object();
  });
  if (!r.ok) screener_.reset();
  return r.body;
}

json ScreenBatch::load(std::string_view jsonl) {
  if (!screener_) return errors_json({Error{"engine.not_configured", "", "请先设置评估选项", "engine"}});
  json errors = json::array();
  count_ = 0;
  std::size_t pos = 0;
  while (pos < jsonl.size()) {
    std::size_t end = jsonl.find('\n', pos);
    if (end == std::string_view::npos) end = jsonl.size();
    std::string_view line = jsonl.substr(pos, end - pos);
    pos = end + 1;
    if (count_ == rows_.size()) {
      rows_.emplace_back();
      loaded_.push_back(false);
    }
    Response r = guarded_response([&] {
      Profile p = load_profile(line, screener_->as_of());
      screener_->prepare(p, rows_[count_]);  // the row holds copies: `p` may end here
      return json();
    });
    loaded_[count_] = r.ok;
    if (!r.ok) errors.push_back(json{{"line", count_ + 1}, {"errors", r.body["errors"]}});
    ++count_;
  }
  return json{{"rows", count_}, {"errors", std::move(errors)}};
}

// Not flattened: its loop calls Screener::run, itself flattened; flattening both made GCC inline
// the node interpreter (and the JSON code) into one huge function.
json ScreenBatch::run() {
  if (!screener_) return errors_json({Error{"engine.not_configured", "", "请先设置评估选项", "engine"}});
  std::vector<std::string> ids = screener_->tier_ids();
  verdicts_.resize(ids.size());
  for (auto& v : verdicts_) v.assign(count_, '-');
  std::vector<std::array<int, 4>> counts(ids.size(), {0, 0, 0, 0});
  auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < count_; ++i) {
    if (!loaded_[i]) continue;
    screener_->run(rows_[i], scratch_);
    for (std::size_t t = 0; t < scratch_.size(); ++t) {
      char v = scratch_[t].verdict;
      verdicts_[t].data()[i] = v;
      ++counts[t][v == 'E' ? 0 : (v == 'N' ? 1 : (v == 'C' ? 3 : 2))];
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  json tiers = json::array();
  for (std::size_t t = 0; t < ids.size(); ++t) {
    tiers.push_back(json{{"id", ids[t]}, {"eligible", counts[t][0]}, {"not_eligible", counts[t][1]},
                         {"undetermined", counts[t][2]}, {"contested", counts[t][3]}});
  }
  return json{{"rows", count_}, {"seconds", seconds}, {"tiers", std::move(tiers)}};
}

std::string ScreenBatch::verdicts(std::string_view tier_id) const {
  if (!screener_) return "";
  std::vector<std::string> ids = screener_->tier_ids();
  for (std::size_t t = 0; t < ids.size() && t < verdicts_.size(); ++t) {
    if (ids[t] == tier_id) return verdicts_[t];
  }
  return "";
}

LineEvaluator::LineEvaluator(const Options& options, bool verdicts_only) : options_(options) {
  if (verdicts_only) screener_ = std::make_unique<Screener>(active_policies(), options);
  else check_criteria(options.criteria, active_policies(), "/criteria");
}

bool LineEvaluator::line(std::string_view profile_text, std::string& out) const {
  Response r = screener_ ? guarded_response([&] { return screener_->result(load_profile(profile_text, options_.as_of)); })
                         : evaluate_request(profile_text, options_);
  out += r.body.dump(-1, ' ', false, json::error_handler_t::replace);
  return r.ok;
}

Response ScreenSession::screen(std::string_view profile_text, std::string_view options_text) {
  return guarded_response([&] {
    Options o = parse_options(options_text, today_local(), active_policies());
    bool same = screener_ && set_ == &active_policies() && o.as_of == options_.as_of && o.criteria == options_.criteria &&
                o.applicant == options_.applicant && o.renewal == options_.renewal && o.readings == options_.readings;
    if (!same) {
      screener_.reset();  // a failure below leaves no stale screener behind
      screener_ = std::make_unique<Screener>(active_policies(), o);
      set_ = &active_policies();
      options_ = o;
    }
    return screener_->result(load_profile(profile_text, o.as_of));
  });
}

bool evaluate_lines(std::string_view jsonl, const Options& options, bool verdicts_only, std::string& out) {
  out.clear();
  std::unique_ptr<LineEvaluator> lines;
  Response bad = guarded_response([&] {
    lines = std::make_unique<LineEvaluator>(options, verdicts_only);
    return json();
  });
  if (!bad.ok) {
    out = bad.body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    return false;
  }
  bool all_ok = true;
  std::size_t pos = 0;
  while (pos < jsonl.size()) {
    std::size_t end = jsonl.find('\n', pos);
    if (end == std::string_view::npos) end = jsonl.size();
    std::string_view line = jsonl.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    all_ok = lines->line(line, out) && all_ok;
    out += '\n';
  }
  return all_ok;
}

bool evaluate_lines(std::string_view jsonl, std::string_view options_text, bool verdicts_only, std::string& out) {
  Options o;
  Response bad = guarded_response([&] {
    o = parse_options(options_text, today_local(), active_policies());
    return json();
  });
  if (!bad.ok) {
    out = bad.body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    return false;
  }
  return evaluate_lines(jsonl, o, verdicts_only, out);
}

}  // namespace srdi
