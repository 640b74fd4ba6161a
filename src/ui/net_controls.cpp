#include "ui/net_controls.h"
#include "ui/draw_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/spec.h"
#include "data/dataset.h"
#include "imgui.h"
#include "nn/model.h"
#include "nn/net_scene.h"
#include "sim/noise.h"

namespace adamlab::ui {
namespace {

constexpr std::size_t kCsvBufferBytes = 160 * 1024;  // kMaxCsvRows rows of a few numbers each

const char* data_title(const std::string& name) {
  if (name == "moons") return "two moons";
  if (name == "circles") return "circles";
  if (name == "xor") return "XOR";
  if (name == "spirals") return "spirals";
  if (name == "blobs") return "Gaussian blobs";
  if (name == "sine") return "sine (1D regression)";
  if (name == "sparse") return "sparse features";
  if (name == "csv") return "your CSV";
  return name.c_str();
}

struct DataKeyMeta {
  double lo, hi;
  bool integer, logarithmic;
  const char* tooltip;
};

DataKeyMeta data_key_meta(const std::string& key, const std::string& data) {
  if (key == "n") return {8, 5000, true, true, "Number of points (train and test together)."};
  if (key == "noise") return {0, data == "blobs" ? 4.0 : 1.5, false, false, "Jitter added to the points: more noise, more overlap between classes."};
  if (key == "test_fraction") return {0, 0.9, false, false, "Share of the points held out as the test set (never trained on)."};
  if (key == "classes") return {2, data == "spirals" ? 6.0 : 8.0, true, false, "Number of classes (spiral arms, blobs)."};
  if (key == "features") return {2, 256, true, true, "Binary input features of the sparse task."};
  if (key == "active") return {0.005, 1, false, true, "Probability that a feature is on: small = rare features, where beta2 near 1 matters."};
  return {0, 1, false, false, ""};
}

const Feature kAllFeatures[] = {Feature::x, Feature::y, Feature::x2, Feature::y2, Feature::xy, Feature::sinx, Feature::siny};
const char* feature_label(Feature f) {
  switch (f) {
    case Feature::x: return "x";
    case Feature::y: return "y";
    case Feature::x2: return "x^2";
    case Feature::y2: return "y^2";
    case Feature::xy: return "xy";
    case Feature::sinx: return "sin x";
    case Feature::siny: return "sin y";
  }
  return "";
}
bool uses_y(Feature f) { return f == Feature::y || f == Feature::y2 || f == Feature::xy || f == Feature::siny; }

void push_model(NetCommandQueue& commands, const ModelConfig& config) {
  const std::string spec = to_string(model_spec(config));
  commands.push([spec](NetScene& s) { s.set_model(spec); });
}

// A small "[-] value [+]" stepper; returns -1, 0 or +1.
int stepper(const char* id, int value, int lo, int hi) {
  ImGui::PushID(id);
  int delta = 0;
  ImGui::BeginDisabled(value <= lo);
  if (ImGui::Button("-")) delta = -1;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::Text("%2d", value);
  ImGui::SameLine();
  ImGui::BeginDisabled(value >= hi);
  if (ImGui::Button("+")) delta = 1;
  ImGui::EndDisabled();
  ImGui::PopID();
  return delta;
}

}  // namespace

std::uint64_t next_seed(std::uint64_t seed) {
  std::uint64_t next = noise_detail::splitmix64(seed ^ 0xA5A5A5A5ull) % 1000000;
  return next == seed ? next + 1 : next;
}

NetControls::NetControls() : csv_text_(kCsvBufferBytes, '\0') {
  std::snprintf(csv_text_.data(), csv_text_.size(), "x,y,label\n-1,-1,0\n-0.5,-1.2,0\n1,1,1\n1.3,0.7,1\n-1.2,0.4,0\n0.8,1.5,1\n");
}

bool NetControls::slider(const char* key, double& value, double lo, double hi, bool integer, bool logarithmic) {
  double shown = editing_key_ == key ? editing_value_ : value;
  ImGui::PushID(key);
  const ImGuiSliderFlags flags = (logarithmic ? ImGuiSliderFlags_Logarithmic : 0) | ImGuiSliderFlags_AlwaysClamp;
  if (ImGui::SliderScalar("##v", ImGuiDataType_Double, &shown, &lo, &hi, integer ? "%.0f" : "%.3g", flags)) {
    editing_key_ = key;
    editing_value_ = integer ? std::round(shown) : shown;
  }
  const bool done = ImGui::IsItemDeactivatedAfterEdit() && editing_key_ == key;
  ImGui::PopID();
  if (done) {
    value = editing_value_;
    editing_key_.clear();
  }
  return done;
}

void NetControls::draw(const NetScene& scene, NetCommandQueue& commands, bool touch) {
  touch_ = touch;
  draw_data(scene, commands);
  ImGui::Separator();
  draw_model(scene, commands);
  ImGui::Separator();
  draw_training(scene, commands);
}

void NetControls::draw_data(const NetScene& scene, NetCommandQueue& commands) {
  const NetTask& task = scene.task();
  const bool csv = !scene.csv().empty();
  const Spec spec = csv ? Spec{"csv", {}} : parse_spec(task.config().data);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("data");
  ImGui::SameLine(ImGui::CalcTextSize("data").x + 3 * ImGui::GetStyle().ItemSpacing.x);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##data", data_title(spec.name))) {
    for (const auto& name : dataset_names())
      if (ImGui::Selectable(data_title(name), name == spec.name)) commands.push([name](NetScene& s) { s.set_data(name); });
    if (csv) ImGui::Selectable(data_title("csv"), true);
    ImGui::EndCombo();
  }
  tooltip(("The training data: " + task.config().data + " (the same seed draws the same points everywhere).").c_str());
  // Labels in a column as wide as the longest (the font grows on large screens).
  const float label_w = ImGui::CalcTextSize("test_fraction").x + 2 * ImGui::GetStyle().ItemSpacing.x;
  for (const auto& kv : spec.params) {
    const DataKeyMeta meta = data_key_meta(kv.first, spec.name);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(kv.first.c_str());
    tooltip(meta.tooltip);
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1);
    double v = std::strtod(kv.second.c_str(), nullptr);
    if (slider(kv.first.c_str(), v, meta.lo, meta.hi, meta.integer, meta.logarithmic)) {
      Spec next = spec;
      next.set(kv.first, format_number(v));
      const std::string text = to_string(next);
      commands.push([text](NetScene& s) { s.set_data(text); });
    }
    tooltip(meta.tooltip);
  }
  const Dataset& d = task.data();
  ImGui::TextDisabled("%lld train, %lld test points, %s", static_cast<long long>(d.train_size()), static_cast<long long>(d.test_size()),
                      d.regression() ? "regression" : (std::to_string(d.classes) + " classes").c_str());
  draw_csv(scene, commands);
  ImGui::Checkbox("Show test data", &view_.show_test);
  tooltip("Draw the held-out test points too (hollow).");
  ImGui::SameLine();
  ImGui::Checkbox("Discretize output", &view_.discretize);
  tooltip("Colour each region by the predicted class only, not by how sure the network is.");
}

void NetControls::draw_csv(const NetScene& scene, NetCommandQueue& commands) {
  if (!ImGui::CollapsingHeader(scene.csv().empty() ? "Your own data (CSV)" : "Your own data (CSV, loaded)")) return;
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("Rows x,y,label (2D classes 0..7) or x,y (1D regression: y from x); a header line is skipped. At most %d rows.",
                      kMaxCsvRows);
  ImGui::PopTextWrapPos();
  ImGui::InputTextMultiline("##csv", csv_text_.data(), csv_text_.size(), ImVec2(-1, ImGui::GetTextLineHeight() * 6));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("test fraction");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(60.0f, ImGui::GetContentRegionAvail().x - 70));
  ImGui::SliderFloat("##csvtest", &csv_test_fraction_, 0.0f, 0.9f, "%.2f");
  ImGui::SameLine();
  if (ImGui::Button("Load")) {
    const std::string text(csv_text_.data(), strnlen(csv_text_.data(), csv_text_.size()));
    const double f = std::round(csv_test_fraction_ * 100.0) / 100.0;
    commands.push([text, f](NetScene& s) { s.set_csv(text, f); });
  }
  tooltip("Train on these rows instead (a bad row is named by its line, and nothing loads).");
}

// The label column of the network and training rows ("  layer 4 units" is the widest).
static float row_label_width() { return ImGui::CalcTextSize("  layer 4 units").x + 2 * ImGui::GetStyle().ItemSpacing.x; }

void NetControls::draw_model(const NetScene& scene, NetCommandQueue& commands) {
  const NetTask& task = scene.task();
  const ModelConfig model = task.model();
  const int input_dim = task.data().input_dim;
  ImGui::TextUnformatted("Network");
  ImGui::SameLine();
  ImGui::TextDisabled("(edits restart every run)");
  // Input features, as TensorFlow Playground offers them.
  if (input_dim > 2) {
    ImGui::TextDisabled("inputs: the %d raw features", input_dim);
  } else {
    ImGui::TextUnformatted("inputs");
    int shown = 0;
    for (int i = 0; i < 7; ++i) {
      const Feature f = kAllFeatures[i];
      // 1D data has no y: only the x features are offered (the model keeps any others, unused).
      if (input_dim == 1 && uses_y(f)) continue;
      if (shown != 0 && shown != 4) ImGui::SameLine();
      ++shown;
      bool on = std::find(model.features.begin(), model.features.end(), f) != model.features.end();
      if (ImGui::Checkbox(feature_label(f), &on)) {
        ModelConfig next = model;
        next.features.clear();
        for (Feature g : kAllFeatures) {
          const bool keep = g == f ? on : std::find(model.features.begin(), model.features.end(), g) != model.features.end();
          if (keep) next.features.push_back(g);
        }
        push_model(commands, next);
      }
      tooltip("An input the first layer sees, computed from the point's coordinates.");
    }
  }
  // Hidden layers and their widths.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("hidden layers");
  ImGui::SameLine(row_label_width());
  const int layers = static_cast<int>(model.hidden.size());
  if (const int d = stepper("layers", layers, 0, kMaxHiddenLayers)) {
    ModelConfig next = model;
    if (d > 0) next.hidden.push_back(layers ? model.hidden.back() : 8);
    else next.hidden.pop_back();
    push_model(commands, next);
  }
  tooltip("0 to 4 hidden layers (0 = a linear model: logistic regression).");
  for (int l = 0; l < layers; ++l) {
    ImGui::PushID(l);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("  layer %d units", l + 1);
    ImGui::SameLine(row_label_width());
    if (const int d = stepper("width", model.hidden[l], 1, kMaxLayerWidth)) {
      ModelConfig next = model;
      next.hidden[l] = std::clamp(model.hidden[l] + d * (model.hidden[l] >= 16 ? 4 : 1), 1, kMaxLayerWidth);
      push_model(commands, next);
    }
    tooltip("Neurons in this layer (1 to 64).");
    ImGui::PopID();
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("activation");
  ImGui::SameLine(row_label_width());
  ImGui::SetNextItemWidth(-1);
  const char* names[] = {"relu", "tanh", "sigmoid", "linear"};
  int a = static_cast<int>(model.activation);
  if (ImGui::Combo("##activation", &a, names, 4)) {
    ModelConfig next = model;
    next.activation = static_cast<Activation>(a);
    push_model(commands, next);
  }
  tooltip("The hidden layers' nonlinearity (torch.relu, torch.tanh, torch.sigmoid, or none).");
  std::string shape;
  for (int s : task.mlp().sizes()) shape += (shape.empty() ? "" : "-") + std::to_string(s);
  ImGui::Text("%lld parameters", static_cast<long long>(task.mlp().parameter_count()));
  tooltip("sum(p.numel() for p in net.parameters()): every weight and bias of every nn.Linear.");
  ImGui::SameLine();
  ImGui::TextDisabled("(layers %s)", shape.c_str());
}

void NetControls::draw_training(const NetScene& scene, NetCommandQueue& commands) {
  const NetTaskConfig& config = scene.task().config();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("batch size");
  ImGui::SameLine(row_label_width());
  ImGui::SetNextItemWidth(-1);
  int batch = static_cast<int>(config.batch_size);
  if (ImGui::InputInt("##batch", &batch, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue)) {
    const std::int64_t b = batch;
    commands.push([b](NetScene& s) { s.set_batch_size(b); });
  }
  tooltip("Points per minibatch, as DataLoader(batch_size, shuffle=True): type it, then Enter.");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("seed");
  ImGui::SameLine(row_label_width());
  const float new_w = ImGui::CalcTextSize("New seed").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(std::max(50.0f, ImGui::GetContentRegionAvail().x - new_w - ImGui::GetStyle().ItemSpacing.x));
  long long seed = static_cast<long long>(config.seed);
  if (ImGui::InputScalar("##seed", ImGuiDataType_S64, &seed, nullptr, nullptr, "%lld", ImGuiInputTextFlags_EnterReturnsTrue)) {
    const long long s64 = seed;
    commands.push([s64](NetScene& s) {
      if (s64 < 0) throw Error("invalid seed: " + std::to_string(s64) + " (must be >= 0)");
      s.set_seed(static_cast<std::uint64_t>(s64));
    });
  }
  tooltip("Picks the data, the initial weights and the batch order (Reset keeps all three).");
  ImGui::SameLine();
  if (ImGui::Button("New seed")) {
    const std::uint64_t next = next_seed(config.seed);
    commands.push([next](NetScene& s) { s.set_seed(next); });
  }
  tooltip("New data, initial weights and batch order (Reset keeps them).");
  ImGui::Text("step %lld   epoch %lld", static_cast<long long>(scene.step_count()), static_cast<long long>(scene.epoch()));
  ImGui::SameLine();
  ImGui::TextDisabled("(%lld batches per epoch)", static_cast<long long>(scene.task().batches_per_epoch()));
}

}  // namespace adamlab::ui
