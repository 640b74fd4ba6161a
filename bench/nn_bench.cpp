// One training step of the network mode: forward + backward on one minibatch and the optimizer's
// step, on the default task (NetTaskConfig: spirals, mlp 8x8 tanh on x, y, sin x, sin y, batch 10) or
// a wider one.
//   BM_NetStep/<opt>/<width>   NetRun::step_only (what a sweep cell runs; the page also evaluates
//                              the whole train and test sets per kept row, BM_NetRow).
//   BM_NetRow/<width>          NetRun::row: loss and accuracy on the whole train and test sets.
// items_per_second counts steps; bench/compare_torch_nn.py times torch 1.13 on the same network
// and batch in the same run and prints the ratio.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "nn/net_run.h"
#include "nn/net_task.h"
#include "optim/optimizer.h"

namespace {

using adamlab::NetRun;
using adamlab::NetTask;
using adamlab::NetTaskConfig;

std::shared_ptr<const NetTask> task_of_width(std::int64_t width) {
  NetTaskConfig config;  // the page's default task
  if (width != 8) config.model = "mlp:hidden=" + std::to_string(width) + "x" + std::to_string(width) + ",features=x+y+sinx+siny";
  return std::make_shared<const NetTask>(config);
}

const char* kOptimizers[] = {"sgd:lr=0.1", "sgd:lr=0.1,momentum=0.9", "adam:lr=0.01", "rmsprop:lr=0.01"};

void BM_NetStep(benchmark::State& st) {
  const auto task = task_of_width(st.range(1));
  const std::string spec = kOptimizers[st.range(0)];
  NetRun run(task, adamlab::make_optimizer(adamlab::parse_spec(spec)), nullptr);
  for (auto _ : st) benchmark::DoNotOptimize(run.step_only());
  st.SetItemsProcessed(st.iterations());
  st.SetLabel(spec + " params=" + std::to_string(task->mlp().parameter_count()));
}
BENCHMARK(BM_NetStep)->ArgsProduct({{0, 1, 2, 3}, {8}})->ArgsProduct({{2}, {16, 64}});

void BM_NetRow(benchmark::State& st) {
  const auto task = task_of_width(st.range(0));
  NetRun run(task, adamlab::make_optimizer(adamlab::parse_spec("adam:lr=0.01")), nullptr);
  for (auto _ : st) benchmark::DoNotOptimize(run.row());
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_NetRow)->Arg(8)->Arg(64);

}  // namespace
