// Embind bindings: a few functions taking and returning JSON strings. No exception crosses this
// boundary: errors come back as {"errors": [...]}, the same structure the CLI prints.
#include <emscripten/bind.h>

#include <string>

#include "core/engine.hpp"

namespace {

std::string evaluate(const std::string& profile, const std::string& options) {
  srdi::Response r = srdi::evaluate_request(profile, options);
  return r.body.dump(2, ' ', false);
}

std::string compare(const std::string& profile, const std::string& options) {
  srdi::Response r = srdi::compare_request(profile, options);
  return r.body.dump(2, ' ', false);
}

std::string policies() {
  try {
    return srdi::policies_json(srdi::bundled_policies()).dump(2, ' ', false);
  } catch (const srdi::LoadFailure& f) {
    return srdi::errors_json(f.errors).dump(2, ' ', false);
  } catch (...) {
    return srdi::errors_json({{"engine.internal", "", "内部错误", "engine"}}).dump(2, ' ', false);
  }
}

std::string schema() { return srdi::schema_json().dump(2, ' ', false); }

std::string version() { return srdi::engine_version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(srdi) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("compare", &compare);
  emscripten::function("policies", &policies);
  emscripten::function("schema", &schema);
  emscripten::function("version", &version);
}
