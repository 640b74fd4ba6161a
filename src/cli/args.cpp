#include "cli/args.h"

#include "core/error.h"
#include "core/limits.h"
#include "core/spec.h"

namespace adamlab::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& known,
           const std::set<std::string>& flags) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg.rfind("--", 0) != 0 || arg.size() == 2) throw Error("unexpected argument '" + arg + "'");
    const std::string name = arg.substr(2);
    if (name.find('=') != std::string::npos)
      throw Error("unsupported option syntax '" + arg + "' (write '--" + name.substr(0, name.find('=')) +
                  " VALUE')");
    if (!known.count(name) && !flags.count(name)) throw Error("unknown option '" + arg + "'");
    if (values_.count(name)) throw Error("option '" + arg + "' given twice");
    if (flags.count(name)) {
      values_[name] = "";
      continue;
    }
    if (i + 1 >= argv.size()) throw Error("option '" + arg + "' needs a value");
    values_[name] = argv[++i];
  }
}

const std::string& Args::required(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) throw Error("missing required option '--" + name + "'");
  return it->second;
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
  const auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

std::int64_t parse_steps(const std::string& text) {
  const std::int64_t steps = parse_integer(text, "--steps");
  if (steps < 0) throw Error("invalid --steps '" + text + "' (must be >= 0)");
  if (steps > kMaxTraceSteps)
    throw Error("invalid --steps '" + text + "' (at most " + std::to_string(kMaxTraceSteps) + ")");
  return steps;
}

}  // namespace adamlab::cli
