#pragma once
// Everything the runs of one network scene share, built once and never changed: the data, the
// features the network sees, the network's shape, its initial weights and the minibatch order.
// Runs share one task so a comparison is fair: the same points, the same starting weights, the
// same batch at every step.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "data/dataset.h"
#include "nn/mlp.h"
#include "nn/model.h"

namespace adamlab {

struct NetTaskConfig {
  std::string data = "spirals";  // a data spec (data/dataset.h)
  // a model spec (nn/model.h). sin x and sin y let a small net bend around the spirals: with x and
  // y alone Adam was at 64% test accuracy after 1500 steps, with them 98% (adamlab train).
  std::string model = "mlp:features=x+y+sinx+siny";
  std::int64_t batch_size = 10;  // 1..kMaxBatchSize, as DataLoader(batch_size, shuffle=True)
  std::uint64_t seed = 1;        // picks the data, the initial weights and the batch order
};
constexpr std::int64_t kMaxBatchSize = 5000;

class NetTask {
 public:
  // Throws Error naming the bad spec or value.
  explicit NetTask(const NetTaskConfig& config);
  // A user's own data (csv already parsed) instead of config.data.
  NetTask(const NetTaskConfig& config, Dataset data);

  const NetTaskConfig& config() const { return config_; }  // specs in full form
  const Dataset& data() const { return data_; }
  const ModelConfig& model() const { return model_; }
  const Mlp& mlp() const { return mlp_; }
  const Eigen::MatrixXd& train_features() const { return train_features_; }
  const Eigen::MatrixXd& test_features() const { return test_features_; }
  const Vec& initial_parameters() const { return initial_; }

  // DataLoader(shuffle=True, drop_last=False): a new permutation of the training points each
  // epoch (seeded by seed and epoch), cut into batches of batch_size, the last one shorter.
  std::int64_t batches_per_epoch() const;
  // The training-point indices of step k (1-based), and their feature columns / targets.
  std::vector<int> batch_indices(std::int64_t step) const;
  void batch(std::int64_t step, Eigen::MatrixXd& x, Eigen::VectorXd& y) const;

 private:
  // [begin, end) of step k's indices in the cached epoch order; valid until another epoch is asked for.
  std::pair<const int*, const int*> batch_range(std::int64_t step) const;
  void build();
  NetTaskConfig config_;
  Dataset data_;
  ModelConfig model_;
  Mlp mlp_;
  Eigen::MatrixXd train_features_, test_features_;
  Vec initial_;
  // The permutation of the epoch last asked for, cached: steps come in order.
  mutable std::int64_t cached_epoch_ = -1;
  mutable std::vector<int> cached_order_;
};

// The seed's independent streams (data, init, batches), so changing one use never shifts another.
std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream);

}  // namespace adamlab
