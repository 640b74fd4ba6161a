// The landscape raster samples each cell centre through the problem's batch interface; this pins
// that every cell is exactly the scalar value there, for the built-in problems and typed ones.
#include <gtest/gtest.h>

#include <cmath>

#include "core/spec.h"
#include "problems/problem.h"
#include "sim/landscape.h"

namespace {

void expect_cells_are_scalar_values(const std::string& spec) {
  const auto p = adamlab::make_problem(adamlab::parse_spec(spec));
  const adamlab::Rect v = p->view();
  const int w = 37, h = 23;
  const adamlab::LandscapeRaster r = adamlab::landscape_raster(*p, v, w, h);
  const double dx = (v.xmax - v.xmin) / w, dy = (v.ymax - v.ymin) / h;
  for (int j = 0; j < h; ++j)
    for (int i = 0; i < w; ++i) {
      const double loss = p->value(v.xmin + (i + 0.5) * dx, v.ymax - (j + 0.5) * dy);
      const double gap = loss - r.base;
      const float expected = std::isnan(gap) ? NAN
                             : std::isinf(gap) ? static_cast<float>(std::log10((gap > 0 ? gap : 0.0) + r.floor))
                                               : static_cast<float>(std::log10(std::max(gap, 0.0) + r.floor));
      const float got = r.log_gap[static_cast<std::size_t>(j) * w + i];
      if (std::isnan(expected)) {
        ASSERT_TRUE(std::isnan(got)) << spec << " cell " << i << "," << j;
      } else {
        ASSERT_EQ(got, expected) << spec << " cell " << i << "," << j;
      }
    }
}

TEST(LandscapeRaster, EveryCellIsTheScalarValueAtItsCentre) {
  for (const auto& name : adamlab::problem_names()) expect_cells_are_scalar_values(name);
  expect_cells_are_scalar_values("expr:sin(x)*cos(y)+0.1*(x^2+y^2)");
  expect_cells_are_scalar_values("expr:log(x)+y^2;view=-1,2,-1,1");  // a NaN half
}

TEST(LandscapeRaster, ATypedFunctionsNaNRegionIsCountedAndUncoloured) {
  const auto p = adamlab::make_problem(adamlab::parse_spec("expr:log(x)+y^2;view=-1,1,-1,1"));
  const adamlab::LandscapeRaster r = adamlab::landscape_raster(*p, p->view(), 40, 20);
  EXPECT_EQ(r.nonfinite_cells, 20u * 20u);  // the left half: x < 0
}

TEST(LandscapeRaster, MinusInfinityIsTheBottomColourNotAnOverflow) {
  // log(max(x, 0)) is -inf on the whole left half: below every finite loss, not undefined.
  const auto p = adamlab::make_problem(adamlab::parse_spec("expr:log(max(x,0))+y^2;view=-1,1,-1,1"));
  const adamlab::LandscapeRaster r = adamlab::landscape_raster(*p, p->view(), 40, 20);
  EXPECT_EQ(r.nonfinite_cells, 0u);
  EXPECT_EQ(r.nan_cells, 0u);
  EXPECT_EQ(r.log_gap[0], static_cast<float>(std::log10(r.floor)));
}

}  // namespace
