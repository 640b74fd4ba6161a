// The network diagram's maps (nn/neuron_maps.h): every node's output over the plane, checked
// against planes and functions computed by hand for tiny networks whose weights are set directly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "nn/mlp.h"
#include "nn/model.h"
#include "nn/neuron_maps.h"
#include "sim/diverging.h"

namespace adamlab {
namespace {

ModelConfig features(std::vector<Feature> f, Activation a = Activation::tanh) {
  ModelConfig m;
  m.features = std::move(f);
  m.activation = a;
  return m;
}

// An asymmetric area so a swapped axis or a flipped row order shows.
PlaneGrid area(int cols = 5, int rows = 4) { return PlaneGrid{-2, 3, -1, 1.5, cols, rows}; }

// Cell centres, row 0 at the top (ymax).
double cell_x(const PlaneGrid& g, int c) { return g.xmin + (c + 0.5) * (g.xmax - g.xmin) / g.cols; }
double cell_y(const PlaneGrid& g, int r) { return g.ymax - (r + 0.5) * (g.ymax - g.ymin) / g.rows; }

// Sets layer l's weight (out x in, row-major) and bias in the flat vector.
void set_layer(const Mlp& mlp, Vec& p, int l, const std::vector<double>& w, const std::vector<double>& b) {
  const Eigen::Index off = mlp.weight_offset(l);
  for (std::size_t i = 0; i < w.size(); ++i) p[off + static_cast<Eigen::Index>(i)] = w[i];
  for (std::size_t i = 0; i < b.size(); ++i) p[off + static_cast<Eigen::Index>(w.size() + i)] = b[i];
}

float at(const NodeMap& n, const PlaneGrid& g, int r, int c) { return n.values[static_cast<std::size_t>(r * g.cols + c)]; }

TEST(NeuronMaps, ShapesFollowTheNetworkAndTheGrid) {
  const Mlp mlp({2, 8, 8, 2}, Activation::tanh, 2);
  const NeuronMaps m = neuron_maps(mlp, features({Feature::x, Feature::y}), 2, mlp.initial_parameters(3), area(16, 16));
  ASSERT_EQ(m.columns.size(), 4u);
  EXPECT_EQ(m.columns[0].size(), 2u);
  EXPECT_EQ(m.columns[1].size(), 8u);
  EXPECT_EQ(m.columns[2].size(), 8u);
  EXPECT_EQ(m.columns[3].size(), 1u);  // P(class 1) stands for both logits
  for (const auto& column : m.columns)
    for (const NodeMap& n : column) EXPECT_EQ(n.values.size(), 256u) << n.label;
  ASSERT_EQ(m.links.size(), 3u);
  EXPECT_EQ(m.links[0].rows(), 8);
  EXPECT_EQ(m.links[0].cols(), 2);
  EXPECT_EQ(m.links[2].rows(), 1);
  EXPECT_EQ(m.links[2].cols(), 8);
  EXPECT_FALSE(m.has_prediction);
}

TEST(NeuronMaps, FeatureMapsAreTheFeaturesAtTheCellCentres) {
  const ModelConfig model = features({Feature::x, Feature::y, Feature::x2, Feature::xy, Feature::sinx});
  const Mlp mlp({5, 3, 2}, Activation::tanh, 2);
  const PlaneGrid g = area();
  const NeuronMaps m = neuron_maps(mlp, model, 2, mlp.initial_parameters(1), g);
  const auto& in = m.columns[0];
  ASSERT_EQ(in.size(), 5u);
  EXPECT_EQ(in[0].label, "x");
  EXPECT_EQ(in[2].label, "x²");
  EXPECT_EQ(in[3].label, "xy");
  EXPECT_EQ(in[4].label, "sin x");
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c) {
      const double x = cell_x(g, c), y = cell_y(g, r);
      EXPECT_FLOAT_EQ(at(in[0], g, r, c), static_cast<float>(x));
      EXPECT_FLOAT_EQ(at(in[1], g, r, c), static_cast<float>(y));
      EXPECT_FLOAT_EQ(at(in[2], g, r, c), static_cast<float>(x * x));
      EXPECT_FLOAT_EQ(at(in[3], g, r, c), static_cast<float>(x * y));
      EXPECT_NEAR(at(in[4], g, r, c), std::sin(x), 1e-6);
    }
  // x spans cell centres -1.5..2.5: symmetric about 0 by the largest |x|; sin keeps (-1, 1).
  EXPECT_DOUBLE_EQ(in[0].hi, 2.5);
  EXPECT_DOUBLE_EQ(in[0].lo, -2.5);
  EXPECT_DOUBLE_EQ(in[4].hi, 1.0);
  EXPECT_FALSE(in[0].has_bias);
}

TEST(NeuronMaps, ALinearModelsMapIsItsPlane) {
  // hidden=none, regression: prediction = 0.5 x - 2 y + 0.25 exactly.
  const Mlp mlp({2, 1}, Activation::linear, 0);
  Vec p = Vec::Zero(mlp.parameter_count());
  set_layer(mlp, p, 0, {0.5, -2}, {0.25});
  const PlaneGrid g = area();
  const NeuronMaps m = neuron_maps(mlp, features({Feature::x, Feature::y}), 2, p, g);
  ASSERT_EQ(m.columns.size(), 2u);
  const NodeMap& out = m.columns[1][0];
  double largest = 0;
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c) {
      const double v = 0.5 * cell_x(g, c) - 2 * cell_y(g, r) + 0.25;
      EXPECT_FLOAT_EQ(at(out, g, r, c), static_cast<float>(v));
      largest = std::max(largest, std::abs(v));
    }
  // Symmetric, saturating at most the top 5% of the cells (one of these 20).
  EXPECT_DOUBLE_EQ(out.lo, -out.hi);
  EXPECT_LE(out.hi, largest);
  int beyond = 0;
  for (float v : out.values) beyond += std::abs(v) > out.hi;
  EXPECT_LE(beyond, 1);
  EXPECT_TRUE(out.has_bias);
  EXPECT_DOUBLE_EQ(out.bias, 0.25);
  EXPECT_DOUBLE_EQ(m.links[0](0, 0), 0.5);
  EXPECT_DOUBLE_EQ(m.links[0](0, 1), -2);
}

TEST(NeuronMaps, TwoClassOutputIsTheSoftmaxOfClassOneWithDifferenceWeights) {
  const Mlp mlp({2, 2}, Activation::linear, 2);
  Vec p = Vec::Zero(mlp.parameter_count());
  set_layer(mlp, p, 0, {1, 0.5, -0.5, 2}, {0.1, -0.3});
  const PlaneGrid g = area();
  const NeuronMaps m = neuron_maps(mlp, features({Feature::x, Feature::y}), 2, p, g);
  const NodeMap& out = m.columns[1][0];
  EXPECT_EQ(out.label, "P(class 1)");
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c) {
      const double x = cell_x(g, c), y = cell_y(g, r);
      const double z0 = x + 0.5 * y + 0.1, z1 = -0.5 * x + 2 * y - 0.3;
      EXPECT_NEAR(at(out, g, r, c), std::exp(z1) / (std::exp(z0) + std::exp(z1)), 1e-6);
    }
  EXPECT_DOUBLE_EQ(out.lo, 0);
  EXPECT_DOUBLE_EQ(out.hi, 1);
  EXPECT_NEAR(out.bias, -0.4, 1e-15);
  ASSERT_EQ(m.links[0].rows(), 1);
  EXPECT_DOUBLE_EQ(m.links[0](0, 0), -1.5);
  EXPECT_DOUBLE_EQ(m.links[0](0, 1), 1.5);
}

TEST(NeuronMaps, HiddenNeuronsAreTheirActivationWithItsRange) {
  const PlaneGrid g = area();
  for (Activation a : {Activation::tanh, Activation::sigmoid, Activation::relu}) {
    SCOPED_TRACE(to_string(a));
    const Mlp mlp({2, 1, 1}, a, 0);
    Vec p = Vec::Zero(mlp.parameter_count());
    set_layer(mlp, p, 0, {0.8, -0.6}, {0.2});
    const NeuronMaps m = neuron_maps(mlp, features({Feature::x, Feature::y}, a), 2, p, g);
    const NodeMap& h = m.columns[1][0];
    double largest = 0;
    for (int r = 0; r < g.rows; ++r)
      for (int c = 0; c < g.cols; ++c) {
        const double z = 0.8 * cell_x(g, c) - 0.6 * cell_y(g, r) + 0.2;
        const double v = a == Activation::tanh ? std::tanh(z) : a == Activation::sigmoid ? 1 / (1 + std::exp(-z)) : std::max(z, 0.0);
        EXPECT_NEAR(at(h, g, r, c), v, 1e-6);
        largest = std::max(largest, std::abs(v));
      }
    EXPECT_DOUBLE_EQ(h.bias, 0.2);
    if (a == Activation::tanh) EXPECT_EQ(std::pair(h.lo, h.hi), std::pair(-1.0, 1.0));
    if (a == Activation::sigmoid) EXPECT_EQ(std::pair(h.lo, h.hi), std::pair(0.0, 1.0));
    if (a == Activation::relu) {
      EXPECT_GT(h.hi, 0.5 * largest);
      EXPECT_LE(h.hi, largest);
      EXPECT_DOUBLE_EQ(h.lo, -h.hi);
    }
  }
}

TEST(NeuronMaps, AReluActiveInOneCornerStillGetsItsColourRange) {
  // relu(x + y - 3.5) on a 20 x 20 grid of [-2, 2]^2: active on 3 of 400 cells only.
  const Mlp mlp({2, 1, 1}, Activation::relu, 0);
  Vec p = Vec::Zero(mlp.parameter_count());
  set_layer(mlp, p, 0, {1, 1}, {-3.5});
  const PlaneGrid g{-2, 2, -2, 2, 20, 20};
  const NodeMap h = neuron_maps(mlp, features({Feature::x, Feature::y}, Activation::relu), 2, p, g).columns[1][0];
  const double largest = *std::max_element(h.values.begin(), h.values.end());
  ASSERT_GT(largest, 0);
  EXPECT_FLOAT_EQ(static_cast<float>(h.hi), static_cast<float>(largest));  // the 95th percentile is 0: the max
  // Half the plane active: the bound is near the top of the ramp, below the corner's peak.
  set_layer(mlp, p, 0, {1, 1}, {0});
  const NodeMap half = neuron_maps(mlp, features({Feature::x, Feature::y}, Activation::relu), 2, p, g).columns[1][0];
  const double peak = *std::max_element(half.values.begin(), half.values.end());
  EXPECT_LT(half.hi, peak);
  EXPECT_GT(half.hi, 0.6 * peak);
}

TEST(NeuronMaps, ManyClassesGiveOneProbabilityPerClassAndTheArgMax) {
  const Mlp mlp({2, 3}, Activation::linear, 3);
  Vec p = Vec::Zero(mlp.parameter_count());
  set_layer(mlp, p, 0, {1, 0, 0, 1, -1, -1}, {0, 0, 0.5});
  const PlaneGrid g = area();
  const NeuronMaps m = neuron_maps(mlp, features({Feature::x, Feature::y}), 2, p, g);
  ASSERT_EQ(m.columns[1].size(), 3u);
  ASSERT_TRUE(m.has_prediction);
  EXPECT_EQ(m.prediction.scale, MapScale::classes);
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c) {
      const double x = cell_x(g, c), y = cell_y(g, r);
      const double z[3] = {x, y, -x - y + 0.5};
      const int best = static_cast<int>(std::max_element(z, z + 3) - z);
      EXPECT_EQ(at(m.prediction, g, r, c), best) << x << "," << y;
      double sum = 0;
      for (int k = 0; k < 3; ++k) sum += at(m.columns[1][static_cast<std::size_t>(k)], g, r, c);
      EXPECT_NEAR(sum, 1, 1e-6);
    }
  EXPECT_EQ(m.columns[1][2].class_index, 2);
  EXPECT_DOUBLE_EQ(m.columns[1][2].bias, 0.5);
}

TEST(NeuronMaps, OneInputDataGivesCurvesOverX) {
  const Mlp mlp({2, 4, 1}, Activation::tanh, 0);
  const ModelConfig model = features({Feature::x, Feature::y, Feature::sinx});  // y is dropped for 1D data
  const NeuronMaps m = neuron_maps(mlp, model, 1, mlp.initial_parameters(2), area(10, 10));
  EXPECT_EQ(m.grid.rows, 1);
  ASSERT_EQ(m.columns[0].size(), 2u);
  EXPECT_EQ(m.columns[0][1].label, "sin x");
  for (int c = 0; c < 10; ++c) EXPECT_FLOAT_EQ(m.columns[0][0].values[static_cast<std::size_t>(c)], static_cast<float>(cell_x(area(10, 10), c)));
  EXPECT_EQ(m.columns[2][0].values.size(), 10u);
}

TEST(NeuronMaps, DataWithoutAPlaneGivesLabelsBiasesAndLinksOnly) {
  const Mlp mlp({6, 4, 2}, Activation::relu, 2);
  const Vec p = mlp.initial_parameters(5);
  const NeuronMaps m = neuron_maps(mlp, features({Feature::x}), 6, p, area());
  ASSERT_EQ(m.columns[0].size(), 6u);
  EXPECT_EQ(m.columns[0][5].label, "in 6");
  EXPECT_TRUE(m.columns[1][0].values.empty());
  EXPECT_DOUBLE_EQ(m.columns[1][3].bias, p[mlp.weight_offset(0) + 24 + 3]);
  EXPECT_EQ(m.links[0].rows(), 4);
  EXPECT_EQ(m.links[0].cols(), 6);
}

TEST(NeuronMaps, RefusesABadGridOrParameters) {
  const Mlp mlp({2, 3, 2}, Activation::tanh, 2);
  const ModelConfig model = features({Feature::x, Feature::y});
  const Vec p = mlp.initial_parameters(1);
  PlaneGrid g = area();
  g.xmax = g.xmin;
  EXPECT_THROW(neuron_maps(mlp, model, 2, p, g), Error);
  g = area();
  g.ymin = std::nan("");
  EXPECT_THROW(neuron_maps(mlp, model, 2, p, g), Error);
  EXPECT_THROW(neuron_maps(mlp, model, 2, p, area(0, 4)), Error);
  EXPECT_THROW(neuron_maps(mlp, model, 2, p, area(4, kMaxMapResolution + 1)), Error);
  EXPECT_THROW(neuron_maps(mlp, model, 2, Vec::Zero(p.size() - 1), area()), Error);
  EXPECT_THROW(neuron_maps(mlp, features({Feature::x, Feature::y, Feature::xy}), 2, p, area()), Error);
}

TEST(NeuronMaps, ADivergedNetworkGivesNaNMapsWithFiniteRanges) {
  const Mlp mlp({2, 2, 3}, Activation::relu, 3);
  Vec p = mlp.initial_parameters(1);
  p[0] = std::nan("");
  const NeuronMaps m = neuron_maps(mlp, features({Feature::x, Feature::y}, Activation::relu), 2, p, area());
  EXPECT_TRUE(std::isnan(m.columns[1][0].values[0]));
  EXPECT_TRUE(std::isfinite(m.columns[1][0].hi));
  EXPECT_TRUE(std::isnan(m.prediction.values[0]));
}

TEST(NeuronMaps, OneNodesMapAloneEqualsItsMapInTheWhole) {
  const PlaneGrid g = area(7, 6);
  for (Activation a : {Activation::tanh, Activation::relu}) {
    for (int classes : {2, 3}) {
      const Mlp mlp({3, 5, 4, classes}, a, classes);
      const ModelConfig model = features({Feature::x, Feature::y, Feature::xy}, a);
      const Vec p = mlp.initial_parameters(11);
      const NeuronMaps all = neuron_maps(mlp, model, 2, p, g);
      for (int c = 0; c <= 3; ++c)
        for (int u = 0; u < static_cast<int>(all.columns[static_cast<std::size_t>(c)].size()); ++u) {
          SCOPED_TRACE(testing::Message() << to_string(a) << " classes " << classes << " column " << c << " unit " << u);
          const NodeMap one = node_map(mlp, model, 2, p, g, c, u);
          const NodeMap& whole = all.columns[static_cast<std::size_t>(c)][static_cast<std::size_t>(u)];
          EXPECT_EQ(one.label, whole.label);
          ASSERT_EQ(one.values.size(), whole.values.size());
          for (std::size_t i = 0; i < one.values.size(); ++i) EXPECT_NEAR(one.values[i], whole.values[i], 1e-6);
          EXPECT_NEAR(one.hi, whole.hi, 1e-12);
          EXPECT_EQ(one.bias, whole.bias);
        }
      if (classes == 3) EXPECT_EQ(node_map(mlp, model, 2, p, g, 4, 0).values, all.prediction.values);
      EXPECT_THROW(node_map(mlp, model, 2, p, g, 1, 5), Error);
      EXPECT_THROW(node_map(mlp, model, 2, p, g, classes == 3 ? 5 : 4, 0), Error);
      EXPECT_THROW(node_map(mlp, model, 2, p, g, -1, 0), Error);
    }
  }
}

TEST(MapColours, DivergingRunsFromClassZeroThroughGreyToClassOne) {
  EXPECT_EQ(diverging_rgb(0), class_colour_rgb(0));
  EXPECT_EQ(diverging_rgb(-5), class_colour_rgb(0));
  EXPECT_EQ(diverging_rgb(0.5), kDivergingMiddle);
  EXPECT_EQ(diverging_rgb(1), class_colour_rgb(1));
  EXPECT_EQ(diverging_rgb(0.75), blend_rgb(kDivergingMiddle, kDivergingPositive, 0.5));
  EXPECT_NE(diverging_rgb(std::nan("")), diverging_rgb(0.5));
  EXPECT_EQ(probability_rgb(0, 3), kDivergingMiddle);
  EXPECT_EQ(probability_rgb(1, 3), class_colour_rgb(3));
  EXPECT_EQ(class_colour_rgb(kClassColourCount), class_colour_rgb(0));
  EXPECT_EQ(blend_rgb(0x000000, 0xff8040, 0.5), 0x804020u);
}

}  // namespace
}  // namespace adamlab
