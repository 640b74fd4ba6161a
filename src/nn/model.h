#pragma once
// What network a scene trains: the input features and the MLP's shape, in the spec grammar:
//   mlp[:hidden=16x16|none,activation=relu|tanh|sigmoid|linear,features=x+y+xy+sinx]
// hidden: 0-4 layers of 1..64 units ("none" = a linear model); features, for planar data, any of
// x, y, x2, y2, xy, sinx, siny (as TensorFlow Playground offers); for 1D data x, x2, sinx; data with
// more inputs (the sparse task) always uses its raw inputs and ignores features.
#include <Eigen/Core>
#include <string>
#include <vector>

#include "core/spec.h"

namespace adamlab {

enum class Activation { relu, tanh, sigmoid, linear };
enum class Feature { x, y, x2, y2, xy, sinx, siny };

struct ModelConfig {
  std::vector<int> hidden = {8, 8};
  Activation activation = Activation::tanh;
  std::vector<Feature> features = {Feature::x, Feature::y};
};

constexpr int kMaxHiddenLayers = 4;
constexpr int kMaxLayerWidth = 64;

ModelConfig parse_model(const Spec& spec);  // throws Error naming the bad key or value
ModelConfig parse_model(const std::string& text);
Spec model_spec(const ModelConfig& config);  // full spec, every key present
std::string to_string(Activation a);
std::string to_string(Feature f);

// The feature columns the network sees for raw inputs (input_dim x n -> features x n). For
// input_dim 1 only x-features apply; for input_dim > 2 the raw inputs pass through.
Eigen::MatrixXd make_features(const ModelConfig& config, const Eigen::MatrixXd& raw);
int feature_count(const ModelConfig& config, int input_dim);

}  // namespace adamlab
