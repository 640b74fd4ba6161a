#include "nn/mlp.h"

#include <cmath>
#include <utility>

#include "core/error.h"
#include "sim/noise.h"

namespace adamlab {
namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstWeights = Eigen::Map<const RowMajor>;
using Weights = Eigen::Map<RowMajor>;

void activate(Activation a, Eigen::MatrixXd& z) {
  switch (a) {
    // torch.relu keeps NaN (a diverged network must stay visibly diverged); cwiseMax may not.
    case Activation::relu: z = z.unaryExpr([](double v) { return v > 0.0 || v != v ? v : 0.0; }); break;
    // tanh through exp, which Eigen vectorises (std::tanh does not, and was 90% of a row's time);
    // exact to a few 1e-16 absolute, which is all the sums downstream see (golden tests: 1e-10).
    case Activation::tanh: z = (1.0 - 2.0 / ((2.0 * z.array()).exp() + 1.0)).matrix(); break;
    case Activation::sigmoid: z = (1.0 / (1.0 + (-z.array()).exp())).matrix(); break;
    case Activation::linear: break;
  }
}

// d(loss)/d(pre-activation) from d(loss)/d(output) and the layer's output y, in the operation
// order of ATen's threshold_backward, tanh_backward and sigmoid_backward.
void backprop_activation(Activation a, const Eigen::MatrixXd& y, Eigen::MatrixXd& g) {
  switch (a) {
    case Activation::relu: g = (y.array() > 0.0).select(g, 0.0); break;
    case Activation::tanh: g = (g.array() * (1.0 - y.array() * y.array())).matrix(); break;
    case Activation::sigmoid: g = ((g.array() * (1.0 - y.array())) * y.array()).matrix(); break;
    case Activation::linear: break;
  }
}

// torch's log_softmax over each column: (z - max) - log(sum(exp(z - max))).
Eigen::ArrayXXd log_softmax_columns(const Eigen::MatrixXd& z) {
  const Eigen::RowVectorXd m = z.colwise().maxCoeff();
  Eigen::ArrayXXd shifted = (z.rowwise() - m).array();
  const Eigen::ArrayXXd lse = shifted.exp().colwise().sum().log();
  shifted.rowwise() -= lse.row(0);
  return shifted;
}

}  // namespace

Mlp::Mlp(std::vector<int> sizes, Activation activation, int classes)
    : sizes_(std::move(sizes)), activation_(activation), classes_(classes) {
  if (sizes_.size() < 2) throw Error("an mlp needs an input and an output layer");
  for (int s : sizes_)
    if (s < 1) throw Error("an mlp layer needs at least one unit");
  const int outputs = sizes_.back();
  if (classes_ == 0 ? outputs != 1 : (classes_ < 2 || outputs != classes_))
    throw Error("an mlp's output size must be 1 for regression or the number of classes");
  for (std::size_t l = 0; l + 1 < sizes_.size(); ++l) {
    offsets_.push_back(parameter_count_);
    parameter_count_ += static_cast<Eigen::Index>(sizes_[l + 1]) * (sizes_[l] + 1);
  }
}

Vec Mlp::initial_parameters(std::uint64_t seed) const {
  Vec p(parameter_count_);
  std::uint64_t counter = 0;
  for (std::size_t l = 0; l + 1 < sizes_.size(); ++l) {
    const double bound = 1.0 / std::sqrt(static_cast<double>(sizes_[l]));
    const Eigen::Index count = static_cast<Eigen::Index>(sizes_[l + 1]) * (sizes_[l] + 1);
    for (Eigen::Index i = 0; i < count; ++i) {
      const std::uint64_t bits = noise_detail::splitmix64(seed ^ noise_detail::splitmix64(++counter));
      const double u = static_cast<double>(bits >> 11) * 0x1.0p-53;  // [0, 1)
      p[offsets_[l] + i] = bound * (2.0 * u - 1.0);
    }
  }
  return p;
}

std::vector<Eigen::MatrixXd> Mlp::activations(const Vec& params, const Eigen::MatrixXd& x) const {
  if (params.size() != parameter_count_ || x.rows() != sizes_.front())
    throw Error("mlp: parameters or inputs do not match the network's shape");
  std::vector<Eigen::MatrixXd> out;
  out.reserve(sizes_.size());
  out.push_back(x);
  const int layers = static_cast<int>(sizes_.size()) - 1;
  for (int l = 0; l < layers; ++l) {
    const int in = sizes_[l], outs = sizes_[l + 1];
    const ConstWeights w(params.data() + offsets_[l], outs, in);
    const auto b = params.segment(offsets_[l] + static_cast<Eigen::Index>(outs) * in, outs);
    Eigen::MatrixXd z(outs, x.cols());
    z.noalias() = w * out.back();
    z.colwise() += b;
    if (l + 1 < layers) activate(activation_, z);
    out.push_back(std::move(z));
  }
  return out;
}

double Mlp::loss_and_gradient(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                              Vec& grad) const {
  const std::vector<Eigen::MatrixXd> a = activations(params, x);
  const Eigen::Index batch = x.cols();
  const Eigen::MatrixXd& out = a.back();
  Eigen::MatrixXd g(out.rows(), batch);  // d(mean loss)/d(output)
  double loss = 0;
  if (classes_ == 0) {
    // MSELoss: mean((o - y)^2); its backward is 2 (o - y) / B.
    for (Eigen::Index j = 0; j < batch; ++j) {
      const double d = out(0, j) - y[j];
      loss += d * d;
      g(0, j) = 2.0 * d / static_cast<double>(batch);
    }
  } else {
    // CrossEntropyLoss = nll_loss(log_softmax(z)); its backward is softmax - onehot, both
    // divided by B for the mean.
    const Eigen::ArrayXXd logp = log_softmax_columns(out);
    g = logp.exp().matrix();
    for (Eigen::Index j = 0; j < batch; ++j) {
      const int label = static_cast<int>(y[j]);
      loss -= logp(label, j);
      g(label, j) -= 1.0;
    }
    g /= static_cast<double>(batch);
  }
  loss /= static_cast<double>(batch);

  grad.resize(parameter_count_);
  for (int l = static_cast<int>(sizes_.size()) - 2; l >= 0; --l) {
    const int in = sizes_[l], outs = sizes_[l + 1];
    Weights gw(grad.data() + offsets_[l], outs, in);
    gw.noalias() = g * a[l].transpose();
    grad.segment(offsets_[l] + static_cast<Eigen::Index>(outs) * in, outs) = g.rowwise().sum();
    if (l == 0) break;
    const ConstWeights w(params.data() + offsets_[l], outs, in);
    Eigen::MatrixXd below(in, batch);
    below.noalias() = w.transpose() * g;
    backprop_activation(activation_, a[l], below);
    g = std::move(below);
  }
  return loss;
}

Mlp::Evaluation Mlp::evaluate(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) const {
  const Eigen::MatrixXd out = activations(params, x).back();
  double loss = 0;
  Eigen::Index correct = 0;
  Eigen::ArrayXXd logp;
  if (classes_ != 0) logp = log_softmax_columns(out);
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    if (classes_ == 0) {
      const double d = out(0, j) - y[j];
      loss += d * d;
      continue;
    }
    loss -= logp(static_cast<int>(y[j]), j);
    Eigen::Index best = 0;  // the first maximum, as torch.argmax
    for (Eigen::Index c = 1; c < out.rows(); ++c)
      if (out(c, j) > out(best, j)) best = c;
    if (best == static_cast<Eigen::Index>(y[j])) ++correct;
  }
  const double n = static_cast<double>(x.cols());
  return {loss / n, classes_ == 0 ? std::nan("") : static_cast<double>(correct) / n};
}

double Mlp::loss(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) const {
  return evaluate(params, x, y).loss;
}

double Mlp::accuracy(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) const {
  return evaluate(params, x, y).accuracy;
}

}  // namespace adamlab
