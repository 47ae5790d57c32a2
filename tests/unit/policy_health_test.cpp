// Code health of policies/: ids unique across files, every award measure cited with an excerpt
// found verbatim in its source text, every draft labelled on every line, every inventory row encoded.
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "core/engine.hpp"
#include "core/events.hpp"
#include "test_util.hpp"

using srdi::json;

TEST_CASE("award measure, rule and benchmark ids are unique across the policy files", "[health]") {
  std::set<std::string> seen;
  for (const auto& p : srdi::bundled_policies().policies) {
    for (const auto& m : p.measures) {
      INFO(p.file << ": " << m.id);
      CHECK(seen.insert(m.id).second);
    }
    for (const auto& r : p.rules) CHECK(seen.insert(r.id).second);
    for (const auto& b : p.benchmarks) CHECK(seen.insert(b.id).second);
  }
  CHECK(seen.size() > 50);
}

TEST_CASE("every excerpt of an official award document is found verbatim in its source text", "[health]") {
  int checked = 0;
  for (const auto& p : srdi::bundled_policies().policies) {
    if (p.kind != srdi::PolicyKind::Awards) continue;
    INFO(p.file);
    if (p.source_kind == "news_report") {
      CHECK(p.source.empty());  // a newspaper's report: only the short excerpts are carried
      continue;
    }
    REQUIRE_FALSE(p.source.empty());
    std::string text = test_util::read_file(test_util::source_dir() / "policies" / p.source);
    REQUIRE_FALSE(text.empty());
    auto check = [&](const srdi::Citation& c, const std::string& id) {
      INFO(id);
      CHECK_FALSE(c.excerpt.empty());
      CHECK(c.excerpt_kind == "quote");
      CHECK(text.find(c.excerpt) != std::string::npos);
      ++checked;
    };
    for (const auto& m : p.measures) {
      check(m.citation, m.id);
      if (m.apply) {
        check(m.apply->citation, m.id + " apply");
        // The 责任单位 shown is the text's own words.
        CHECK(m.apply->citation.excerpt.find(m.apply->responsible) != std::string::npos);
      }
    }
    for (const auto& g : p.groups) check(g.citation, g.id);
    for (const auto& r : p.rules) check(r.citation, r.id);
  }
  CHECK(checked > 50);
}

TEST_CASE("every line from a draft document is labelled a draft", "[health]") {
  int lines = 0;
  for (const auto& p : srdi::bundled_policies().policies) {
    if (p.kind != srdi::PolicyKind::Awards || p.status != "draft") continue;
    // One event for each event measure of the document, built from its trigger.
    json events = json::array();
    for (const auto& m : p.measures) {
      if (m.trigger.event.empty()) continue;
      json e{{"type", m.trigger.event}};
      for (const auto& [param, values] : m.trigger.where) {
        const std::string& v = values.front();
        e[param] = v == "true" ? json(true) : v == "false" ? json(false)
                 : std::isdigit(static_cast<unsigned char>(v[0])) ? json(std::stoi(v)) : json(v);
      }
      // Required parameters the trigger does not fix get a plain value.
      for (const auto& param : srdi::find_event_type(m.trigger.event)->params) {
        if (!param.required || e.contains(param.name)) continue;
        if (param.kind == srdi::ParamKind::Enum) e[param.name] = param.values.front();
        else if (param.kind == srdi::ParamKind::Money) e[param.name] = "100000.00";
        else e[param.name] = 1;
      }
      events.push_back(e);
    }
    for (const auto& applicant : srdi::applicant_kinds()) {
      json profile{{"city", p.jurisdiction.id}, {"applicant", applicant}, {"events", events}, {"holds", json::array()}};
      auto r = srdi::evaluate_request(profile.dump(), srdi::Options{*srdi::parse_date("2025-06-30"), ""});
      INFO(r.body.dump().substr(0, 300));
      REQUIRE(r.ok);
      for (const auto& d : r.body["awards"]["documents"]) {
        if (d["policy"] != p.id) continue;
        CHECK(d["status"] == "draft");
        for (const auto& l : d["lines"]) {
          INFO(l["measure"].get<std::string>());
          CHECK(std::find(l["labels"].begin(), l["labels"].end(), json("征求意见稿")) != l["labels"].end());
          ++lines;
        }
      }
    }
  }
  CHECK(lines > 10);
}

TEST_CASE("every row of the awards inventory is encoded under its id", "[health]") {
  auto inventory = test_util::source_dir() / ".." / "shared" / "spec" / "awards-inventory.md";
  std::string text = test_util::read_file(inventory);
  if (text.empty()) {
    WARN("../shared/spec/awards-inventory.md not found: inventory check skipped");
    return;
  }
  std::set<std::string> encoded;
  for (const auto& p : srdi::bundled_policies().policies) {
    for (const auto& m : p.measures) encoded.insert(m.id);
    for (const auto& r : p.rules) encoded.insert(r.id);
    for (const auto& b : p.benchmarks) encoded.insert(b.id);
  }
  std::regex row(R"(\n\| ((?:zz|c1|sd|sm|jn)\.[a-z0-9_]+) \|)");
  int rows = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), row), end; it != end; ++it) {
    ++rows;
    INFO((*it)[1].str());
    CHECK(encoded.count((*it)[1].str()) == 1);
  }
  CHECK(rows > 80);
}

TEST_CASE("every citation of a document with a bundled text names that text by id, and no other does", "[health]") {
  int named = 0;
  for (const auto& p : srdi::bundled_policies().policies) {
    INFO(p.file);
    const std::string expected = p.source.empty() ? "" : p.id;
    for (const auto& m : p.measures) {
      CHECK(m.citation.source == expected);
      if (m.apply) CHECK(m.apply->citation.source == expected);
      named += !m.citation.source.empty();
    }
    for (const auto& t : p.tiers) CHECK(t.criterion.citation.source.empty());
  }
  CHECK(named > 50);
}
