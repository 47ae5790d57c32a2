// Strict JSON reading on top of nlohmann::json's SAX parser:
//  - a key repeated in one object is an error (nlohmann's DOM parser keeps one silently);
//  - the source text of every non-integer number is kept, so money such as 12345678.90 is read
//    from its digits, never through a double.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace srdi {

using json = nlohmann::json;

struct StrictDocument {
  json value;
  // JSON pointer -> the number's text, for every number nlohmann stored as floating point.
  std::map<std::string, std::string> number_text;
};

// Objects and arrays may nest at most this deep.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Throws LoadFailure with code "json.syntax", "json.duplicate_key" or "json.too_deep" (source = `source`).
StrictDocument parse_strict_json(std::string_view text, const std::string& source);

// Escapes a key for a JSON pointer (RFC 6901).
std::string pointer_token(const std::string& key);

}  // namespace srdi
