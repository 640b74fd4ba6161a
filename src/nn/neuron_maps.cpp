#include "nn/neuron_maps.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "core/spec.h"

namespace adamlab {
namespace {

const char* feature_label(Feature f) {
  switch (f) {
    case Feature::x: return "x";
    case Feature::y: return "y";
    case Feature::x2: return "x²";
    case Feature::y2: return "y²";
    case Feature::xy: return "xy";
    case Feature::sinx: return "sin x";
    case Feature::siny: return "sin y";
  }
  return "?";
}

bool x_only(Feature f) { return f == Feature::x || f == Feature::x2 || f == Feature::sinx; }

// The largest finite |v|, or 1 when there is none (an all-zero or all-NaN map still gets a range).
double symmetric_bound(const Eigen::Ref<const Eigen::RowVectorXd>& row) {
  double m = 0;
  for (Eigen::Index i = 0; i < row.size(); ++i)
    if (std::isfinite(row[i])) m = std::max(m, std::abs(row[i]));
  return m > 0 ? m : 1.0;
}

// The bound an unbounded unit (relu, linear) is coloured to: the 95th percentile of |v|, so a unit
// whose largest values sit in one far corner still shows its active region in full colour (the
// top 5% saturate); the largest |v| if that percentile is 0 (a unit active on a sliver).
double robust_bound(const Eigen::Ref<const Eigen::RowVectorXd>& row) {
  std::vector<double> a;
  a.reserve(static_cast<std::size_t>(row.size()));
  for (Eigen::Index i = 0; i < row.size(); ++i)
    if (std::isfinite(row[i])) a.push_back(std::abs(row[i]));
  if (a.empty()) return 1.0;
  const std::size_t k = static_cast<std::size_t>(std::floor(0.95 * static_cast<double>(a.size() - 1)));
  std::nth_element(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(k), a.end());
  return a[k] > 0 ? a[k] : symmetric_bound(row);
}

NodeMap node_from_row(std::string label, const Eigen::Ref<const Eigen::RowVectorXd>& row) {
  NodeMap n;
  n.label = std::move(label);
  n.values.resize(static_cast<std::size_t>(row.size()));
  for (Eigen::Index i = 0; i < row.size(); ++i) n.values[static_cast<std::size_t>(i)] = static_cast<float>(row[i]);
  return n;
}

// A hidden neuron's natural range: tanh (-1, 1), sigmoid (0, 1) (0.5 in the grey middle); relu and
// linear are unbounded, so symmetric about 0 from the map itself (a dead relu stays grey).
void set_hidden_range(NodeMap& n, Activation a, const Eigen::Ref<const Eigen::RowVectorXd>& row) {
  switch (a) {
    case Activation::tanh: n.lo = -1, n.hi = 1; break;
    case Activation::sigmoid: n.lo = 0, n.hi = 1; break;
    case Activation::relu:
    case Activation::linear: {
      const double m = robust_bound(row);
      n.lo = -m, n.hi = m;
      break;
    }
  }
}

void check_grid(const PlaneGrid& g) {
  for (double v : {g.xmin, g.xmax, g.ymin, g.ymax})
    if (!std::isfinite(v)) throw Error("invalid map area: " + format_number(v) + " (edges must be finite)");
  if (!(g.xmax > g.xmin) || !(g.ymax > g.ymin))
    throw Error("invalid map area: x " + format_number(g.xmin) + ".." + format_number(g.xmax) + ", y " +
                format_number(g.ymin) + ".." + format_number(g.ymax) + " (must have positive width and height)");
  for (int n : {g.cols, g.rows})
    if (n < 1 || n > kMaxMapResolution)
      throw Error("invalid map resolution: " + std::to_string(n) + " (must be 1.." + std::to_string(kMaxMapResolution) + ")");
}

}  // namespace

std::vector<std::string> feature_labels(const ModelConfig& model, int input_dim) {
  std::vector<std::string> labels;
  if (input_dim == 1 || input_dim == 2) {
    for (Feature f : model.features)
      if (input_dim == 2 || x_only(f)) labels.emplace_back(feature_label(f));
  }
  // Raw inputs (the sparse task), or a feature rule this list does not know: numbered inputs.
  const int count = feature_count(model, input_dim);
  if (static_cast<int>(labels.size()) != count) {
    labels.clear();
    for (int i = 1; i <= count; ++i) labels.push_back("in " + std::to_string(i));
  }
  return labels;
}

Eigen::MatrixXd grid_points(const PlaneGrid& g, int input_dim) {
  check_grid(g);
  const double dx = (g.xmax - g.xmin) / g.cols, dy = (g.ymax - g.ymin) / g.rows;
  if (input_dim == 1) {
    Eigen::MatrixXd p(1, g.cols);
    for (int c = 0; c < g.cols; ++c) p(0, c) = g.xmin + (c + 0.5) * dx;
    return p;
  }
  Eigen::MatrixXd p(2, static_cast<Eigen::Index>(g.cols) * g.rows);
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c) {
      const Eigen::Index i = static_cast<Eigen::Index>(r) * g.cols + c;
      p(0, i) = g.xmin + (c + 0.5) * dx;
      p(1, i) = g.ymax - (r + 0.5) * dy;
    }
  return p;
}

std::vector<Eigen::MatrixXd> diagram_links(const Mlp& mlp, const Vec& params) {
  const std::vector<int>& sizes = mlp.sizes();
  if (params.size() != mlp.parameter_count())
    throw Error("parameter vector has " + std::to_string(params.size()) + " entries, the network " +
                std::to_string(mlp.parameter_count()));
  const int layers = static_cast<int>(sizes.size()) - 1;
  std::vector<Eigen::MatrixXd> links;
  for (int l = 0; l < layers; ++l) {
    const int in = sizes[l], out = sizes[l + 1];
    links.push_back(Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
        params.data() + mlp.weight_offset(l), out, in));
  }
  if (mlp.classes() == 2) {
    // P(class 1) = sigmoid(z1 - z0): its logit's weights are the difference of the two rows.
    Eigen::MatrixXd& last = links.back();
    last = (last.row(1) - last.row(0)).eval();
  }
  return links;
}

NeuronMaps neuron_maps(const Mlp& mlp, const ModelConfig& model, int input_dim, const Vec& params,
                       const PlaneGrid& grid) {
  const std::vector<int>& sizes = mlp.sizes();
  const int layers = static_cast<int>(sizes.size()) - 1;
  if (feature_count(model, input_dim) != sizes[0])
    throw Error("the network takes " + std::to_string(sizes[0]) + " inputs, the features of " +
                std::to_string(input_dim) + "-input data are " + std::to_string(feature_count(model, input_dim)));
  NeuronMaps maps;
  maps.links = diagram_links(mlp, params);
  const bool has_plane = input_dim == 1 || input_dim == 2;
  if (has_plane) {
    check_grid(grid);
    maps.grid = grid;
    if (input_dim == 1) maps.grid.rows = 1;
  } else {
    maps.grid.cols = maps.grid.rows = 0;
  }

  std::vector<Eigen::MatrixXd> acts;
  if (has_plane) {
    const Eigen::MatrixXd features = make_features(model, grid_points(maps.grid, input_dim));
    acts = mlp.activations(params, features);  // one batched pass over every cell
  }
  const auto row_of = [&](int layer, int unit) -> Eigen::RowVectorXd {
    return has_plane ? Eigen::RowVectorXd(acts[static_cast<std::size_t>(layer)].row(unit)) : Eigen::RowVectorXd();
  };
  const auto bias_of = [&](int layer, int unit) {  // layer >= 1: the bias of sizes[layer]'s unit
    return params[mlp.weight_offset(layer - 1) + static_cast<Eigen::Index>(sizes[layer]) * sizes[layer - 1] + unit];
  };

  // The features.
  maps.columns.resize(static_cast<std::size_t>(layers) + 1);
  const std::vector<std::string> labels = feature_labels(model, input_dim);
  for (int i = 0; i < sizes[0]; ++i) {
    const Eigen::RowVectorXd row = row_of(0, i);
    NodeMap n = node_from_row(i < static_cast<int>(labels.size()) ? labels[i] : "in " + std::to_string(i + 1), row);
    const bool sine = n.label == "sin x" || n.label == "sin y";
    const double m = sine ? 1.0 : symmetric_bound(row);
    n.lo = -m, n.hi = m;
    maps.columns[0].push_back(std::move(n));
  }
  // The hidden layers.
  for (int l = 1; l < layers; ++l)
    for (int u = 0; u < sizes[l]; ++u) {
      const Eigen::RowVectorXd row = row_of(l, u);
      NodeMap n = node_from_row("layer " + std::to_string(l) + ", unit " + std::to_string(u + 1), row);
      set_hidden_range(n, mlp.activation(), row);
      n.has_bias = true, n.bias = bias_of(l, u);
      maps.columns[l].push_back(std::move(n));
    }
  // The output.
  std::vector<NodeMap>& out = maps.columns.back();
  const int classes = mlp.classes();
  const Eigen::MatrixXd empty;
  const Eigen::MatrixXd& logits = has_plane ? acts.back() : empty;
  if (classes == 0) {
    const Eigen::RowVectorXd row = row_of(layers, 0);
    NodeMap n = node_from_row("prediction", row);
    const double m = robust_bound(row);
    n.lo = -m, n.hi = m;
    n.has_bias = true, n.bias = bias_of(layers, 0);
    out.push_back(std::move(n));
  } else if (classes == 2) {
    // softmax's second entry, written as a logistic of the difference (no overflow for any logits).
    const Eigen::RowVectorXd p1 = has_plane ? Eigen::RowVectorXd((1.0 + (logits.row(0) - logits.row(1)).array().exp()).inverse())
                                            : Eigen::RowVectorXd();
    NodeMap n = node_from_row("P(class 1)", p1);
    n.lo = 0, n.hi = 1;
    n.has_bias = true, n.bias = bias_of(layers, 1) - bias_of(layers, 0);
    out.push_back(std::move(n));
  } else {
    Eigen::MatrixXd prob;
    if (has_plane) {
      // Softmax per column, shifted by the column's max (torch's log_softmax does the same).
      prob = (logits.rowwise() - logits.colwise().maxCoeff()).array().exp().matrix();
      prob = (prob.array().rowwise() / prob.colwise().sum().array()).matrix();
    }
    for (int k = 0; k < classes; ++k) {
      NodeMap n = node_from_row("P(class " + std::to_string(k) + ")", has_plane ? Eigen::RowVectorXd(prob.row(k)) : Eigen::RowVectorXd());
      n.lo = 0, n.hi = 1;
      n.scale = MapScale::probability;
      n.class_index = k;
      n.has_bias = true, n.bias = bias_of(layers, k);
      out.push_back(std::move(n));
    }
    maps.has_prediction = true;
    maps.prediction.label = "predicted class";
    maps.prediction.scale = MapScale::classes;
    maps.prediction.lo = 0, maps.prediction.hi = classes - 1;
    maps.prediction.values.resize(static_cast<std::size_t>(logits.cols()));
    for (Eigen::Index i = 0; i < logits.cols(); ++i) {
      Eigen::Index best = 0;
      // The first maximum, as torch.argmax; a NaN logit column stays NaN (a diverged network).
      bool nan = false;
      for (Eigen::Index k = 0; k < classes; ++k) {
        if (std::isnan(logits(k, i))) nan = true;
        if (logits(k, i) > logits(best, i)) best = k;
      }
      maps.prediction.values[static_cast<std::size_t>(i)] = nan ? std::numeric_limits<float>::quiet_NaN() : static_cast<float>(best);
    }
  }
  return maps;
}

NodeMap node_map(const Mlp& mlp, const ModelConfig& model, int input_dim, const Vec& params, const PlaneGrid& grid,
                 int column, int unit) {
  const std::vector<int>& sizes = mlp.sizes();
  const int layers = static_cast<int>(sizes.size()) - 1;
  const bool prediction = mlp.classes() >= 3 && column == layers + 1 && unit == 0;
  if (!prediction && (column < 0 || column > layers || unit < 0 ||
                      unit >= (column == layers && mlp.classes() == 2 ? 1 : sizes[static_cast<std::size_t>(column)])))
    throw Error("the network has no node " + std::to_string(unit + 1) + " in column " + std::to_string(column));
  if (column == 0 || column == layers || prediction) {
    // Features are free; the output needs the whole network anyway.
    NeuronMaps all = neuron_maps(mlp, model, input_dim, params, grid);
    return prediction ? std::move(all.prediction) : std::move(all.columns[static_cast<std::size_t>(column)][static_cast<std::size_t>(unit)]);
  }
  // Hidden neuron (column, unit): the layers below it, its own layer cut to its row, then a 1 -> 1
  // identity layer so Mlp::activations applies the activation to it exactly as in the whole net.
  if (params.size() != mlp.parameter_count())
    throw Error("parameter vector has " + std::to_string(params.size()) + " entries, the network " +
                std::to_string(mlp.parameter_count()));
  std::vector<int> cut(sizes.begin(), sizes.begin() + column);
  cut.push_back(1);
  cut.push_back(1);
  const Mlp sub(cut, mlp.activation(), 0);
  const Eigen::Index below = mlp.weight_offset(column - 1), fan_in = sizes[static_cast<std::size_t>(column) - 1];
  Vec p(sub.parameter_count());
  p.head(below) = params.head(below);
  p.segment(below, fan_in) = params.segment(below + unit * fan_in, fan_in);
  p[below + fan_in] = params[below + static_cast<Eigen::Index>(sizes[static_cast<std::size_t>(column)]) * fan_in + unit];
  p[below + fan_in + 1] = 1;  // the identity layer: weight 1, bias 0
  p[below + fan_in + 2] = 0;
  NeuronMaps maps = neuron_maps(sub, model, input_dim, p, grid);
  NodeMap n = std::move(maps.columns[static_cast<std::size_t>(column)][0]);
  n.label = "layer " + std::to_string(column) + ", unit " + std::to_string(unit + 1);
  return n;
}

}  // namespace adamlab
