#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "core/json_tree.hpp"
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

// The profile loader's fast parser (core/json_tree.hpp) accepts exactly what parse_strict_json
// accepts and reads it to the same tree; whatever it refuses, parse_strict_json reports.
TEST_CASE("the fast JSON tree agrees with the strict parser on valid and broken texts", "[strict_json]") {
  const std::vector<std::string> texts = {
      R"({})", R"([])", R"({"a": 1})", "  {\"a\" :\t[1, 2 ,3]\r\n}  ", "\xEF\xBB\xBF{\"bom\": true}",
      R"({"b": 1, "a": 2, "c": {"z": null, "y": false}})", R"({"x": -0, "y": 0, "z": -1})",
      R"({"big": 18446744073709551615, "bigger": 18446744073709551616, "neg": -9223372036854775808})",
      R"({"neg2": -9223372036854775809, "f": 12345678.90, "e": 1e5, "E": -2.5E-3, "z": 0.0})",
      R"({"s": "a\"b\\c\/d\b\f\n\r\t", "u": "\u4e2d\u6587", "pair": "\ud83d\ude00", "nul": "\u0000"})",
      "{\"中文\": \"营业收入\", \"emoji\": \"\xF0\x9F\x98\x80\"}", R"({"": 1})", R"("top")", "3", "true", "null",
      R"({"a": 1, "a": 2})", R"({"o": {"k": 1, "k": 1}})", R"({"a": 1,})", R"([1,])", R"({"a" 1})", R"({'a': 1})",
      R"({"a": 01})", R"({"a": 1.})", R"({"a": .5})", R"({"a": +1})", R"({"a": 1e})", R"({"a": -})", R"({"a": tru})",
      R"({"a": "\x"})", R"({"a": "\u12"})", R"({"a": "\ud800"})", R"({"a": "\udc00"})", R"({"a": "\ud800\u0041"})",
      "{\"a\": \"\x01\"}", "{\"a\": \"\xC0\xAF\"}", "{\"a\": \"\xED\xA0\x80\"}", "{\"a\": \"\xF4\x90\x80\x80\"}",
      "{\"a\": \"\xE4\xB8\"}", "{\"a\": 1} x", "", "   ", "{\"a\": 1}{", "[[[[[[[[[[]]]]]]]]]]", "{\"a\": NaN}",
      std::string("{}\0\t", 4), std::string("{}\0garbage", 10), std::string("{\"a\": \0}", 8), std::string("\0{}", 3),
      "1e4003", "{\"a\": -1e309}", "{\"a\": 1e308}", "{\"a\": 1e-400}", "1" + std::string(400, '0')};
  std::string deep(64, '[');
  deep += std::string(64, ']');
  std::string too_deep(65, '[');
  too_deep += std::string(65, ']');
  std::vector<std::string> all = texts;
  all.push_back(deep);
  all.push_back(too_deep);
  for (const auto& text : all) {
    INFO("text: " << text);
    srdi::JsonTree fast;
    const bool fast_ok = srdi::parse_json_tree(text, fast);
    bool strict_ok = true;
    srdi::StrictDocument doc;
    try {
      doc = srdi::parse_strict_json(text, "profile");
    } catch (const srdi::LoadFailure&) {
      strict_ok = false;
    }
    CHECK(fast_ok == strict_ok);
    if (fast_ok && strict_ok) CHECK(srdi::same_tree(fast, srdi::json_tree_of(doc)));
  }
}

TEST_CASE("a profile read by the fast path equals the same profile read through the strict parser", "[strict_json]") {
  for (const auto& entry : std::filesystem::directory_iterator(test_util::source_dir() / "examples")) {
    if (entry.path().extension() != ".json") continue;
    const std::string text = test_util::read_file(entry.path());
    INFO(entry.path().filename().string());
    srdi::JsonTree fast;
    REQUIRE(srdi::parse_json_tree(text, fast));
    CHECK(srdi::same_tree(fast, srdi::json_tree_of(srdi::parse_strict_json(text, "profile"))));
  }
}
