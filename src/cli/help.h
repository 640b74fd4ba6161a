#pragma once
#include <string>

namespace adamlab::cli {

std::string main_help();
std::string trace_help();
std::string sweep_help();
std::string train_help();

}  // namespace adamlab::cli
