// The constructor lines and Python literals of src/export/torch_names.h.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/error.h"
#include "export/scene_export.h"
#include "export/torch_names.h"
#include "nn/net_scene.h"
#include "sim/scene.h"

namespace adamlab::torch_export {
namespace {

std::string opt(const std::string& spec) { return optimizer_constructor(parse_spec(spec)); }
std::string sched(const std::string& spec) { return scheduler_constructor(parse_spec(spec)); }

TEST(TorchExport, PythonFloatIsPythonRepr) {
  EXPECT_EQ(python_float(0.05), "0.05");
  EXPECT_EQ(python_float(1e-8), "1e-08");
  EXPECT_EQ(python_float(1e-4), "0.0001");
  EXPECT_EQ(python_float(1e-5), "1e-05");
  EXPECT_EQ(python_float(1.0), "1.0");
  EXPECT_EQ(python_float(-2.5), "-2.5");
  EXPECT_EQ(python_float(1e15), "1000000000000000.0");
  EXPECT_EQ(python_float(1e16), "1e+16");
  EXPECT_EQ(python_float(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(python_float(6.283185307179586), "6.283185307179586");
  EXPECT_EQ(python_float(-0.0), "-0.0");
  EXPECT_EQ(python_float(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(python_float(std::nan("")), "nan");
  EXPECT_EQ(python_float(123456789.0), "123456789.0");
  EXPECT_EQ(python_float(1.5e300), "1.5e+300");
}

TEST(TorchExport, ConstructorLeavesOutTorchDefaults) {
  EXPECT_EQ(opt("adam"), "torch.optim.Adam(params)");
  EXPECT_EQ(opt("adam:lr=0.001,eps=1e-8"), "torch.optim.Adam(params)");
  EXPECT_EQ(opt("adam:lr=0.05,beta1=0.8"), "torch.optim.Adam(params, lr=0.05, betas=(0.8, 0.999))");
  EXPECT_EQ(opt("adamw:weight_decay=0.01,amsgrad=true"), "torch.optim.AdamW(params, amsgrad=True)");
  EXPECT_EQ(opt("rmsprop:centered=true,momentum=0.9"), "torch.optim.RMSprop(params, momentum=0.9, centered=True)");
  EXPECT_EQ(opt("nadam:beta2=0.99"), "torch.optim.NAdam(params, betas=(0.9, 0.99))");
}

TEST(TorchExport, SgdAlwaysHasItsRequiredLr) {
  EXPECT_EQ(opt("sgd:lr=0.001"), "torch.optim.SGD(params, lr=0.001)");
  EXPECT_EQ(opt("sgd:lr=0.1,momentum=0.9,nesterov=true"), "torch.optim.SGD(params, lr=0.1, momentum=0.9, nesterov=True)");
}

TEST(TorchExport, EveryOptimizerHasItsTorchClass) {
  EXPECT_EQ(optimizer_class("radam"), "RAdam");
  EXPECT_EQ(optimizer_class("adadelta"), "Adadelta");
  EXPECT_THROW(optimizer_class("lion"), Error);
}

TEST(TorchExport, SchedulerLineKeepsRequiredKeyAndIntegers) {
  EXPECT_EQ(sched("step:step_size=30,gamma=0.1"), "torch.optim.lr_scheduler.StepLR(optimizer, step_size=30)");
  EXPECT_EQ(sched("step:step_size=30,gamma=0.5"), "torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.5)");
  EXPECT_EQ(sched("exponential:gamma=0.9"), "torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.9)");
  EXPECT_EQ(sched("linear"), "torch.optim.lr_scheduler.LinearLR(optimizer)");
  EXPECT_EQ(sched("linear:total_iters=10,end_factor=1"), "torch.optim.lr_scheduler.LinearLR(optimizer, total_iters=10)");
  EXPECT_EQ(sched("cosine_warm_restarts:T_0=10,T_mult=2,eta_min=0"),
            "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=10, T_mult=2)");
}

TEST(TorchExport, InvalidSpecsThrowTorchMessages) {
  try {
    opt("adam:lr=-1");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "Invalid learning rate: -1");
  }
  EXPECT_THROW(sched("step"), Error);
}

TEST(TorchExport, SceneCodeCoversOneRunOrEveryRun) {
  Scene scene("rosenbrock");
  const int a = scene.add_run("adam:lr=0.05,beta1=0.8", "step:step_size=30");
  const int b = scene.add_run("sgd:lr=0.001");
  scene.step(10);
  const CodeExport one = landscape_code(scene, a);
  EXPECT_EQ(one.run.constructor, "torch.optim.Adam(params, lr=0.05, betas=(0.8, 0.999))");
  EXPECT_EQ(one.run.scheduler, "torch.optim.lr_scheduler.StepLR(optimizer, step_size=30)");
  EXPECT_NE(one.script.find("STEPS = 10\n"), std::string::npos);
  EXPECT_EQ(one.script.find("# run"), std::string::npos);
  const CodeExport all = landscape_code(scene, std::nullopt);
  ASSERT_EQ(all.runs.size(), 2u);
  EXPECT_EQ(all.runs[1].id, b);
  EXPECT_EQ(all.runs[1].scheduler, "");
  EXPECT_NE(all.script.find("print(\"# run " + std::to_string(b) + ": sgd:lr=0.001"), std::string::npos);
}

TEST(TorchExport, MissingRunOrEmptySceneIsAnError) {
  Scene scene("booth");
  EXPECT_THROW(landscape_code(scene, std::nullopt), Error);
  scene.add_run("adam");
  try {
    landscape_code(scene, 99);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "no run with id 99");
  }
}

TEST(TorchExport, NetworkSceneCodeEmbedsTheTask) {
  NetScene scene = NetScene::with_default_runs();
  const CodeExport code = network_code(scene, scene.runs().front().id);
  EXPECT_NE(code.script.find("TRAIN_X = torch.tensor("), std::string::npos);
  EXPECT_NE(code.script.find("INITIAL = ["), std::string::npos);
  EXPECT_NE(code.script.find("torch.nn.CrossEntropyLoss()"), std::string::npos);
  EXPECT_EQ(code.run.constructor.rfind("torch.optim.", 0), 0u);
}

}  // namespace
}  // namespace adamlab::torch_export
