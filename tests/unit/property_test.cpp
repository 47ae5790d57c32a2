// Properties over generated profiles (fixed seed): more R&D, more IP, a larger market share or a
// higher platform score never lowers a tier's score nor moves its verdict down
// (not_eligible < undetermined < eligible), under both criteria versions.
#include <catch2/catch.hpp>
#include <random>

#include "core/engine.hpp"

using srdi::json;

namespace {

class Gen {
 public:
  explicit Gen(unsigned seed) : rng_(seed) {}
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(int percent) { return between(1, 100) <= percent; }
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
    maybe("/rd_institution", inst[between(0, 4)]);
    maybe("/provincial_rd_institution", chance(30));
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
    if (chance(50)) p["sci_award"] = "none";
    else if (chance(70)) p["sci_award"] = {{"provincial_rank", between(1, 6)}, {"year", between(2019, 2026)}};
    if (chance(85)) {
      json holds = json::array();
      if (chance(60)) holds.push_back({{"title", "innovative_sme"}, {"level", "provincial"}, {"since", "2024-05-01"}});
      if (chance(30)) holds.push_back({{"title", "srdi_sme"}, {"level", "provincial"}, {"since", "2024-09-01"}});
      p["holds"] = holds;
    }
    return p;
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
  Gen g(20261121);
  int checked = 0;
  for (int i = 0; i < 40; ++i) {
    json before = g.profile();
    for (const char* what : {"rd_last", "rd_prev", "ip", "share", "platform"}) {
      json after = before;
      raise(after, what, g);
      for (const char* as_of : {"2025-06-30", "2026-11-21"}) {
        json a = evaluate(before, as_of), b = evaluate(after, as_of);
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
  CHECK(checked > 500);
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
