#include "nn/mlp.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/error.h"
#include "sim/noise.h"

namespace adamlab {
namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstWeights = Eigen::Map<const RowMajor>;
using Weights = Eigen::Map<RowMajor>;

// Eigen's vectorised exp and log differ from std::exp and std::log in the last bit, and an
// array's .exp() takes the elements after its last whole packet through std::: a point's output
// would depend on where it sits in its batch (a one-point loss missed the page's curve by 1e-32).
// Here every element of a matrix takes the same path. exp: Eigen's own algorithm (pexp_double)
// instantiated for one double gives the packet's result bit for bit, so it serves the tail. Where
// Eigen has no packets (WebAssembly) every element takes std::exp (pexp_double there calls the
// libc's ldexp and is slower). log (a few per step): the last partial packet is padded.
template <class PacketOp, class ScalarOp>
void packet_map(double* v, Eigen::Index n, PacketOp op, ScalarOp tail) {
  using P = Eigen::internal::packet_traits<double>::type;
  constexpr int k = Eigen::internal::packet_traits<double>::size;
  Eigen::Index i = 0;
  if (k > 1)
    for (; i + k <= n; i += k) Eigen::internal::pstoreu(v + i, op(Eigen::internal::ploadu<P>(v + i)));
  for (; i < n; ++i) v[i] = tail(v[i]);
}

template <class Dense>
void exp_in_place(Dense& m) {
  packet_map(
      m.data(), m.size(), [](const auto& p) { return Eigen::internal::pexp(p); },
      [](double x) {
        if constexpr (Eigen::internal::packet_traits<double>::size > 1) return Eigen::internal::pexp_double<double>(x);
        return std::exp(x);
      });
}

template <class Dense>
void log_in_place(Dense& m) {
  using P = Eigen::internal::packet_traits<double>::type;
  constexpr int k = Eigen::internal::packet_traits<double>::size;
  packet_map(
      m.data(), m.size(), [](const auto& p) { return Eigen::internal::plog(p); },
      [](double x) {
        double buf[k];
        for (double& b : buf) b = x;
        Eigen::internal::pstoreu(buf, Eigen::internal::plog(Eigen::internal::ploadu<P>(buf)));
        return buf[0];
      });
}

void activate(Activation a, Eigen::MatrixXd& z) {
  switch (a) {
    // torch.relu keeps NaN (a diverged network must stay visibly diverged); cwiseMax may not.
    case Activation::relu: z = z.unaryExpr([](double v) { return v > 0.0 || v != v ? v : 0.0; }); break;
    // tanh through exp, which Eigen vectorises (std::tanh does not, and was 90% of a row's time);
    // exact to a few 1e-16 absolute, which is all the sums downstream see (golden tests: 1e-10).
    case Activation::tanh:
      z *= 2.0;
      exp_in_place(z);
      z = (1.0 - 2.0 / (z.array() + 1.0)).matrix();
      break;
    case Activation::sigmoid:
      z = -z;
      exp_in_place(z);
      z = (1.0 / (1.0 + z.array())).matrix();
      break;
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

// The layer products are small (a few units by a batch of ~10), where a general GEMM spends more
// time packing than multiplying. These loops allocate nothing and keep every sum in the order of
// its index (k = 0, 1, ...), so a run's numbers do not depend on a BLAS blocking heuristic. Four
// sums run side by side in registers: one alone would wait on each add's latency.

// out[r] = sum_k x(r, k) y(k) for r in [0, rows), where x(r, k) = x[r * rs + k * ks] and
// y(k) = y[k * ys]; the sum in k order. kUnitRows (rs == 1) lets the compiler pair rows in SIMD.
template <bool kUnitRows>
void dots(const double* __restrict x, std::ptrdiff_t rs, std::ptrdiff_t ks, const double* __restrict y, std::ptrdiff_t ys,
          int rows, int depth, double* __restrict out) {
  if (kUnitRows) rs = 1;
  int r = 0;
  for (; r + 4 <= rows; r += 4) {
    const double* x0 = x + r * rs;
    double s0 = x0[0] * y[0], s1 = x0[rs] * y[0], s2 = x0[2 * rs] * y[0], s3 = x0[3 * rs] * y[0];
    for (int k = 1; k < depth; ++k) {
      const double yk = y[k * ys];
      const double* xk = x0 + k * ks;
      s0 += xk[0] * yk;
      s1 += xk[rs] * yk;
      s2 += xk[2 * rs] * yk;
      s3 += xk[3 * rs] * yk;
    }
    out[r] = s0, out[r + 1] = s1, out[r + 2] = s2, out[r + 3] = s3;
  }
  for (; r < rows; ++r) {
    const double* xr = x + r * rs;
    double s = xr[0] * y[0];
    for (int k = 1; k < depth; ++k) s += xr[k * ks] * y[k * ys];
    out[r] = s;
  }
}

// z = W a + b per column; W (outs x ins) row-major at w, b = w + outs * ins.
void linear_forward(const double* w, int outs, int ins, const Eigen::MatrixXd& in, Eigen::MatrixXd& z) {
  const double* b = w + static_cast<std::ptrdiff_t>(outs) * ins;
  z.resize(outs, in.cols());
  for (Eigen::Index j = 0; j < in.cols(); ++j) {
    double* zj = z.data() + j * outs;
    dots<false>(w, ins, 1, in.data() + j * ins, 1, outs, ins, zj);
    for (int o = 0; o < outs; ++o) zj[o] += b[o];
  }
}

// d(loss)/dW = g in^T and d(loss)/db = g 1, summed over the batch in order, into gw (row-major).
void linear_weight_gradient(const Eigen::MatrixXd& g, const Eigen::MatrixXd& in, double* gw) {
  const int outs = static_cast<int>(g.rows()), ins = static_cast<int>(in.rows()), batch = static_cast<int>(g.cols());
  double* gb = gw + static_cast<std::ptrdiff_t>(outs) * ins;
  for (int o = 0; o < outs; ++o) dots<true>(in.data(), 1, ins, g.data() + o, outs, ins, batch, gw + o * ins);
  const double one = 1.0;
  dots<true>(g.data(), 1, outs, &one, 0, outs, batch, gb);  // x 1.0 is exact: a plain sum
}

// below = W^T g: d(loss)/d(the layer's input).
void linear_input_gradient(const double* w, int outs, int ins, const Eigen::MatrixXd& g, Eigen::MatrixXd& below) {
  below.resize(ins, g.cols());
  for (Eigen::Index j = 0; j < g.cols(); ++j) dots<true>(w, 1, ins, g.data() + j * outs, 1, ins, outs, below.data() + j * ins);
}

// torch's log_softmax over each column: (z - max) - log(sum(exp(z - max))). The sums run in
// class order (a vectorised column sum would start where the column's alignment allows).
Eigen::ArrayXXd log_softmax_columns(const Eigen::MatrixXd& z) {
  Eigen::ArrayXXd shifted(z.rows(), z.cols());
  for (Eigen::Index j = 0; j < z.cols(); ++j) shifted.col(j) = z.col(j).array() - z.col(j).maxCoeff();
  Eigen::ArrayXXd e = shifted;
  exp_in_place(e);
  Eigen::ArrayXd lse(z.cols());
  for (Eigen::Index j = 0; j < z.cols(); ++j) {
    double sum = e(0, j);
    for (Eigen::Index c = 1; c < e.rows(); ++c) sum += e(c, j);
    lse[j] = sum;
  }
  log_in_place(lse);
  for (Eigen::Index j = 0; j < z.cols(); ++j) shifted.col(j) -= lse[j];
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

const Eigen::MatrixXd& Mlp::forward(const Vec& params, const Eigen::MatrixXd& x, MlpWorkspace& ws) const {
  if (params.size() != parameter_count_ || x.rows() != sizes_.front())
    throw Error("mlp: parameters or inputs do not match the network's shape");
  const int layers = static_cast<int>(sizes_.size()) - 1;
  ws.a.resize(static_cast<std::size_t>(layers) + 1);
  for (int l = 0; l < layers; ++l) {
    Eigen::MatrixXd& z = ws.a[static_cast<std::size_t>(l) + 1];
    linear_forward(params.data() + offsets_[l], sizes_[l + 1], sizes_[l], l == 0 ? x : ws.a[static_cast<std::size_t>(l)], z);
    if (l + 1 < layers) activate(activation_, z);
  }
  return ws.a.back();
}

std::vector<Eigen::MatrixXd> Mlp::activations(const Vec& params, const Eigen::MatrixXd& x) const {
  MlpWorkspace ws;
  forward(params, x, ws);
  ws.a.front() = x;
  return std::move(ws.a);
}

double Mlp::loss_and_gradient(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                              Vec& grad) const {
  MlpWorkspace ws;
  return loss_and_gradient(params, x, y, grad, ws);
}

double Mlp::loss_and_gradient(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y, Vec& grad,
                              MlpWorkspace& ws) const {
  const Eigen::MatrixXd& out = forward(params, x, ws);
  const Eigen::Index batch = x.cols();
  Eigen::MatrixXd& g = ws.g;  // d(mean loss)/d(output)
  g.resize(out.rows(), batch);
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
    g = logp.matrix();
    exp_in_place(g);
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
    const Eigen::MatrixXd& in = l == 0 ? x : ws.a[static_cast<std::size_t>(l)];
    linear_weight_gradient(ws.g, in, grad.data() + offsets_[l]);
    if (l == 0) break;
    linear_input_gradient(params.data() + offsets_[l], sizes_[l + 1], sizes_[l], ws.g, ws.below);
    backprop_activation(activation_, in, ws.below);
    ws.g.swap(ws.below);
  }
  return loss;
}

Mlp::Evaluation Mlp::evaluate(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) const {
  MlpWorkspace ws;
  return evaluate(params, x, y, ws);
}

Mlp::Evaluation Mlp::evaluate(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                              MlpWorkspace& ws) const {
  const Eigen::MatrixXd& out = forward(params, x, ws);
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
