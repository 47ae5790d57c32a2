// Embind bindings: a few functions taking and returning JSON strings. No exception crosses this
// boundary: errors come back as {"errors": [...]}, the same structure the CLI prints.
#include <emscripten/bind.h>

#include <string>

#include "core/engine.hpp"
#include "core/evaluator.hpp"
#include "core/golden.hpp"
#include "core/policy_check.hpp"

namespace {

// Compact JSON text, the form byte parity with the CLI is defined on.
std::string dump(const srdi::json& j) { return j.dump(-1, ' ', false, srdi::json::error_handler_t::replace); }

std::string evaluate(const std::string& profile, const std::string& options) {
  srdi::Response r = srdi::evaluate_request(profile, options);
  return dump(r.body);
}

std::string compare(const std::string& profile, const std::string& options) {
  srdi::Response r = srdi::compare_request(profile, options);
  return dump(r.body);
}

// Verdicts only, for one profile (the page's keystroke path) and for JSON Lines.
std::string screen(const std::string& profile, const std::string& options) {
  static srdi::ScreenSession session;  // the module runs on one thread
  return dump(session.screen(profile, options).body);
}

std::string evaluate_lines(const std::string& jsonl, const std::string& options) {
  std::string out;
  srdi::evaluate_lines(jsonl, options, false, out);
  return out;
}

std::string screen_lines(const std::string& jsonl, const std::string& options) {
  std::string out;
  srdi::evaluate_lines(jsonl, options, true, out);
  return out;
}

// A batch kept inside the module between calls (load, then run): the benchmarks' path.
class Screening {
 public:
  std::string configure(const std::string& options) { return guard([&] { return batch_.configure(options); }); }
  std::string load(const std::string& jsonl) { return guard([&] { return batch_.load(jsonl); }); }
  std::string run() { return guard([&] { return batch_.run(); }); }
  std::string verdicts(const std::string& tier) { return batch_.verdicts(tier); }

 private:
  template <typename F>
  static std::string guard(F&& f) {
    try {
      srdi::json r = f();
      return r.empty() ? std::string() : dump(r);
    } catch (...) {
      return dump(srdi::errors_json({{"engine.internal", "", "内部错误", "engine"}}));
    }
  }
  srdi::ScreenBatch batch_;
};

std::string policies() {
  try {
    return srdi::policies_json(srdi::active_policies()).dump(2, ' ', false, srdi::json::error_handler_t::replace);
  } catch (const srdi::LoadFailure& f) {
    return srdi::errors_json(f.errors).dump(2, ' ', false, srdi::json::error_handler_t::replace);
  } catch (...) {
    return srdi::errors_json({{"engine.internal", "", "内部错误", "engine"}}).dump(2, ' ', false, srdi::json::error_handler_t::replace);
  }
}

// Policy files given at run time (docs/authoring.md), in the order given; a file whose policy id
// is already here replaces it. The module evaluates by the bundled set plus these.
std::vector<std::pair<std::string, std::string>>& loaded_files() {
  static std::vector<std::pair<std::string, std::string>> files;
  return files;
}

// {"ok": true, "policy": {metadata}, "replaces": "bundled" | "loaded" | null} or {"errors": [...]};
// on an error the policies in use do not change.
std::string load_policy(const std::string& text, const std::string& file) {
  srdi::Response r = srdi::guarded_response([&] {
    if (file.empty()) throw srdi::LoadFailure({{"policy.no_file_name", "", "请给出政策文件的文件名", "policies"}});
    // Its id, to know what it replaces (load_policy_set below reports any error in full).
    std::string id = srdi::declared_policy_id(text);
    auto files = loaded_files();
    std::string replaces;
    for (const auto& p : srdi::bundled_policies().policies) {
      if (p.id == id) replaces = "bundled";
    }
    bool placed = false;
    for (auto& f : files) {
      bool same = f.first == file || (!id.empty() && srdi::declared_policy_id(f.second) == id);
      if (same && !placed) {
        f = {file, text};
        placed = true;
        replaces = "loaded";
      }
    }
    if (!placed) files.emplace_back(file, text);
    auto set = std::make_shared<const srdi::PolicySet>(srdi::policies_with(files));
    srdi::json meta;
    srdi::json list = srdi::policies_json(*set);
    for (const auto& m : list) {
      if (m["file"] == file) meta = m;
    }
    srdi::use_policies(set);
    loaded_files() = std::move(files);
    return srdi::json{{"ok", true}, {"policy", meta}, {"replaces", replaces.empty() ? srdi::json(nullptr) : srdi::json(replaces)}};
  });
  return dump(r.body);
}

std::string unload_policies() {
  loaded_files().clear();
  srdi::use_policies(nullptr);
  return "{}";
}

// The checker of `srdi check-policy` (source and golden as text; "" when not given), over the
// files loaded so far (the checked file replaces its own earlier version).
std::string check_policy(const std::string& text, const std::string& file, const std::string& source, const std::string& golden) {
  srdi::Response r = srdi::guarded_response([&] {
    srdi::PolicyCheckInput in;
    in.file = file.empty() ? "policy.json" : file;
    in.text = text;
    if (!source.empty()) in.source = &source;
    srdi::json g;
    if (!golden.empty()) {
      g = srdi::json::parse(golden, nullptr, false);
      if (g.is_discarded()) throw srdi::LoadFailure({{"json.syntax", "", "黄金用例文件不是有效的 JSON", "golden"}});
      in.golden = &g;
    }
    for (const auto& f : loaded_files()) {
      if (f.first != in.file) in.others.push_back(f);
    }
    return srdi::check_json(srdi::check_policy(in));
  });
  return dump(r.body);
}

// Golden cases (the format of tests/golden/, each case's profile written out) over the policies in
// use: {"ok", "cases", "failed", "failures": [{"case", "message"}]}; ok only when every case passed
// and there was at least one (a failure with case "" is the file's own).
std::string test_policy(const std::string& golden) {
  srdi::Response r = srdi::guarded_response([&] {
    srdi::json g = srdi::json::parse(golden, nullptr, false);
    if (g.is_discarded()) throw srdi::LoadFailure({{"json.syntax", "", "黄金用例文件不是有效的 JSON", "golden"}});
    auto no_base = [](const std::string& name) -> srdi::json {
      throw srdi::LoadFailure({{"golden.no_base", "", "页面中的用例须写出完整的 profile（不能引用基础资料 " + name + "）", "golden"}});
    };
    srdi::GoldenRun run = srdi::run_golden(g, srdi::active_policies(), no_base);
    srdi::json failures = srdi::json::array();
    for (const auto& f : run.failures) failures.push_back({{"case", f.case_name}, {"message", f.message}});
    return srdi::json{{"ok", run.ok()}, {"cases", run.cases}, {"failed", run.failed_cases}, {"failures", failures}};
  });
  return dump(r.body);
}

std::string schema() { return srdi::schema_json().dump(2, ' ', false, srdi::json::error_handler_t::replace); }

std::string version() { return srdi::engine_version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(srdi) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("compare", &compare);
  emscripten::function("screen", &screen);
  emscripten::function("evaluate_lines", &evaluate_lines);
  emscripten::function("screen_lines", &screen_lines);
  emscripten::class_<Screening>("Screening")
      .constructor<>()
      .function("configure", &Screening::configure)
      .function("load", &Screening::load)
      .function("run", &Screening::run)
      .function("verdicts", &Screening::verdicts);
  emscripten::function("policies", &policies);
  emscripten::function("schema", &schema);
  emscripten::function("load_policy", &load_policy);
  emscripten::function("unload_policies", &unload_policies);
  emscripten::function("check_policy", &check_policy);
  emscripten::function("test_policy", &test_policy);
  emscripten::function("version", &version);
}
