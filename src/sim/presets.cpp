#include "sim/presets.h"

namespace adamlab {
namespace {

// The narrow valley most lessons share: 0.01 x^2 + y^2, curvature 0.02 along the floor and 2
// across it (condition number 100); plain SGD must keep lr below 2/2 = 1.
#define ADAMLAB_VALLEY "problem=quadratic:a=0.01&view=-10,2,-3,3&start=-9,2"

}  // namespace

// Each caption states only what tests/presets_test.cpp asserts on the scene as it plays.
const std::vector<Preset>& presets() {
  static const std::vector<Preset> all = {
      {"momentum", "Momentum in a narrow valley",
       "Plain SGD (lr 0.95) zig-zags across the steep walls of this long, narrow valley, crossing the floor on "
       "every step while it creeps along it. Momentum (beta 0.9) lets the across-valley pushes cancel in its "
       "buffer while the along-valley pushes add up, so it crosses the floor less than half as often, gets below "
       "every loss level on the chart sooner, and ends its 300 steps with a loss near 1e-13 against SGD's 1e-5.",
       ADAMLAB_VALLEY "&run=sgd:lr=0.95&run=sgd:lr=0.2,momentum=0.9&speed=30&limit=300"},
      {"rmsprop", "RMSProp: a step size per coordinate",
       "SGD's step is lr times the gradient, so the steep walls force a small lr and it zig-zags while creeping "
       "along the flat floor. RMSProp divides each coordinate's step by the root of its recent squared "
       "gradients, so its first step is as long along the flat floor as across the steep walls and it heads "
       "down the valley without a single zig-zag; along the floor the two paths coincide on the map, and the "
       "loss chart shows RMSProp below every level sooner.",
       ADAMLAB_VALLEY "&run=sgd:lr=0.95&run=rmsprop:lr=0.06&speed=30&limit=300"},
      {"adam", "Adam = momentum + RMSProp",
       "Adam keeps a momentum-like average of the gradients (m) and an RMSProp-like average of their squares "
       "(v), and steps by m over the root of v. With lr 0.5 and beta1 0.8 it gets below 0.1 and every lower loss "
       "level first in this narrow valley, ahead of momentum, then RMSProp, then plain SGD, and it ends lowest "
       "too.",
       ADAMLAB_VALLEY
       "&run=sgd:lr=0.95&run=sgd:lr=0.2,momentum=0.9&run=rmsprop:lr=0.06&run=adam:lr=0.5,beta1=0.8&speed=30"
       "&limit=300"},
      {"learning-rate", "Learning rate: too small, right, too large",
       "The same SGD with three learning rates on a bowl whose steep direction has curvature 2: lr 0.02 is "
       "stable but still far from the minimum after 300 steps, and lr 0.5 gets there. Above 2/2 = 1 every step "
       "lands farther up the opposite wall (with lr 3, five times farther), so that run bounces out of the "
       "picture and its loss grows until it overflows: it diverges after about 220 steps.",
       "problem=quadratic&start=-9,4&run=sgd:lr=0.02&run=sgd:lr=0.5&run=sgd:lr=3&speed=30&limit=300"},
      {"beta1", "beta1: how much momentum",
       "beta1 is how much of the past gradients Adam's m keeps. With beta1 0.5 m barely averages them and "
       "Adam follows the valley floor straight in; the default 0.9 gets near a little sooner but swings past the "
       "minimum and circles in, so 0.5 is first below 1e-4 and ends far lower, while 0.99 carries so much "
       "momentum that it swings far past the minimum and is still circling after 300 steps.",
       ADAMLAB_VALLEY "&run=adam:lr=0.3,beta1=0.5&run=adam:lr=0.3&run=adam:lr=0.3,beta1=0.99&speed=30&limit=300"},
      {"beta2", "beta2: how long v remembers",
       "beta2 sets how long Adam remembers gradient sizes (about 1/(1-beta2) steps). With beta2 0.9, v shrinks "
       "as fast as the tiny gradients near the minimum, so although it gets near first its steps stop shrinking "
       "and it keeps rattling around the minimum, its loss stuck between 1e-7 and 1e-4, while with 0.999 or "
       "0.9999 (their paths coincide on the map; the loss chart tells them apart) the memory of the larger "
       "earlier gradients keeps the steps shrinking and the loss falls below 1e-17: keep beta2 close to 1 when "
       "gradients get tiny or sparse.",
       "problem=quadratic&start=-9,4&run=adam:lr=0.1,beta2=0.9&run=adam:lr=0.1&run=adam:lr=0.1,beta2=0.9999"
       "&speed=50&limit=500"},
      {"eps", "eps when gradients are tiny",
       "On this very flat bowl the gradients are about 0.001 and shrinking. Adam divides by the root of v_hat "
       "plus eps, so with eps 1e-8 its steps stay about lr long, but eps 0.001 and 0.01 outweigh the root of "
       "v_hat (about |g|), shrink the step to about lr*|g|/eps and crawl.",
       "problem=quadratic:a=0.0001,b=0.0001&view=-10,2,-3,5&start=-9,4&run=adam:lr=0.05"
       "&run=adam:lr=0.05,eps=0.001&run=adam:lr=0.05,eps=0.01&speed=50&limit=500"},
      {"weight-decay", "Weight decay: L2 (Adam) vs decoupled (AdamW)",
       "Two runs use weight_decay 0.5, which pulls towards the origin and away from Rosenbrock's minimum at "
       "(1, 1) that plain Adam reaches. Adam adds 0.5*p to the gradient before dividing by the root of v, so it "
       "settles where the gradient plus 0.5*p is zero (its loss levels off near 0.10), while AdamW shrinks p by "
       "lr*0.5*p outside that division and is still creeping along the valley at the end (loss near 0.17); the "
       "three paths share one track on the map and only their ends differ, so watch the loss chart.",
       "problem=rosenbrock&start=-1.5,2&run=adam:lr=0.05,weight_decay=0.5&run=adamw:lr=0.05,weight_decay=0.5"
       "&run=adam:lr=0.05&speed=200&limit=3000"},
      {"amsgrad", "AMSGrad: never forget a large gradient",
       "AMSGrad divides by the largest v seen so far instead of the current one. After the steep drop into "
       "Rosenbrock's valley Adam's v forgets the big gradients and its steps along the flat floor grow back, "
       "while AMSGrad's stay smaller, so it falls behind: the two paths lie on top of each other on the map, but "
       "the loss chart shows AMSGrad getting below 1 and every lower level later, and ending higher.",
       "problem=rosenbrock&start=-1.5,2&run=adam:lr=0.05&run=adam:lr=0.05,amsgrad=true&speed=100&limit=1500"},
      {"maximize", "maximize=true climbs",
       "maximize=true makes the optimizer step up the gradient instead of down it. From the same start at (3, 0), "
       "Adam rolls down into Himmelblau's minimum at (3, 2) while Adam with maximize=true climbs all the way "
       "across the map to the hilltop near (-0.271, -0.923), where the loss is 181.6.",
       "problem=himmelblau&view=-5,5,-4,4&start=3,0&run=adam:lr=0.05&run=adam:lr=0.05,maximize=true&speed=50&limit=500"},
      {"schedule", "Learning-rate schedules",
       "lr 0.99 is just under this bowl's stability limit of 1, so with a constant learning rate SGD keeps "
       "bouncing between the steep walls for hundreds of steps. Halving the lr every 50 steps (StepLR) or "
       "annealing it along a cosine (CosineAnnealingLR) damps the bounce; the three paths lie on top of each "
       "other on the map, so compare them on the loss chart, where both decayed runs get below 1 and every "
       "lower level sooner and end far lower (about 1e-8 and 1e-13 against 1e-4).",
       "problem=quadratic&start=-9,4&run=sgd:lr=0.99&run=sgd:lr=0.99@step:step_size=50,gamma=0.5"
       "&run=sgd:lr=0.99@cosine:T_max=300&speed=30&limit=300"},
      {"noise", "SGD vs Adam under gradient noise",
       "Every gradient here gets Gaussian noise of std 1 added, as minibatches would. SGD's step is lr times "
       "the noisy gradient, so at the lr the steep walls allow it is thrown all over the valley, while Adam's "
       "steps stay about lr long and its averaged m cancels much of the noise, so it stays near the floor "
       "with a far lower loss.",
       ADAMLAB_VALLEY "&run=sgd:lr=0.95&run=adam:lr=0.3&noise=gaussian:std=1&seed=1&speed=50&limit=500"},
  };
  return all;
}

#undef ADAMLAB_VALLEY

const Preset* find_preset(const std::string& name) {
  for (const auto& p : presets())
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace adamlab
