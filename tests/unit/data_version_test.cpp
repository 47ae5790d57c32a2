// The data-version stamp: every `policies` entry carries the SHA-256 of its file's bytes in
// policies/, so a printed report can be traced to exactly the data that produced it. The hash is
// recomputed here, independently of CMake, by the engine's SHA-256 (core/sha256.cpp, checked
// against the FIPS 180-4 example digests below), which also stamps policy files loaded at run time.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <string_view>

#include "core/bundled_policies.hpp"
#include "core/engine.hpp"
#include "core/sha256.hpp"
#include "test_util.hpp"

using srdi::sha256_hex;  // core/sha256.cpp, the same code that stamps a file loaded at run time

namespace {
bool is_hex64(const std::string& s) { return std::regex_match(s, std::regex("[0-9a-f]{64}")); }
}  // namespace

TEST_CASE("the engine's SHA-256 gives the FIPS 180-4 example digests", "[data_version]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Two blocks: the padding does not fit after 56 bytes.
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("every entry of `srdi policies` carries the SHA-256 of its file's bytes in policies/", "[data_version]") {
  const auto list = srdi::policies_json(srdi::bundled_policies());
  std::set<std::string> listed;
  for (const auto& entry : list) {
    const std::string file = entry.at("file").get<std::string>();
    INFO(file);
    REQUIRE(entry.contains("sha256"));
    REQUIRE(entry["sha256"].is_string());
    const std::string reported = entry["sha256"].get<std::string>();
    CHECK(is_hex64(reported));
    const auto path = test_util::source_dir() / "policies" / file;
    REQUIRE(std::filesystem::is_regular_file(path));
    CHECK(reported == sha256_hex(test_util::read_file(path)));
    listed.insert(file);
  }
  // Every policy file on disk is bundled, listed and therefore stamped.
  std::set<std::string> on_disk;
  const auto root = test_util::source_dir() / "policies";
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".json") {
      on_disk.insert(e.path().lexically_relative(root).generic_string());
    }
  }
  CHECK(listed == on_disk);
  CHECK(listed.size() >= 8);
}

TEST_CASE("the bytes compiled in are the bytes hashed", "[data_version]") {
  const auto& files = srdi::bundled_policy_files();
  REQUIRE_FALSE(files.empty());
  for (const auto& f : files) {
    INFO(f.path);
    CHECK(std::string(f.sha256) == sha256_hex(f.text));
  }
}

TEST_CASE("a result's `policies` entries carry the same stamps, and a policy not from policies/ has null", "[data_version]") {
  const auto profile = test_util::read_file(test_util::source_dir() / "examples/precision-parts.json");
  const auto r = srdi::evaluate_request(profile, R"({"as_of": "2025-06-30"})");
  REQUIRE(r.ok);
  const auto& used = r.body.at("policies");
  REQUIRE(used.size() >= 2);
  for (const auto& entry : used) {
    const std::string file = entry.at("file").get<std::string>();
    INFO(file);
    REQUIRE(entry.at("sha256").is_string());
    CHECK(entry["sha256"].get<std::string>() ==
          sha256_hex(test_util::read_file(test_util::source_dir() / "policies" / file)));
  }

  srdi::PolicySet own;
  own.policies.push_back(test_util::toy_policy());
  const auto list = srdi::policies_json(own);
  REQUIRE(list.size() == 1);
  REQUIRE(list[0].contains("sha256"));
  CHECK(list[0]["sha256"].is_null());
}
