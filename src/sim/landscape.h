#pragma once
// The landscape raster: a problem's loss sampled on a grid over a plot rectangle, coloured on a
// log scale, with contour lines (marching squares) at evenly spaced log levels. Pure and
// headless; the canvas uploads `rgba` to a texture and caches the result until the problem or
// the view changes.
#include <cstdint>
#include <string>
#include <vector>

#include "problems/problem.h"

namespace adamlab {

struct ContourSegment {
  float x0, y0, x1, y1;  // plot coordinates
  int level;             // index into LandscapeRaster::levels
};

// Where f is NaN (a typed function outside its domain): a neutral mid grey, a colour viridis never
// takes, so an undefined region cannot pass for a low or high loss. 0xAABBGGRR.
inline constexpr std::uint32_t kNanRgba = 0xff8a8a8au;

struct LandscapeRaster {
  int width = 0, height = 0;  // cells; row 0 is the top (ymax), cell centres sample the function
  Rect rect{0, 1, 0, 1};      // plot rectangle the cells tile exactly
  std::vector<std::uint32_t> rgba;  // width*height, 0xAABBGGRR (R,G,B,A bytes)
  // log10(loss - base + floor) per cell; +inf where the loss overflows (drawn at the top colour),
  // NaN where it is NaN (drawn kNanRgba). Contours skip cells with a non-finite corner.
  std::vector<float> log_gap;
  double floor = 0;                 // added before the log so the minimum stays finite
  double lo = 0, hi = 1;            // log10 range mapped to the colour map's ends
  double min_value = 0;             // the problem's f* (may be -inf: saddle)
  // What the log scale is measured from: f* when it is finite, else the lowest finite loss in
  // view (a landscape unbounded below has no f*, and loss - (-inf) is inf everywhere).
  double base = 0;
  bool base_is_fstar = true;
  std::size_t nonfinite_cells = 0;  // cells whose loss - base is NaN or +inf (-inf is the bottom colour)
  std::size_t nan_cells = 0;        // of which: NaN (f undefined there: log of a negative, ...)
  std::vector<double> levels;       // contour levels, log10 of (loss - base + floor)
  std::vector<ContourSegment> contours;
};

// The colour bar's title, honest about what is plotted: "loss", "loss - f*", or
// "loss - m" with m the lowest loss in view when f* is -inf.
std::string landscape_scale_title(const LandscapeRaster& raster);

// Colour position in [0, 1] of a loss value on the raster's log scale.
double landscape_colour_position(const LandscapeRaster& raster, double loss);

LandscapeRaster landscape_raster(const Problem& problem, const Rect& rect, int width, int height,
                                 int contour_levels = 14);

}  // namespace adamlab
