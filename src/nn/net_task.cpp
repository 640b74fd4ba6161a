#include "nn/net_task.h"

#include <algorithm>
#include <utility>

#include "core/error.h"
#include "sim/noise.h"

namespace adamlab {
namespace {

enum Stream : std::uint64_t { kDataStream = 1, kInitStream = 2, kBatchStream = 3 };

std::vector<int> sizes_for(const ModelConfig& model, const Dataset& data) {
  const int inputs = feature_count(model, data.input_dim);
  if (inputs == 0)
    throw Error(data.input_dim == 1 ? "invalid features for 1D data: choose x, x2 or sinx"
                                    : "invalid features: choose at least one");
  std::vector<int> sizes{inputs};
  sizes.insert(sizes.end(), model.hidden.begin(), model.hidden.end());
  sizes.push_back(data.regression() ? 1 : data.classes);
  return sizes;
}

void check_batch_size(std::int64_t batch_size) {
  if (batch_size < 1 || batch_size > kMaxBatchSize)
    throw Error("invalid batch size: " + std::to_string(batch_size) + " (1 to " + std::to_string(kMaxBatchSize) + ")");
}

}  // namespace

std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream) {
  return noise_detail::splitmix64(noise_detail::splitmix64(seed) ^ (stream * 0x9E3779B97F4A7C15ull));
}

NetTask::NetTask(const NetTaskConfig& config)
    : NetTask(config, make_dataset(config.data, derive_seed(config.seed, kDataStream))) {}

NetTask::NetTask(const NetTaskConfig& config, Dataset data)
    : config_(config), data_(std::move(data)), model_(parse_model(config.model)),
      mlp_(sizes_for(model_, data_), model_.activation, data_.classes) {
  check_batch_size(config.batch_size);
  if (data_.train_size() < 1) throw Error("the data has no training points");
  config_.data = data_.spec;
  config_.model = to_string(model_spec(model_));
  train_features_ = make_features(model_, data_.train_x);
  test_features_ = make_features(model_, data_.test_x);
  initial_ = mlp_.initial_parameters(derive_seed(config_.seed, kInitStream));
}

std::int64_t NetTask::batches_per_epoch() const {
  const std::int64_t n = data_.train_size();
  return (n + config_.batch_size - 1) / config_.batch_size;
}

std::vector<int> NetTask::batch_indices(std::int64_t step) const {
  const auto [begin, end] = batch_range(step);
  return {begin, end};
}

std::pair<const int*, const int*> NetTask::batch_range(std::int64_t step) const {
  if (step < 1) throw Error("batch_indices: steps count from 1");
  const std::int64_t per_epoch = batches_per_epoch();
  const std::int64_t epoch = (step - 1) / per_epoch, within = (step - 1) % per_epoch;
  const int n = static_cast<int>(data_.train_size());
  if (epoch != cached_epoch_) {
    // Fisher-Yates from a counter-based stream: the permutation depends only on (seed, epoch).
    cached_order_.resize(n);
    for (int i = 0; i < n; ++i) cached_order_[i] = i;
    const std::uint64_t epoch_seed = derive_seed(derive_seed(config_.seed, kBatchStream), static_cast<std::uint64_t>(epoch));
    for (int i = n - 1; i > 0; --i) {
      const std::uint64_t r = noise_detail::splitmix64(epoch_seed + static_cast<std::uint64_t>(i));
      std::swap(cached_order_[i], cached_order_[static_cast<int>(r % static_cast<std::uint64_t>(i + 1))]);
    }
    cached_epoch_ = epoch;
  }
  const std::int64_t begin = within * config_.batch_size;
  const std::int64_t end = std::min<std::int64_t>(begin + config_.batch_size, n);
  return {cached_order_.data() + begin, cached_order_.data() + end};
}

void NetTask::batch(std::int64_t step, Eigen::MatrixXd& x, Eigen::VectorXd& y) const {
  const auto [begin, end] = batch_range(step);  // no allocation: this runs every training step
  const Eigen::Index count = static_cast<Eigen::Index>(end - begin);
  x.resize(train_features_.rows(), count);
  y.resize(count);
  for (Eigen::Index j = 0; j < count; ++j) {
    x.col(j) = train_features_.col(begin[j]);
    y[j] = data_.train_y[begin[j]];
  }
}

}  // namespace adamlab
