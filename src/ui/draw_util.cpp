#include "ui/draw_util.h"

#include <cmath>
#include <cstdio>

namespace adamlab::ui {

std::string axis_number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", value);
  return buf;
}

std::string decade_label(int exponent) {
  char buf[32];
  if (exponent >= -3 && exponent <= 4)
    std::snprintf(buf, sizeof buf, "%g", std::pow(10.0, exponent));
  else
    std::snprintf(buf, sizeof buf, "1e%d", exponent);
  return buf;
}

}  // namespace adamlab::ui
