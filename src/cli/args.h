#pragma once
// Command-line options of the form `--name value`, each at most once. Deliberately strict:
// `--name=value`, repeats and unknown options are errors, never guesses.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace adamlab::cli {

class Args {
 public:
  // known: option names without the leading "--"; flags: those that take no value (e.g. help).
  Args(const std::vector<std::string>& argv, const std::set<std::string>& known,
       const std::set<std::string>& flags = {"help"});

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  const std::string& required(const std::string& name) const;
  std::string get(const std::string& name, const std::string& fallback) const;

 private:
  std::map<std::string, std::string> values_;
};

// --steps N, shared by trace and sweep: an integer in 0..kMaxTraceSteps, else an Error quoting it.
std::int64_t parse_steps(const std::string& text);

}  // namespace adamlab::cli
