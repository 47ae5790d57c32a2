// The Chinese text report: a rendering of the result structure, for the CLI's --format text.
// Every sentence of the report lives here; it reads only the result JSON.
#pragma once

#include <string>

#include "core/strict_json.hpp"

namespace srdi {

std::string render_text_report(const json& result);
std::string render_text_errors(const json& errors);
std::string render_text_compare(const json& comparison);

}  // namespace srdi
