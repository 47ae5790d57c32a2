// Properties over generated profiles (fixed seed): more R&D, more IP, a larger market share or a
// higher platform score never lowers a tier's score nor moves its verdict down
// (not_eligible < undetermined < eligible), under both criteria versions. Evaluation is
// deterministic, and independent of the order of keys (at every level) and of the items of the
// lists `holds`, `events` and `honors`.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>

#include "core/engine.hpp"
#include "core/evaluator.hpp"
#include "core/events.hpp"
#include "core/profile.hpp"

using srdi::json;

namespace {

class Gen {
 public:
  explicit Gen(unsigned seed) : rng_(seed) {}
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(int percent) { return between(1, 100) <= percent; }
  template <typename T>
  const T& pick(const std::vector<T>& xs) {
    return xs[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(xs.size()) - 1))];
  }
  // Fisher-Yates with our own draws (std::shuffle's algorithm differs between libraries).
  // Returns perm with shuffled[j] = original[perm[j]].
  std::vector<std::size_t> permutation(std::size_t n) {
    std::vector<std::size_t> perm(n);
    for (std::size_t i = 0; i < n; ++i) perm[i] = i;
    for (std::size_t i = n; i > 1; --i) std::swap(perm[i - 1], perm[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(i) - 1))]);
    return perm;
  }
  std::string date(int from_year, int to_year) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(between(from_year, to_year)),
                  static_cast<int>(between(1, 12)), static_cast<int>(between(1, 28)));
    return buf;
  }
  std::string yuan(std::int64_t lo_wan, std::int64_t hi_wan) {
    std::int64_t fen = between(lo_wan * 1000000, hi_wan * 1000000);
    std::int64_t mag = fen < 0 ? -fen : fen;
    return (fen < 0 ? "-" : "") + std::to_string(mag / 100) + "." + (mag % 100 < 10 ? "0" : "") + std::to_string(mag % 100);
  }

  // A plausible SME with some fields left unknown.
  json profile() {
    json p = {{"industry", "industry"}, {"employees", between(20, 900)}};
    auto maybe = [&](const char* key, json value) {
      if (!chance(15)) p[json::json_pointer(key)] = std::move(value);
    };
    maybe("/revenue/last", yuan(500, 30000));
    maybe("/revenue/prev", yuan(500, 30000));
    maybe("/revenue/prev2", yuan(500, 30000));
    maybe("/main_business_revenue/last", yuan(400, 25000));
    maybe("/main_business_revenue/prev", yuan(400, 25000));
    maybe("/main_business_revenue/prev2", yuan(400, 25000));
    maybe("/total_assets", yuan(1000, 50000));
    maybe("/total_liabilities", yuan(100, 40000));
    maybe("/net_profit", yuan(-500, 3000));
    maybe("/rd_expense/last", yuan(0, 2000));
    maybe("/rd_expense/prev", yuan(0, 2000));
    maybe("/rd_staff", between(0, 200));
    maybe("/niche_years", between(0, 15));
    maybe("/equity_financing/last", yuan(0, 5000));
    maybe("/equity_financing/prev", yuan(0, 5000));
    maybe("/equity_financing/prev2", yuan(0, 5000));
    for (const char* ip : {"/ip/class1_high_value", "/ip/class1_self_developed", "/ip/class1", "/ip/class1_applied", "/ip/class2"}) {
      maybe(ip, between(0, 6));
    }
    const char* inst[] = {"none", "below_city", "city", "provincial", "national"};
    const auto level = between(0, 4);
    maybe("/rd_institution", inst[level]);
    const bool flag = chance(30);
    // The flag must agree with a given level (profile.conflicting_fields otherwise): alone it is free.
    maybe("/provincial_rd_institution", p.contains("rd_institution") ? json(level >= 3) : json(flag));
    maybe("/digital_level", between(1, 4));
    for (const char* b : {"/quality/provincial_award", "/quality/iso9001", "/quality/standards", "/info_system_core_business",
                          "/management_certified", "/strategic_emerging", "/key_field_little_giant", "/own_brand",
                          "/market_leading", "/compliance/registered_in_china", "/compliance/not_abnormal",
                          "/compliance/no_major_incident", "/compliance/product_allowed"}) {
      maybe(b, chance(80));
    }
    const char* fields[] = {"key_breakthrough", "six_basics_or_chain", "none"};
    maybe("/product_field", fields[between(0, 2)]);
    maybe("/market_share_domestic", std::to_string(between(0, 30)) + ".5");
    maybe("/market_rank_domestic", between(1, 20));
    maybe("/distinctive_score", between(0, 15));
    maybe("/platform_score/this_year", std::to_string(between(30, 80)) + ".25");
    const char* maker[] = {"top50", "top500", "none"};
    maybe("/maker_china", maker[between(0, 2)]);
    // Its year without a draw of its own (the sequence of draws, and so every profile, stays as it was).
    if (p.contains("maker_china")) p["maker_china_year"] = 2019 + p["employees"].get<int>() % 7;
    if (chance(50)) p["sci_award"] = "none";
    // Years and dates up to the earliest evaluation date of these tests (2025-06-30): a later one is
    // bad input (profile.date_after_as_of).
    else if (chance(70)) p["sci_award"] = {{"provincial_rank", between(1, 6)}, {"provincial_year", between(2019, 2025)}};
    const std::vector<std::string> cities = {"zaozhuang", "jinan", "sanming", "benshi", "elsewhere"};
    maybe("/city", pick(cities));
    if (chance(15)) {
      const std::vector<std::string> applicants = {"enterprise", "service_platform", "park_operator", "investor",
                                                   "financial_institution", "training_institution"};
      p["applicant"] = pick(applicants);
    }
    if (chance(60)) {
      // Duplicates are allowed (and harmless), so draw with replacement.
      const std::vector<std::string> honors = {"high_tech_enterprise", "tech_innovation_demo", "ip_advantage", "ip_demo"};
      json list = json::array();
      for (auto n = between(0, 4); n > 0; --n) list.push_back(pick(honors));
      p["honors"] = list;
    }
    if (chance(85)) p["holds"] = holds();
    if (chance(85)) p["events"] = events();
    return p;
  }

  // Titles held: any title, with level or date sometimes unknown, in force or lapsed.
  json holds(std::int64_t at_least = 0) {
    json list = json::array();
    for (auto n = between(at_least, std::max<std::int64_t>(at_least, 4)); n > 0; --n) {
      const std::string& title = pick(srdi::holding_titles());
      json h = {{"title", title}};
      if (chance(85)) {
        h["level"] = pick(srdi::holding_levels(title));  // the levels the title exists at
      }
      if (chance(85)) h["since"] = date(2019, 2024);
      list.push_back(h);
    }
    return list;
  }

  // Events drawn from the engine's own vocabulary, so a new type or parameter is covered without
  // editing this file. Recognitions are drawn more often: most award measures pay for one.
  json events(std::int64_t at_least = 0) {
    json list = json::array();
    const auto& types = srdi::event_types();
    const srdi::EventType* recognition = srdi::find_event_type("recognition");
    for (auto n = between(at_least, std::max<std::int64_t>(at_least, 6)); n > 0; --n) {
      const srdi::EventType& t = chance(40) ? *recognition : pick(types);
      json e = {{"type", t.type}};
      for (const auto& param : t.params) {
        if (!param.required && !chance(70)) {
          if (chance(10)) e[param.name] = nullptr;  // null = left out
          continue;
        }
        e[param.name] = event_value(param);
      }
      list.push_back(e);
    }
    return list;
  }

  json event_value(const srdi::EventParam& param) {
    switch (param.kind) {
      case srdi::ParamKind::Enum: return pick(param.values);
      case srdi::ParamKind::Money: return yuan(0, 600);
      case srdi::ParamKind::Count: return between(0, 12);
      case srdi::ParamKind::Rank: return between(1, 5);
      case srdi::ParamKind::Bool: return chance(50);
      case srdi::ParamKind::Percent: return std::to_string(between(0, 3)) + "." + std::to_string(between(0, 9));
    }
    return nullptr;
  }

 private:
  std::mt19937_64 rng_;
};

int rank(const json& verdict) {
  if (verdict == "not_eligible") return 0;
  if (verdict == "undetermined") return 1;
  return 2;
}

json evaluate(const json& profile, const char* as_of) {
  auto r = srdi::evaluate_request(profile.dump(), srdi::Options{*srdi::parse_date(as_of), ""});
  INFO(r.body.dump());
  REQUIRE(r.ok);
  return r.body;
}

// Raises one known figure of the profile, keeping it valid. (An unknown figure is left alone:
// learning a value may rightly narrow a score interval.)
void raise(json& p, const std::string& what, Gen& g) {
  auto add_yuan = [&](const char* ptr) {
    json::json_pointer jp(ptr);
    if (!p.contains(jp)) return;
    std::int64_t base = std::stoll(p[jp].get<std::string>());
    p[jp] = std::to_string(base + g.between(1, 5000000)) + ".00";
  };
  if (what == "rd_last") add_yuan("/rd_expense/last");
  if (what == "rd_prev") add_yuan("/rd_expense/prev");
  if (what == "ip") {
    for (const char* ip : {"/ip/class1_high_value", "/ip/class1_self_developed", "/ip/class1", "/ip/class1_applied", "/ip/class2"}) {
      json::json_pointer jp(ip);
      if (p.contains(jp)) p[jp] = p[jp].get<int>() + static_cast<int>(g.between(0, 3));
    }
  }
  if (what == "share" && p.contains("market_share_domestic")) {
    int whole = std::stoi(p["market_share_domestic"].get<std::string>());
    p["market_share_domestic"] = std::to_string(std::min<std::int64_t>(99, whole + g.between(1, 20))) + ".5";
  }
  if (what == "platform" && p.contains("platform_score")) {
    int whole = std::stoi(p["platform_score"]["this_year"].get<std::string>());
    p["platform_score"]["this_year"] = std::to_string(std::min<std::int64_t>(99, whole + g.between(1, 20))) + ".25";
  }
}

}  // namespace

TEST_CASE("raising R&D, IP, market share or the platform score never lowers a score or a verdict", "[property]") {
  // 200 profiles through the verdicts-only path (held equal to the full evaluation by
  // screen_test.cpp and the parity test), the first 10 through the full evaluation as well.
  Gen g(20261121);
  srdi::ScreenSession sessions[2];
  int checked = 0;
  for (int i = 0; i < 200; ++i) {
    json before = g.profile();
    // The tiers never read events or the city (docs/profile.md): without them each evaluation
    // skips the award documents.
    before.erase("events");
    before.erase("city");
    for (const char* what : {"rd_last", "rd_prev", "ip", "share", "platform"}) {
      json after = before;
      raise(after, what, g);
      int d = 0;
      for (const char* as_of : {"2025-06-30", "2026-11-21"}) {
        srdi::ScreenSession& session = sessions[d++];
        std::string options = std::string(R"({"as_of": ")") + as_of + "\"}";
        auto screened = [&](const json& p) {
          srdi::Response r = session.screen(p.dump(), options);
          INFO(r.body.dump());
          REQUIRE(r.ok);
          return r.body;
        };
        std::vector<std::pair<json, json>> pairs{{screened(before), screened(after)}};
        if (i < 10) pairs.emplace_back(evaluate(before, as_of), evaluate(after, as_of));
        for (const auto& [a, b] : pairs) {
          REQUIRE(a["tiers"].size() == b["tiers"].size());
          for (std::size_t t = 0; t < a["tiers"].size(); ++t) {
            const json& ta = a["tiers"][t];
            const json& tb = b["tiers"][t];
            INFO("profile " << i << ", raised " << what << ", " << as_of << ", tier " << ta["id"].get<std::string>());
            CHECK(rank(tb["verdict"]) >= rank(ta["verdict"]));
            if (!ta["score"].is_null()) {
              CHECK(tb["score"]["min"].get<int>() >= ta["score"]["min"].get<int>());
              CHECK(tb["score"]["max"].get<int>() >= ta["score"]["max"].get<int>());
            }
            ++checked;
          }
        }
      }
    }
  }
  CHECK(checked > 5000);
}

TEST_CASE("evaluation is deterministic and independent of key order", "[property]") {
  Gen g(7);
  for (int i = 0; i < 30; ++i) {
    json p = g.profile();
    std::string forward = p.dump();
    // nlohmann sorts keys; write the same object with keys reversed by hand.
    std::string reversed = "{";
    std::vector<std::string> parts;
    for (const auto& [k, v] : p.items()) parts.push_back(json(k).dump() + ":" + v.dump());
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) reversed += (it == parts.rbegin() ? "" : ",") + *it;
    reversed += "}";
    auto a = srdi::evaluate_request(forward, srdi::Options{*srdi::parse_date("2026-11-21"), ""});
    auto b = srdi::evaluate_request(reversed, srdi::Options{*srdi::parse_date("2026-11-21"), ""});
    REQUIRE(a.ok);
    CHECK(a.body.dump() == b.body.dump());
  }
}

namespace {

srdi::Options at(const char* as_of) { return srdi::Options{*srdi::parse_date(as_of), ""}; }

std::string evaluate_text(const std::string& profile, const char* as_of) {
  auto r = srdi::evaluate_request(profile, at(as_of));
  INFO(r.body.dump());
  REQUIRE(r.ok);
  return r.body.dump();
}

json evaluate_json(const std::string& profile, const char* as_of) {
  auto r = srdi::evaluate_request(profile, at(as_of));
  INFO(r.body.dump());
  REQUIRE(r.ok);
  return std::move(r.body);
}

std::string compare_text(const std::string& profile, const char* as_of) {
  auto r = srdi::compare_request(profile, at(as_of));
  INFO(r.body.dump());
  REQUIRE(r.ok);
  return r.body.dump();
}

void sort_by_dump(json& list) {
  std::sort(list.begin(), list.end(), [](const json& a, const json& b) { return a.dump() < b.dump(); });
}

// A line's `event` and its `events/<i>/...` missing entries name positions in the shuffled input:
// map them back to the original positions (shuffled[j] = original[perm[j]]).
void remap_events(json& line, const std::vector<std::size_t>& perm) {
  if (line.contains("event")) line["event"] = perm.at(line["event"].get<std::size_t>());
  if (!line.contains("missing")) return;
  for (auto& m : line["missing"]) {
    std::string s = m.get<std::string>();
    if (s.rfind("events/", 0) != 0) continue;
    std::size_t slash = s.find('/', 7);
    m = "events/" + std::to_string(perm.at(std::stoul(s.substr(7, slash - 7)))) + s.substr(slash);
  }
}

// The parts of a result that legitimately follow input order, made order-free:
// - a `holds` trace node lists the profile's entries of its title in input order: a multiset;
// - an award document lists its lines (and benefits) in measure order, then event order, each
//   naming its event by index: the index is mapped back, and the lines become a multiset;
// - stacking: in a highest_only group, a tie between equal amounts keeps the first line
//   (docs/output-format.md), and lines of one measure follow event order, so of two equal lines
//   either may be the one kept. For applies/superseded group lines the state and stacking text
//   are therefore taken off the line and compared per group as a multiset of
//   (state, amount, stacking): a swap between lines of different amounts still shows.
// Everything else must be byte-identical.
void canonicalize(json& v, const std::vector<std::size_t>& perm) {
  if (v.is_array()) {
    for (auto& x : v) canonicalize(x, perm);
    return;
  }
  if (!v.is_object()) return;
  for (auto& [key, x] : v.items()) canonicalize(x, perm);
  if (v.contains("kind") && v["kind"] == "holds" && v.contains("value") && v["value"].is_array()) sort_by_dump(v["value"]);
  if (v.contains("lines") && v.contains("benefits") && v.contains("totals")) {
    json groups = json::object();
    for (const char* list : {"lines", "benefits"}) {
      for (auto& l : v[list]) {
        remap_events(l, perm);
        if (l.contains("group") && (l["state"] == "applies" || l["state"] == "superseded")) {
          groups[l["group"].get<std::string>()].push_back(json::array({l["state"], l["amount"], l.value("stacking", "")}));
          l.erase("state");
          l.erase("stacking");
          l.erase("stacking_citation");
        }
      }
      sort_by_dump(v[list]);
    }
    for (auto& [g, ties] : groups.items()) sort_by_dump(ties);
    v["(stacking by group)"] = groups;
  }
}

json canonical(json result, const std::vector<std::size_t>& perm) {
  canonicalize(result, perm);
  return result;
}

std::vector<std::size_t> identity(std::size_t n) {
  std::vector<std::size_t> id(n);
  for (std::size_t i = 0; i < n; ++i) id[i] = i;
  return id;
}

json permuted(const json& list, const std::vector<std::size_t>& perm) {
  json out = json::array();
  for (std::size_t j : perm) out.push_back(list[j]);
  return out;
}

// Writes `v` with the keys of every object, at every depth, in the order `order` puts them.
std::string write_ordered(const json& v, const std::function<void(std::vector<std::string>&)>& order) {
  if (v.is_object()) {
    std::vector<std::string> keys;
    for (const auto& [k, x] : v.items()) keys.push_back(k);
    order(keys);
    std::string out = "{";
    for (const auto& k : keys) out += (out.size() > 1 ? "," : "") + json(k).dump() + ":" + write_ordered(v.at(k), order);
    return out + "}";
  }
  if (v.is_array()) {
    std::string out = "[";
    for (const auto& x : v) out += (out.size() > 1 ? "," : "") + write_ordered(x, order);
    return out + "]";
  }
  return v.dump();
}

int nested_objects_with_two_keys(const json& v, int depth) {
  int n = v.is_object() && depth > 0 && v.size() >= 2 ? 1 : 0;
  if (v.is_structured()) {
    for (const auto& x : v) n += nested_objects_with_two_keys(x, depth + 1);
  }
  return n;
}

}  // namespace

TEST_CASE("shuffling the items of holds, events and honors changes no verdict, score or award", "[property]") {
  Gen g(5150);
  const char* dates[] = {"2025-06-30", "2026-11-21"};
  int compared = 0, with_lines = 0;
  for (int i = 0; i < 20; ++i) {
    json p = g.profile();
    if (i % 4 != 0) {  // most profiles get lists long enough for a shuffle to matter
      p["holds"] = g.holds(2);
      p["events"] = g.events(3);
    }
    const std::string original = p.dump();
    const std::size_t n_events = p.contains("events") ? p["events"].size() : 0;
    json want[2] = {evaluate_json(original, dates[0]), evaluate_json(original, dates[1])};
    json want_canonical[2] = {canonical(want[0], identity(n_events)), canonical(want[1], identity(n_events))};
    for (int s = 0; s < 2; ++s) {
      json q = p;
      std::vector<std::size_t> perm = identity(n_events);
      if (p.contains("holds")) q["holds"] = permuted(p["holds"], g.permutation(p["holds"].size()));
      if (p.contains("honors")) q["honors"] = permuted(p["honors"], g.permutation(p["honors"].size()));
      if (n_events > 0) {
        perm = g.permutation(n_events);
        q["events"] = permuted(p["events"], perm);
      }
      const std::string shuffled = q.dump();
      for (int d = 0; d < 2; ++d) {
        INFO("profile " << i << ", shuffle " << s << ", " << dates[d] << "\noriginal: " << original << "\nshuffled: " << shuffled);
        const json& a = want[d];
        json b = evaluate_json(shuffled, dates[d]);
        // The decisions themselves, byte for byte (no holds values or event indices in them).
        REQUIRE(a["tiers"].size() == b["tiers"].size());
        for (std::size_t t = 0; t < a["tiers"].size(); ++t) {
          for (const char* key : {"verdict", "score", "missing", "unmet", "routes", "route", "improvements", "prerequisites", "held"}) {
            INFO("tier " << a["tiers"][t]["id"].get<std::string>() << ", " << key);
            CHECK(a["tiers"][t].value(key, json()).dump() == b["tiers"][t].value(key, json()).dump());
          }
        }
        CHECK(a["size"].dump() == b["size"].dump());
        CHECK(a["ladder"].dump() == b["ladder"].dump());
        CHECK(a["next_step"].dump() == b["next_step"].dump());
        CHECK(a["awards"]["potential"].dump() == b["awards"]["potential"].dump());
        REQUIRE(a["awards"]["documents"].size() == b["awards"]["documents"].size());
        for (std::size_t doc = 0; doc < a["awards"]["documents"].size(); ++doc) {
          const json& da = a["awards"]["documents"][doc];
          const json& db = b["awards"]["documents"][doc];
          INFO("document " << da["policy"].get<std::string>());
          CHECK(da["totals"].dump() == db["totals"].dump());
          if (!da["lines"].empty()) ++with_lines;
        }
        // Then the whole result, with the order-following parts made order-free.
        CHECK(want_canonical[d].dump() == canonical(std::move(b), perm).dump());
        ++compared;
      }
      if (s == 0 && i % 2 == 0) {  // every city's awards too (4 evaluations each: half the profiles)
        INFO("compare, profile " << i << "\noriginal: " << original << "\nshuffled: " << shuffled);
        CHECK(canonical(json::parse(compare_text(original, dates[1])), identity(n_events)).dump() ==
              canonical(json::parse(compare_text(shuffled, dates[1])), perm).dump());
      }
    }
  }
  // Two equal recognitions in one highest_only group (枣庄 三（二）, one award a year): which of
  // the two lines is kept follows event order (the tie rule above), and nothing else may.
  {
    json p = json::parse(R"({"city": "zaozhuang", "holds": [], "events": [
      {"type": "recognition", "title": "srdi_sme", "level": "provincial"},
      {"type": "exhibition", "booth_fee": "1000.00"},
      {"type": "recognition", "title": "srdi_sme", "level": "provincial", "first_time": true}]})");
    const std::vector<std::size_t> perm = {2, 1, 0};
    json q = p;
    q["events"] = permuted(p["events"], perm);
    json a = evaluate_json(p.dump(), dates[1]), b = evaluate_json(q.dump(), dates[1]);
    CHECK(a["awards"]["documents"][0]["totals"].dump() == b["awards"]["documents"][0]["totals"].dump());
    CHECK(canonical(a, identity(3)).dump() == canonical(b, perm).dump());
  }
  CHECK(compared == 80);
  CHECK(with_lines > 20);  // the generator reaches the award measures, not only empty documents
}

TEST_CASE("the same profile gives the same bytes on every call within one process", "[property]") {
  Gen g(31337);
  for (int i = 0; i < 4; ++i) {
    const std::string p = g.profile().dump();
    const std::string other = g.profile().dump();
    const std::string broken = R"({"revenue": {"last": "1.234"}, "revenu": 1})";
    std::vector<std::string> evaluations, comparisons;
    // Interleave other profiles, another date, another applicant and a refused profile, so any
    // state kept between calls would show.
    for (int round = 0; round < 3; ++round) {
      evaluations.push_back(evaluate_text(p, "2026-11-21"));
      comparisons.push_back(compare_text(p, "2026-11-21"));
      evaluate_text(other, round == 1 ? "2025-06-30" : "2026-11-21");
      CHECK_FALSE(srdi::evaluate_request(broken, at("2026-11-21")).ok);
      CHECK(srdi::evaluate_request(other, srdi::Options{*srdi::parse_date("2026-11-21"), "miit-2022", "investor"}).ok);
      if (round == 1) compare_text(other, "2025-06-30");
    }
    INFO("profile " << i << ": " << p);
    CHECK(evaluations[1] == evaluations[0]);
    CHECK(evaluations[2] == evaluations[0]);
    CHECK(comparisons[1] == comparisons[0]);
    CHECK(comparisons[2] == comparisons[0]);
  }
}

TEST_CASE("evaluation is independent of key order at every nesting level", "[property]") {
  Gen g(2718);
  int reordered_nested = 0;
  for (int i = 0; i < 12; ++i) {
    json p = g.profile();
    p["events"] = g.events(2);  // event objects carry the most keys below the top level
    const std::string forward = p.dump();  // nlohmann writes keys sorted
    const std::string reversed = write_ordered(p, [](std::vector<std::string>& keys) { std::reverse(keys.begin(), keys.end()); });
    const std::string shuffled = write_ordered(p, [&](std::vector<std::string>& keys) {
      std::vector<std::string> out;
      for (std::size_t j : g.permutation(keys.size())) out.push_back(keys[j]);
      keys = out;
    });
    // Reversal reorders something below the top level only where a nested object has two keys.
    if (nested_objects_with_two_keys(p, 0) > 0) ++reordered_nested;
    INFO("profile " << i << "\nforward:  " << forward << "\nreversed: " << reversed << "\nshuffled: " << shuffled);
    for (const char* as_of : {"2025-06-30", "2026-11-21"}) {
      const std::string want = evaluate_text(forward, as_of);
      CHECK(evaluate_text(reversed, as_of) == want);
      CHECK(evaluate_text(shuffled, as_of) == want);
    }
    if (i % 4 == 0) {  // every city's awards too (4 evaluations each: a quarter of the profiles)
      const std::string want = compare_text(forward, "2026-11-21");
      CHECK(compare_text(reversed, "2026-11-21") == want);
    }
  }
  CHECK(reordered_nested == 12);
}
