#include <catch2/catch.hpp>

#include "core/policy.hpp"
#include "test_util.hpp"

using test_util::errors_of;

TEST_CASE("every broken policy fixture is refused with its pinned code and path", "[policy][fixtures]") {
  int n = test_util::for_each_fixture("policy", [](const std::string& name, const std::string& text, const srdi::json& want) {
    auto errors = errors_of([&] { srdi::load_policy(text, name); });
    REQUIRE(errors.size() >= 1);
    // A broken policy may trip several checks; the pinned one must be among them.
    bool found = false;
    for (const auto& e : errors) found |= e.code == want["code"].get<std::string>() && e.path == want["path"].get<std::string>();
    INFO("first error: " << errors.front().code << " at " << errors.front().path);
    CHECK(found);
    CHECK(errors.front().source == name);
  });
  CHECK(n > 20);
}

TEST_CASE("the toy policy loads with its metadata and vocabulary", "[policy]") {
  srdi::Policy p = test_util::toy_policy();
  CHECK(p.id == "toy-tiers");
  CHECK(p.status == "draft");
  CHECK(p.valid_to->iso() == "2026-12-31");
  REQUIRE(p.tiers.size() == 1);
  const auto& root = p.tiers[0].criterion;
  CHECK(root.kind == srdi::Criterion::Kind::All);
  // Nested nodes without their own citation inherit the enclosing one.
  CHECK(root.children[0].citation.clause == "第一条");
  CHECK_FALSE(root.children[0].own_citation);
  const auto& route = root.children[2];
  CHECK(route.routes);
  CHECK(route.citation.clause == "第二条");
  CHECK(route.children[1].citation.clause == "第二条");
  // Anonymous band criteria get an id from their indicator.
  CHECK(p.tiers[0].scores[0].indicators[0].bands[0].when->id == "toy.score.rd.band1");
}

TEST_CASE("every bundled policy loads, and there is exactly one size standard", "[policy]") {
  const srdi::PolicySet& set = srdi::bundled_policies();
  REQUIRE(set.size_standard());
  CHECK(set.size_standard()->industries.size() == 16);
  for (const auto& p : set.policies) {
    INFO(p.file);
    CHECK_FALSE(p.id.empty());
    CHECK((p.status == "published" || p.status == "draft" || (p.kind == srdi::PolicyKind::Awards && p.status == "unknown")));
    if (p.status == "unknown") CHECK_FALSE(p.provenance.empty());  // an unknown status always says why
  }
}

TEST_CASE("two policies with one id are refused", "[policy]") {
  std::string toy = test_util::read_file(test_util::source_dir() / "tests/fixtures/policies/toy-tiers.json");
  auto errors = errors_of([&] { srdi::load_policy_set({{"a.json", toy}, {"b.json", toy}}); });
  REQUIRE_FALSE(errors.empty());
  CHECK(errors.front().code == "policy.duplicate_id");
  CHECK(errors.front().source == "b.json");
}

namespace {
std::string definitions_file(const std::string& id, const std::string& defs) {
  return R"({"id": ")" + id + R"(", "kind": "definitions", "title": "t", "issuer": "i", "doc_no": "d",
    "status": "published", "valid_from": "2020-01-01", "valid_to": null, "definitions": )" + defs + "}";
}
const char* kC = R"("citation": {"doc": "d", "clause": "c", "excerpt": "e", "excerpt_kind": "quote"})";
}  // namespace

TEST_CASE("refs resolve across files; cycles and duplicate definitions are refused", "[policy]") {
  std::string size = test_util::read_file(test_util::source_dir() / "policies/national/sme-size-2011.json");
  std::string a = definitions_file("a", std::string(R"([{"id": "x", "title": "x", )") + kC + R"(, "all": [{"ref": "y"}]}])");
  std::string b = definitions_file("b", std::string(R"([{"id": "y", "title": "y", )") + kC + R"(, "any": [{"ref": "x"}]}])");
  auto cycle = errors_of([&] { srdi::load_policy_set({{"size.json", size}, {"a.json", a}, {"b.json", b}}); });
  REQUIRE_FALSE(cycle.empty());
  CHECK(cycle.front().code == "policy.ref_cycle");

  std::string b_ok = definitions_file("b", std::string(R"([{"id": "y", "title": "y", )") + kC +
                                               R"(, "fact": "own_brand", "equals": true}])");
  CHECK(errors_of([&] { srdi::load_policy_set({{"size.json", size}, {"a.json", a}, {"b.json", b_ok}}); }).empty());

  std::string twice = definitions_file("c", std::string(R"([{"id": "y", "title": "y", )") + kC +
                                                R"(, "fact": "own_brand", "equals": true}])");
  auto dup = errors_of([&] { srdi::load_policy_set({{"size.json", size}, {"a.json", a}, {"b.json", b_ok}, {"c.json", twice}}); });
  REQUIRE_FALSE(dup.empty());
  CHECK(dup.front().code == "policy.duplicate_id");
}
