// Exact numbers: money in integer fen, ratios as reduced rationals with 128-bit parts.
// Nothing here uses floating point; every comparison is by cross-multiplication with
// overflow checks, so 1,200,000 / 40,000,000 is exactly 3%.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace srdi {

__extension__ typedef __int128 i128;

// Thrown when an intermediate would overflow 128 bits; input bounds make this unreachable
// for valid profiles, and the engine turns it into a structured error if it ever happens.
struct ArithmeticOverflow : std::runtime_error {
  ArithmeticOverflow() : std::runtime_error("arithmetic overflow") {}
};

// A reduced fraction num/den with den > 0.
class Rational {
 public:
  Rational() = default;
  Rational(std::int64_t n) : num_(n), den_(1) {}  // NOLINT: integers convert implicitly
  static Rational of(i128 num, i128 den);
  static Rational fen(std::int64_t fen) { return of(fen, 100); }

  i128 num() const { return num_; }
  i128 den() const { return den_; }
  bool is_integer() const { return den_ == 1; }
  int sign() const { return num_ > 0 ? 1 : (num_ < 0 ? -1 : 0); }

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);  // b != 0
  friend int compare(const Rational& a, const Rational& b);
  friend bool operator==(const Rational& a, const Rational& b) { return compare(a, b) == 0; }
  friend bool operator<(const Rational& a, const Rational& b) { return compare(a, b) < 0; }
  friend bool operator<=(const Rational& a, const Rational& b) { return compare(a, b) <= 0; }
  friend bool operator>(const Rational& a, const Rational& b) { return compare(a, b) > 0; }
  friend bool operator>=(const Rational& a, const Rational& b) { return compare(a, b) >= 0; }

 private:
  i128 num_ = 0;
  i128 den_ = 1;
};

i128 checked_mul(i128 a, i128 b);
i128 checked_add(i128 a, i128 b);
i128 floor_div(i128 a, i128 b);  // b > 0
i128 ceil_div(i128 a, i128 b);   // b > 0

// Smallest / largest multiple of `step` at or above / below x.
Rational ceil_to(const Rational& x, const Rational& step);
Rational floor_to(const Rational& x, const Rational& step);

// Parses a plain decimal ("12", "-3.5", "0.125"); no exponent, no spaces, no "+".
// With max_decimals >= 0, more fractional digits than that are refused.
// A trailing "%" divides by 100 when allow_percent is set.
struct DecimalParse {
  std::optional<Rational> value;
  bool too_many_decimals = false;
};
DecimalParse parse_decimal(std::string_view text, int max_decimals = -1, bool allow_percent = false);

// Formats exactly when the value has at most `places` decimals, otherwise rounds half away
// from zero to `places` (display only). Trailing zeros are trimmed to `min_places`.
std::string format_decimal(const Rational& x, int places, int min_places = 0);
// "1234567.80" style, always two decimals: money in yuan.
std::string format_yuan(const Rational& yuan);
// "12.5万" style for the Chinese text: exact to the fen, trailing zeros trimmed.
std::string format_wan(const Rational& yuan);
// "3%" / "2.6875%" (up to 4 decimals of a percent, rounded for display only).
std::string format_percent(const Rational& ratio);
// Display-only square root approximation with `places` decimals (used for CAGR values).
Rational approx_sqrt(const Rational& x, int places);

std::string to_string(i128 v);

}  // namespace srdi
