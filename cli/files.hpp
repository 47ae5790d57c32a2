// Reading a whole file, for the CLI's commands.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace srdi_cli {

// The file's bytes; false when it cannot be opened.
inline bool read_text(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buf;
  buf << in.rdbuf();
  out = buf.str();
  return true;
}

}  // namespace srdi_cli
