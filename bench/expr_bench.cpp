// The landscape raster of a typed function against a built-in problem, in one process: the
// 512 x 512 evaluation the map runs on every edit of the function, and the whole raster (log
// scale, colours, contours) on top of it. The built-in Rosenbrock is the baseline; the typed
// functions go through their compiled program (src/expr).
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "core/spec.h"
#include "problems/problem.h"
#include "sim/landscape.h"

namespace {

constexpr int kSide = 512;

// The names the README's table uses. The typical function has 20 operations, two of its four
// transcendental calls on x or y alone and two on both.
const char* const kProblems[] = {
    "rosenbrock",
    "expr:(1-x)^2+a*(y-x^2)^2;a=100;view=-2,2,-1,3",
    "expr:sin(x)*cos(y)+0.1*(x^2+y^2)+exp(-((x-1)^2+(y+0.5)^2))-0.5*tanh(x*y)",
    "expr:sin(x)*cos(y)+0.1*(x^2+y^2)",  // the newcomer's function (issue 13)
};

// Loss on the 512 x 512 cell centres, as sim/landscape.cpp samples them (Problem::grid_values).
void BM_RasterValues(benchmark::State& state) {
  const auto problem = adamlab::make_problem(adamlab::parse_spec(kProblems[state.range(0)]));
  const adamlab::Rect r = problem->view();
  Eigen::ArrayXd xs(kSide), ys(kSide);
  for (int i = 0; i < kSide; ++i) xs[i] = r.xmin + (i + 0.5) * (r.xmax - r.xmin) / kSide;
  for (int j = 0; j < kSide; ++j) ys[j] = r.ymax - (j + 0.5) * (r.ymax - r.ymin) / kSide;
  std::vector<double> loss(static_cast<std::size_t>(kSide) * kSide);
  for (auto _ : state) {
    problem->grid_values(xs, ys, loss.data());
    benchmark::DoNotOptimize(loss.data());
  }
  state.SetItemsProcessed(state.iterations() * kSide * kSide);
  state.SetLabel(kProblems[state.range(0)]);
}
BENCHMARK(BM_RasterValues)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

// The whole raster the canvas uploads: evaluation, log scale, colours and 14 contour levels.
void BM_RasterWhole(benchmark::State& state) {
  const auto problem = adamlab::make_problem(adamlab::parse_spec(kProblems[state.range(0)]));
  for (auto _ : state) {
    adamlab::LandscapeRaster raster = adamlab::landscape_raster(*problem, problem->view(), kSide, kSide);
    benchmark::DoNotOptimize(raster.rgba.data());
  }
  state.SetItemsProcessed(state.iterations() * kSide * kSide);
  state.SetLabel(kProblems[state.range(0)]);
}
BENCHMARK(BM_RasterWhole)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

// Parse + compile, what each keystroke in the editor costs before the raster.
void BM_ExprCompile(benchmark::State& state) {
  for (auto _ : state) {
    auto problem = adamlab::make_problem(adamlab::parse_spec(kProblems[2]));
    benchmark::DoNotOptimize(problem.get());
  }
}
BENCHMARK(BM_ExprCompile)->Unit(benchmark::kMicrosecond);

}  // namespace
