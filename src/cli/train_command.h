#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace adamlab::cli {

// `adamlab train ...` (arguments after "train"). Throws Error on bad input before printing
// anything, so a rejected command never leaves half an output behind.
void train_command(const std::vector<std::string>& args, std::ostream& out);

// --batch-size B: a whole number in 1..kMaxBatchSize (nn/net_task.h), else an Error quoting it.
std::int64_t parse_batch_size(const std::string& text);

}  // namespace adamlab::cli
