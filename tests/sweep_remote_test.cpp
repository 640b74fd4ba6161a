// A sweep computed elsewhere (the browser's Web Worker): the config survives its text form
// exactly, and a session fed the other job's cells reads as one that computed them itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/error.h"
#include "sim/scene.h"
#include "sim/sweep_state.h"
#include "sim/sweep_wire.h"

namespace {

using namespace adamlab;

SweepRequest request() {
  SweepRequest r;
  r.x = "lr=1e-3:0.3:log:24";
  r.y = "beta2=0.9:0.9999:log1m:10";
  r.steps = 150;
  r.metric = "steps_to:0.01";
  r.seeds = 2;
  return r;
}

Scene noisy_scene() {
  Scene scene = Scene::with_default_runs();
  GradientNoise noise = parse_noise("gaussian:std=0.3,relative=true");
  noise.seed = 12345678901234ull;
  scene.set_noise(noise);
  scene.set_start(-1.2345678901234567, 1.0000000000000002);
  return scene;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

TEST(SweepWire, RoundTripsEveryFieldExactly) {
  const Scene scene = noisy_scene();
  const SweepConfig a = sweep_config(request(), scene, scene.runs().front().optimizer);
  const SweepConfig b = sweep_config_from_wire(sweep_config_to_wire(a));
  EXPECT_EQ(to_string(b.problem), to_string(a.problem));
  EXPECT_EQ(b.start.x(), a.start.x());
  EXPECT_EQ(b.start.y(), a.start.y());
  EXPECT_EQ(to_string(b.optimizer), to_string(a.optimizer));
  EXPECT_EQ(b.x.text, a.x.text);
  EXPECT_EQ(b.y.values(), a.y.values());
  EXPECT_EQ(b.steps, a.steps);
  EXPECT_EQ(b.metric.kind, a.metric.kind);
  EXPECT_EQ(b.metric.threshold, a.metric.threshold);
  EXPECT_EQ(b.noise.std, a.noise.std);
  EXPECT_EQ(b.noise.relative, a.noise.relative);
  EXPECT_EQ(b.noise.seed, a.noise.seed);
  EXPECT_EQ(b.seeds, a.seeds);
  EXPECT_EQ(b.arithmetic, a.arithmetic);
  EXPECT_EQ(sweep_config_to_wire(b), sweep_config_to_wire(a));
}

// A typed function's text may hold newlines, tabs and '%'-free anything: the wire is line-based,
// so the spec must come back byte for byte and the worker's job compute the same cells.
TEST(SweepWire, ATypedFunctionCrossesTheWireIntact) {
  SweepConfig a;
  a.problem = parse_spec("expr:a*(y - x^2)^2\n + (1-x)^2;\ta=10;\r\nstart=-1,1; view=-2,2,-1,3");
  a.start = {-1.0, 1.0};
  a.optimizer = parse_spec("adam");
  a.x = parse_sweep_axis("lr=1e-3:0.5:log:6", "x");
  a.y = parse_sweep_axis("beta1=0:0.9:lin:3", "y");
  a.steps = 50;
  a.metric = parse_sweep_metric("best_loss");
  const std::string wire = sweep_config_to_wire(a);
  EXPECT_EQ(std::count(wire.begin(), wire.end(), '\n'), 10) << wire;  // one line per field
  const SweepConfig b = sweep_config_from_wire(wire);
  EXPECT_EQ(to_string(b.problem), to_string(a.problem));
  EXPECT_EQ(sweep_config_to_wire(b), wire);
  SweepJob local(a), worker(b);
  local.advance(1'000'000'000);
  worker.advance(1'000'000'000);
  ASSERT_TRUE(local.done() && worker.done());
  EXPECT_TRUE(same_bits(worker.metric(), local.metric()));
  EXPECT_THROW(sweep_config_from_wire("problem expr:x%4\n"), Error);
}

TEST(SweepWire, RejectsTextItDidNotWrite) {
  EXPECT_THROW(sweep_config_from_wire(""), Error);
  EXPECT_THROW(sweep_config_from_wire("problem rosenbrock\nbogus 1\n"), Error);
}

TEST(SweepSession, RemoteSweepShowsTheCellsItReceivesAndMatchesALocalOne) {
  const Scene scene = noisy_scene();
  const SceneRun& run = scene.runs().front();
  SweepSession local;
  local.start(request(), scene, run.optimizer, run.id);
  while (local.running()) local.tick(50);

  SweepSession remote;
  remote.set_remote(true);
  remote.start(request(), scene, run.optimizer, run.id);
  EXPECT_TRUE(remote.remote());
  EXPECT_TRUE(remote.running());
  EXPECT_EQ(remote.tick(50), 0);  // computed elsewhere
  SweepJob worker(sweep_config_from_wire(remote.wire_config()));
  std::size_t sent = 0;
  while (!worker.done()) {
    worker.advance(20'000);
    const std::size_t done = worker.cells_done();
    ASSERT_TRUE(remote.receive(remote.serial(), sent, done - sent, worker.metric().data() + sent, worker.progress(), 1.0));
    sent = done;
    EXPECT_EQ(remote.cells_done(), done);
  }
  EXPECT_TRUE(remote.finished());
  EXPECT_FALSE(remote.running());
  EXPECT_TRUE(same_bits(remote.metric(), local.metric()));
  EXPECT_EQ(remote.summary().finite, local.summary().finite);
  EXPECT_EQ(remote.summary().argmin, local.summary().argmin);
}

TEST(SweepSession, RemoteIgnoresStaleOrOutOfOrderResults) {
  const Scene scene = Scene::with_default_runs();
  SweepSession s;
  s.set_remote(true);
  s.start(request(), scene, scene.runs().front().optimizer, 1);
  const std::uint64_t first = s.serial();
  s.start(request(), scene, scene.runs().front().optimizer, 1);  // replaces the first
  const double v[3] = {1, 2, 3};
  EXPECT_FALSE(s.receive(first, 0, 3, v, 0.1, 1));
  EXPECT_FALSE(s.receive(s.serial(), 1, 2, v, 0.1, 1));  // not continuing the cells so far
  EXPECT_TRUE(s.receive(s.serial(), 0, 3, v, 0.1, 1));
  EXPECT_EQ(s.cells_done(), 3u);
  s.cancel();
  EXPECT_FALSE(s.receive(s.serial(), 3, 1, v, 0.2, 1));  // cancelled: the cells so far stay
  EXPECT_TRUE(s.cancelled());
  EXPECT_EQ(s.cells_done(), 3u);
}

TEST(SweepSession, ComputeHereFinishesARemoteSweepLocally) {
  const Scene scene = Scene::with_default_runs();
  SweepSession s;
  s.set_remote(true);
  s.start(request(), scene, scene.runs().front().optimizer, 1);
  s.compute_here();
  EXPECT_FALSE(s.remote());
  while (s.running()) s.tick(50);
  EXPECT_TRUE(s.finished());
  EXPECT_EQ(s.cells_done(), s.job().cells());
}

TEST(SweepSession, SwitchingToRemoteHandsOverARunningSweepFromItsFirstCell) {
  const Scene scene = Scene::with_default_runs();
  SweepSession s;
  s.start(request(), scene, scene.runs().front().optimizer, 1);
  s.tick(0.01);
  const std::uint64_t serial = s.serial();
  s.set_remote(true);
  EXPECT_TRUE(s.remote());
  EXPECT_TRUE(s.running());
  EXPECT_EQ(s.cells_done(), 0u);
  EXPECT_NE(s.serial(), serial);  // a worker result for the local attempt cannot land
}

}  // namespace
