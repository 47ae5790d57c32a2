// srdi screen: a 培育库 sheet (CSV, UTF-8 or GBK) in, the same sheet with each firm's verdicts,
// class and gaps out (docs/screening.md). The mapping, the profile of a row and the class are
// core/table_screen.cpp; this file reads and writes files, decodes and encodes GBK (iconv), and
// reports progress and bad cells on stderr.
#include "cli/screen.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "core/engine.hpp"
#include "core/evaluator.hpp"
#include "core/table_screen.hpp"

namespace srdi_cli {

namespace {

using srdi::json;

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (n < 0 || i + n >= s.size() + (n == 0 ? 1 : 0)) return false;
    for (int k = 1; k <= n; ++k) {
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += n + 1;
  }
  return true;
}

// iconv from one encoding to another; nullopt when the bytes are not valid in `from`.
std::optional<std::string> convert(const std::string& in, const char* from, const char* to) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  bool ok = true;
  while (src_left > 0) {
    if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        std::size_t used = out.size() - dst_left;
        out.resize(out.size() * 2);
        dst = out.data() + used;
        dst_left = out.size() - used;
        continue;
      }
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(out.size() - dst_left);
  return out;
}

const char* kScreenUsage =
    "用法：srdi screen --input FILE.csv --output FILE.csv [--rung RUNG] [--as-of YYYY-MM-DD]\n"
    "                  [--criteria VERSION|auto] [--encoding utf-8|gbk] [--near money_share=0.3,count=2,percent_points=1,points=10]\n"
    "       srdi screen --template FILE.csv [--as-of YYYY-MM-DD] [--encoding utf-8|gbk]\n";

int screen_usage(const std::string& message) {
  std::cerr << "错误：" << message << "\n" << kScreenUsage;
  return 1;
}

// The template: every field a sheet may carry, with its unit, and one example row.
std::string template_csv(int evaluation_year) {
  (void)evaluation_year;
  std::vector<std::string> headers, example;
  const json sample = json::parse(R"({"name": "示例企业", "city": "济南市", "industry": "工业", "employees": "120",
    "revenue.last": "8600", "revenue.prev": "8000", "revenue.prev2": "7600", "rd_expense.last": "300", "rd_expense.prev": "260",
    "total_assets": "12000", "total_liabilities": "5800"})");
  for (const auto& f : srdi::profile_fields()) {
    if (f.internal) continue;
    std::string unit = f.kind == srdi::FieldKind::Money || f.kind == srdi::FieldKind::SignedMoney ? "（万元）"
                       : f.kind == srdi::FieldKind::Percent ? "（%）" : "";
    headers.push_back(f.label + unit);
    example.push_back(sample.value(f.name, ""));
  }
  for (const char* title : {"创新型中小企业", "专精特新中小企业", "专精特新“小巨人”企业"}) {
    headers.push_back(std::string(title) + "认定日期");
    example.push_back("");
    headers.push_back(std::string(title) + "级别");
    example.push_back("");
  }
  std::string out;
  for (const auto* row : {&headers, &example}) {
    for (std::size_t i = 0; i < row->size(); ++i) out += (i ? "," : "") + srdi::csv_cell((*row)[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace

int screen(const std::vector<std::string>& args) {
  std::string input, output, rung, as_of, criteria, encoding = "utf-8", near_text, template_path;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::map<std::string, std::string*> takes = {{"--input", &input},       {"--output", &output},     {"--rung", &rung},
                                                 {"--as-of", &as_of},       {"--criteria", &criteria}, {"--encoding", &encoding},
                                                 {"--near", &near_text},    {"--template", &template_path}};
    auto it = takes.find(args[i]);
    if (it == takes.end()) return screen_usage("未知参数 " + args[i]);
    if (i + 1 >= args.size()) return screen_usage(args[i] + " 缺少取值");
    *it->second = args[++i];
  }
  if (encoding != "utf-8" && encoding != "gbk") return screen_usage("--encoding 只能是 utf-8 或 gbk");
  srdi::Options options{srdi::today_local(), criteria == "auto" ? "" : criteria, ""};
  if (!as_of.empty()) {
    auto d = srdi::parse_date(as_of);
    if (!d) return screen_usage("评估日期应为 YYYY-MM-DD 格式的有效日期");
    options.as_of = *d;
  }
  auto write = [&](const std::string& path, const std::string& utf8) {
    std::string bytes = utf8;
    if (encoding == "gbk") {
      auto g = convert(utf8, "UTF-8", "GB18030");
      if (!g) return false;
      bytes = *g;
    } else {
      bytes = "\xEF\xBB\xBF" + bytes;  // Excel opens a UTF-8 CSV correctly only with the mark
    }
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return static_cast<bool>(out);
  };
  if (!template_path.empty()) {
    if (!write(template_path, template_csv(options.as_of.year))) return screen_usage("无法写入 " + template_path);
    std::cerr << "已写出模板 " << template_path << "\n";
    return 0;
  }
  if (input.empty() || output.empty()) return screen_usage("缺少 --input 或 --output");
  srdi::NearLimits limits;
  if (!near_text.empty()) {
    auto l = srdi::parse_near_limits(near_text);
    if (!l) return screen_usage("--near 的写法：money_share=0.3,count=2,percent_points=1,points=10");
    limits = *l;
  }
  std::ifstream in(input, std::ios::binary);
  if (!in) return screen_usage("无法读取 " + input);
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  std::string detected = "UTF-8";
  if (!valid_utf8(text)) {
    auto u = convert(text, "GB18030", "UTF-8");
    if (!u) return screen_usage(input + " 既不是 UTF-8 也不是 GBK 编码");
    text = *u;
    detected = "GBK";
  }

  // The rung: a tier id, or a rung kind (innovative, srdi, little_giant) of the version in force.
  srdi::json probe = srdi::evaluate(srdi::load_profile("{}"), options, srdi::bundled_policies());
  std::string rung_id;
  for (const auto& t : probe["tiers"]) {
    if (t["id"] == rung || t["tier"] == rung || (rung.empty() && t["tier"] == "srdi")) rung_id = t["id"];
  }
  if (rung_id.empty()) {
    std::string known;
    for (const auto& t : probe["tiers"]) known += " " + t["id"].get<std::string>();
    return screen_usage("评估日期适用的层级中没有“" + rung + "”；可选：" + known);
  }

  const srdi::Screener compiled(srdi::bundled_policies(), options);  // once for every row
  srdi::CsvReader csv(text);
  std::vector<std::string> header, row;
  if (!csv.next(header)) return screen_usage(input + " 是空文件");
  auto columns = srdi::map_headers(header, options.as_of.year);
  std::size_t used = 0;
  for (const auto& c : columns) used += !c.field.empty();
  if (used == 0) return screen_usage("表头中没有可识别的列（请参照 srdi screen --template 的表头）");
  std::cerr << "读取 " << input << "（" << detected << "），识别 " << used << " / " << columns.size() << " 列；筛选层级 " << rung_id << "\n";
  for (const auto& c : columns) {
    if (c.field.empty()) std::cerr << "  未识别的列（原样保留）：" << c.header << "\n";
  }
  // The fields the rung needs that no column gives: every firm is undetermined on them.
  for (const auto& t : probe["tiers"]) {
    if (t["id"] != rung_id) continue;
    for (const auto& m : t["missing"]) {
      const std::string name = m;
      bool given = std::any_of(columns.begin(), columns.end(), [&](const srdi::TableColumn& c) {
        return c.field == name || (name == "holds" && c.field.rfind("holds.", 0) == 0) ||
               c.field.rfind(name + ".", 0) == 0;
      });
      if (!given) std::cerr << "  表中没有“" << srdi::field_words(name) << "”列：每家企业的该项都按未填写处理\n";
    }
  }

  std::vector<std::string> tier_titles;
  for (const auto& t : probe["tiers"]) tier_titles.push_back(t["title"]);
  std::string rung_title;
  for (const auto& t : probe["tiers"]) {
    if (t["id"] == rung_id) rung_title = t["title"];
  }
  std::string out;
  std::vector<std::string> extra = {"划型"};
  for (const auto& title : tier_titles) extra.push_back(title);
  for (const std::string& h : std::vector<std::string>{"得分（" + rung_title + "）", "分类（" + rung_title + "）", "主要差距", "需补充", "认定标准", "数据问题"}) {
    extra.push_back(h);
  }
  auto put_row = [&](const std::vector<std::string>& original, const std::vector<std::string>& added) {
    std::string line;
    for (std::size_t i = 0; i < header.size(); ++i) line += (i ? "," : "") + srdi::csv_cell(i < original.size() ? original[i] : "");
    for (const auto& a : added) line += "," + srdi::csv_cell(a);
    out += line + "\r\n";
  };
  put_row(header, extra);

  std::map<std::string, int> counts;
  int bad_rows = 0, rows = 0;
  auto t0 = std::chrono::steady_clock::now();
  const std::string version = probe["criteria"]["version"].is_string() ? probe["criteria"]["version"].get<std::string>() : "";
  while (csv.next(row)) {
    if (std::all_of(row.begin(), row.end(), [](const std::string& c) { return c.find_first_not_of(" \t") == std::string::npos; })) continue;
    ++rows;
    std::vector<srdi::CellError> errors;
    json profile = srdi::row_profile(columns, row, errors);
    std::vector<std::string> added(extra.size(), "");
    std::string problems;
    for (const auto& e : errors) problems += (problems.empty() ? "" : "；") + e.message;
    json result;
    {
      // Evaluated even when a cell was bad (that cell left out), so every problem of the row is
      // reported at once: the engine's own checks (e.g. a date after the evaluation date) too.
      // Verdicts first (the fast path); the explanation only when the chosen rung is not met,
      // for its gaps.
      srdi::Response r = srdi::guarded_response([&] {
        srdi::Profile loaded = srdi::load_profile(profile.dump(), options.as_of);
        json v = compiled.result(loaded);
        for (const auto& t : v["tiers"]) {
          if (t["id"] == rung_id && t["verdict"] == "not_eligible") {
            json full = srdi::evaluate(loaded, options, srdi::bundled_policies(), compiled);
            for (const auto& ft : full["tiers"]) {
              if (ft["id"] == rung_id) v["explained"] = ft;
            }
          }
        }
        return v;
      });
      if (!r.ok) {
        for (const auto& e : r.body["errors"]) {
          // The column of the field the error is about (its JSON pointer is the dotted name).
          std::string where;
          for (const auto& c : columns) {
            std::string pointer = "/" + c.field;
            std::replace(pointer.begin(), pointer.end(), '.', '/');
            if (!c.field.empty() && e.value("path", "") == pointer) where = "列“" + c.header + "”：";
          }
          // A title held: /holds/<n>/since or /level is that title's column.
          const std::string path = e.value("path", "");
          if (path.rfind("/holds/", 0) == 0 && profile.contains("holds")) {
            std::size_t n = std::strtoul(path.c_str() + 7, nullptr, 10);
            std::string part = path.substr(path.rfind('/') + 1);
            if (n < profile["holds"].size()) {
              std::string field = "holds." + profile["holds"][n].value("title", "") + "." + part;
              for (const auto& c : columns) {
                if (c.field == field) where = "列“" + c.header + "”：";
              }
            }
          }
          problems += (problems.empty() ? "" : "；") + where + e.value("message", "");
        }
      } else {
        result = std::move(r.body);
      }
    }
    if (!problems.empty()) {
      ++bad_rows;
      ++counts["数据有误"];
      std::cerr << "第 " << csv.row_number() << " 行：" << problems << "\n";
      added.back() = problems;
      added[1 + tier_titles.size() + 1] = "数据有误";
      put_row(row, added);
      continue;
    }
    added[0] = srdi::size_class_label(result["size"].value("class", "undetermined"));
    std::size_t k = 1;
    const json* chosen = nullptr;
    for (const auto& t : result["tiers"]) {
      if (k <= tier_titles.size()) added[k++] = srdi::verdict_words(t["verdict"]) + std::string(t["held"] == true ? "（已持有）" : "");
      if (t["id"] == rung_id) chosen = &t;
    }
    k = 1 + tier_titles.size();
    if (chosen) {
      const json& sc = (*chosen)["score"];
      if (sc.is_object()) added[k] = sc["min"] == sc["max"] ? sc["min"].dump() : sc["min"].dump() + "–" + sc["max"].dump();
      srdi::RungClass cls = srdi::classify(result.contains("explained") ? result["explained"] : *chosen, limits);
      added[k + 1] = cls.word;
      std::string gaps, missing;
      for (std::size_t g = 0; g < cls.gaps.size() && g < 3; ++g) gaps += (g ? "；" : "") + cls.gaps[g];
      for (std::size_t m = 0; m < cls.missing.size() && m < 8; ++m) missing += (m ? "、" : "") + cls.missing[m];
      if (cls.missing.size() > 8) missing += " 等 " + std::to_string(cls.missing.size()) + " 项";
      added[k + 2] = gaps;
      added[k + 3] = missing;
      ++counts[cls.word];
    }
    added[k + 4] = version;
    put_row(row, added);
    if (rows % 1000 == 0) std::cerr << "已处理 " << rows << " 行\n";
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!write(output, out)) return screen_usage("无法写入 " + output);
  std::cerr << "完成：" << rows << " 行，" << seconds << " 秒（" << (seconds > 0 ? static_cast<long>(rows / seconds) : 0) << " 行/秒）；";
  for (const auto& [word, n] : counts) std::cerr << word << " " << n << "；";
  std::cerr << "写出 " << output << "\n接近的标准（重点提升）：" << srdi::near_limits_words(limits) << "\n";
  return bad_rows ? 2 : 0;
}

}  // namespace srdi_cli
