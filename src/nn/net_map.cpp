#include "nn/net_map.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace adamlab {

DataBounds data_bounds(const Dataset& data, double margin) {
  DataBounds b{1e300, -1e300, 1e300, -1e300};
  auto add = [&](const Eigen::MatrixXd& x) {
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      if (x.rows() >= 1 && std::isfinite(x(0, j))) b.xmin = std::min(b.xmin, x(0, j)), b.xmax = std::max(b.xmax, x(0, j));
      if (x.rows() >= 2 && std::isfinite(x(1, j))) b.ymin = std::min(b.ymin, x(1, j)), b.ymax = std::max(b.ymax, x(1, j));
    }
  };
  add(data.train_x);
  add(data.test_x);
  if (!(b.xmax >= b.xmin)) b.xmin = -1, b.xmax = 1;
  if (!(b.ymax >= b.ymin)) b.ymin = -1, b.ymax = 1;
  const double pad_x = std::max(margin * (b.xmax - b.xmin), 1e-3 * std::max(1.0, std::abs(b.xmax))) + 1e-9;
  const double pad_y = std::max(margin * (b.ymax - b.ymin), 1e-3 * std::max(1.0, std::abs(b.ymax))) + 1e-9;
  return {b.xmin - pad_x, b.xmax + pad_x, b.ymin - pad_y, b.ymax + pad_y};
}

ClassMap class_map(const NetTask& task, const Vec& params, const DataBounds& bounds, int width, int height) {
  const Dataset& data = task.data();
  if (!data.planar() || data.regression()) throw Error("a class map needs planar classification data");
  if (width < 1 || height < 1) throw Error("a class map needs at least one cell");
  Eigen::MatrixXd raw(2, static_cast<Eigen::Index>(width) * height);
  for (int i = 0; i < height; ++i) {
    const double y = bounds.ymax - (i + 0.5) / height * (bounds.ymax - bounds.ymin);
    for (int j = 0; j < width; ++j) {
      const Eigen::Index c = static_cast<Eigen::Index>(i) * width + j;
      raw(0, c) = bounds.xmin + (j + 0.5) / width * (bounds.xmax - bounds.xmin);
      raw(1, c) = y;
    }
  }
  const Eigen::MatrixXd logits = task.mlp().activations(params, make_features(task.model(), raw)).back();
  ClassMap map;
  map.width = width;
  map.height = height;
  map.classes = data.classes;
  map.probability.assign(static_cast<std::size_t>(map.classes) * width * height, 0.0f);
  const std::size_t plane = static_cast<std::size_t>(width) * height;
  for (Eigen::Index c = 0; c < logits.cols(); ++c) {
    // Softmax with the maximum subtracted (no overflow for large logits); NaN stays NaN.
    const double top = logits.col(c).maxCoeff();
    double total = 0;
    for (int k = 0; k < map.classes; ++k) total += std::exp(logits(k, c) - top);
    for (int k = 0; k < map.classes; ++k)
      map.probability[k * plane + static_cast<std::size_t>(c)] = static_cast<float>(std::exp(logits(k, c) - top) / total);
  }
  return map;
}

std::vector<double> prediction_curve(const NetTask& task, const Vec& params, double xmin, double xmax, int count) {
  if (task.data().input_dim != 1) throw Error("a prediction curve needs 1D data");
  if (count < 2) throw Error("a prediction curve needs at least two points");
  Eigen::MatrixXd raw(1, count);
  for (int j = 0; j < count; ++j) raw(0, j) = xmin + (xmax - xmin) * j / (count - 1);
  const Eigen::MatrixXd out = task.mlp().activations(params, make_features(task.model(), raw)).back();
  std::vector<double> y(static_cast<std::size_t>(count));
  for (int j = 0; j < count; ++j) y[static_cast<std::size_t>(j)] = out(0, j);
  return y;
}

namespace {

template <class F>
std::vector<double> per_column(const Mlp& mlp, const Vec& v, F reduce) {
  if (v.size() != mlp.parameter_count() || mlp.sizes().size() < 2) return {};
  const int in = mlp.sizes()[0], out = mlp.sizes()[1];
  std::vector<double> result(static_cast<std::size_t>(in));
  // Row-major weight (out x in): column j is every in-th entry from j.
  for (int j = 0; j < in; ++j) {
    Eigen::Map<const Vec, 0, Eigen::InnerStride<>> column(v.data() + mlp.weight_offset(0) + j, out, Eigen::InnerStride<>(in));
    result[static_cast<std::size_t>(j)] = reduce(column);
  }
  return result;
}

}  // namespace

std::vector<double> first_layer_column_norms(const Mlp& mlp, const Vec& v) {
  return per_column(mlp, v, [](const auto& c) { return c.norm(); });
}

std::vector<double> first_layer_column_means(const Mlp& mlp, const Vec& v) {
  return per_column(mlp, v, [](const auto& c) { return c.mean(); });
}

}  // namespace adamlab
