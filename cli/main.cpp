// srdi: the command-line shell over core/. Exit 0 on success, 2 on bad input (errors on stderr,
// nothing on stdout), 1 on an internal failure.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/criteria_doc.hpp"
#include "core/engine.hpp"
#include "core/metrics.hpp"
#include "core/evaluator.hpp"
#include "core/text_report.hpp"
#include "cli/screen.hpp"
#include "cli/authoring.hpp"
#include "cli/files.hpp"

namespace {

const char* kUsage =
    "用法 / usage:\n"
    "  srdi evaluate --profile FILE [--as-of YYYY-MM-DD] [--criteria VERSION|auto] [--applicant KIND]\n"
    "                [--renewal RUNG[,RUNG]] [--reading READING=OPTION]... [--format json|compact|text]\n"
    "  srdi compare --profile FILE [--as-of YYYY-MM-DD] [--criteria VERSION|auto] [--applicant KIND]\n"
    "               [--format json|compact|text]\n"
    "               what each city's award policies would pay and offer, side by side\n"
    "               json: indented for people; compact: one line, the bytes the wasm module returns\n"
    "  srdi evaluate ... --verdicts   verdicts only: size class, each tier's verdict, score and\n"
    "               deciding fields, award totals (no explanation; JSON)\n"
    "  srdi batch [--as-of YYYY-MM-DD] [--criteria VERSION|auto] [--applicant KIND] [--verdicts]\n"
    "               JSON Lines: one profile per line on stdin, one compact result per line on stdout\n"
    "               (a bad line gives {\"errors\": [...]} on its line; exit 2 if any line failed)\n"
    "  srdi screen --input FILE.csv --output FILE.csv [--rung RUNG] [--as-of YYYY-MM-DD] [--encoding utf-8|gbk]\n"
    "               a 培育库 sheet (UTF-8 or GBK CSV): each firm's verdicts, class and gaps added\n"
    "               (docs/screening.md; srdi screen --template FILE.csv writes the template)\n"
    "  srdi evaluate|compare|batch|screen|policies|schema ... --policies DIR|FILE\n"
    "               also the policy files of DIR (every *.json below it) or FILE, loaded at run time:\n"
    "               each replaces the bundled policy of the same id, or is added (docs/authoring.md)\n"
    "  srdi check-policy FILE [--source TEXT] [--golden GOLDEN.json] [--policies DIR|FILE]\n"
    "               every error of a policy file at once, and the checker's warnings (exit 2 on errors)\n"
    "  srdi test POLICY GOLDEN.json [--policies DIR|FILE]   run a policy's golden cases (exit 2 if any fails)\n"
    "  srdi test --template POLICY   print a golden file to start from, one case per measure\n"
    "  srdi policies      list the policy files (bundled, and any given with --policies)\n"
    "  srdi metrics       list the metric catalogue (JSON)\n"
    "  srdi schema        the input vocabulary: profile fields, titles, event types (JSON)\n"
    "  srdi docs criteria|policies|events   the generated documents (docs/criteria.md, policies.md, events.md)\n"
    "  srdi --version\n";

int fail(const std::vector<srdi::Error>& errors, bool text) {
  srdi::json body = srdi::errors_json(errors);
  std::cerr << (text ? srdi::render_text_errors(body) : body.dump(2, ' ', false, srdi::json::error_handler_t::replace) + "\n");
  return 2;
}

int usage_error(const std::string& message) {
  std::cerr << "错误：" << message << "\n" << kUsage;
  return 2;
}

// The options of evaluate, compare and batch. `error` is set (a usage message) when parsing fails.
struct Args {
  std::string profile_path, as_of, criteria, applicant, format = "json";
  std::vector<std::string> renewal;                   // --renewal srdi,little_giant
  std::vector<std::pair<std::string, std::string>> readings;  // --reading ID=OPTION (repeatable)
  bool verdicts = false;
  std::string error;
};

Args parse_args(const std::vector<std::string>& args, bool takes_profile, bool takes_verdicts) {
  Args out;
  for (std::size_t i = 0; i < args.size() && out.error.empty(); ++i) {
    const std::string& a = args[i];
    std::string* into = nullptr;
    if (a == "--profile" && takes_profile) into = &out.profile_path;
    else if (a == "--format" && takes_profile) into = &out.format;
    else if (a == "--as-of") into = &out.as_of;
    else if (a == "--criteria") into = &out.criteria;
    else if (a == "--applicant") into = &out.applicant;
    else if (a == "--verdicts" && takes_verdicts) out.verdicts = true;
    else if (a == "--renewal" || a == "--reading") {
      if (i + 1 >= args.size()) {
        out.error = a + " 缺少取值";
        break;
      }
      std::string v = args[++i];
      if (a == "--renewal") {
        for (std::size_t start = 0; start <= v.size();) {
          std::size_t comma = v.find(',', start);
          if (comma == std::string::npos) comma = v.size();
          if (comma > start) out.renewal.push_back(v.substr(start, comma - start));
          start = comma + 1;
        }
      } else {
        std::size_t eq = v.find('=');
        if (eq == std::string::npos || eq == 0) out.error = "--reading 的取值应为 读法编号=选项";
        else out.readings.emplace_back(v.substr(0, eq), v.substr(eq + 1));
      }
    } else out.error = "未知参数 " + a;
    if (into) {
      if (i + 1 >= args.size()) out.error = a + " 缺少取值";
      else *into = args[++i];
    }
  }
  return out;
}

// Options from the parsed arguments; false (after printing the error) on a bad date.
bool make_options(const Args& a, bool text, srdi::Options& options, int& rc) {
  options = srdi::Options{srdi::today_local(), a.criteria == "auto" ? "" : a.criteria, a.applicant};
  options.renewal = a.renewal;
  for (const auto& [id, option] : a.readings) options.readings[id] = option;
  if (a.as_of.empty()) return true;
  auto d = srdi::parse_date(a.as_of);
  if (!d) {
    rc = fail({{"options.bad_date", "/as_of", "评估日期应为 YYYY-MM-DD 格式的有效日期", "options"}}, text);
    return false;
  }
  options.as_of = *d;
  return true;
}

int evaluate(const std::vector<std::string>& args, bool comparing) {
  Args parsed = parse_args(args, true, !comparing);
  if (!parsed.error.empty()) return usage_error(parsed.error);
  const std::string& format = parsed.format;
  const std::string& profile_path = parsed.profile_path;
  bool verdicts = parsed.verdicts;
  if (format != "json" && format != "compact" && format != "text") return usage_error("--format 只能是 json、compact 或 text");
  bool text = format == "text";
  // compact: the form that byte parity with the wasm module is defined on (no indentation).
  const int indent = format == "compact" ? -1 : 2;
  if (verdicts && text) return usage_error("--verdicts 只输出 JSON");
  if (profile_path.empty()) return usage_error("缺少 --profile FILE");
  std::string profile;
  if (!srdi_cli::read_text(profile_path, profile)) return fail({{"cli.cannot_read", "", "无法读取文件 " + profile_path, "profile"}}, text);

  srdi::Options options;
  int rc = 0;
  if (!make_options(parsed, text, options, rc)) return rc;
  srdi::Response r = comparing  ? srdi::compare_request(profile, options)
                     : verdicts ? srdi::screen_request(profile, options)
                                : srdi::evaluate_request(profile, options);
  if (!r.ok) {
    std::cerr << (text ? srdi::render_text_errors(r.body) : r.body.dump(indent, ' ', false, srdi::json::error_handler_t::replace) + "\n");
    // Exit 2 when the user's input is at fault; 1 when the build is (a broken bundled policy, an internal error).
    for (const auto& e : r.body["errors"]) {
      if (e["source"] != "profile" && e["source"] != "options") return 1;
    }
    return 2;
  }
  if (!text) std::cout << r.body.dump(indent, ' ', false, srdi::json::error_handler_t::replace) << "\n";
  else std::cout << (comparing ? srdi::render_text_compare(r.body) : srdi::render_text_report(r.body));
  return 0;
}

// JSON Lines through stdin and stdout, one line at a time (a large batch is never held whole).
int batch(const std::vector<std::string>& args) {
  Args parsed = parse_args(args, false, true);
  if (!parsed.error.empty()) return usage_error(parsed.error);
  srdi::Options options;
  int rc = 0;
  if (!make_options(parsed, false, options, rc)) return rc;
  bool verdicts = parsed.verdicts;
  std::unique_ptr<srdi::LineEvaluator> lines;
  try {
    lines = std::make_unique<srdi::LineEvaluator>(options, verdicts);
  } catch (const srdi::LoadFailure& f) {
    return fail(f.errors, false);
  }
  std::ios::sync_with_stdio(false);
  bool all_ok = true;
  std::string line, out;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.clear();
    all_ok = lines->line(line, out) && all_ok;
    out += '\n';
    std::cout << out;
  }
  std::cout.flush();
  return all_ok ? 0 : 2;
}

}  // namespace

// --policies DIR|FILE (any command that evaluates): load those files over the bundled ones before
// anything runs. Removes the option from `args`; false (after printing) on a bad option or file.
bool take_policies(std::vector<std::string>& args, int& rc) {
  auto it = std::find(args.begin(), args.end(), "--policies");
  if (it == args.end()) return true;
  if (it + 1 == args.end()) {
    rc = usage_error("--policies 缺少取值");
    return false;
  }
  std::string where = *(it + 1);
  args.erase(it, it + 2);
  std::vector<srdi::Error> errors;
  auto files = srdi_cli::read_policy_files(where, errors);
  if (!errors.empty()) {
    rc = fail(errors, false);
    return false;
  }
  try {
    srdi::use_policies(std::make_shared<const srdi::PolicySet>(srdi::policies_with(files)));
  } catch (const srdi::LoadFailure& f) {
    rc = fail(f.errors, false);
    return false;
  }
  return true;
}

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("缺少命令");
  std::string cmd = args.front();
  args.erase(args.begin());
  if (cmd == "check-policy") return srdi_cli::check_policy(args);
  if (cmd == "test") return srdi_cli::test_policy(args);
  if (cmd != "docs") {
    int rc = 0;
    if (!take_policies(args, rc)) return rc;
  }
  if (cmd == "evaluate") return evaluate(args, false);
  if (cmd == "compare") return evaluate(args, true);
  if (cmd == "batch") return batch(args);
  if (cmd == "screen") return srdi_cli::screen(args);
  if (cmd == "--version") {
    std::cout << "srdi " << srdi::engine_version() << "\n";
    return 0;
  }
  try {
    if (cmd == "policies") {
      std::cout << srdi::policies_json(srdi::active_policies()).dump(2, ' ', false, srdi::json::error_handler_t::replace) << "\n";
      return 0;
    }
    if (cmd == "docs" && args.size() == 1) {
      if (args[0] == "criteria") std::cout << srdi::render_criteria_markdown(srdi::bundled_policies());
      else if (args[0] == "policies") std::cout << srdi::render_policies_markdown(srdi::bundled_policies());
      else if (args[0] == "events") std::cout << srdi::render_events_markdown();
      else return usage_error("docs 只能是 criteria、policies 或 events");
      return 0;
    }
    if (cmd == "schema" && args.empty()) {
      std::cout << srdi::schema_json().dump(2, ' ', false, srdi::json::error_handler_t::replace) << "\n";
      return 0;
    }
    if (cmd == "metrics") {
      srdi::json list = srdi::json::array();
      const char* units[] = {"yuan", "count", "ratio", "score"};
      for (const auto& m : srdi::metric_catalogue()) {
        list.push_back({{"name", m.name}, {"label", m.label}, {"unit", units[static_cast<int>(m.unit)]},
                        {"inputs", m.inputs}, {"formula", m.formula}});
      }
      std::cout << list.dump(2, ' ', false, srdi::json::error_handler_t::replace) << "\n";
      return 0;
    }
  } catch (const srdi::LoadFailure& f) {
    return fail(f.errors, false);
  }
  return usage_error("未知命令 " + cmd);
}
