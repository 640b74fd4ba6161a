#pragma once
// Shared by every optimizer's validate(), read and write: how a hyperparameter is spelled in a
// torch message and in a spec.
#include <map>
#include <string>

#include "core/spec.h"

namespace adamlab {

// The value text of each key as the user wrote it in a spec. torch formats the offending value
// with Python's str(), which prints a literal as written for the values people type (-1, 1.0,
// -0.5); quoting the user's own token gives the same message. Empty when options come from code.
using SpecText = std::map<std::string, std::string>;
SpecText spec_text(const Spec& spec);

// Python's repr of a float for the values that matter here: -1.0, 0.5, 1e-08, nan, inf.
std::string python_float(double value);

// Throws Error(prefix + value) unless `ok` and the value is finite. Every number is checked for
// finiteness even where torch checks nothing (a NaN or infinite hyperparameter is never useful,
// and options built in code bypass the spec parser's own rejection of inf/nan).
void require(bool ok, double value, const std::string& prefix, const SpecText& text, const std::string& key);

void put_number(Spec& spec, const std::string& key, double value);
void put_bool(Spec& spec, const std::string& key, bool value);

}  // namespace adamlab
