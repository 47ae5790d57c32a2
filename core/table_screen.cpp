#include "core/table_screen.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "core/awards.hpp"
#include "core/date.hpp"
#include "core/evaluator.hpp"
#include "core/profile.hpp"

namespace srdi {

// ---------------------------------------------------------------- CSV

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::next(std::vector<std::string>& row) {
  row.clear();
  if (pos_ >= text_.size()) return false;
  std::string cell;
  bool quoted = false;
  while (pos_ < text_.size()) {
    char c = text_[pos_++];
    if (quoted) {
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          cell += '"';
          ++pos_;
        } else {
          quoted = false;
        }
      } else {
        cell += c;
      }
    } else if (c == '"' && cell.empty()) {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      break;
    } else {
      cell += c;
    }
  }
  row.push_back(std::move(cell));
  ++row_;
  return true;
}

std::string csv_cell(std::string_view cell) {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// ---------------------------------------------------------------- headers

namespace {

// Brackets written either way are one: （万元） and (万元).
std::string normalize(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i, 3) == "（") {
      out += '(';
      i += 3;
    } else if (s.substr(i, 3) == "）") {
      out += ')';
      i += 3;
    } else if (s.substr(i, 3) == "\xE3\x80\x80" || s[i] == ' ' || s[i] == '\t') {  // 全角空格, spaces
      i += s[i] == ' ' || s[i] == '\t' ? 1 : 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::vector<TableColumn> map_headers(const std::vector<std::string>& headers, int evaluation_year) {
  // Every field by its name and by its label, both normalized.
  std::map<std::string, const FieldSpec*> by_key;
  for (const auto& f : profile_fields()) {
    if (f.internal) continue;
    by_key[normalize(f.name)] = &f;
    by_key[normalize(f.label)] = &f;
  }
  std::vector<TableColumn> out;
  for (const auto& header : headers) {
    TableColumn col{header, "", "", CellUnit::Plain};
    std::string h = normalize(header);
    // A unit in brackets at the end.
    for (const auto& [unit_text, unit] : std::vector<std::pair<std::string, CellUnit>>{{"(万元)", CellUnit::Wan}, {"(元)", CellUnit::Yuan}}) {
      if (ends_with(h, unit_text)) {
        h.resize(h.size() - unit_text.size());
        col.unit = unit;
      }
    }
    for (const char* plain : {"(%)", "(人)", "(项)", "(年)", "(分)", "(级)", "(名)", "(个)"}) {
      if (ends_with(h, plain)) h.resize(h.size() - std::string(plain).size());
    }
    // A calendar year in brackets: 营业收入(2025年度) is 上年度 on a 2026 evaluation.
    if (h.size() > 9 && h.back() == ')') {
      std::size_t open = h.rfind('(');
      std::string inner = open == std::string::npos ? "" : h.substr(open + 1, h.size() - open - 2);
      for (const char* suffix : {"年度", "年"}) {
        if (ends_with(inner, suffix)) inner.resize(inner.size() - std::string(suffix).size());
      }
      if (inner.size() == 4 && std::all_of(inner.begin(), inner.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        int back = evaluation_year - std::stoi(inner);
        const char* word = back == 1 ? "(上年度)" : back == 2 ? "(上上年度)" : back == 3 ? "(前三年度)" : nullptr;
        if (word) h = h.substr(0, open) + word;
      }
    }
    if (auto it = by_key.find(h); it != by_key.end()) {
      col.field = it->second->name;
      col.label = it->second->label;
    } else {
      for (const auto& [title, word] : holding_title_words()) {
        for (const auto& [tail, part] : std::vector<std::pair<std::string, std::string>>{{"认定日期", "since"}, {"级别", "level"}}) {
          if (h == normalize(word) + tail) {
            col.field = "holds." + title + "." + part;
            col.label = word + tail;
          }
        }
      }
    }
    out.push_back(std::move(col));
  }
  return out;
}

// ---------------------------------------------------------------- a row

namespace {

// A number as written in a sheet: thousands separators, a full-width digit or minus, spaces.
std::string plain_number(std::string_view raw) {
  std::string s;
  for (std::size_t i = 0; i < raw.size();) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == 0xEF && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xBC) {
      unsigned char d = static_cast<unsigned char>(raw[i + 2]);
      if (d >= 0x90 && d <= 0x99) s += static_cast<char>('0' + (d - 0x90));  // ０-９
      else if (d == 0x8E) s += '.';                                          // ．
      else if (d == 0x8D) s += '-';                                          // －
      else if (d == 0x8C) s += ',';                                          // ，
      i += 3;
    } else if (c == ' ' || c == '\t') {
      ++i;
    } else {
      s += raw[i++];
    }
  }
  // Thousands separators only where they group thousands (8,600 or 12,345.6): "3,5" stays as
  // written and is refused as not a number, never read as 35.
  std::size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot);
  if (whole.find(',') == std::string::npos) return s;
  std::size_t start = whole[0] == '-' ? 1 : 0;
  bool grouped = whole.size() > start && whole.find(',', start) > start && whole.find(',', start) <= start + 3;
  for (std::size_t i = whole.find(',', start); grouped && i != std::string::npos; i = whole.find(',', i + 1)) {
    std::size_t next = whole.find(',', i + 1);
    grouped = (next == std::string::npos ? whole.size() : next) - i - 1 == 3;
  }
  if (!grouped) return s;
  std::string out;
  for (char c : whole) {
    if (c != ',') out += c;
  }
  return out + frac;
}

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return std::string(s.substr(a, b - a));
}

// Sets `value` at the dotted name inside `profile` (revenue.last → {"revenue": {"last": …}}).
void put(json& profile, const std::string& name, json value) {
  std::size_t dot = name.find('.');
  if (dot == std::string::npos) {
    profile[name] = std::move(value);
  } else {
    profile[name.substr(0, dot)][name.substr(dot + 1)] = std::move(value);
  }
}

}  // namespace

json row_profile(const std::vector<TableColumn>& columns, const std::vector<std::string>& cells,
                 std::vector<CellError>& errors) {
  json profile = json::object();
  json honors = json::array();
  bool honors_given = false;
  std::map<std::string, json> holds;  // title -> {title, level?, since?}
  for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
    const TableColumn& col = columns[i];
    std::string cell = trim(cells[i]);
    if (col.field.empty() || cell.empty()) continue;
    auto bad = [&](const std::string& why) { errors.push_back(CellError{i, "列“" + col.header + "”：" + why}); };
    if (col.field.rfind("holds.", 0) == 0) {
      std::string rest = col.field.substr(6);
      std::string title = rest.substr(0, rest.rfind('.'));
      std::string part = rest.substr(rest.rfind('.') + 1);
      json& h = holds[title];
      h["title"] = title;
      if (part == "since") {
        std::string d = cell;
        std::replace(d.begin(), d.end(), '/', '-');
        auto date = parse_date(d);
        if (!date) {
          bad("“" + cell + "”不是日期，请写成 2025-03-01");
          continue;
        }
        h["since"] = date->iso();
      } else {
        std::string level = cell == "国家级" ? "national" : cell == "省级" ? "provincial" : cell == "市级" ? "city" : cell;
        if (level != "national" && level != "provincial" && level != "city") {
          bad("级别只能是国家级、省级或市级");
          continue;
        }
        h["level"] = level;
      }
      continue;
    }
    const FieldSpec* spec = find_field(col.field);
    if (!spec) continue;
    switch (spec->kind) {
      case FieldKind::Money:
      case FieldKind::SignedMoney: {
        std::string n = plain_number(cell);
        auto parsed = parse_decimal(n, col.unit == CellUnit::Yuan ? 2 : 6);
        if (parsed.too_many_decimals) {
          bad(col.unit == CellUnit::Yuan ? "金额最多 2 位小数（精确到分）" : "万元最多 6 位小数（精确到分）");
          continue;
        }
        if (!parsed.value) {
          bad("“" + cell + "”不是数字");
          continue;
        }
        Rational yuan = col.unit == CellUnit::Yuan ? *parsed.value : *parsed.value * Rational(10000);
        if (spec->kind == FieldKind::Money && yuan.sign() < 0) {
          bad("不能为负数");
          continue;
        }
        put(profile, spec->name, format_decimal(yuan, 2, 2));
        break;
      }
      case FieldKind::Count:
      case FieldKind::Rank:
      case FieldKind::IntRange: {
        std::string n = plain_number(cell);
        bool digits = !n.empty() && std::all_of(n.begin() + (n[0] == '-' ? 1 : 0), n.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || n == "-") {
          bad(n.find('.') != std::string::npos ? "请填写整数，不带小数" : "“" + cell + "”不是整数");
          continue;
        }
        if (n.size() > 12) {
          bad("数值过大");
          continue;
        }
        if (n[0] == '-' && spec->kind == FieldKind::Count) {
          bad("不能为负数");
          continue;
        }
        put(profile, spec->name, std::stoll(n));  // range and sign: the profile loader says what is wrong
        break;
      }
      case FieldKind::Percent:
      case FieldKind::Score: {
        std::string n = plain_number(cell);
        if (!n.empty() && n.back() == '%') n.pop_back();
        auto parsed = parse_decimal(n);
        if (!parsed.value) {
          bad("“" + cell + "”不是数字");
          continue;
        }
        put(profile, spec->name, n);
        break;
      }
      case FieldKind::Bool: {
        static const std::vector<std::string> yes = {"是", "有", "true", "TRUE", "1", "Y", "y", "√"};
        static const std::vector<std::string> no = {"否", "无", "没有", "false", "FALSE", "0", "N", "n", "×"};
        bool v;
        if (std::find(yes.begin(), yes.end(), cell) != yes.end()) v = true;
        else if (std::find(no.begin(), no.end(), cell) != no.end()) v = false;
        else {
          bad("只能填“是”或“否”");
          continue;
        }
        if (spec->name.rfind("honors.", 0) == 0) {
          honors_given = true;
          if (v) honors.push_back(spec->name.substr(7));
        } else {
          put(profile, spec->name, v);
        }
        break;
      }
      case FieldKind::Enum: {
        std::string value;
        for (const auto& v : spec->values) {
          if (cell == v) value = v;
        }
        for (const auto& [v, word] : value_labels(spec->name)) {
          if (cell == word) value = v;
        }
        if (value.empty()) {
          std::string allowed;
          for (const auto& [v, word] : value_labels(spec->name)) allowed += (allowed.empty() ? "" : "、") + word;
          bad("“" + cell + "”不是可选的值" + (allowed.empty() ? "" : "（可填：" + allowed + "）"));
          continue;
        }
        put(profile, spec->name, value);
        break;
      }
      case FieldKind::Text: {
        if (spec->name == "city") {
          // A city by its id or its Chinese name (济南 / 济南市).
          std::string id = cell;
          for (const auto& [cid, name] : award_cities(active_policies())) {
            if (cell == name || cell + "市" == name) id = cid;
          }
          put(profile, "city", id);
        } else {
          put(profile, spec->name, cell);
        }
        break;
      }
    }
  }
  if (honors_given) profile["honors"] = honors;
  if (!holds.empty()) {
    json list = json::array();
    for (auto& [title, h] : holds) list.push_back(h);
    profile["holds"] = list;
  }
  return profile;
}

// ---------------------------------------------------------------- classes

std::optional<NearLimits> parse_near_limits(std::string_view text) {
  NearLimits out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(start, end - start);
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    std::string_view key = item.substr(0, eq);
    auto v = parse_decimal(item.substr(eq + 1), -1, true);  // "30%" is 0.3
    if (!v.value || v.value->sign() < 0) return std::nullopt;
    if (key == "money_share") out.money_share = *v.value;
    else if (key == "count") out.count = *v.value;
    else if (key == "percent_points") out.percent_points = *v.value;
    else if (key == "points") out.points = *v.value;
    else return std::nullopt;
    start = end + 1;
  }
  return out;
}

std::string near_limits_words(const NearLimits& l) {
  return "金额差距不超过当前数额的 " + format_percent(l.money_share) + "，数量差距不超过 " + format_decimal(l.count, 2) +
         "，比例差距不超过 " + format_decimal(l.percent_points, 2) + " 个百分点，分数差距不超过 " + format_decimal(l.points, 2) + " 分";
}

std::string field_words(const std::string& name) {
  if (name == "holds") return "已获称号";
  if (name == "honors") return "荣誉";
  if (name == "sci_award") return "科技奖励";
  const FieldSpec* f = find_field(name);
  return f ? f->label : name;
}


RungClass classify(const json& tier, const NearLimits& limits) {
  RungClass out;
  const std::string verdict = tier.value("verdict", "");
  for (const auto& u : tier.value("unmet", json::array())) {
    if (u.contains("gap") && u["gap"].contains("text")) out.gaps.push_back(u["gap"]["text"].get<std::string>() + "（" + u["title"].get<std::string>() + "）");
    else out.gaps.push_back(u.value("title", ""));
  }
  for (const auto& m : tier.value("missing", json::array())) {
    out.missing.push_back(field_words(m.get<std::string>()));
  }
  if (verdict == "eligible") {
    out.word = "重点推荐";
  } else if (verdict == "contested") {
    out.word = "依读法而定";  // the readings disagree: nothing to collect, the notice decides
  } else if (verdict == "undetermined") {
    out.word = "待补充";
  } else {
    // Near: every unmet condition has a gap, each within the limits.
    bool near = !tier.value("unmet", json::array()).empty();
    for (const auto& u : tier.value("unmet", json::array())) {
      if (!u.contains("gap")) {
        near = false;
        break;
      }
      const json& g = u["gap"];
      auto change = parse_decimal(g.value("change", "")).value;
      auto from = parse_decimal(g.value("from", "")).value;
      const std::string unit = g.value("unit", "");
      if (!change) {
        near = false;
        break;
      }
      Rational c = change->sign() < 0 ? Rational(0) - *change : *change;
      bool ok = unit == "yuan" ? (from && from->sign() > 0 && c <= *from * limits.money_share)
                : unit == "count" ? c <= limits.count
                : unit == "percent_points" ? c <= limits.percent_points
                : unit == "points" ? c <= limits.points
                                   : false;
      if (!ok) {
        near = false;
        break;
      }
    }
    out.word = near ? "重点提升" : "重点关注";
  }
  return out;
}

std::string sheet_template() {
  std::vector<std::string> headers, example;
  const json sample = json::parse(R"({"name": "示例企业", "city": "济南市", "industry": "工业", "employees": "120",
    "revenue.last": "8600", "revenue.prev": "8000", "revenue.prev2": "7600", "rd_expense.last": "300", "rd_expense.prev": "260",
    "total_assets": "12000", "total_liabilities": "5800"})");
  for (const auto& f : profile_fields()) {
    if (f.internal) continue;
    std::string unit = f.kind == FieldKind::Money || f.kind == FieldKind::SignedMoney ? "（万元）" : f.kind == FieldKind::Percent ? "（%）" : "";
    headers.push_back(f.label + unit);
    example.push_back(sample.value(f.name, ""));
  }
  for (const char* title : {"innovative_sme", "srdi_sme", "little_giant"}) {
    const std::string word = holding_title_words().at(title);
    headers.push_back(word + "认定日期");
    example.push_back("");
    headers.push_back(word + "级别");
    example.push_back("");
  }
  std::string out;
  for (const auto* row : {&headers, &example}) {
    for (std::size_t i = 0; i < row->size(); ++i) out += (i ? "," : "") + csv_cell((*row)[i]);
    out += "\r\n";
  }
  return out;
}

// ---------------------------------------------------------------- a sheet

std::vector<std::pair<std::string, std::string>> sheet_fields() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : profile_fields()) {
    if (!f.internal) out.emplace_back(f.name, f.label);
  }
  for (const auto& [title, word] : holding_title_words()) {
    out.emplace_back("holds." + title + ".since", word + "认定日期");
    out.emplace_back("holds." + title + ".level", word + "级别");
  }
  return out;
}

SheetScreener::SheetScreener(const Options& options, const std::string& rung, const NearLimits& limits,
                             const std::vector<std::string>& headers, const std::map<std::size_t, std::string>& chosen)
    : options_(options), limits_(limits) {
  // The tiers in force, their titles and what an empty firm lacks, from one evaluation of {}.
  json probe = evaluate(load_profile("{}"), options_, active_policies());
  for (const auto& t : probe["tiers"]) {
    tier_titles_.push_back(t["title"]);
    if (t["id"] == rung || t["tier"] == rung || (rung.empty() && t["tier"] == "srdi")) {
      rung_id_ = t["id"];
      rung_title_ = t["title"];
    }
  }
  if (rung_id_.empty()) {
    std::string known;
    for (const auto& t : probe["tiers"]) known += (known.empty() ? "" : "、") + t["id"].get<std::string>();
    throw LoadFailure({Error{"options.unknown_rung", "/rung", "评估日期适用的层级中没有“" + rung + "”；可选：" + known, "options"}});
  }
  version_ = probe["criteria"]["version"].is_string() ? probe["criteria"]["version"].get<std::string>() : "";
  columns_ = map_headers(headers, options_.as_of.year);
  const auto fields = sheet_fields();
  for (const auto& pick : chosen) {  // not a structured binding: clang 14 cannot capture one
    const std::size_t index = pick.first;
    const std::string& field = pick.second;
    if (index >= columns_.size()) continue;
    auto it = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == field; });
    if (!field.empty() && it == fields.end()) {
      throw LoadFailure({Error{"options.unknown_field", "/mapping/" + std::to_string(index), "没有可对应的字段“" + field + "”", "options"}});
    }
    columns_[index].field = field;
    columns_[index].label = field.empty() ? "" : it->second;
  }
  for (const auto& t : probe["tiers"]) {
    if (t["id"] != rung_id_) continue;
    for (const auto& m : t["missing"]) {
      const std::string name = m;
      bool given = std::any_of(columns_.begin(), columns_.end(), [&](const TableColumn& c) {
        return c.field == name || (name == "holds" && c.field.rfind("holds.", 0) == 0) || c.field.rfind(name + ".", 0) == 0;
      });
      if (!given) uncovered_.push_back(field_words(name));
    }
  }
  added_headers_ = {"划型"};
  for (const auto& title : tier_titles_) added_headers_.push_back(title);
  for (const std::string& h : std::vector<std::string>{"得分（" + rung_title_ + "）", "分类（" + rung_title_ + "）", "主要差距",
                                                       "需补充", "认定标准", "数据问题"}) {
    added_headers_.push_back(h);
  }
  compiled_ = std::make_unique<Screener>(active_policies(), options_);
  rung_only_ = std::make_unique<Screener>(active_policies(), options_, std::vector<std::string>{rung_id_});
}

SheetScreener::~SheetScreener() = default;

std::size_t SheetScreener::columns_used() const {
  return static_cast<std::size_t>(std::count_if(columns_.begin(), columns_.end(), [](const TableColumn& c) { return !c.field.empty(); }));
}

SheetScreener::Row SheetScreener::row(const std::vector<std::string>& cells) const {
  Row out;
  out.added.assign(added_headers_.size(), "");
  json profile = row_profile(columns_, cells, out.problems);
  // Evaluated even when a cell was bad (that cell left out), so every problem of the row is
  // reported at once: the engine's own checks (e.g. a date after the evaluation date) too.
  // Verdicts first (the fast path); the explanation only when the chosen rung is not met.
  Response r = guarded_response([&] {
    // The row's numbers are strings or integers (never floating point), so the loader may take
    // the document as built: no text to write and parse again.
    Profile loaded = load_profile(StrictDocument{profile, {}}, options_.as_of);
    json v = compiled_->result(loaded, false);
    for (const auto& t : v["tiers"]) {
      if (t["id"] == rung_id_ && t["verdict"] == "not_eligible") {
        v["explained"] = json{{"verdict", "not_eligible"}, {"unmet", tier_unmet(loaded, options_, *rung_only_, rung_id_)}};
      }
    }
    return v;
  });
  if (!r.ok) {
    for (const auto& e : r.body["errors"]) {
      // The column of the field the error is about: its JSON pointer is the dotted name, and a
      // title held (/holds/<n>/since) is that title's column.
      const std::string path = e.value("path", "");
      std::size_t column = columns_.size();
      for (std::size_t i = 0; i < columns_.size(); ++i) {
        std::string pointer = "/" + columns_[i].field;
        std::replace(pointer.begin(), pointer.end(), '.', '/');
        if (!columns_[i].field.empty() && path == pointer) column = i;
      }
      if (path.rfind("/holds/", 0) == 0 && profile.contains("holds")) {
        std::size_t n = std::strtoul(path.c_str() + 7, nullptr, 10);
        std::string part = path.substr(path.rfind('/') + 1);
        if (n < profile["holds"].size()) {
          std::string field = "holds." + profile["holds"][n].value("title", "") + "." + part;
          for (std::size_t i = 0; i < columns_.size(); ++i) {
            if (columns_[i].field == field) column = i;
          }
        }
      }
      std::string where = column < columns_.size() ? "列“" + columns_[column].header + "”：" : "";
      out.problems.push_back(CellError{column, where + e.value("message", "")});
    }
  }
  if (!out.problems.empty()) {
    std::string text;
    for (const auto& p : out.problems) text += (text.empty() ? "" : "；") + p.message;
    out.cls = "数据有误";
    out.added[1 + tier_titles_.size() + 1] = out.cls;
    out.added.back() = text;
    return out;
  }
  const json& result = r.body;
  out.added[0] = size_class_label(result["size"].value("class", "undetermined"));
  std::size_t k = 1;
  const json* chosen = nullptr;
  for (const auto& t : result["tiers"]) {
    if (k <= tier_titles_.size()) out.added[k++] = verdict_label(t["verdict"].get<std::string>()) + std::string(t["held"] == true ? "（已持有）" : "");
    if (t["id"] == rung_id_) chosen = &t;
  }
  k = 1 + tier_titles_.size();
  if (chosen) {
    const json& sc = (*chosen)["score"];
    if (sc.is_object()) out.added[k] = sc["min"] == sc["max"] ? sc["min"].dump() : sc["min"].dump() + "–" + sc["max"].dump();
    RungClass cls = classify(result.contains("explained") ? result["explained"] : *chosen, limits_);
    out.cls = cls.word;
    out.added[k + 1] = cls.word;
    std::string gaps, missing;
    for (std::size_t g = 0; g < cls.gaps.size() && g < 3; ++g) gaps += (g ? "；" : "") + cls.gaps[g];
    for (std::size_t m = 0; m < cls.missing.size() && m < 8; ++m) missing += (m ? "、" : "") + cls.missing[m];
    if (cls.missing.size() > 8) missing += " 等 " + std::to_string(cls.missing.size()) + " 项";
    out.added[k + 2] = gaps;
    out.added[k + 3] = missing;
  }
  out.added[k + 4] = version_;
  return out;
}

}  // namespace srdi
