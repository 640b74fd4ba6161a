// The network sweep's performance floor (issue 11): a 32 x 32 lr x beta1 sweep of 300-step Adam
// trainings of the default network (NetTaskConfig: spirals, mlp:hidden=8x8 tanh, batch 10), the
// metric the final test loss, must finish in the page's sweep worker in under 5 s. This is the
// same SweepJob the worker runs (src/app/sweep_worker_main.cpp), timed whole, natively here and
// under Node with bench/run_wasm_bench.sh; tests/browser/network_sweep.mjs times the real worker.
#include <benchmark/benchmark.h>

#include <memory>

#include "nn/net_sweep.h"
#include "sim/sweep.h"

namespace {

void BM_NetSweep32x32x300(benchmark::State& st) {
  adamlab::SweepConfig c;
  c.optimizer = adamlab::parse_spec("adam");
  c.x = adamlab::parse_sweep_axis("lr=1e-4:1:log:32", "x");
  c.y = adamlab::parse_sweep_axis("beta1=0:0.99:lin:32", "y");
  c.steps = 300;
  c.metric = adamlab::parse_sweep_metric(st.range(0) ? "steps_to:0.3" : "test_loss");
  c.network = std::make_shared<adamlab::NetSweepSource>();
  for (auto _ : st) {
    adamlab::SweepJob job(c);  // builds the task, as the worker does
    while (!job.advance(100'000)) {
    }
    benchmark::DoNotOptimize(job.metric().data());
  }
  st.SetItemsProcessed(st.iterations() * 32 * 32 * 300);  // training steps
  st.SetLabel(st.range(0) ? "steps_to:0.3 (train loss every 5 steps)" : "test_loss");
}
BENCHMARK(BM_NetSweep32x32x300)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace
