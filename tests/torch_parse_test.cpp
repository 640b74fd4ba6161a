// "PyTorch in" (src/export/torch_parse.h): pasted torch.optim constructors become AdamLab specs
// with torch's values, and everything it cannot map is refused with its position. The golden
// file is written by tests/golden/generate_torch_parse_golden.py running each paste in torch 1.13.
#include <gtest/gtest.h>

#include <string>

#include "export/torch_parse.h"
#include "export/torch_signatures.h"
#include "golden_json.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace adamlab {
namespace {

const nlohmann::json& golden() { return golden_json("torch_parse_golden.json"); }

std::string refusal(const std::string& text) {
  try {
    parse_torch_paste(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "(accepted)";
}

#define EXPECT_REFUSED(text, part) EXPECT_PRED_FORMAT2(::testing::IsSubstring, part, refusal(text))

double spec_number(const Spec& spec, const std::string& key) {
  for (const auto& kv : spec.params)
    if (kv.first == key) return parse_number(kv.second, key);
  ADD_FAILURE() << "no key " << key << " in " << to_string(spec);
  return 0;
}

// torch's value of an AdamLab key: betas split, bools as 0/1.
double torch_value(const nlohmann::json& group, const std::string& key) {
  if (key == "beta1") return group.at("betas").at(0).get<double>();
  if (key == "beta2") return group.at("betas").at(1).get<double>();
  const auto& v = group.at(key);
  return v.is_boolean() ? (v.get<bool>() ? 1.0 : 0.0) : v.get<double>();
}

double spec_value(const std::string& text) {
  if (text == "true") return 1;
  if (text == "false") return 0;
  return parse_number(text, "value");
}

TEST(TorchParseGolden, SignaturesAreTorchs) {
  const auto& sigs = golden().at("signatures");
  ASSERT_EQ(sigs.size(), torch_paste::signatures().size());
  for (const auto& sig : torch_paste::signatures()) {
    SCOPED_TRACE(sig.torch_class);
    const auto& torch_params = sigs.at(sig.torch_class);
    ASSERT_EQ(torch_params.size(), sig.params.size());
    for (std::size_t i = 0; i < sig.params.size(); ++i) {
      EXPECT_EQ(torch_params[i].at("name").get<std::string>(), sig.params[i].name);
      EXPECT_EQ(torch_params[i].at("required").get<bool>(), sig.params[i].required) << sig.params[i].name;
      EXPECT_EQ(torch_params[i].at("keyword_only").get<bool>(), sig.params[i].keyword_only) << sig.params[i].name;
    }
  }
}

// Every option of the optimizer (and scheduler) the paste builds equals what torch built from it.
TEST(TorchParseGolden, AcceptedPastesGiveTorchsOptions) {
  int compared = 0;
  for (const auto& c : golden().at("accepted")) {
    const std::string text = c.at("paste");
    SCOPED_TRACE(text);
    TorchPaste p;
    ASSERT_NO_THROW(p = parse_torch_paste(text));
    const auto sig = torch_paste::find_signature(c.at("optimizer").get<std::string>());
    ASSERT_NE(sig, nullptr);
    EXPECT_EQ(p.optimizer.name, sig->spec_name);
    const auto optimizer = make_optimizer(p.optimizer);
    const Spec full = optimizer->spec();
    const auto& group = c.at("group");
    // With a scheduler torch's group holds the scheduled lr; the configured one is initial_lr.
    const bool scheduled = c.contains("scheduler");
    for (const auto& kv : full.params) {
      const std::string key = scheduled && kv.first == "lr" ? "initial_lr" : kv.first;
      EXPECT_EQ(spec_value(kv.second), torch_value(group, key)) << kv.first;
      ++compared;
    }
    if (!scheduled) {
      EXPECT_EQ(p.scheduler_spec(), "");
      continue;
    }
    const auto ssig = torch_paste::find_signature(c.at("scheduler").get<std::string>());
    ASSERT_NE(ssig, nullptr);
    EXPECT_EQ(p.scheduler.name, ssig->spec_name);
    const auto scheduler = make_scheduler(p.scheduler);
    for (const auto& kv : scheduler->spec().params) {
      EXPECT_EQ(spec_value(kv.second), c.at("attributes").at(kv.first).get<double>()) << kv.first;
      ++compared;
    }
    // The lr the group holds once the scheduler is built (LinearLR scales it).
    EXPECT_EQ(scheduler->start(optimizer->lr()), group.at("lr").get<double>());
  }
  EXPECT_GT(compared, 250);
}

TEST(TorchParseGolden, RefusedPastesNameTorchsReason) {
  for (const auto& c : golden().at("refused")) {
    const std::string text = c.at("paste"), expect = c.at("expect");
    SCOPED_TRACE(text);
    const std::string message = refusal(text);
    EXPECT_NE(message.find(expect), std::string::npos) << message;
    EXPECT_NE(message.find(" at line "), std::string::npos) << message;
  }
}

TEST(TorchParse, KeywordsBecomeTheSpecInTorchsOrder) {
  const TorchPaste p = parse_torch_paste(
      "torch.optim.Adam(model.parameters(), amsgrad=True, lr=3e-4, betas=(0.9, 0.98), eps=1e-9, weight_decay=0.01)");
  EXPECT_EQ(p.optimizer_spec(), "adam:lr=0.0003,beta1=0.9,beta2=0.98,eps=1e-09,weight_decay=0.01,amsgrad=true");
  EXPECT_EQ(p.scheduler_spec(), "");
  EXPECT_TRUE(p.notes.empty());
}

TEST(TorchParse, ModulePrefixesAndBareNames) {
  EXPECT_EQ(parse_torch_paste("optim.AdamW(params)").optimizer_spec(), "adamw");
  EXPECT_EQ(parse_torch_paste("Adam(params, lr=0.1)").optimizer_spec(), "adam:lr=0.1");
  EXPECT_EQ(parse_torch_paste("opt = torch.optim.SGD(net.parameters(), lr=0.1)").optimizer_spec(), "sgd:lr=0.1");
  EXPECT_EQ(parse_torch_paste("self.opt = torch.optim.SGD(self.parameters(), 0.1)\n"
                              "self.sched = optim.lr_scheduler.StepLR(self.opt, 3)")
                .scheduler_spec(),
            "step:step_size=3");
}

TEST(TorchParse, PositionalArgumentsFollowTorchsOrder) {
  EXPECT_EQ(parse_torch_paste("SGD(p, 0.1, 0.9, 0, 5e-4, True)").optimizer_spec(),
            "sgd:lr=0.1,momentum=0.9,dampening=0,weight_decay=0.0005,nesterov=true");
  EXPECT_EQ(parse_torch_paste("RMSprop(p, 0.02, 0.95, 1e-7, 0.1, 0.3, True, None, True)").optimizer_spec(),
            "rmsprop:lr=0.02,alpha=0.95,eps=1e-07,weight_decay=0.1,momentum=0.3,centered=true,maximize=true");
  EXPECT_EQ(parse_torch_paste("Adagrad(p, 0.2, 0.1, 0.01, 0.5, 1e-9)").optimizer_spec(),
            "adagrad:lr=0.2,lr_decay=0.1,weight_decay=0.01,initial_accumulator_value=0.5,eps=1e-09");
  EXPECT_EQ(parse_torch_paste("Adadelta(p, 2, 0.8)").optimizer_spec(), "adadelta:lr=2,rho=0.8");
  EXPECT_EQ(parse_torch_paste("Adamax(p, 0.01, [0.7, 0.8])").optimizer_spec(), "adamax:lr=0.01,beta1=0.7,beta2=0.8");
  EXPECT_EQ(parse_torch_paste("NAdam(p, 0.01, (0.7, 0.8), 1e-5, 0.1, 0.01)").optimizer_spec(),
            "nadam:lr=0.01,beta1=0.7,beta2=0.8,eps=1e-05,weight_decay=0.1,momentum_decay=0.01");
  EXPECT_EQ(parse_torch_paste("RAdam(p, 0.01, (0.7, 0.8), 1e-5, 0.1)").optimizer_spec(),
            "radam:lr=0.01,beta1=0.7,beta2=0.8,eps=1e-05,weight_decay=0.1");
}

TEST(TorchParse, EverySchedulerMaps) {
  const std::string opt = "opt = torch.optim.SGD(model.parameters(), lr=0.1)\n";
  EXPECT_EQ(parse_torch_paste(opt + "StepLR(opt, step_size=30, gamma=0.1)").scheduler_spec(), "step:step_size=30,gamma=0.1");
  EXPECT_EQ(parse_torch_paste(opt + "ExponentialLR(opt, 0.95)").scheduler_spec(), "exponential:gamma=0.95");
  EXPECT_EQ(parse_torch_paste(opt + "torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=100)").scheduler_spec(),
            "cosine:T_max=100");
  EXPECT_EQ(parse_torch_paste(opt + "LinearLR(opt, start_factor=0.5, total_iters=20)").scheduler_spec(),
            "linear:start_factor=0.5,total_iters=20");
  EXPECT_EQ(parse_torch_paste(opt + "lr_scheduler.CosineAnnealingWarmRestarts(opt, 10, 2, 1e-6)").scheduler_spec(),
            "cosine_warm_restarts:T_0=10,T_mult=2,eta_min=1e-06");
  // The names AdamLab gives these schedulers are the scheduler registry's.
  for (const auto& sig : torch_paste::signatures())
    if (sig.scheduler) EXPECT_EQ(scheduler_torch_class(sig.spec_name), sig.torch_class);
}

TEST(TorchParse, PythonLiteralForms) {
  EXPECT_EQ(parse_torch_paste("Adam(p, lr=1, eps=1E-3, weight_decay=+0.5,)").optimizer_spec(),
            "adam:lr=1,eps=0.001,weight_decay=0.5");
  EXPECT_EQ(parse_torch_paste("Adam(p, lr=.5e-1, betas=(0.9, 0.999,), weight_decay=1_0e-3)").optimizer_spec(),
            "adam:lr=0.05,beta1=0.9,beta2=0.999,weight_decay=0.01");
  EXPECT_EQ(parse_torch_paste("SGD(p, lr=1.0, momentum=0.)").optimizer_spec(), "sgd:lr=1.0,momentum=0.0");
  EXPECT_EQ(parse_torch_paste("Adam(p, foreach=None, capturable=False, fused=False, differentiable=False)").optimizer_spec(),
            "adam");
}

TEST(TorchParse, CommentsContinuationsImportsAndConstants) {
  const TorchPaste p = parse_torch_paste(
      "import torch\nfrom torch.optim.lr_scheduler import StepLR\n"
      "# tuned on the dev set\n"
      "    base_lr = 3e-4; decay = (0.9, 0.98)\n"
      "optimizer = torch.optim.AdamW(model.parameters(), lr=base_lr,  # the lr\n"
      "                              betas=decay) \\\n"
      "\n"
      "scheduler = StepLR(optimizer,\n step_size=30)\n");
  EXPECT_EQ(p.optimizer_spec(), "adamw:lr=0.0003,beta1=0.9,beta2=0.98");
  EXPECT_EQ(p.scheduler_spec(), "step:step_size=30");
}

TEST(TorchParse, NoEffectArgumentsAreAcceptedWithANote) {
  const TorchPaste p = parse_torch_paste("o = SGD(p, lr=0.1, foreach=True)\ns = ExponentialLR(o, 0.9, verbose=True)");
  EXPECT_EQ(p.optimizer_spec(), "sgd:lr=0.1");
  ASSERT_EQ(p.notes.size(), 2u);
  EXPECT_NE(p.notes[0].find("foreach=True at line 1, column 20"), std::string::npos) << p.notes[0];
  EXPECT_NE(p.notes[1].find("verbose=True at line 2, column 27"), std::string::npos) << p.notes[1];
}

TEST(TorchParse, ValidationErrorsPointAtTheArgument) {
  EXPECT_EQ(refusal("torch.optim.Adam(model.parameters(), lr=-1)"), "Invalid learning rate: -1 at line 1, column 38");
  EXPECT_EQ(refusal("Adam(p, lr=0.1, betas=(0.9, 1.5))"), "Invalid beta parameter at index 1: 1.5 at line 1, column 17");
  EXPECT_EQ(refusal("SGD(p, 0.1, 0.9, 0.1, 0, True)"),
            "Nesterov momentum requires a momentum and zero dampening at line 1, column 26");
  EXPECT_EQ(refusal("o = SGD(p, 0.1)\nStepLR(o, step_size=0)"), "scheduler step needs step_size >= 1, got step_size=0 at line 2, column 11");
  EXPECT_REFUSED("Adam(p, lr=1e400)", "invalid number for adam lr: 'inf' at line 1, column 9");
}

TEST(TorchParse, UnmappableThingsAreNamedWithTheirPosition) {
  EXPECT_EQ(refusal("torch.optim.Adan(model.parameters())"),
            "unknown class 'torch.optim.Adan': not a torch.optim optimizer or lr_scheduler (did you mean 'Adam'?) at line 1, column 1");
  EXPECT_REFUSED("x = optim.Nadam(p)", "(did you mean 'NAdam'?) at line 1, column 5");
  EXPECT_REFUSED("torch.optim.Rprop(p)", "torch.optim.Rprop is not in AdamLab");
  EXPECT_REFUSED("o = SGD(p, 0.1)\nMultiStepLR(o, [30, 80])", "torch.optim.lr_scheduler.MultiStepLR is not in AdamLab");
  EXPECT_REFUSED("transformers.AdamW(p)", "'transformers.AdamW' is not torch.optim.AdamW");
  EXPECT_REFUSED("torch.optim.StepLR(o, 3)", "is not torch.optim.lr_scheduler.StepLR");
  EXPECT_REFUSED("model = Net()\nAdam(model.parameters())", "'Net(...)' is not a torch.optim optimizer or lr_scheduler constructor at line 1, column 9");
  EXPECT_EQ(refusal("Adam(p, capturable=True)").rfind("capturable=True cannot run here", 0), 0u);
  EXPECT_REFUSED("Adam(p, capturable=True)", "at line 1, column 9");
  EXPECT_REFUSED("Adam(p, fused=True)", "fused=True cannot run here");
  EXPECT_REFUSED("SGD(p, 0.1, differentiable=True)", "differentiable=True");
  EXPECT_REFUSED("o = SGD(p, 0.1)\nStepLR(o, 3, last_epoch=10)", "last_epoch=10 resumes a schedule");
  EXPECT_REFUSED("Adam([{'params': model.parameters()}, {'params': head, 'lr': 1e-3}], lr=1e-4)",
                 "parameter groups are not supported: an AdamLab run is one group (pass model.parameters()) at line 1, column 6");
  EXPECT_REFUSED("Adam(p, lr=base_lr)", "cannot resolve 'base_lr'");
  EXPECT_REFUSED("Adam(p, lr=base_lr)", "at line 1, column 12");
  EXPECT_REFUSED("Adam(p, lr=0.1 * 2)", "arithmetic ('*') is not supported: write the value itself at line 1, column 16");
  EXPECT_REFUSED("Adam(p, lr=args.lr)", "unsupported value: an expression");
  EXPECT_REFUSED("Adam(p, lr='0.1')", "unsupported value: a string");
  EXPECT_REFUSED("Adam(p, lr=True)", "lr must be a number, got True");
  EXPECT_REFUSED("Adam(p, amsgrad=1)", "amsgrad must be True or False, got 1");
  EXPECT_REFUSED("Adam(p, betas=(0.9,))", "betas must be a pair of numbers");
  EXPECT_REFUSED("Adam(p, **kwargs)", "'**' unpacking is not supported");
  EXPECT_REFUSED("Adam(p, lr=0.1, lr=0.2)", "Adam() got multiple values for argument 'lr' at line 1, column 17");
  EXPECT_REFUSED("Adam(p, betas=(0.9, 0.99), momentm=0.9)", "got an unexpected keyword argument 'momentm'");
  EXPECT_REFUSED("Adam(p, lr=0.1, 0.9)", "positional argument follows keyword argument");
  EXPECT_REFUSED("a = Adam(p)\nb = SGD(p, 0.1)", "a second optimizer (AdamLab's run has one; the first is at line 1, column 5) at line 2, column 5");
  EXPECT_REFUSED("o = SGD(p, 0.1)\nStepLR(optimizer, 3)", "the scheduler's optimizer 'optimizer' is not the pasted optimizer 'o' at line 2, column 8");
  EXPECT_REFUSED("StepLR(opt, 3)", "a scheduler needs the optimizer's constructor in the same paste");
  EXPECT_REFUSED("x = 1", "no torch.optim optimizer found");
  EXPECT_REFUSED("", "empty paste");
  EXPECT_REFUSED("# only a comment\n", "empty paste");
}

TEST(TorchParse, SyntaxErrorsHaveTheirPosition) {
  EXPECT_EQ(refusal("Adam(p, lr=0.1"), "'(' is never closed at line 1, column 5");
  EXPECT_EQ(refusal("Adam(p))"), "unmatched ')' at line 1, column 8");
  EXPECT_EQ(refusal("Adam(p, lr=\"0.1)"), "unterminated string at line 1, column 12");
  EXPECT_EQ(refusal("Adam(p, lr=0.1) $"), "unexpected character '$' at line 1, column 17");
  EXPECT_EQ(refusal("Adam(p, lr=1e)"), "invalid number '1e' at line 1, column 12");
  EXPECT_EQ(refusal("Adam(p, lr=0x10)"), "unsupported number '0x10' (write a decimal number) at line 1, column 12");
  EXPECT_EQ(refusal("Adam(p, lr=0.1) \\ x"), "a backslash continues a line only at its end at line 1, column 17");
  // Columns count characters, not bytes.
  EXPECT_EQ(refusal("# é\nAdam(p, lr=\"é\" é)"), "unexpected character 'é' at line 2, column 16");
}

TEST(TorchParse, LengthAndNestingAreBounded) {
  std::string longest = "Adam(p, lr=0.1)" + std::string(kMaxTorchPasteChars - 15, ' ');
  EXPECT_EQ(parse_torch_paste(longest).optimizer_spec(), "adam:lr=0.1");
  EXPECT_REFUSED(longest + " ", "paste too long: 8193 characters (at most 8192)");
  EXPECT_REFUSED("Adam(p, lr=" + std::string(2000, '(') + "0.1" + std::string(2000, ')') + ")", "nested too deeply");
  EXPECT_REFUSED("Adam(p, lr=" + std::string(3000, '-') + "0.1)", "nested too deeply");
  EXPECT_REFUSED(std::string("Adam(p)\0", 8), "NUL");
}

}  // namespace
}  // namespace adamlab
