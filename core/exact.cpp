#include "core/exact.hpp"

#include <algorithm>

namespace srdi {

namespace {

i128 abs128(i128 v) { return v < 0 ? -v : v; }

i128 gcd128(i128 a, i128 b) {
  a = abs128(a);
  b = abs128(b);
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

i128 pow10(int n) {
  i128 r = 1;
  for (int i = 0; i < n; ++i) r = checked_mul(r, 10);
  return r;
}

}  // namespace

i128 checked_mul(i128 a, i128 b) {
  i128 r;
  if (__builtin_mul_overflow(a, b, &r)) throw ArithmeticOverflow();
  return r;
}

i128 checked_add(i128 a, i128 b) {
  i128 r;
  if (__builtin_add_overflow(a, b, &r)) throw ArithmeticOverflow();
  return r;
}

i128 floor_div(i128 a, i128 b) {
  i128 q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}

i128 ceil_div(i128 a, i128 b) {
  i128 q = a / b;
  if ((a % b != 0) && (a > 0)) ++q;
  return q;
}

Rational Rational::of(i128 num, i128 den) {
  if (den == 0) throw std::invalid_argument("zero denominator");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  i128 g = gcd128(num, den);
  Rational r;
  if (g > 1) {
    num /= g;
    den /= g;
  }
  r.num_ = num;
  r.den_ = den;
  return r;
}

Rational operator+(const Rational& a, const Rational& b) {
  if (a.den_ == b.den_) return Rational::of(checked_add(a.num_, b.num_), a.den_);
  return Rational::of(checked_add(checked_mul(a.num_, b.den_), checked_mul(b.num_, a.den_)),
                      checked_mul(a.den_, b.den_));
}

Rational operator-(const Rational& a, const Rational& b) {
  return a + Rational::of(-b.num_, b.den_);
}

Rational operator*(const Rational& a, const Rational& b) {
  // Cross-reduce first to keep intermediates small.
  i128 g1 = gcd128(a.num_, b.den_);
  i128 g2 = gcd128(b.num_, a.den_);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  return Rational::of(checked_mul(a.num_ / g1, b.num_ / g2), checked_mul(a.den_ / g2, b.den_ / g1));
}

Rational operator/(const Rational& a, const Rational& b) {
  if (b.num_ == 0) throw std::invalid_argument("division by zero");
  return a * Rational::of(b.den_, b.num_);
}

int compare(const Rational& a, const Rational& b) {
  if (a.den_ == b.den_) return a.num_ < b.num_ ? -1 : (a.num_ > b.num_ ? 1 : 0);
  i128 l = checked_mul(a.num_, b.den_);
  i128 r = checked_mul(b.num_, a.den_);
  return l < r ? -1 : (l > r ? 1 : 0);
}

Rational ceil_to(const Rational& x, const Rational& step) {
  Rational q = x / step;
  return Rational::of(ceil_div(q.num(), q.den()), 1) * step;
}

Rational floor_to(const Rational& x, const Rational& step) {
  Rational q = x / step;
  return Rational::of(floor_div(q.num(), q.den()), 1) * step;
}

DecimalParse parse_decimal(std::string_view text, int max_decimals, bool allow_percent) {
  DecimalParse out;
  bool percent = false;
  if (allow_percent && !text.empty() && text.back() == '%') {
    percent = true;
    text.remove_suffix(1);
  }
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  if (text.empty()) return out;
  std::size_t dot = text.find('.');
  std::string_view int_part = text.substr(0, dot);
  std::string_view frac_part = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (int_part.empty()) return out;
  if (dot != std::string_view::npos && frac_part.empty()) return out;
  auto all_digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!all_digits(int_part) || !all_digits(frac_part)) return out;
  // 30 significant digits is far beyond any figure an enterprise has and keeps 128-bit room.
  if (int_part.size() + frac_part.size() > 30) return out;
  if (max_decimals >= 0 && static_cast<int>(frac_part.size()) > max_decimals) {
    out.too_many_decimals = true;
    return out;
  }
  i128 n = 0;
  for (char c : int_part) n = n * 10 + (c - '0');
  for (char c : frac_part) n = n * 10 + (c - '0');
  i128 d = pow10(static_cast<int>(frac_part.size()));
  if (percent) d = checked_mul(d, 100);
  out.value = Rational::of(negative ? -n : n, d);
  return out;
}

std::string to_string(i128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  std::string s;
  // Work on the negative side so the most negative value does not overflow.
  i128 x = neg ? v : -v;
  while (x != 0) {
    int digit = static_cast<int>(-(x % 10));
    s.push_back(static_cast<char>('0' + digit));
    x /= 10;
  }
  if (neg) s.push_back('-');
  std::reverse(s.begin(), s.end());
  return s;
}

std::string format_decimal(const Rational& x, int places, int min_places) {
  i128 scale = pow10(places);
  i128 scaled_num = checked_mul(x.num(), scale);
  // Round half away from zero.
  i128 q = scaled_num / x.den();
  i128 rem = scaled_num % x.den();
  if (abs128(rem) * 2 >= x.den()) q += (scaled_num < 0 ? -1 : 1);
  bool neg = q < 0;
  std::string digits = to_string(abs128(q));
  if (static_cast<int>(digits.size()) <= places) digits.insert(0, places + 1 - digits.size(), '0');
  std::string int_part = digits.substr(0, digits.size() - places);
  std::string frac = digits.substr(digits.size() - places);
  while (static_cast<int>(frac.size()) > min_places && !frac.empty() && frac.back() == '0') frac.pop_back();
  std::string s = (neg ? "-" : "") + int_part;
  if (!frac.empty()) s += "." + frac;
  return s;
}

std::string format_yuan(const Rational& yuan) { return format_decimal(yuan, 2, 2); }

std::string format_wan(const Rational& yuan) {
  return format_decimal(yuan / Rational(10000), 6) + "万";
}

std::string format_percent(const Rational& ratio) {
  return format_decimal(ratio * Rational(100), 4) + "%";
}

Rational approx_sqrt(const Rational& x, int places) {
  if (x.sign() <= 0) return Rational(0);
  // floor(sqrt(x * 10^(2p))) / 10^p by integer Newton iteration.
  i128 scale = pow10(places);
  i128 target = checked_mul(x.num(), checked_mul(scale, scale)) / x.den();
  if (target == 0) return Rational(0);
  i128 r = target;
  i128 y = (r + 1) / 2;
  while (y < r) {
    r = y;
    y = (r + target / r) / 2;
  }
  return Rational::of(r, scale);
}

}  // namespace srdi
