// Screening a table of firms (a 培育库, docs/screening.md): a sheet's headers matched to profile
// fields, each row made a profile, evaluated, and classified for one rung as 重点推荐 / 重点提升 /
// 重点关注 / 待补充. Text in and out is UTF-8; the CLI decodes and encodes GBK around it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine.hpp"
#include "core/exact.hpp"

namespace srdi {

// CSV as Excel writes it (RFC 4180): quoted cells, doubled quotes, line breaks inside quotes,
// CRLF or LF. A UTF-8 byte-order mark at the start is skipped.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text);
  // The next row's cells; false at the end.
  bool next(std::vector<std::string>& row);
  std::size_t row_number() const { return row_; }  // 1 = the header row

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t row_ = 0;
};
// One cell as CSV writes it: quoted when it holds a comma, a quote or a line break.
std::string csv_cell(std::string_view cell);

// How a column's numbers are written: as the field's own unit, in 万元, or in 元.
enum class CellUnit { Plain, Wan, Yuan };

struct TableColumn {
  std::string header;  // as written
  // A profile field ("revenue.last"), a title held ("holds.srdi_sme.since" / ".level"), or empty
  // when the header matches nothing (the column is carried through, unused).
  std::string field;
  std::string label;  // the field's Chinese label
  CellUnit unit = CellUnit::Plain;
};

// Matches headers to fields: the field's name (revenue.last), or its Chinese label with or without
// a unit in brackets (营业收入（上年度）（万元）); a year in brackets (营业收入（2025年度）) picks
// 上年度 / 上上年度 / 前三年度 from the evaluation year. Money without a unit is read in 万元, as
// the page reads it. A title held: <称号>认定日期 and <称号>级别 (专精特新中小企业认定日期).
std::vector<TableColumn> map_headers(const std::vector<std::string>& headers, int evaluation_year);

struct CellError {
  std::size_t column;   // index into the row
  std::string message;  // plain Chinese, naming the column
};
// One row as a profile (JSON). A blank cell is unknown and left out. A cell that cannot be read
// is reported; the caller then does not evaluate the row.
json row_profile(const std::vector<TableColumn>& columns, const std::vector<std::string>& cells,
                 std::vector<CellError>& errors);

// How near a rung a firm must be to count as 重点提升: every gap within these (docs/screening.md).
struct NearLimits {
  Rational money_share = Rational::of(3, 10);  // a money gap at most this share of the current figure
  Rational count = Rational(2);            // items, people, years
  Rational percent_points = Rational(1);   // percentage points
  Rational points = Rational(10);          // score points
};
// Parses "money_share=0.3,count=2,percent_points=1,points=10" (any subset); nullopt if malformed.
std::optional<NearLimits> parse_near_limits(std::string_view text);
std::string near_limits_words(const NearLimits& limits);

// One firm's standing on the chosen rung, from the full result (`tier` is one of result["tiers"]).
struct RungClass {
  std::string word;               // 重点推荐 / 重点提升 / 重点关注 / 待补充
  std::vector<std::string> gaps;  // what it lacks, in words, most telling first
  std::vector<std::string> missing;  // labels of the fields to collect (待补充)
};
RungClass classify(const json& tier, const NearLimits& limits);

// A field (or holds, honors, sci_award) by its Chinese label.
std::string field_words(const std::string& name);
// A verdict in words: 符合 / 不符合 / 待定 / 依读法而定.
const char* verdict_words(const std::string& verdict);

}  // namespace srdi
