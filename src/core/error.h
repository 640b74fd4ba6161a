#pragma once
#include <stdexcept>
#include <string>

namespace adamlab {

// Every user-facing rejection (bad spec, bad hyperparameter, bad CLI argument) is an Error whose
// message names the offending token, so the CLI, the JS API and the UI can show it verbatim.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace adamlab
