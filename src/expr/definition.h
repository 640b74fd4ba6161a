#pragma once
// A typed problem's whole text: the function, then optional parts after ';'
//   a*(y-x^2)^2 + (1-x)^2; a=100; view=-2,2,-1,3; start=-1.5,2; minimum=1,1
// NAME=VALUE     a named constant the function uses, edited like a built-in problem's key
// view=XMIN,XMAX,YMIN,YMAX   the default view (else -3,3,-3,3)
// start=X,Y      the default start (else a fifth of the view in from its top-left corner)
// minimum=X,Y    the known global minimum, drawn on the map and used as f* (else none)
// This text follows `expr:` in a problem spec (core/spec.h).
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/spec.h"
#include "problems/problem.h"

namespace adamlab::expr {

struct Definition {
  std::string body;                                     // the function as written
  int body_column = 1;                                  // column of body[0] in the text
  std::vector<std::pair<std::string, double>> constants;  // in the order written
  std::optional<Rect> view;
  std::optional<Point2> start;
  std::optional<Point2> minimum;

  std::map<std::string, double> constant_map() const;
  // The view and start a problem of this text uses: the directives, else the defaults above.
  Rect view_or_default() const;
  Point2 start_or_default() const;
};

// Splits and checks every part but the body's grammar (expr/syntax.h). Throws ExprError.
Definition parse_definition(const std::string& text);

// The canonical text: the body without whitespace, then constants and directives, each as
// ";key=value" with the shortest exact numbers. Parses back to the same definition.
std::string to_text(const Definition& d);

}  // namespace adamlab::expr
