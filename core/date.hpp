// Calendar dates (proleptic Gregorian), parsed strictly from "YYYY-MM-DD".
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace srdi {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  auto operator<=>(const Date&) const = default;
  std::string iso() const;
};

std::optional<Date> parse_date(std::string_view text);
bool is_leap_year(int year);
int days_in_month(int year, int month);

}  // namespace srdi

namespace srdi {
// Today's date on this machine's local clock (the CLI's and the page's default evaluation date).
Date today_local();
}  // namespace srdi
