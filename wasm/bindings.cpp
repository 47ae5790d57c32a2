// Embind bindings: a few functions taking and returning JSON strings. No exception crosses this
// boundary: errors come back as {"errors": [...]}, the same structure the CLI prints.
#include <emscripten/bind.h>

#include <string>

#include "core/engine.hpp"
#include "core/evaluator.hpp"

namespace {

std::string evaluate(const std::string& profile, const std::string& options) {
  srdi::Response r = srdi::evaluate_request(profile, options);
  return r.body.dump(-1, ' ', false, srdi::json::error_handler_t::replace);
}

std::string compare(const std::string& profile, const std::string& options) {
  srdi::Response r = srdi::compare_request(profile, options);
  return r.body.dump(-1, ' ', false, srdi::json::error_handler_t::replace);
}

// Verdicts only, for one profile (the page's keystroke path) and for JSON Lines.
std::string screen(const std::string& profile, const std::string& options) {
  static srdi::ScreenSession session;  // the module runs on one thread
  return session.screen(profile, options).body.dump(-1, ' ', false, srdi::json::error_handler_t::replace);
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
      return r.empty() ? std::string() : r.dump(-1, ' ', false, srdi::json::error_handler_t::replace);
    } catch (...) {
      return srdi::errors_json({{"engine.internal", "", "内部错误", "engine"}}).dump(-1, ' ', false, srdi::json::error_handler_t::replace);
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
  emscripten::function("version", &version);
}
