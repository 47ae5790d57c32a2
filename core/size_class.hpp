// SME size classification (划型) from the size-standard policy: the industry's rules for large,
// medium and small are tried in order and micro is what is left. Three-valued: a class is
// decided only when every earlier rule is known to fail and its own rule is known to hold.
#pragma once

#include "core/evaluate.hpp"

namespace srdi {

// Returns the "size" object of the result (docs/output-format.md).
json classify_size(const Profile& profile, const Policy& standard);

// The Chinese name of a class: 大型 / 中型 / 小型 / 微型 / 待定.
const char* size_class_label(const std::string& size_class);

}  // namespace srdi
