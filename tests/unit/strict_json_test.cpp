#include <catch2/catch.hpp>

#include "core/strict_json.hpp"
#include "test_util.hpp"

namespace {
srdi::Error first_error(const char* text) {
  try {
    srdi::parse_strict_json(text, "profile");
  } catch (const srdi::LoadFailure& f) {
    return f.errors.front();
  }
  return {};
}
}  // namespace

TEST_CASE("a key repeated in one object is refused with its path", "[strict_json]") {
  auto e = first_error(R"({"revenue": {"last": 1, "last": 2}})");
  CHECK(e.code == "json.duplicate_key");
  CHECK(e.path == "/revenue/last");
  CHECK(first_error(R"({"a": 1, "a": 1})").path == "/a");
  auto nested = first_error(R"({"holds": [{"title": "x"}, {"title": "y", "title": "z"}]})");
  CHECK(nested.path == "/holds/1/title");
}

TEST_CASE("the same key in two objects is fine", "[strict_json]") {
  CHECK_NOTHROW(srdi::parse_strict_json(R"({"a": {"x": 1}, "b": {"x": 2}})", "profile"));
}

TEST_CASE("malformed JSON is a syntax error, not a crash", "[strict_json]") {
  for (const char* bad : {"{", "", "[1,]", "{\"a\" 1}", "nul", "{\"a\": \"\xff\"}"}) {
    INFO(bad);
    CHECK(first_error(bad).code == "json.syntax");
  }
}

TEST_CASE("the text of non-integer numbers is kept for exact reading", "[strict_json]") {
  auto doc = srdi::parse_strict_json(R"({"revenue": {"last": 12345678.90}, "list": [1, 0.1]})", "profile");
  CHECK(doc.number_text.at("/revenue/last") == "12345678.90");
  CHECK(doc.number_text.at("/list/1") == "0.1");
  CHECK(doc.number_text.count("/list/0") == 0);  // integers stay exact integers
}

TEST_CASE("pointer tokens are escaped", "[strict_json]") {
  CHECK(srdi::pointer_token("a/b~c") == "a~1b~0c");
}

TEST_CASE("a syntax error's message is valid UTF-8 even when the input is not (found by fuzzing)", "[strict_json]") {
  // The parser's token is raw input: an invalid byte, or a character cut at the 20th byte.
  for (std::string text : {std::string("{\"\xd8"), std::string("{\"a\": \xff\xfe}"),
                           std::string("{\"名称\": 企业企业企业企业企业企业企业}")}) {
    INFO(text);
    auto errors = test_util::errors_of([&] { srdi::parse_strict_json(text, "profile"); });
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "json.syntax");
    // The strict writer throws on invalid UTF-8; a message it can write is a message the page can show.
    CHECK_NOTHROW(srdi::json(errors[0].message).dump());
  }
  auto errors = test_util::errors_of([&] { srdi::parse_strict_json("{\"\xd8", "profile"); });
  CHECK(errors[0].message.find("\\xD8") != std::string::npos);
}
