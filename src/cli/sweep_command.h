#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace adamlab::cli {

// `adamlab sweep ...` (arguments after "sweep"). Validates every cell and throws Error before
// printing anything, so a rejected sweep leaves no partial output.
void sweep_command(const std::vector<std::string>& args, std::ostream& out);

}  // namespace adamlab::cli
