#include "cli/authoring.hpp"
#include "cli/files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/engine.hpp"
#include "core/golden.hpp"
#include "core/policy_check.hpp"

namespace fs = std::filesystem;

namespace srdi_cli {

namespace {

const char* kAuthoringUsage =
    "用法 / usage:\n"
    "  srdi check-policy FILE [--source TEXT] [--golden GOLDEN.json] [--policies DIR|FILE] [--format text|json]\n"
    "  srdi test POLICY GOLDEN.json [--policies DIR|FILE] [--format text|json]\n"
    "  srdi test --template POLICY\n";

int usage(const std::string& message) {
  std::cerr << "错误：" << message << "\n" << kAuthoringUsage;
  return 2;
}

std::string show(const srdi::json& j, int indent = 2) { return j.dump(indent, ' ', false, srdi::json::error_handler_t::replace); }

// Options of the form --name VALUE, and the positional arguments in order.
struct Parsed {
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;
  bool template_flag = false;
  std::string error;
};

Parsed parse(const std::vector<std::string>& args, const std::vector<std::string>& names) {
  Parsed out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--template") out.template_flag = true;
    else if (a.rfind("--", 0) == 0) {
      if (std::find(names.begin(), names.end(), a) == names.end()) {
        out.error = "未知参数 " + a;
        return out;
      }
      if (i + 1 >= args.size()) {
        out.error = a + " 缺少取值";
        return out;
      }
      out.named[a] = args[++i];
    } else out.positional.push_back(a);
  }
  return out;
}

void print_list(const char* heading, const srdi::json& list) {
  if (list.empty()) return;
  std::cout << heading << "（" << list.size() << "）：\n";
  for (const auto& e : list) {
    std::string path = e["path"].get<std::string>();
    std::cout << "  " << e["source"].get<std::string>() << (path.empty() ? "" : " " + path) << "  " << e["message"].get<std::string>()
              << "  [" << e["code"].get<std::string>() << "]\n";
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> read_policy_files(const std::string& where, std::vector<srdi::Error>& errors) {
  std::vector<std::pair<std::string, std::string>> files;
  std::error_code ec;
  auto add = [&](const fs::path& path, const std::string& name) {
    std::error_code size_ec;
    auto size = fs::file_size(path, size_ec);
    if (!size_ec && size > srdi::kMaxPolicyBytes) {
      errors.push_back({"policy.too_large", "", "政策文件过大（超过 " + std::to_string(srdi::kMaxPolicyBytes / 1024 / 1024) + " MB）", name});
      return;
    }
    std::string text;
    if (!read_text(path.string(), text)) errors.push_back({"cli.cannot_read", "", "无法读取文件 " + path.string(), name});
    else files.emplace_back(name, std::move(text));
  };
  if (fs::is_regular_file(where, ec)) {
    add(where, fs::path(where).filename().generic_string());
  } else if (fs::is_directory(where, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(where, ec)) {
      if (e.is_regular_file() && e.path().extension() == ".json") add(e.path(), fs::relative(e.path(), where).generic_string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty() && errors.empty()) errors.push_back({"cli.no_policies", "", "目录 " + where + " 中没有 .json 政策文件", "policies"});
  } else {
    errors.push_back({"cli.cannot_read", "", "找不到政策文件或目录 " + where, "policies"});
  }
  return files;
}

int check_policy(const std::vector<std::string>& args) {
  Parsed a = parse(args, {"--source", "--golden", "--policies", "--format"});
  if (!a.error.empty()) return usage(a.error);
  if (a.template_flag) return usage("check-policy 没有 --template");
  if (a.positional.size() != 1) return usage("check-policy 需要一个政策文件");
  std::string format = a.named.count("--format") ? a.named["--format"] : "text";
  if (format != "text" && format != "json") return usage("--format 只能是 text 或 json");
  std::vector<srdi::Error> errors;
  srdi::PolicyCheckInput in;
  const std::string& path = a.positional[0];
  in.file = fs::path(path).filename().generic_string();
  if (!read_text(path, in.text)) errors.push_back({"cli.cannot_read", "", "无法读取文件 " + path, in.file});
  std::string source;
  if (a.named.count("--source") && !read_text(a.named["--source"], source)) {
    errors.push_back({"cli.cannot_read", "", "无法读取原文 " + a.named["--source"], "source"});
  }
  if (a.named.count("--source")) in.source = &source;
  srdi::json golden;
  if (a.named.count("--golden")) {
    std::string text;
    if (!read_text(a.named["--golden"], text)) errors.push_back({"cli.cannot_read", "", "无法读取黄金用例 " + a.named["--golden"], "golden"});
    else {
      golden = srdi::json::parse(text, nullptr, false);
      if (golden.is_discarded()) errors.push_back({"json.syntax", "", "黄金用例文件不是有效的 JSON", "golden"});
      else in.golden = &golden;
    }
  }
  if (a.named.count("--policies")) {
    auto others = read_policy_files(a.named["--policies"], errors);
    for (auto& f : others) {
      if (f.first != in.file) in.others.push_back(std::move(f));  // the checked file is the one given
    }
  }
  if (!errors.empty()) {
    std::cerr << show(srdi::errors_json(errors)) << "\n";
    return 2;
  }
  srdi::PolicyCheck check = srdi::check_policy(in);
  srdi::json body = srdi::check_json(check);
  if (format == "json") {
    std::cout << show(body) << "\n";
  } else {
    if (!body["policy"].is_null()) {
      std::cout << body["policy"]["id"].get<std::string>() << "：" << body["policy"]["title"].get<std::string>() << "\n";
    }
    print_list("错误", body["errors"]);
    print_list("提醒", body["warnings"]);
    std::cout << (check.errors.empty() ? "可以加载" : "不能加载") << "：" << check.errors.size() << " 个错误，"
              << check.warnings.size() << " 个提醒\n";
  }
  return check.errors.empty() ? 0 : 2;
}

int test_policy(const std::vector<std::string>& args) {
  Parsed a = parse(args, {"--policies", "--format"});
  if (!a.error.empty()) return usage(a.error);
  std::string format = a.named.count("--format") ? a.named["--format"] : "text";
  if (format != "text" && format != "json") return usage("--format 只能是 text 或 json");
  std::vector<srdi::Error> errors;
  std::vector<std::pair<std::string, std::string>> files;
  if (a.named.count("--policies")) files = read_policy_files(a.named["--policies"], errors);
  if (a.positional.empty()) return usage("test 需要政策文件");
  std::string policy_path = a.positional[0];
  std::string name = fs::path(policy_path).filename().generic_string();
  std::string text;
  if (!read_text(policy_path, text)) errors.push_back({"cli.cannot_read", "", "无法读取文件 " + policy_path, name});
  // The tested file stands in for a --policies file of the same name or policy id (as in check-policy).
  const std::string id = srdi::declared_policy_id(text);
  files.erase(std::remove_if(files.begin(), files.end(), [&](const auto& f) {
                return f.first == name || (!id.empty() && srdi::declared_policy_id(f.second) == id);
              }), files.end());
  if (errors.empty()) files.emplace_back(name, text);
  if (!errors.empty()) {
    std::cerr << show(srdi::errors_json(errors)) << "\n";
    return 2;
  }
  srdi::PolicySet set;
  try {
    set = srdi::policies_with(files);
  } catch (const srdi::LoadFailure& f) {
    std::cerr << show(srdi::errors_json(f.errors)) << "\n";
    return 2;
  }
  const srdi::Policy* policy = nullptr;
  for (const auto& p : set.policies) {
    if (p.file == name) policy = &p;
  }
  if (a.template_flag) {
    if (a.positional.size() != 1) return usage("test --template 只需要政策文件");
    std::cout << show(srdi::golden_template(*policy)) << "\n";
    return 0;
  }
  if (a.positional.size() != 2) return usage("test 需要政策文件和黄金用例文件");
  std::string golden_text;
  if (!read_text(a.positional[1], golden_text)) return usage("无法读取黄金用例 " + a.positional[1]);
  srdi::json golden = srdi::json::parse(golden_text, nullptr, false);
  if (golden.is_discarded()) {
    std::cerr << show(srdi::errors_json({{"json.syntax", "", "黄金用例文件不是有效的 JSON", "golden"}})) << "\n";
    return 2;
  }
  fs::path dir = fs::path(a.positional[1]).parent_path();
  auto base = [&](const std::string& base_name) {
    std::string t;
    fs::path p = dir / "profiles" / (base_name + ".json");
    if (!read_text(p.string(), t)) throw srdi::LoadFailure({{"golden.no_base", "", "找不到基础企业资料 " + p.generic_string(), "golden"}});
    srdi::json j = srdi::json::parse(t, nullptr, false);
    if (j.is_discarded()) throw srdi::LoadFailure({{"json.syntax", "", "基础企业资料不是有效的 JSON：" + p.generic_string(), "golden"}});
    return j;
  };
  srdi::GoldenRun run = srdi::run_golden(golden, set, base);
  // A golden file names the policy it judges; run against another, it proves nothing.
  if (golden.is_object() && golden.contains("policy") && golden["policy"] != policy->id) {
    run.failures.insert(run.failures.begin(), srdi::GoldenFailure{"", "黄金用例文件写的是政策 " + golden["policy"].dump() + "，不是被测的“" + policy->id + "”"});
  }
  if (format == "json") {
    srdi::json failures = srdi::json::array();
    for (const auto& f : run.failures) failures.push_back({{"case", f.case_name}, {"message", f.message}});
    std::cout << show(srdi::json{{"policy", policy->id}, {"ok", run.ok()}, {"cases", run.cases}, {"failed", run.failed_cases}, {"failures", failures}}) << "\n";
  } else {
    std::string last;
    for (const auto& f : run.failures) {
      if (f.case_name != last) std::cout << "✗ " << (f.case_name.empty() ? "（文件）" : f.case_name) << "\n";
      last = f.case_name;
      std::cout << "    " << f.message << "\n";
    }
    std::cout << policy->id << "：" << run.cases << " 个用例，" << (run.cases - run.failed_cases) << " 个通过，" << run.failed_cases
              << " 个未通过" << (run.ok() ? "" : run.failed_cases == 0 ? "；文件本身有问题（见上）" : "") << "\n";
  }
  return run.ok() ? 0 : 2;
}

}  // namespace srdi_cli
