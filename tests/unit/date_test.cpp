#include <catch2/catch.hpp>

#include "core/date.hpp"

TEST_CASE("dates parse strictly as YYYY-MM-DD", "[date]") {
  auto d = srdi::parse_date("2026-04-01");
  REQUIRE(d);
  CHECK(d->year == 2026);
  CHECK(d->month == 4);
  CHECK(d->day == 1);
  CHECK(d->iso() == "2026-04-01");
  for (const char* bad : {"2026-4-1", "2026/04/01", "2026-13-01", "2026-00-10", "2026-02-29", "2025-04-31",
                          "20260401", "", "2026-04-01T00:00", "1899-12-31", "abcd-ef-gh"}) {
    INFO(bad);
    CHECK_FALSE(srdi::parse_date(bad));
  }
  CHECK(srdi::parse_date("2024-02-29"));  // leap year
  CHECK(srdi::parse_date("2000-02-29"));
  CHECK_FALSE(srdi::parse_date("1900-02-29"));
}

TEST_CASE("dates order by calendar", "[date]") {
  CHECK(*srdi::parse_date("2026-03-31") < *srdi::parse_date("2026-04-01"));
  CHECK(*srdi::parse_date("2025-12-31") < *srdi::parse_date("2026-01-01"));
  CHECK(*srdi::parse_date("2026-04-01") == *srdi::parse_date("2026-04-01"));
}
