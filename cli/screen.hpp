// srdi screen (cli/screen.cpp): a 培育库 sheet screened row by row (docs/screening.md).
#pragma once

#include <string>
#include <vector>

namespace srdi_cli {

// Exit 0: every row evaluated; 2: some rows had bad cells (reported on stderr and in the output's
// 数据问题 column, never dropped); 1: the command could not run (usage, unreadable file, no column).
int screen(const std::vector<std::string>& args);

}  // namespace srdi_cli
