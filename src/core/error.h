#pragma once
#include <stdexcept>
#include <string>

namespace adamlab {

// Every user-facing rejection (bad spec, bad hyperparameter, bad CLI argument) is an Error whose
// message names the offending token, so the CLI, the JS API and the UI can show it verbatim.
class Error : public std::runtime_error {
 public:
  // A NUL inside the message (a decoded %00 quoted back) would end what() early: written as \x00.
  explicit Error(const std::string& message) : std::runtime_error(without_nul(message)) {}

 private:
  static std::string without_nul(std::string message) {
    for (std::size_t i = message.find('\0'); i != std::string::npos; i = message.find('\0', i + 4))
      message.replace(i, 1, "\\x00");
    return message;
  }
};

}  // namespace adamlab
