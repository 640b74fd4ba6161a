#pragma once
// --problem SPEC, shared by trace and sweep. A typed function (expr:TEXT) that does not parse is
// reported as a compiler reports a syntax error: the message, then the text with a caret under
// the column, so a long formula's mistake is found without counting characters.
//   adamlab: error: problem: expected ')' at column 17 to close the '(' at column 4
//     sin(x*cos(y) + 1
//                     ^
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "problems/problem.h"

namespace adamlab::cli {

// An Error with lines to print under its one-line message (main.cpp prints them indented).
class DetailedError : public Error {
 public:
  DetailedError(const std::string& what, std::vector<std::string> details)
      : Error(what), details_(std::move(details)) {}
  const std::vector<std::string>& details() const { return details_; }

 private:
  std::vector<std::string> details_;
};

// Builds the problem; throws Error as make_problem does, DetailedError for a typed function's
// mistake.
std::shared_ptr<const Problem> problem_from_arg(const std::string& text);

// The two lines under the message: `text` as one line (control characters shown as spaces, at
// most ~76 columns around the mistake, cut ends marked "...") and a caret under 1-based `column`
// (counted in bytes, as expr::ExprError counts; a UTF-8 character takes one place on screen).
std::vector<std::string> caret_lines(const std::string& text, int column);

}  // namespace adamlab::cli
