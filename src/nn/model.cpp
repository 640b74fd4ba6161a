#include "nn/model.h"

#include <cmath>

#include "core/error.h"
#include "core/split.h"
#include "sim/noise.h"

namespace adamlab {
namespace {

constexpr const char* kActivationNames[] = {"relu", "tanh", "sigmoid", "linear"};
constexpr const char* kFeatureNames[] = {"x", "y", "x2", "y2", "xy", "sinx", "siny"};

Activation parse_activation(const std::string& text) {
  for (int i = 0; i < 4; ++i)
    if (text == kActivationNames[i]) return static_cast<Activation>(i);
  throw Error("invalid activation for mlp: '" + text + "' (relu, tanh, sigmoid or linear)");
}

std::vector<int> parse_hidden(const std::string& text) {
  if (text == "none") return {};
  std::vector<int> widths;
  for (const std::string& part : split_at(text, 'x')) {
    const std::int64_t w = parse_integer(part, "hidden width in '" + text + "'");
    if (w < 1 || w > kMaxLayerWidth)
      throw Error("invalid hidden width for mlp: " + part + " (1 to " + std::to_string(kMaxLayerWidth) + ")");
    widths.push_back(static_cast<int>(w));
  }
  if (static_cast<int>(widths.size()) > kMaxHiddenLayers)
    throw Error("invalid hidden for mlp: '" + text + "' has " + std::to_string(widths.size()) +
                " layers (at most " + std::to_string(kMaxHiddenLayers) + ")");
  return widths;
}

std::vector<Feature> parse_features(const std::string& text) {
  std::vector<Feature> features;
  for (const std::string& part : split_at(text, '+')) {
    bool found = false;
    for (int i = 0; i < 7; ++i)
      if (part == kFeatureNames[i]) {
        const Feature f = static_cast<Feature>(i);
        for (Feature g : features)
          if (g == f) throw Error("invalid features for mlp: '" + part + "' appears twice");
        features.push_back(f);
        found = true;
      }
    if (!found)
      throw Error("invalid feature for mlp: '" + part + "' (x, y, x2, y2, xy, sinx or siny, joined by +)");
  }
  return features;
}

bool uses_y(Feature f) { return f == Feature::y || f == Feature::y2 || f == Feature::xy || f == Feature::siny; }

double portable_sin(double v) { return noise_detail::sin_turns(v / (2 * 3.14159265358979323846)); }

}  // namespace

ModelConfig parse_model(const Spec& spec) {
  if (spec.name != "mlp") throw Error("unknown model '" + spec.name + "' (mlp)");
  ModelConfig config;
  for (const auto& [key, value] : spec.params) {
    if (key == "hidden") config.hidden = parse_hidden(value);
    else if (key == "activation") config.activation = parse_activation(value);
    else if (key == "features") config.features = parse_features(value);
    else throw Error("unknown model key '" + key + "' for mlp");
  }
  return config;
}

ModelConfig parse_model(const std::string& text) { return parse_model(parse_spec(text)); }

Spec model_spec(const ModelConfig& config) {
  Spec spec{"mlp", {}};
  std::string hidden;
  for (int w : config.hidden) hidden += (hidden.empty() ? "" : "x") + std::to_string(w);
  spec.set("hidden", hidden.empty() ? "none" : hidden);
  spec.set("activation", to_string(config.activation));
  std::string features;
  for (Feature f : config.features) features += (features.empty() ? "" : "+") + to_string(f);
  spec.set("features", features);
  return spec;
}

std::string to_string(Activation a) { return kActivationNames[static_cast<int>(a)]; }
std::string to_string(Feature f) { return kFeatureNames[static_cast<int>(f)]; }

int feature_count(const ModelConfig& config, int input_dim) {
  if (input_dim > 2) return input_dim;
  int n = 0;
  for (Feature f : config.features)
    if (input_dim == 2 || !uses_y(f)) ++n;
  return n;
}

Eigen::MatrixXd make_features(const ModelConfig& config, const Eigen::MatrixXd& raw) {
  const int input_dim = static_cast<int>(raw.rows());
  if (input_dim > 2) return raw;
  const int count = feature_count(config, input_dim);
  if (count == 0)
    throw Error(input_dim == 1 ? "features for 1D data need x, x2 or sinx" : "features: choose at least one");
  Eigen::MatrixXd out(count, raw.cols());
  int row = 0;
  for (Feature f : config.features) {
    if (input_dim == 1 && uses_y(f)) continue;
    for (Eigen::Index j = 0; j < raw.cols(); ++j) {
      const double x = raw(0, j), y = input_dim == 2 ? raw(1, j) : 0.0;
      double v = 0;
      switch (f) {
        case Feature::x: v = x; break;
        case Feature::y: v = y; break;
        case Feature::x2: v = x * x; break;
        case Feature::y2: v = y * y; break;
        case Feature::xy: v = x * y; break;
        case Feature::sinx: v = portable_sin(x); break;
        case Feature::siny: v = portable_sin(y); break;
      }
      out(row, j) = v;
    }
    ++row;
  }
  return out;
}

}  // namespace adamlab
