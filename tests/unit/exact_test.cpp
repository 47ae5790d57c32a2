#include <catch2/catch.hpp>

#include "core/exact.hpp"

using srdi::Rational;

namespace {
Rational dec(const char* s) { return *srdi::parse_decimal(s, -1, true).value; }
}  // namespace

TEST_CASE("1,200,000 on 40,000,000 is exactly 3% and passes >= 3%", "[exact]") {
  Rational ratio = dec("1200000") / dec("40000000");
  CHECK(ratio == dec("3%"));
  CHECK(ratio >= dec("0.03"));
  // One fen less fails: 1,199,999.99 / 40,000,000 = 2.99999999...%
  CHECK_FALSE(dec("1199999.99") / dec("40000000") >= dec("3%"));
}

TEST_CASE("30万 on 1000万 is exactly 3%", "[exact]") {
  CHECK(dec("300000") / dec("10000000") == dec("3%"));
}

TEST_CASE("79,999,999.99 fails >= 8000万 and 80,000,000.00 passes", "[exact]") {
  CHECK_FALSE(dec("79999999.99") >= dec("80000000"));
  CHECK(dec("80000000.00") >= dec("80000000"));
}

TEST_CASE("decimal parsing is strict", "[exact]") {
  CHECK(dec("12.50") == Rational::of(25, 2));
  CHECK(dec("-3.5") == Rational::of(-7, 2));
  CHECK(dec("3%") == Rational::of(3, 100));
  CHECK(dec("0.5%") == Rational::of(1, 200));
  for (const char* bad : {"", "1e5", "+1", " 1", "1.", ".5", "1,000", "abc", "--1", "1..2", "%"}) {
    INFO(bad);
    CHECK_FALSE(srdi::parse_decimal(bad, -1, true).value);
  }
  auto three = srdi::parse_decimal("1.234", 2);
  CHECK_FALSE(three.value);
  CHECK(three.too_many_decimals);
  CHECK(srdi::parse_decimal("1.23", 2).value == Rational::of(123, 100));
  CHECK_FALSE(srdi::parse_decimal("5%", 2, false).value);  // percent only where allowed
}

TEST_CASE("rationals are reduced and compare by cross-multiplication", "[exact]") {
  Rational a = Rational::of(2, 6);
  CHECK(a.num() == 1);
  CHECK(a.den() == 3);
  CHECK(Rational::of(1, -3) == Rational::of(-1, 3));
  CHECK(Rational::of(1, 3) < Rational::of(334, 1000));
  CHECK(Rational::of(1, 3) > Rational::of(333, 1000));
  CHECK(compare(Rational::of(7, 10), Rational::of(70, 100)) == 0);
}

TEST_CASE("large money figures stay exact", "[exact]") {
  // 10万亿元 in fen times a growth rate still fits comfortably.
  Rational big = dec("10000000000000.00");
  Rational growth = (big - dec("9999999999999.99")) / dec("9999999999999.99");
  CHECK(growth > Rational(0));
  CHECK(growth < dec("0.0000000000001"));
}

TEST_CASE("overflow is detected, never wraps", "[exact]") {
  srdi::i128 huge = srdi::i128(1) << 120;
  CHECK_THROWS_AS(srdi::checked_mul(huge, huge), srdi::ArithmeticOverflow);
}

TEST_CASE("rounding to a step goes the right way", "[exact]") {
  Rational fen = Rational::of(1, 100);
  CHECK(srdi::ceil_to(dec("1.001"), fen) == dec("1.01"));
  CHECK(srdi::floor_to(dec("1.009"), fen) == dec("1.00"));
  CHECK(srdi::ceil_to(dec("-1.001"), fen) == dec("-1.00"));
  CHECK(srdi::ceil_to(dec("2.00"), fen) == dec("2.00"));
}

TEST_CASE("formatting for display", "[exact]") {
  CHECK(srdi::format_yuan(dec("1234567.8")) == "1234567.80");
  CHECK(srdi::format_yuan(dec("-0.05")) == "-0.05");
  CHECK(srdi::format_wan(dec("125000")) == "12.5万");
  CHECK(srdi::format_wan(dec("1")) == "0.0001万");
  CHECK(srdi::format_percent(dec("0.03")) == "3%");
  CHECK(srdi::format_percent(Rational::of(1, 3)) == "33.3333%");
  CHECK(srdi::format_percent(Rational::of(2, 3)) == "66.6667%");
  CHECK(srdi::to_string(-srdi::i128(1234)) == "-1234");
}

TEST_CASE("approx_sqrt is a floor to the requested places", "[exact]") {
  CHECK(srdi::approx_sqrt(Rational(4), 3) == Rational(2));
  CHECK(srdi::approx_sqrt(Rational(2), 4) == dec("1.4142"));
}
