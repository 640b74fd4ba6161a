// ns per run-step: the batched engine against looping the scalar path (sim/Run, compiled with
// the core's flags in scalar_baseline.cpp), both in this process. items_per_second counts run-steps; bench/compare_torch.py prints ns per item.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "batch/batch_runs.h"
#include "scalar_baseline.h"

namespace {

using adamlab::batch::Arithmetic;

const char* const kOptimizers[] = {"adadelta", "adagrad", "adam", "adamax", "adamw",
                                   "nadam",    "radam",   "rmsprop", "sgd"};

std::shared_ptr<const adamlab::Problem> rosenbrock() {
  static std::shared_ptr<const adamlab::Problem> p = adamlab::make_problem(adamlab::parse_spec("rosenbrock"));
  return p;
}

// A 2D sweep shape: lr on a log axis (256 values) x the second key on a linear axis.
adamlab::batch::BatchConfig sweep_config(const std::string& optimizer, Eigen::Index runs, Arithmetic arithmetic) {
  adamlab::batch::BatchConfig c;
  c.problem = rosenbrock();
  c.start = {-1.5, 2.0};
  c.optimizer = adamlab::parse_spec(optimizer == "sgd" ? "sgd:lr=0.001" : optimizer);
  c.runs = runs;
  Eigen::ArrayXd lr(runs);
  for (Eigen::Index i = 0; i < runs; ++i) lr[i] = 1e-4 * std::pow(1e4, (i % 256) / 255.0);
  c.per_run = {{"lr", lr}};
  c.arithmetic = arithmetic;
  return c;
}

void batched(benchmark::State& state, const std::string& optimizer, Arithmetic arithmetic) {
  const Eigen::Index runs = state.range(0);
  const std::int64_t steps = state.range(1);
  for (auto _ : state) {
    adamlab::batch::BatchRuns batch(sweep_config(optimizer, runs, arithmetic));
    batch.advance(steps);
    benchmark::DoNotOptimize(batch.loss());
  }
  state.SetItemsProcessed(state.iterations() * runs * steps);
}

void scalar_loop(benchmark::State& state, const std::string& optimizer) {
  const Eigen::Index runs = state.range(0);
  const std::int64_t steps = state.range(1);
  for (auto _ : state) benchmark::DoNotOptimize(scalar_runs(optimizer, runs, steps));
  state.SetItemsProcessed(state.iterations() * runs * steps);
}

// The figure of the issue: Adam on Rosenbrock, 65,536 runs x 1000 steps.
void BM_BatchAdamRosenbrock(benchmark::State& s) { batched(s, "adam", Arithmetic::kUnfused); }
void BM_BatchAdamRosenbrockFused(benchmark::State& s) { batched(s, "adam", Arithmetic::kFused); }
void BM_ScalarAdamRosenbrock(benchmark::State& s) { scalar_loop(s, "adam"); }
BENCHMARK(BM_BatchAdamRosenbrock)->Args({65536, 1000})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BatchAdamRosenbrockFused)->Args({65536, 1000})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScalarAdamRosenbrock)->Args({512, 1000})->Unit(benchmark::kMillisecond);

}  // namespace

// Every optimizer: batched (unfused and fused) against the scalar loop, 200 steps.
static const int kRegistered = [] {
  for (const char* name : kOptimizers) {
    const std::string n = name;
    benchmark::RegisterBenchmark(("BM_Batch/" + n).c_str(),
                                 [n](benchmark::State& s) { batched(s, n, Arithmetic::kUnfused); })
        ->Args({16384, 200})
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_BatchFused/" + n).c_str(),
                                 [n](benchmark::State& s) { batched(s, n, Arithmetic::kFused); })
        ->Args({16384, 200})
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_Scalar/" + n).c_str(), [n](benchmark::State& s) { scalar_loop(s, n); })
        ->Args({256, 200})
        ->Unit(benchmark::kMillisecond);
  }
  return 0;
}();
