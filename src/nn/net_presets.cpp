#include "nn/net_presets.h"

// The spirals as TensorFlow Playground teaches them: sin x and sin y beside x and y let an 8x8
// network wind its boundary round the arms within a few hundred steps (on x and y alone it needs
// thousands, too many for a lesson or a test).
#define ADAMLAB_SPIRALS_MODEL "mlp:hidden=8x8,activation=tanh,features=x+y+sinx+siny"
// Few noisy points and a network with hundreds of weights: it can memorise the training set.
#define ADAMLAB_OVERFIT_DATA "moons:n=40,noise=0.6,test_fraction=0.5"
#define ADAMLAB_OVERFIT_MODEL "mlp:hidden=16x16,activation=tanh,features=x+y"

namespace adamlab {

// Specs are written in full form (every key, as the scene stores them and a link writes them back).
// Each caption states only what tests/net_presets_test.cpp asserts on the scene as it plays; the
// numbers are as measured with seed 1.
const std::vector<NetPreset>& net_presets() {
  static const std::vector<NetPreset> all = {
      {"net-race", "Adam vs SGD vs momentum on the spirals",
       "At the learning rates each is usually started with (Adam 0.01, SGD and momentum 0.1), Adam is the "
       "first below a train loss of 0.3 and averages 0.15 over the last 100 of 400 steps. Momentum keeps up "
       "but its loss jumps between 0.15 and 0.47, and plain SGD is still above 0.6.",
       {"spirals:n=200,noise=0.1,test_fraction=0.3,classes=2", ADAMLAB_SPIRALS_MODEL, 10, 1},
       {{"adam:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""},
        {"sgd:lr=0.1,momentum=0,dampening=0,weight_decay=0,nesterov=false,maximize=false", ""},
        {"sgd:lr=0.1,momentum=0.9,dampening=0,weight_decay=0,nesterov=false,maximize=false", ""}},
       400,
       50},
      {"net-lr", "Learning rate: too small, right, too large",
       "Adam with lr 0.001 crawls (train loss 0.71 to 0.67 in 300 steps), and lr 0.03 is below 0.3 by step "
       "120 and ends near 0.12. lr 1 does not blow up but bounces: it never gets below 0.6, and over its last "
       "100 steps it does worse on average than the untrained network's 0.71.",
       {"spirals:n=100,noise=0.1,test_fraction=0.3,classes=2", ADAMLAB_SPIRALS_MODEL, 10, 1},
       {{"adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""},
        {"adam:lr=0.03,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""},
        {"adam:lr=1,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""}},
       300,
       40},
      {"net-beta1", "beta1: averaging the minibatch gradients",
       "beta1 sets how many minibatch gradients Adam's m averages: with beta1 0 the train loss rises on 109 "
       "of 300 steps, with 0.9 on 35 and with 0.99 on only 3. But 0.99's long memory makes it the slowest: "
       "it is the last below 0.5 and ends highest (0.48, against 0.29 and 0.09).",
       {"spirals:n=100,noise=0.1,test_fraction=0.3,classes=2", ADAMLAB_SPIRALS_MODEL, 10, 1},
       {{"adam:lr=0.01,beta1=0,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""},
        {"adam:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""},
        {"adam:lr=0.01,beta1=0.99,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""}},
       300,
       40},
      {"net-beta2", "beta2 near 1 on sparse features",
       "64 rare binary features, each on for 2% of the points: Adam with beta2 0.9 fits the training points a "
       "little faster, but its weights grow twice as large (norm 58 against 26) and its test loss turns up "
       "after about step 90 to end at 0.44. With beta2 0.999 the test loss keeps falling, to 0.17.",
       {"sparse:n=300,noise=0.1,test_fraction=0.3,features=64,active=0.02",
        "mlp:hidden=none,activation=tanh,features=x+y", 10, 1},
       {{"adam:lr=0.1,beta1=0.9,beta2=0.9,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""},
        {"adam:lr=0.1,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""}},
       300,
       40},
      {"net-decay", "A decaying learning rate lets the loss settle",
       "With a constant lr of 0.05 Adam's train loss keeps jumping between 0.009 and 0.031 over the last 100 "
       "of 400 steps. Halving the lr every 100 steps (StepLR) or annealing it to 0 (CosineAnnealingLR) lets "
       "it settle: their last 100 steps span 0.0018 and 0.0012, and both end below the constant run's "
       "average.",
       {"sine:n=100,noise=0.1,test_fraction=0.3", "mlp:hidden=8x8,activation=tanh,features=x", 10, 1},
       {{"adam:lr=0.05,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""},
        {"adam:lr=0.05,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", "step:step_size=100,gamma=0.5"},
        {"adam:lr=0.05,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", "cosine:T_max=400,eta_min=0"}},
       400,
       50},
      {"net-weight-decay", "Weight decay and the test loss",
       "A 16x16 network on 20 noisy points: without weight decay it fits them all (train loss 0.004) and its "
       "test loss climbs back from 0.19 to 0.61. weight_decay 0.003 and 0.01 keep the weights smaller and "
       "end with test losses of 0.37 and 0.18: the more decay, the smaller the gap between train and test.",
       {ADAMLAB_OVERFIT_DATA, ADAMLAB_OVERFIT_MODEL, 10, 1},
       {{"adam:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false", ""},
        {"adam:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0.003,amsgrad=false,maximize=false", ""},
        {"adam:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0.01,amsgrad=false,maximize=false", ""}},
       300,
       40},
      {"net-adamw", "AdamW vs Adam's L2",
       "At the same lr 0.01 and weight_decay 0.01, Adam's L2 (added to the gradient, so divided by the root "
       "of v with it) shrinks the weights to norm 5.1 and the test loss to 0.18, while AdamW's decoupled decay "
       "(lr*0.01 of each weight per step) leaves norm 7.8 and test loss 0.60. AdamW needs weight_decay 1 to "
       "regularise as much (norm 4.0, test loss 0.19).",
       {ADAMLAB_OVERFIT_DATA, ADAMLAB_OVERFIT_MODEL, 10, 1},
       {{"adam:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0.01,amsgrad=false,maximize=false", ""},
        {"adamw:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0.01,amsgrad=false,maximize=false", ""},
        {"adamw:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=1,amsgrad=false,maximize=false", ""}},
       300,
       40},
  };
  return all;
}

#undef ADAMLAB_SPIRALS_MODEL
#undef ADAMLAB_OVERFIT_DATA
#undef ADAMLAB_OVERFIT_MODEL

const NetPreset* find_net_preset(const std::string& name) {
  for (const auto& p : net_presets())
    if (p.name == name) return &p;
  return nullptr;
}

NetScene make_net_preset_scene(const NetPreset& preset) {
  NetScene scene(preset.task);
  scene.set_step_limit(preset.step_limit);
  scene.set_speed(preset.speed);
  for (const auto& run : preset.runs) scene.add_run(run.optimizer, run.scheduler);
  return scene;
}

}  // namespace adamlab
