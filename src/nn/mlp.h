#pragma once
// A multilayer perceptron over one flat parameter vector, so every torch optimizer steps it
// unchanged (all nine are elementwise per tensor, so one vector over all tensors is exact).
// Layout, torch's state_dict order: for each nn.Linear, weight (out x in, row-major) then bias.
// Activations are column-per-sample matrices (features x batch).
//
// Loss: classification uses nn.CrossEntropyLoss (softmax over `classes` outputs, mean over the
// batch); regression uses nn.MSELoss (mean). L2 comes only from the optimizer's weight_decay.
#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "nn/model.h"

namespace adamlab {

using Vec = Eigen::VectorXd;

// Scratch space for Mlp's passes, so a training loop reuses its buffers instead of allocating
// per step (NetRun keeps one; a sweep trains ~10^5 steps a second). Results never depend on
// what it held before.
struct MlpWorkspace {
  std::vector<Eigen::MatrixXd> a;  // [l] = output of layer l for l >= 1 (the input is read in place)
  Eigen::MatrixXd g, below;        // backward: d(loss)/d(layer output), then for the layer below
};

class Mlp {
 public:
  // sizes = {inputs, hidden..., outputs}; classes = 0 for regression (then outputs must be 1).
  Mlp(std::vector<int> sizes, Activation activation, int classes);

  const std::vector<int>& sizes() const { return sizes_; }
  int classes() const { return classes_; }
  Activation activation() const { return activation_; }
  Eigen::Index parameter_count() const { return parameter_count_; }
  // Offset of layer l's weight in the flat vector (its bias follows at offset + out*in).
  Eigen::Index weight_offset(int layer) const { return offsets_[layer]; }

  // torch.nn.Linear's default init: weight and bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))
  // (kaiming_uniform_ with a=sqrt(5) gives that bound), drawn from the seed.
  Vec initial_parameters(std::uint64_t seed) const;

  // Mean loss over the columns of x; targets as in Dataset (class index or value).
  double loss(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) const;
  // The same loss and its gradient (grad resized to parameter_count()).
  double loss_and_gradient(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y, Vec& grad) const;
  double loss_and_gradient(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y, Vec& grad,
                           MlpWorkspace& ws) const;
  // Fraction of columns whose arg-max output is the label; NaN for regression.
  double accuracy(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) const;
  // Both from one forward pass.
  struct Evaluation {
    double loss, accuracy;
  };
  Evaluation evaluate(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) const;
  Evaluation evaluate(const Vec& params, const Eigen::MatrixXd& x, const Eigen::VectorXd& y, MlpWorkspace& ws) const;
  // Every layer's post-activation output for x: [0] = x itself, [L] = the logits / prediction.
  std::vector<Eigen::MatrixXd> activations(const Vec& params, const Eigen::MatrixXd& x) const;

 private:
  // Fills ws.a[1..L] for x; returns the network's output (ws.a[L]).
  const Eigen::MatrixXd& forward(const Vec& params, const Eigen::MatrixXd& x, MlpWorkspace& ws) const;

  std::vector<int> sizes_;
  Activation activation_;
  int classes_;
  std::vector<Eigen::Index> offsets_;
  Eigen::Index parameter_count_ = 0;
};

}  // namespace adamlab
