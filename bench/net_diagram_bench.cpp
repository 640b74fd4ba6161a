// The network diagram's cost per frame (ui/net_diagram.h), in an ImGui context without a window:
// the draw lists are built exactly as in the page, only not rendered by GL.
//   BM_DiagramFrame/<net>/<w>/<h>    one ImGui frame drawing the diagram, maps cached (most frames)
//   BM_DiagramRebuild/<net>/<w>/<h>  the same with the maps rebuilt every frame (the page rebuilds
//                                    at most 10 times a second while training)
//   BM_EmptyFrame                    the frame without the diagram (subtract it)
// <net>: 0 = 2-8-8-2 tanh, 1 = 2-64-64-2 relu (the widest the page allows), both two-class with
// features x, y; weights are torch's initial ones scaled by 3 (a trained network's size, so the
// maps have structure and the links are wide).
#include <benchmark/benchmark.h>

#include "imgui.h"
#include "nn/mlp.h"
#include "nn/model.h"
#include "ui/net_diagram.h"

namespace {

using namespace adamlab;

struct Net {
  ModelConfig model;
  Mlp mlp;
  Vec params;
};

Net make_net(int which) {
  ModelConfig m;
  m.hidden = which == 0 ? std::vector<int>{8, 8} : std::vector<int>{64, 64};
  m.activation = which == 0 ? Activation::tanh : Activation::relu;
  Mlp mlp({2, m.hidden[0], m.hidden[1], 2}, m.activation, 2);
  Vec p = 3.0 * mlp.initial_parameters(1);
  return Net{m, mlp, p};
}

void ensure_context() {
  if (ImGui::GetCurrentContext()) return;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas; no texture is uploaded
}

void frame(const Net* net, ImVec2 size, ui::NetDiagramState& state, std::uint64_t version, double time) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
  if (net) {
    ui::NetDiagramInput in;
    in.mlp = &net->mlp;
    in.model = &net->model;
    in.params = &net->params;
    in.area = PlaneGrid{-6, 6, -6, 6, 16, 16};
    in.version = version;
    in.time = time;
    ui::draw_net_diagram(ImGui::GetWindowDrawList(), ImVec2(10, 10), size, in, state);
  }
  ImGui::End();
  ImGui::Render();
}

void BM_DiagramFrame(benchmark::State& st) {
  ensure_context();
  const Net net = make_net(static_cast<int>(st.range(0)));
  const ImVec2 size(static_cast<float>(st.range(1)), static_cast<float>(st.range(2)));
  ui::NetDiagramState state;
  frame(&net, size, state, 1, 0);  // builds the cache
  for (auto _ : st) frame(&net, size, state, 1, 0);
  if (state.builds != 1) st.SkipWithError("the cache was rebuilt on an unchanged frame");
  st.counters["vertices"] = static_cast<double>(ImGui::GetDrawData()->TotalVtxCount);
}

void BM_DiagramRebuild(benchmark::State& st) {
  ensure_context();
  const Net net = make_net(static_cast<int>(st.range(0)));
  const ImVec2 size(static_cast<float>(st.range(1)), static_cast<float>(st.range(2)));
  ui::NetDiagramState state;
  std::uint64_t version = 0;
  for (auto _ : st) {
    ++version;
    frame(&net, size, state, version, static_cast<double>(version));  // a second apart: always stale
  }
  if (state.builds != version) st.SkipWithError("expected a rebuild every frame");
}

void BM_EmptyFrame(benchmark::State& st) {
  ensure_context();
  ui::NetDiagramState state;
  for (auto _ : st) frame(nullptr, ImVec2(0, 0), state, 0, 0);
}

void sizes(benchmark::internal::Benchmark* b) {
  for (int net : {0, 1})
    for (auto [w, h] : {std::pair{600, 400}, {300, 180}}) b->Args({net, w, h});
}

BENCHMARK(BM_DiagramFrame)->Apply(sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DiagramRebuild)->Apply(sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EmptyFrame)->Unit(benchmark::kMicrosecond);

}  // namespace
