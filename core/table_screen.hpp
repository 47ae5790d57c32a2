// Screening a table of firms (a 培育库, docs/screening.md): a sheet's headers matched to profile
// fields, each row made a profile, evaluated, and classified for one rung as 重点推荐 / 重点提升 /
// 重点关注 / 待补充. Text in and out is UTF-8; the CLI decodes and encodes GBK around it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine.hpp"
#include "core/exact.hpp"

namespace srdi {

class Screener;

// CSV as Excel writes it (RFC 4180): quoted cells, doubled quotes, line breaks inside quotes,
// CRLF or LF. A UTF-8 byte-order mark at the start is skipped.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text);
  // The next row's cells; false at the end.
  bool next(std::vector<std::string>& row);
  std::size_t row_number() const { return row_; }  // 1 = the header row
  std::size_t offset() const { return pos_; }      // bytes read so far (progress)

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

// One sheet screened for one rung: the headers mapped once, the tiers compiled once, and each
// row evaluated (verdicts; the rung's explanation, for its gaps, only when it is not met). The CLI
// (srdi screen) and the wasm module (the screening page) both use it.
class SheetScreener {
 public:
  // `rung`: a tier id or a rung kind (srdi, little_giant, …) of the version in force; empty: the
  // 专精特新 rung. Throws LoadFailure (source "options") when it is not among the tiers in force.
  // `chosen`: columns mapped by hand (column index -> a field of sheet_fields(), or "" for none),
  // over the headers' own matching.
  SheetScreener(const Options& options, const std::string& rung, const NearLimits& limits, const std::vector<std::string>& headers,
                const std::map<std::size_t, std::string>& chosen = {});
  ~SheetScreener();

  const std::vector<TableColumn>& columns() const { return columns_; }
  std::size_t columns_used() const;
  // The labels of the fields the rung needs that no column gives (every firm undetermined on them).
  const std::vector<std::string>& uncovered() const { return uncovered_; }
  // The columns the output adds: 划型, each rung, 得分, 分类, 主要差距, 需补充, 认定标准, 数据问题.
  const std::vector<std::string>& added_headers() const { return added_headers_; }
  const std::string& rung_id() const { return rung_id_; }
  const std::string& rung_title() const { return rung_title_; }

  struct Row {
    std::vector<std::string> added;  // one cell per added header
    std::string cls;                 // the class word, or 数据有误
    std::vector<CellError> problems;  // every bad cell, and the engine's own refusals
  };
  Row row(const std::vector<std::string>& cells) const;

 private:
  Options options_;
  NearLimits limits_;
  std::vector<TableColumn> columns_;
  std::vector<std::string> uncovered_, added_headers_;
  std::vector<std::string> tier_titles_;
  std::string rung_id_, rung_title_, version_;
  std::unique_ptr<Screener> compiled_;
  std::unique_ptr<Screener> rung_only_;  // the chosen rung alone, explained for its gaps
};

// Every field a column may be mapped to, (name, Chinese label): the profile fields, then the
// ladder's titles held (holds.<title>.since / .level).
std::vector<std::pair<std::string, std::string>> sheet_fields();

// The template sheet: every field a sheet may carry, by its Chinese label with its unit (万元, %),
// the ladder's titles held (认定日期, 级别), and one example row. CSV text, UTF-8, CRLF.
std::string sheet_template();

// A field (or holds, honors, sci_award) by its Chinese label.
std::string field_words(const std::string& name);

}  // namespace srdi
