// Every way make_scheduler rejects a spec, and the message that names the offending token.
#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "core/spec.h"
#include "sched/scheduler.h"

namespace adamlab {
namespace {

// The Error message make_scheduler throws for spec_text ("" when it does not throw).
std::string rejection(const std::string& spec_text) {
  try {
    make_scheduler(parse_spec(spec_text));
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

void expect_rejected(const std::string& spec_text, const std::string& message) {
  EXPECT_EQ(rejection(spec_text), message) << spec_text;
}

TEST(SchedValidation, NamesAreTheKnownSchedulers) {
  EXPECT_EQ(scheduler_names(),
            (std::vector<std::string>{"step", "exponential", "cosine", "linear", "cosine_warm_restarts"}));
}

TEST(SchedValidation, UnknownNameListsTheKnownOnes) {
  expect_rejected("onecycle:max_lr=1",
                  "unknown scheduler 'onecycle' (known: step, exponential, cosine, linear, cosine_warm_restarts)");
}

TEST(SchedValidation, UnknownKeyIsNamed) {
  expect_rejected("step:step_size=3,gama=0.5", "unknown scheduler key 'gama' for step");
  expect_rejected("exponential:gamma=0.5,last_epoch=3", "unknown scheduler key 'last_epoch' for exponential");
  expect_rejected("cosine:T_max=3,eta_max=1", "unknown scheduler key 'eta_max' for cosine");
  expect_rejected("linear:verbose=1", "unknown scheduler key 'verbose' for linear");
  expect_rejected("cosine_warm_restarts:T_0=3,T_i=2", "unknown scheduler key 'T_i' for cosine_warm_restarts");
}

TEST(SchedValidation, MissingRequiredKeyIsNamed) {
  expect_rejected("step", "scheduler step needs step_size");
  expect_rejected("step:gamma=0.5", "scheduler step needs step_size");
  expect_rejected("exponential", "scheduler exponential needs gamma");
  expect_rejected("cosine:eta_min=0.1", "scheduler cosine needs T_max");
  expect_rejected("cosine_warm_restarts:T_mult=2", "scheduler cosine_warm_restarts needs T_0");
}

TEST(SchedValidation, IntegerKeysMustBeWhole) {
  expect_rejected("step:step_size=2.5", "invalid integer for step step_size: '2.5'");
  expect_rejected("cosine:T_max=1.5", "invalid integer for cosine T_max: '1.5'");
  expect_rejected("linear:total_iters=0.5", "invalid integer for linear total_iters: '0.5'");
  // CosineAnnealingWarmRestarts checks isinstance(int) itself: torch's message.
  expect_rejected("cosine_warm_restarts:T_0=2.5", "Expected positive integer T_0, but got 2.5");
  expect_rejected("cosine_warm_restarts:T_0=3,T_mult=1.5", "Expected integer T_mult >= 1, but got 1.5");
  expect_rejected("cosine_warm_restarts:T_0=1e300", "Expected positive integer T_0, but got 1e+300");
}

TEST(SchedValidation, ScientificWholeNumbersAreIntegers) {
  EXPECT_EQ(to_string(make_scheduler(parse_spec("step:step_size=1e2"))->spec()), "step:step_size=100,gamma=0.1");
  EXPECT_EQ(to_string(make_scheduler(parse_spec("cosine_warm_restarts:T_0=2e1"))->spec()),
            "cosine_warm_restarts:T_0=20,T_mult=1,eta_min=0");
}

TEST(SchedValidation, IntegerRanges) {
  expect_rejected("step:step_size=0", "scheduler step needs step_size >= 1, got step_size=0");
  expect_rejected("step:step_size=-2", "scheduler step needs step_size >= 1, got step_size=-2");
  expect_rejected("cosine:T_max=0", "scheduler cosine needs T_max >= 1, got T_max=0");
  expect_rejected("linear:total_iters=-1", "scheduler linear needs total_iters >= 0, got total_iters=-1");
  expect_rejected("cosine_warm_restarts:T_0=0", "Expected positive integer T_0, but got 0");
  expect_rejected("cosine_warm_restarts:T_0=-3", "Expected positive integer T_0, but got -3");
  expect_rejected("cosine_warm_restarts:T_0=3,T_mult=0", "Expected integer T_mult >= 1, but got 0");
}

TEST(SchedValidation, LinearFactorRangesUseTorchMessages) {
  expect_rejected("linear:start_factor=1.5",
                  "Starting multiplicative factor expected to be between 0 and 1. (linear start_factor=1.5)");
  expect_rejected("linear:start_factor=-0.1",
                  "Starting multiplicative factor expected to be between 0 and 1. (linear start_factor=-0.1)");
  expect_rejected("linear:end_factor=1.01",
                  "Ending multiplicative factor expected to be between 0 and 1. (linear end_factor=1.01)");
  expect_rejected("linear:end_factor=-1",
                  "Ending multiplicative factor expected to be between 0 and 1. (linear end_factor=-1)");
}

TEST(SchedValidation, LinearRejectsZeroStartFactorThatTorchWouldDivideBy) {
  expect_rejected("linear:start_factor=0,total_iters=3",
                  "scheduler linear: start_factor=0 with total_iters=3 divides by zero on the first step "
                  "(torch raises ZeroDivisionError); use start_factor > 0");
  // With total_iters = 0 torch never divides: accepted, and the lr stays 0.
  const auto s = make_scheduler(parse_spec("linear:start_factor=0,total_iters=0"));
  double lr = s->start(0.1);
  EXPECT_EQ(lr, 0.0);
  EXPECT_EQ(s->step(lr), 0.0);
}

TEST(SchedValidation, NumbersMustBeFinitePlainDecimals) {
  expect_rejected("exponential:gamma=inf", "invalid number for exponential gamma: 'inf'");
  expect_rejected("exponential:gamma=nan", "invalid number for exponential gamma: 'nan'");
  expect_rejected("exponential:gamma=1e999", "invalid number for exponential gamma: '1e999' (out of range)");
  expect_rejected("step:step_size=3,gamma=abc", "invalid number for step gamma: 'abc'");
  expect_rejected("cosine:T_max=3,eta_min=0x1", "invalid number for cosine eta_min: '0x1'");
  expect_rejected("cosine_warm_restarts:T_0=3,eta_min=-inf", "invalid number for cosine_warm_restarts eta_min: '-inf'");
}

TEST(SchedValidation, DefaultsAreSpelledOutInSpec) {
  EXPECT_EQ(to_string(make_scheduler(parse_spec("step:step_size=30"))->spec()), "step:step_size=30,gamma=0.1");
  EXPECT_EQ(to_string(make_scheduler(parse_spec("cosine:T_max=10"))->spec()), "cosine:T_max=10,eta_min=0");
  EXPECT_EQ(to_string(make_scheduler(parse_spec("linear"))->spec()),
            "linear:start_factor=0.3333333333333333,end_factor=1,total_iters=5");
  EXPECT_EQ(to_string(make_scheduler(parse_spec("exponential:gamma=0.95"))->spec()), "exponential:gamma=0.95");
}

TEST(SchedValidation, TorchAcceptedEdgesAreAccepted) {
  EXPECT_EQ(rejection("exponential:gamma=0"), "");
  EXPECT_EQ(rejection("exponential:gamma=-0.5"), "");  // torch does not check gamma's sign
  EXPECT_EQ(rejection("step:step_size=1,gamma=2"), "");
  EXPECT_EQ(rejection("linear:start_factor=1,end_factor=0,total_iters=0"), "");
  EXPECT_EQ(rejection("cosine:T_max=1,eta_min=5"), "");
  EXPECT_EQ(rejection("cosine_warm_restarts:T_0=1,T_mult=1"), "");
}

}  // namespace
}  // namespace adamlab
