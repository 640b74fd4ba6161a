// make_dataset: the one place a data spec becomes points; the shared stratified split.
#include "data/dataset.h"

#include <cmath>
#include <cstring>
#include <numeric>
#include <utility>
#include <vector>

#include "core/error.h"
#include "data/generators.h"

namespace adamlab {
namespace {

using namespace data_detail;

struct Generator {
  const char* name;
  DataKeys defaults;
  std::int64_t max_classes;  // 0: no classes key
  bool sparse_keys;          // features, active
  Sample (*make)(const DataKeys&, std::uint64_t);
};

// Defaults as TensorFlow Playground draws its data, noise chosen so the shape stays readable.
const std::vector<Generator>& generators() {
  static const std::vector<Generator> entries = {
      {"moons", {400, 0.3, 0.3, 2, 0, 0.0}, 0, false, &make_moons},
      {"circles", {400, 0.2, 0.3, 2, 0, 0.0}, 0, false, &make_circles},
      {"xor", {400, 0.2, 0.3, 2, 0, 0.0}, 0, false, &make_xor},
      {"spirals", {400, 0.1, 0.3, 2, 0, 0.0}, 6, false, &make_spirals},
      {"blobs", {400, 1.0, 0.3, 3, 0, 0.0}, 8, false, &make_blobs},
      {"sine", {200, 0.1, 0.3, 0, 0, 0.0}, 0, false, &make_sine},
      {"sparse", {1000, 0.1, 0.3, 2, 64, 0.05}, 0, true, &make_sparse},
  };
  return entries;
}

constexpr std::int64_t kMaxSparseFeatures = 256;

Error out_of_range(const std::string& key, const std::string& name, double value, const std::string& range) {
  return Error("invalid " + key + " for " + name + ": " + format_number(value) + " (" + range + ")");
}

void check_test_fraction(double f, const std::string& name) {
  if (!(f >= 0.0 && f < 1.0)) throw out_of_range("test_fraction", name, f, "at least 0 and below 1");
}

// Every key is read before any is judged: a misspelt key is the better message.
DataKeys read_keys(const Generator& g, const Spec& spec) {
  SpecReader reader(spec, "data");
  DataKeys k = g.defaults;
  k.n = reader.integer("n", k.n);
  k.noise = reader.number("noise", k.noise);
  k.test_fraction = reader.number("test_fraction", k.test_fraction);
  if (g.max_classes > 0) k.classes = reader.integer("classes", k.classes);
  if (g.sparse_keys) {
    k.features = reader.integer("features", k.features);
    k.active = reader.number("active", k.active);
  }
  reader.finish();
  const std::string name = g.name;
  if (k.n < kMinDataPoints || k.n > kMaxDataPoints)
    throw out_of_range("n", name, static_cast<double>(k.n),
                       std::to_string(kMinDataPoints) + " to " + std::to_string(kMaxDataPoints));
  if (!(k.noise >= 0.0 && k.noise <= kMaxDataNoise))
    throw out_of_range("noise", name, k.noise, "0 to " + format_number(kMaxDataNoise));
  check_test_fraction(k.test_fraction, name);
  if (g.max_classes > 0 && (k.classes < 2 || k.classes > g.max_classes))
    throw out_of_range("classes", name, static_cast<double>(k.classes), "2 to " + std::to_string(g.max_classes));
  if (g.sparse_keys) {
    if (k.features < 2 || k.features > kMaxSparseFeatures)
      throw out_of_range("features", name, static_cast<double>(k.features),
                         "2 to " + std::to_string(kMaxSparseFeatures));
    if (!(k.active > 0.0 && k.active <= 1.0)) throw out_of_range("active", name, k.active, "above 0, at most 1");
    if (k.features * k.n > kMaxSparseInputs)
      throw Error("invalid n for sparse: " + std::to_string(k.n) + " with features=" + std::to_string(k.features) +
                  " (features x n at most " + std::to_string(kMaxSparseInputs) + ")");
  }
  return k;
}

std::string full_spec(const Generator& g, const DataKeys& k) {
  Spec spec{g.name, {}};
  spec.set("n", std::to_string(k.n));
  spec.set("noise", format_number(k.noise));
  spec.set("test_fraction", format_number(k.test_fraction));
  if (g.max_classes > 0) spec.set("classes", std::to_string(k.classes));
  if (g.sparse_keys) {
    spec.set("features", std::to_string(k.features));
    spec.set("active", format_number(k.active));
  }
  return to_string(spec);
}

}  // namespace

std::vector<std::string> dataset_names() {
  std::vector<std::string> names;
  for (const auto& g : generators()) names.push_back(g.name);
  return names;
}

Dataset make_dataset(const Spec& spec, std::uint64_t seed) {
  for (const auto& g : generators()) {
    if (spec.name != g.name) continue;
    const DataKeys keys = read_keys(g, spec);
    return split_sample(g.make(keys, seed), keys.test_fraction, seed, full_spec(g, keys));
  }
  std::string known;
  for (const auto& g : generators()) known += (known.empty() ? "" : ", ") + std::string(g.name);
  throw Error("unknown data '" + spec.name + "' (known: " + known + ")");
}

Dataset make_dataset(const std::string& spec_text, std::uint64_t seed) {
  return make_dataset(parse_spec(spec_text), seed);
}

namespace data_detail {

Dataset split_sample(const Sample& sample, double test_fraction, std::uint64_t seed, std::string spec) {
  check_test_fraction(test_fraction, spec);
  const Eigen::Index n = sample.x.cols();
  // Fisher-Yates on the split stream.
  std::vector<Eigen::Index> order(n);
  std::iota(order.begin(), order.end(), 0);
  const Draws shuffle(seed, Stream::split);
  for (Eigen::Index i = n - 1; i > 0; --i)
    std::swap(order[i], order[static_cast<Eigen::Index>(shuffle.below(i, i + 1))]);
  // Per class (one group for regression): how many points go to test.
  const int groups = sample.classes > 0 ? sample.classes : 1;
  auto group_of = [&](Eigen::Index i) { return sample.classes > 0 ? static_cast<int>(sample.y(i)) : 0; };
  std::vector<Eigen::Index> quota(groups, 0);
  for (Eigen::Index i = 0; i < n; ++i) ++quota[group_of(i)];
  for (auto& q : quota) {
    const auto count = q;
    q = static_cast<Eigen::Index>(std::floor(test_fraction * static_cast<double>(count) + 0.5));
    if (q > count - 1) q = count > 0 ? count - 1 : 0;
  }
  std::vector<Eigen::Index> train, test;
  for (const Eigen::Index i : order) {
    auto& q = quota[group_of(i)];
    if (q > 0) {
      --q;
      test.push_back(i);
    } else {
      train.push_back(i);
    }
  }
  Dataset data;
  data.spec = std::move(spec);
  data.input_dim = static_cast<int>(sample.x.rows());
  data.classes = sample.classes;
  auto gather = [&](const std::vector<Eigen::Index>& idx, Eigen::MatrixXd& x, Eigen::VectorXd& y) {
    x.resize(sample.x.rows(), static_cast<Eigen::Index>(idx.size()));
    y.resize(static_cast<Eigen::Index>(idx.size()));
    for (std::size_t k = 0; k < idx.size(); ++k) {
      x.col(static_cast<Eigen::Index>(k)) = sample.x.col(idx[k]);
      y(static_cast<Eigen::Index>(k)) = sample.y(idx[k]);
    }
  };
  gather(train, data.train_x, data.train_y);
  gather(test, data.test_x, data.test_y);
  return data;
}

}  // namespace data_detail

std::uint64_t dataset_fingerprint(const Dataset& data) {
  std::uint64_t h = 0x6164616d6c616221ull;
  auto mix = [&h](std::uint64_t v) { h = noise_detail::splitmix64(h ^ v); };
  auto mix_double = [&mix](double d) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    mix(bits);
  };
  for (const char c : data.spec) mix(static_cast<unsigned char>(c));
  mix(static_cast<std::uint64_t>(data.input_dim));
  mix(static_cast<std::uint64_t>(data.classes));
  for (const Eigen::MatrixXd* m : {&data.train_x, &data.test_x}) {
    mix(static_cast<std::uint64_t>(m->rows()));
    mix(static_cast<std::uint64_t>(m->cols()));
    for (Eigen::Index k = 0; k < m->size(); ++k) mix_double(m->data()[k]);
  }
  for (const Eigen::VectorXd* v : {&data.train_y, &data.test_y}) {
    mix(static_cast<std::uint64_t>(v->size()));
    for (Eigen::Index k = 0; k < v->size(); ++k) mix_double((*v)(k));
  }
  return h;
}

}  // namespace adamlab
