// srdi screen: a 培育库 sheet (CSV, UTF-8 or GBK) in, the same sheet with each firm's verdicts,
// class and gaps out (docs/screening.md). The mapping, the profile of a row and the class are
// core/table_screen.cpp; this file reads and writes files, decodes and encodes GBK (iconv), and
// reports progress and bad cells on stderr.
#include "cli/screen.hpp"
#include "cli/files.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "core/engine.hpp"
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
    "                  [--mapping FILE.json]   {\"表头\": \"字段名\"}: columns mapped by hand (\"\" for none)\n"
    "       srdi screen --template FILE.csv [--as-of YYYY-MM-DD] [--encoding utf-8|gbk]\n";

int screen_usage(const std::string& message) {
  std::cerr << "错误：" << message << "\n" << kScreenUsage;
  return 1;
}

}  // namespace

int screen(const std::vector<std::string>& args) {
  std::string input, output, rung, as_of, criteria, encoding = "utf-8", near_text, template_path, mapping_path;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::map<std::string, std::string*> takes = {{"--input", &input},       {"--output", &output},     {"--rung", &rung},
                                                 {"--as-of", &as_of},       {"--criteria", &criteria}, {"--encoding", &encoding},
                                                 {"--near", &near_text},    {"--template", &template_path},
                                                 {"--mapping", &mapping_path}};
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
    if (!write(template_path, srdi::sheet_template())) return screen_usage("无法写入 " + template_path);
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
  std::string text;
  if (!read_text(input, text)) return screen_usage("无法读取 " + input);
  std::string detected = "UTF-8";
  if (!valid_utf8(text)) {
    auto u = convert(text, "GB18030", "UTF-8");
    if (!u) return screen_usage(input + " 既不是 UTF-8 也不是 GBK 编码");
    text = *u;
    detected = "GBK";
  }

  srdi::CsvReader csv(text);
  std::vector<std::string> header, row;
  if (!csv.next(header)) return screen_usage(input + " 是空文件");
  // --mapping FILE: {"表头": "field" or ""}, columns mapped by hand over the headers' own matching.
  std::map<std::size_t, std::string> chosen;
  if (!mapping_path.empty()) {
    std::string mapping;
    if (!read_text(mapping_path, mapping)) return screen_usage("无法读取 " + mapping_path);
    json m = json::parse(mapping, nullptr, false);
    if (!m.is_object()) return screen_usage(mapping_path + " 应为 JSON 对象：{\"表头\": \"字段名\"}");
    for (const auto& [h, field] : m.items()) {
      auto at = std::find(header.begin(), header.end(), h);
      if (at == header.end() || !field.is_string()) return screen_usage(mapping_path + "：表中没有列“" + h + "”，或其字段名不是文字");
      chosen[static_cast<std::size_t>(at - header.begin())] = field.get<std::string>();
    }
  }
  std::unique_ptr<srdi::SheetScreener> sheet;
  try {
    sheet = std::make_unique<srdi::SheetScreener>(options, rung, limits, header, chosen);
  } catch (const srdi::LoadFailure& f) {
    return screen_usage(f.errors.front().message);
  }
  const auto& columns = sheet->columns();
  if (sheet->columns_used() == 0) return screen_usage("表头中没有可识别的列（请参照 srdi screen --template 的表头）");
  std::cerr << "读取 " << input << "（" << detected << "），识别 " << sheet->columns_used() << " / " << columns.size()
            << " 列；筛选层级 " << sheet->rung_id() << "\n";
  for (const auto& c : columns) {
    if (c.field.empty()) std::cerr << "  未识别的列（原样保留）：" << c.header << "\n";
  }
  for (const auto& label : sheet->uncovered()) std::cerr << "  表中没有“" << label << "”列：每家企业的该项都按未填写处理\n";

  std::string out;
  auto put_row = [&](const std::vector<std::string>& original, const std::vector<std::string>& added) {
    std::string line;
    for (std::size_t i = 0; i < header.size(); ++i) line += (i ? "," : "") + srdi::csv_cell(i < original.size() ? original[i] : "");
    for (const auto& a : added) line += "," + srdi::csv_cell(a);
    out += line + "\r\n";
  };
  put_row(header, sheet->added_headers());

  std::map<std::string, int> counts;
  int bad_rows = 0, rows = 0;
  auto t0 = std::chrono::steady_clock::now();
  while (csv.next(row)) {
    if (std::all_of(row.begin(), row.end(), [](const std::string& c) { return c.find_first_not_of(" \t") == std::string::npos; })) continue;
    ++rows;
    srdi::SheetScreener::Row r = sheet->row(row);
    ++counts[r.cls];
    if (!r.problems.empty()) {
      ++bad_rows;
      std::cerr << "第 " << csv.row_number() << " 行：" << r.added.back() << "\n";
    }
    put_row(row, r.added);
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
