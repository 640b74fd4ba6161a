#pragma once
// Headless pictures of a network for the page's main view: its class probabilities over a grid
// of the plane (the decision boundary), its prediction along x (1D regression), and a vector in
// the parameter layout (a gradient, Adam's exp_avg_sq) summarised per input feature over the
// first layer's weights. Computed with Mlp::activations on the task's own features, so the map
// shows exactly the function the run trains.
#include <vector>

#include "nn/mlp.h"
#include "nn/net_task.h"

namespace adamlab {

// A rectangle of the data's plane (1D data: only x is used).
struct DataBounds {
  double xmin = -1, xmax = 1, ymin = -1, ymax = 1;
};

// The bounding box of every train and test point, widened by `margin` of its size on each side
// (at least a small absolute pad, so a single point or a line still gets an area).
DataBounds data_bounds(const Dataset& data, double margin = 0.08);

struct ClassMap {
  int width = 0, height = 0, classes = 0;
  // classes planes of width*height probabilities (softmax of the logits), row 0 at ymax (the top),
  // column 0 at xmin: cell (i, j) is sampled at its centre.
  std::vector<float> probability;
  float at(int k, int i, int j) const { return probability[(static_cast<std::size_t>(k) * height + i) * width + j]; }
};

// Throws Error for data that is not planar classification (the map would mean nothing).
ClassMap class_map(const NetTask& task, const Vec& params, const DataBounds& bounds, int width, int height);

// The network's prediction at `count` evenly spaced x from xmin to xmax (1D regression; the
// first output for classification). Throws Error for data that is not 1D.
std::vector<double> prediction_curve(const NetTask& task, const Vec& params, double xmin, double xmax, int count);

// For each input feature j of the first layer (weight W, out x in): sqrt(sum_i v[W_ij]^2) and
// mean_i v[W_ij] over that layer's weights in v (a vector in the parameter layout). Empty for a
// v of the wrong size.
std::vector<double> first_layer_column_norms(const Mlp& mlp, const Vec& v);
std::vector<double> first_layer_column_means(const Mlp& mlp, const Vec& v);

}  // namespace adamlab
