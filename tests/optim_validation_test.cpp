// Spec -> optimizer: torch's validation messages, our spec errors, defaults, and the Optimizer
// interface's contract (spec round trip, clone, lr, state lifecycle).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "golden_json.h"

#include "core/error.h"
#include "optim/adadelta.h"
#include "optim/adagrad.h"
#include "optim/adam.h"
#include "optim/adamax.h"
#include "optim/adamw.h"
#include "optim/adapter.h"
#include "optim/nadam.h"
#include "optim/optimizer.h"
#include "optim/radam.h"
#include "optim/rmsprop.h"
#include "optim/sgd.h"

namespace adamlab {
namespace {

using nlohmann::json;

const json& golden() { return golden_json("optim_golden.json"); }

std::string error_of(const std::string& spec) {
  try {
    make_optimizer(parse_spec(spec));
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

template <class Options>
std::string validate_error(const Options& options) {
  try {
    validate(options);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

std::string minimal_spec(const std::string& name) { return name == "sgd" ? "sgd:lr=0.1" : name; }

std::string param(const Spec& spec, const std::string& key) {
  for (const auto& kv : spec.params)
    if (kv.first == key) return kv.second;
  return "(missing)";
}

TEST(OptimValidation, EveryTorchRuleGivesTorchsExactMessage) {
  const json& cases = golden()["validation"];
  ASSERT_GE(cases.size(), 50u);
  for (const auto& c : cases)
    EXPECT_EQ(error_of(c["spec"].get<std::string>()), c["message"].get<std::string>()) << c["spec"];
}

TEST(OptimValidation, SgdWithoutLrIsTorchsRequiredParameterError) {
  EXPECT_EQ(error_of("sgd:momentum=0.9"),
            "parameter group didn't specify a value of required optimization parameter lr");
}

TEST(OptimValidation, SgdWithoutLrStillReportsTorchsEarlierChecksFirst) {
  EXPECT_EQ(error_of("sgd:momentum=-1"), "Invalid momentum value: -1");
  EXPECT_EQ(error_of("sgd:nesterov=true"), "Nesterov momentum requires a momentum and zero dampening");
}

TEST(OptimValidation, SgdMisspeltLrReportsTheUnknownKeyFirst) {
  EXPECT_EQ(error_of("sgd:lrr=0.1"), "unknown optimizer key 'lrr' for sgd");
}

TEST(OptimValidation, UnknownKeyIsNamed) {
  EXPECT_EQ(error_of("adam:lr=0.1,beta=0.9"), "unknown optimizer key 'beta' for adam");
  // torch's tuple name is not ours: betas are beta1 and beta2
  EXPECT_EQ(error_of("adam:betas=0.9"), "unknown optimizer key 'betas' for adam");
  // options that exist elsewhere are still unknown here
  EXPECT_EQ(error_of("nadam:maximize=true"), "unknown optimizer key 'maximize' for nadam");
  EXPECT_EQ(error_of("radam:amsgrad=true"), "unknown optimizer key 'amsgrad' for radam");
}

TEST(OptimValidation, UnknownNameListsTheKnownOnes) {
  EXPECT_EQ(error_of("adamm"),
            "unknown optimizer 'adamm' (known: adadelta, adagrad, adam, adamax, adamw, nadam, radam, "
            "rmsprop, sgd)");
}

TEST(OptimValidation, MalformedBooleanNamesTheToken) {
  const std::string message = error_of("adam:amsgrad=yes");
  EXPECT_NE(message.find("'yes'"), std::string::npos) << message;
  EXPECT_NE(message.find("amsgrad"), std::string::npos) << message;
}

TEST(OptimValidation, MalformedNumberNamesTheToken) {
  for (const std::string token : {"abc", "0.1.2", "1e", "inf", "nan", "0x10", "1e999"}) {
    const std::string message = error_of("rmsprop:alpha=" + token);
    EXPECT_NE(message.find("'" + token + "'"), std::string::npos) << message;
  }
}

TEST(OptimValidation, OffendingValueIsQuotedAsWritten) {
  EXPECT_EQ(error_of("adam:lr=-1"), "Invalid learning rate: -1");
  EXPECT_EQ(error_of("adam:lr=-1.0"), "Invalid learning rate: -1.0");
  EXPECT_EQ(error_of("adam:lr=-1e-3"), "Invalid learning rate: -1e-3");
}

TEST(OptimValidation, OptionsFromCodeQuoteTheValueAsPythonPrintsAFloat) {
  AdamOptions adam;
  adam.lr = -1;
  EXPECT_EQ(validate_error(adam), "Invalid learning rate: -1.0");
  adam.lr = 1e-3;
  adam.beta1 = 1;
  EXPECT_EQ(validate_error(adam), "Invalid beta parameter at index 0: 1.0");
  adam.beta1 = 0.9;
  adam.eps = -1e-8;
  EXPECT_EQ(validate_error(adam), "Invalid epsilon value: -1e-08");
}

TEST(OptimValidation, NonFiniteNumbersFromCodeAreRejected) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  AdamOptions adam;
  adam.lr = inf;  // torch accepts lr=inf (0 <= inf); we do not
  EXPECT_EQ(validate_error(adam), "Invalid learning rate: inf");
  adam.lr = nan;
  EXPECT_EQ(validate_error(adam), "Invalid learning rate: nan");
  SgdOptions sgd(0.1);
  sgd.dampening = nan;  // torch checks nothing about dampening
  EXPECT_EQ(validate_error(sgd), "Invalid dampening value: nan");
  RmspropOptions rmsprop;
  rmsprop.alpha = inf;  // torch only asks alpha >= 0
  EXPECT_EQ(validate_error(rmsprop), "Invalid alpha value: inf");
  AdagradOptions adagrad;
  adagrad.initial_accumulator_value = inf;
  EXPECT_EQ(validate_error(adagrad), "Invalid initial_accumulator_value value: inf");
  AdadeltaOptions adadelta;
  adadelta.weight_decay = inf;
  EXPECT_EQ(validate_error(adadelta), "Invalid weight_decay value: inf");
  AdamaxOptions adamax;
  adamax.eps = inf;
  EXPECT_EQ(validate_error(adamax), "Invalid epsilon value: inf");
  AdamWOptions adamw;
  adamw.weight_decay = -inf;
  EXPECT_EQ(validate_error(adamw), "Invalid weight_decay value: -inf");
  NadamOptions nadam;
  nadam.momentum_decay = inf;
  EXPECT_EQ(validate_error(nadam), "Invalid momentum_decay value: inf");
  RadamOptions radam;
  radam.beta2 = nan;
  EXPECT_EQ(validate_error(radam), "Invalid beta parameter at index 1: nan");
}

TEST(OptimValidation, TorchsBoundaryValuesAreAccepted) {
  for (const std::string spec :
       {"adam:lr=0,eps=0,beta1=0,beta2=0,weight_decay=0", "adadelta:rho=1", "adadelta:rho=0",
        "rmsprop:alpha=2", "sgd:lr=0,dampening=-1", "sgd:lr=1,momentum=0.9,nesterov=true",
        "nadam:momentum_decay=0", "adam:beta1=0.9999999999"})
    EXPECT_EQ(error_of(spec), "(no error)") << spec;
}

TEST(OptimDefaults, SpecListsEveryOptionWithTorchsDefault) {
  const json& defaults = golden()["defaults"];
  ASSERT_EQ(defaults.size(), optimizer_names().size());
  for (const auto& name : optimizer_names()) {
    ASSERT_TRUE(defaults.contains(name)) << name;
    const Spec spec = make_optimizer(parse_spec(minimal_spec(name)))->spec();
    EXPECT_EQ(spec.name, name);
    ASSERT_EQ(spec.params.size(), defaults[name].size()) << to_string(spec);
    for (const auto& [key, value] : defaults[name].items()) {
      std::string want;
      if (value.is_boolean()) want = format_bool(value.get<bool>());
      else if (value.is_null()) want = "0.1";  // SGD's required lr: what we passed
      else want = format_number(value.get<double>());
      EXPECT_EQ(param(spec, key), want) << name << " " << key;
    }
  }
}

TEST(OptimDefaults, SpecKeysFollowTorchsArgumentOrder) {
  EXPECT_EQ(to_string(make_optimizer(parse_spec("adam"))->spec()),
            "adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false");
  EXPECT_EQ(to_string(make_optimizer(parse_spec("sgd:lr=0.1"))->spec()),
            "sgd:lr=0.1,momentum=0,dampening=0,weight_decay=0,nesterov=false,maximize=false");
}

TEST(OptimDefaults, OptionsStructsCarryTorchsDefaults) {
  EXPECT_EQ(AdamWOptions{}.weight_decay, 1e-2);
  EXPECT_EQ(AdamOptions{}.weight_decay, 0.0);
  EXPECT_EQ(AdadeltaOptions{}.lr, 1.0);
  EXPECT_EQ(AdamaxOptions{}.lr, 2e-3);
  EXPECT_EQ(NadamOptions{}.momentum_decay, 4e-3);
  EXPECT_EQ(AdagradOptions{}.eps, 1e-10);
}

TEST(OptimInterface, SpecRoundTripsThroughMakeOptimizer) {
  for (const std::string text :
       {"adam:lr=0.05,beta1=0.5,amsgrad=1,maximize=true", "sgd:lr=0.3,momentum=0.9,nesterov=true",
        "rmsprop:centered=true,momentum=0.1", "adagrad:lr_decay=0.01", "adadelta:rho=0.5",
        "adamax:beta2=0.99", "adamw:weight_decay=0", "nadam:momentum_decay=0.1", "radam:eps=1e-6"}) {
    const Spec spec = make_optimizer(parse_spec(text))->spec();
    EXPECT_EQ(to_string(make_optimizer(spec)->spec()), to_string(spec)) << text;
  }
}

TEST(OptimInterface, BadSpecLeavesTheCurrentOptimizerUntouched) {
  auto optimizer = make_optimizer(parse_spec("adam:lr=0.1"));
  Vec param = Vec::Constant(2, 1.0);
  optimizer->step(param, Vec::Constant(2, 0.5));
  const auto before = optimizer->state();
  const std::string spec_before = to_string(optimizer->spec());
  for (const std::string bad : {"adam:lr=-1", "adam:lr=0.1,amsgrad=maybe", "adam:lr=0.1,foo=1", "adamx"}) {
    EXPECT_THROW(optimizer = make_optimizer(parse_spec(bad)), Error) << bad;
    ASSERT_TRUE(optimizer) << bad;
  }
  EXPECT_EQ(to_string(optimizer->spec()), spec_before);
  const auto after = optimizer->state();
  EXPECT_EQ(after.step, before.step);
  ASSERT_EQ(after.buffers.size(), before.buffers.size());
  for (std::size_t i = 0; i < after.buffers.size(); ++i) EXPECT_EQ(after.buffers[i].second, before.buffers[i].second);
}

TEST(OptimInterface, ConstructorFromCodeValidates) {
  AdamOptions bad;
  bad.beta2 = 1.0;
  EXPECT_THROW(OptimizerAdapter<AdamAlgorithm>{bad}, Error);
}

TEST(OptimInterface, StateIsCreatedLazilyOnTheFirstStep) {
  for (const auto& name : optimizer_names()) {
    auto optimizer = make_optimizer(parse_spec(minimal_spec(name) + (name == "sgd" ? ",momentum=0.9" : "")));
    EXPECT_EQ(optimizer->state().step, 0) << name;
    EXPECT_TRUE(optimizer->state().buffers.empty()) << name;
    Vec param = Vec::Constant(3, 1.0);
    optimizer->step(param, Vec::Constant(3, 0.25));
    EXPECT_EQ(optimizer->state().step, 1) << name;
    EXPECT_FALSE(optimizer->state().buffers.empty()) << name;
    for (const auto& buffer : optimizer->state().buffers) EXPECT_EQ(buffer.second.size(), 3) << name;
  }
}

TEST(OptimInterface, StateBuffersAreNamedAsTorchNamesThem) {
  auto names = [](const std::string& spec) {
    auto optimizer = make_optimizer(parse_spec(spec));
    Vec param = Vec::Constant(2, 1.0);
    optimizer->step(param, Vec::Constant(2, 0.25));
    std::string out;
    for (const auto& b : optimizer->state().buffers) out += b.first + " ";
    for (const auto& s : optimizer->state().scalars) out += s.first + " ";
    return out;
  };
  EXPECT_EQ(names("adam:amsgrad=true"), "exp_avg exp_avg_sq max_exp_avg_sq ");
  EXPECT_EQ(names("sgd:lr=0.1"), "");
  EXPECT_EQ(names("sgd:lr=0.1,momentum=0.5"), "momentum_buffer ");
  EXPECT_EQ(names("rmsprop:momentum=0.5,centered=true"), "square_avg momentum_buffer grad_avg ");
  EXPECT_EQ(names("adagrad"), "sum ");
  EXPECT_EQ(names("adadelta"), "square_avg acc_delta ");
  EXPECT_EQ(names("adamax"), "exp_avg exp_inf ");
  EXPECT_EQ(names("nadam"), "exp_avg exp_avg_sq mu_product ");
}

TEST(OptimInterface, CloneCopiesStateAndThenDivergesIndependently) {
  auto original = make_optimizer(parse_spec("nadam:lr=0.1"));
  Vec p = Vec::Constant(2, 1.0);
  original->step(p, Vec::Constant(2, 0.5));
  auto copy = original->clone();
  Vec p1 = p, p2 = p;
  original->step(p1, Vec::Constant(2, 0.5));
  copy->step(p2, Vec::Constant(2, 0.5));
  EXPECT_EQ(p1, p2);
  copy->step(p2, Vec::Constant(2, 0.5));
  EXPECT_EQ(original->state().step, 2);
  EXPECT_EQ(copy->state().step, 3);
}

TEST(OptimInterface, SetLrChangesTheNextStepAndTheSpec) {
  auto optimizer = make_optimizer(parse_spec("sgd:lr=0.1"));
  optimizer->set_lr(0.5);
  EXPECT_EQ(optimizer->lr(), 0.5);
  EXPECT_EQ(param(optimizer->spec(), "lr"), "0.5");
  Vec p = Vec::Constant(2, 1.0);
  optimizer->step(p, Vec::Constant(2, 1.0));
  EXPECT_EQ(p, Vec::Constant(2, 0.5));
}

TEST(OptimInterface, GradientOfTheWrongSizeIsAnError) {
  auto optimizer = make_optimizer(parse_spec("adam"));
  Vec p = Vec::Zero(2);
  EXPECT_THROW(optimizer->step(p, Vec::Zero(3)), Error);
  optimizer->step(p, Vec::Zero(2));
  Vec q = Vec::Zero(4);
  EXPECT_THROW(optimizer->step(q, Vec::Zero(4)), Error);
}

TEST(OptimKernels, KernelsRunOnFloatVectorsOfAnyLength) {
  // The same kernel template serves float32; it tracks the float64 path to float precision.
  const int n = 1000;
  VecX<float> pf = VecX<float>::LinSpaced(n, -1.0f, 1.0f), gf = pf * 0.5f;
  VecX<double> pd = pf.cast<double>(), gd = gf.cast<double>();
  AdamState<float> sf;
  AdamState<double> sd;
  AdamOptions o;
  o.lr = 0.01;
  o.amsgrad = true;
  for (int k = 0; k < 10; ++k) {
    adam_step<float>(pf, gf, sf, o);
    adam_step<double>(pd, gd, sd, o);
  }
  EXPECT_LT((pf.cast<double>() - pd).cwiseAbs().maxCoeff(), 1e-6);
}

TEST(OptimKernels, NanGradientPropagatesThroughAmsgradMax) {
  // torch.maximum propagates NaN; a std::max port would silently keep the old maximum.
  auto optimizer = make_optimizer(parse_spec("adam:amsgrad=true"));
  Vec p = Vec::Zero(2);
  optimizer->step(p, Vec::Constant(2, 1.0));
  Vec g(2);
  g << std::numeric_limits<double>::quiet_NaN(), 1.0;
  optimizer->step(p, g);
  EXPECT_TRUE(std::isnan(p[0]));
  EXPECT_FALSE(std::isnan(p[1]));
  EXPECT_TRUE(std::isnan(optimizer->state().buffers[2].second[0]));
}

}  // namespace
}  // namespace adamlab
