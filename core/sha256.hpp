// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex: the data-version stamp of a policy file
// loaded at run time (bundled files get theirs from CMake at build time; a test checks both agree).
#pragma once

#include <string>
#include <string_view>

namespace srdi {

std::string sha256_hex(std::string_view bytes);

}  // namespace srdi
