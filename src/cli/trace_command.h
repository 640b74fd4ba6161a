#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace adamlab::cli {

// `adamlab trace ...` (arguments after "trace"). Throws Error on bad input before printing
// anything, so a rejected command never leaves half an output behind.
void trace_command(const std::vector<std::string>& args, std::ostream& out);

}  // namespace adamlab::cli
