#pragma once
// What every node of a network outputs over a rectangle of the input plane, for the network
// diagram (TensorFlow Playground's small heat map per node): the input features, each hidden
// neuron and the output, all from one batched forward pass over the grid's points. Headless, so
// tests check the maps against hand-computed planes.
//
// Columns: [0] the features the network sees, [1..L-1] the hidden layers, [L] the output:
//   regression       one node, the prediction;
//   2 classes        one node, P(class 1) = softmax of the two logits (so the links into it are
//                    w[1] - w[0] and its bias b[1] - b[0]: the logit of P(class 1) is exactly that);
//   K >= 3 classes   K nodes P(class k), plus `prediction`, the arg-max class over the plane.
// Data of one input (the sine) gives curves over x (rows = 1); data of more than two inputs (the
// sparse task) has no plane, so the maps are empty and only labels, biases and links are given.
#include <Eigen/Core>
#include <string>
#include <vector>

#include "nn/mlp.h"
#include "nn/model.h"

namespace adamlab {

// The part of the input plane the maps cover, and how finely: cols x rows cell centres.
struct PlaneGrid {
  double xmin = -1, xmax = 1, ymin = -1, ymax = 1;
  int cols = 16, rows = 16;
};
constexpr int kMaxMapResolution = 256;

// How a node's values turn into colour: `diverging` maps [lo, hi] onto orange..grey..blue with the
// middle of the range grey; `probability` maps [0, 1] from grey to the colour of class_index;
// `classes` holds class indices (one colour per class).
enum class MapScale { diverging, probability, classes };

struct NodeMap {
  std::string label;         // "x", "x²", "sin x", "h1.3" (layer 1, unit 3), "P(class 1)"...
  std::vector<float> values;  // rows x cols, row-major, row 0 at the top (ymax); empty without a plane
  // The colour range: natural for tanh, sigmoid and probabilities; symmetric about 0 otherwise,
  // to the largest |value| for features and to its 95th percentile for relu, linear units and a
  // regression's prediction (values beyond it saturate).
  double lo = -1, hi = 1;
  MapScale scale = MapScale::diverging;
  double bias = 0;            // the node's bias (0 for inputs: has_bias false)
  bool has_bias = false;
  int class_index = -1;       // K >= 3: the class a P(class k) node is for
};

struct NeuronMaps {
  PlaneGrid grid;       // rows = 1 for one-input data, 0 x 0 without a plane
  std::vector<std::vector<NodeMap>> columns;
  // links[c]: the weights drawn between column c and c + 1 (nodes of c+1 x nodes of c).
  std::vector<Eigen::MatrixXd> links;
  bool has_prediction = false;  // K >= 3: `prediction` is the arg-max class map
  NodeMap prediction;
};

// Throws Error for a grid that is not finite, empty or finer than kMaxMapResolution, or parameters
// whose size is not the network's. input_dim is the data's (2 planar, 1 sine, F sparse).
NeuronMaps neuron_maps(const Mlp& mlp, const ModelConfig& model, int input_dim, const Vec& params,
                       const PlaneGrid& grid);

// One node's map alone (the tooltip's large map), equal to neuron_maps(...).columns[column][unit];
// column = columns.size() is the prediction. A hidden neuron's needs only the layers below it and
// its own row of weights, so hovering a neuron of a wide network stays cheap. Throws Error as
// neuron_maps, and for a node the network does not have.
NodeMap node_map(const Mlp& mlp, const ModelConfig& model, int input_dim, const Vec& params, const PlaneGrid& grid,
                 int column, int unit);

// The links and biases alone (cheap: no forward pass), in neuron_maps' column layout.
std::vector<Eigen::MatrixXd> diagram_links(const Mlp& mlp, const Vec& params);

// The raw input points of the grid's cell centres (2 x cols*rows, or 1 x cols for rows = 1),
// in the maps' order: row-major, row 0 at ymax.
Eigen::MatrixXd grid_points(const PlaneGrid& grid, int input_dim);

// The labels of the feature columns the network sees ("x", "x²", ... or "in 1".."in F").
std::vector<std::string> feature_labels(const ModelConfig& model, int input_dim);

}  // namespace adamlab
