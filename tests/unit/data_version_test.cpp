// The data-version stamp: every `policies` entry carries the SHA-256 of its file's bytes in
// policies/, so a printed report can be traced to exactly the data that produced it. The hash is
// recomputed here, independently of CMake, by a small SHA-256 (FIPS 180-4) of the test's own.
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
#include "test_util.hpp"

namespace {

std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// SHA-256 of `data`, as lowercase hex.
std::string sha256_hex(std::string_view data) {
  static constexpr std::array<std::uint32_t, 64> k = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

  // Padding: 0x80, zeros up to 56 mod 64, then the length in bits as a 64-bit big-endian number.
  std::string msg(data);
  const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
  msg.push_back(static_cast<char>(0x80));
  while (msg.size() % 64 != 56) msg.push_back('\0');
  for (int i = 7; i >= 0; --i) msg.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));

  for (std::size_t block = 0; block < msg.size(); block += 64) {
    std::array<std::uint32_t, 64> w{};
    for (std::size_t t = 0; t < 16; ++t) {
      w[t] = 0;
      for (std::size_t b = 0; b < 4; ++b) {
        w[t] = (w[t] << 8) | static_cast<unsigned char>(msg[block + 4 * t + b]);
      }
    }
    for (std::size_t t = 16; t < 64; ++t) {
      std::uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
      std::uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    auto [a, b, c, d, e, f, g, hh] = h;
    for (std::size_t t = 0; t < 64; ++t) {
      std::uint32_t sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      std::uint32_t ch = (e & f) ^ (~e & g);
      std::uint32_t t1 = hh + sum1 + ch + k[t] + w[t];
      std::uint32_t sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      std::uint32_t t2 = sum0 + maj;
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }

  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (std::uint32_t word : h) {
    for (int i = 28; i >= 0; i -= 4) out.push_back(digits[(word >> i) & 0xf]);
  }
  return out;
}

bool is_hex64(const std::string& s) { return std::regex_match(s, std::regex("[0-9a-f]{64}")); }

}  // namespace

TEST_CASE("the test's SHA-256 gives the FIPS 180-4 example digests", "[data_version]") {
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
