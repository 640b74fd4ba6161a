#pragma once
// Typed functions worth trying, one click away in the page's function editor (ui/function_editor.h),
// and the help text that lists what a function may use. Data about the expr language, kept here so
// a test can check every example parses and has the shape its description claims.
#include <string>
#include <vector>

namespace adamlab::expr {

struct Example {
  const char* name;   // a short label: "valley"
  const char* text;   // what follows expr: in a problem spec
  const char* about;  // one or two sentences: what the landscape teaches
};

// A narrow valley, a saddle, a plateau with a cliff, a noisy bowl.
const std::vector<Example>& examples();

// A first function for a newcomer: hills and dips on a gentle bowl.
const char* default_text();

// The grammar in brief, every function (from functions()) with its arguments, the kink
// conventions, and the parts after ';'. Plain text with newlines, for a tooltip.
std::string help_text();

}  // namespace adamlab::expr
