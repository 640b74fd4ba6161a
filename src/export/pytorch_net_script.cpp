#include "export/pytorch_net_script.h"


#include "core/error.h"
#include "export/python_rng.h"
#include "export/torch_names.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace adamlab::torch_export {
namespace {

// One point per line: the columns of a features x n matrix as rows of Python floats.
std::string rows_literal(const Eigen::MatrixXd& columns) {
  std::string out = "[\n";
  for (Eigen::Index j = 0; j < columns.cols(); ++j) {
    out += "    [";
    for (Eigen::Index i = 0; i < columns.rows(); ++i) out += (i ? ", " : "") + python_float(columns(i, j));
    out += "],\n";
  }
  return out + "]";
}

std::string targets_literal(const Eigen::VectorXd& y, bool regression) {
  std::string out = "[";
  for (Eigen::Index j = 0; j < y.size(); ++j) {
    out += j ? (j % 16 == 0 ? ",\n    " : ", ") : "";
    out += regression ? python_float(y[j]) : std::to_string(static_cast<int>(y[j]));
  }
  return out + "]";
}

std::string flat_literal(const Vec& v) {
  std::string out = "[";
  for (Eigen::Index j = 0; j < v.size(); ++j) {
    out += j ? (j % 6 == 0 ? ",\n    " : ", ") : "";
    out += python_float(v[j]);
  }
  return out + "]";
}

const char* torch_activation(Activation a) {
  switch (a) {
    case Activation::relu: return "torch.nn.ReLU()";
    case Activation::tanh: return "torch.nn.Tanh()";
    case Activation::sigmoid: return "torch.nn.Sigmoid()";
    case Activation::linear: break;
  }
  return "";
}

std::string sequential(const Mlp& mlp) {
  const auto& sizes = mlp.sizes();
  std::string out = "torch.nn.Sequential(\n";
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    out += "        torch.nn.Linear(" + std::to_string(sizes[l]) + ", " + std::to_string(sizes[l + 1]) + ")";
    const std::string act = torch_activation(mlp.activation());
    if (l + 2 < sizes.size() && !act.empty()) out += ", " + act;
    out += ",\n";
  }
  return out + "    )";
}

}  // namespace

std::string train_command_line(const NetTask& task, const NetRunExport& run, std::int64_t steps) {
  const NetTaskConfig& c = task.config();
  if (c.data == "csv") return "";
  std::string out = "adamlab train --data " + shell_word(c.data) + " --model " + shell_word(c.model) +
                    " --optimizer " + shell_word(to_string(run.optimizer)) + " --steps " + std::to_string(steps);
  if (run.scheduler) out += " --scheduler " + shell_word(to_string(*run.scheduler));
  return out + " --batch-size " + std::to_string(c.batch_size) + " --seed " + std::to_string(c.seed);
}

std::string network_script(const NetTask& task, const std::vector<NetRunExport>& runs, std::int64_t steps) {
  if (runs.empty()) throw Error("nothing to export: the scene has no runs");
  if (steps < 0) throw Error("invalid steps " + std::to_string(steps) + " (must be >= 0)");
  std::vector<std::string> optimizers, schedulers;
  for (const auto& run : runs) {
    optimizers.push_back(optimizer_constructor(run.optimizer, "params"));
    schedulers.push_back(run.scheduler ? scheduler_constructor(*run.scheduler) : "None");
  }
  const Dataset& d = task.data();
  const bool regression = d.regression(), several = runs.size() > 1;
  const NetTaskConfig& c = task.config();

  std::string s = "#!/usr/bin/env python3\n";
  s += "# Exported from AdamLab: the same network training in PyTorch (torch + the standard library only).\n";
  s += several ? "# Prints one `adamlab train` csv per run, each after a '# run' line; each reproduces\n"
               : "# Prints exactly the csv (step,train_loss,test_loss,train_accuracy,test_accuracy,lr) of\n";
  for (const auto& run : runs) {
    const std::string line = train_command_line(task, run, steps);
    s += "#   " + (line.empty() ? std::string("(your csv data, embedded below)") : line) + "\n";
  }
  s += "# data " + c.data + ", model " + c.model + "\n";
  s += "# Run it with: python3 this_file.py   (checked with PyTorch 1.13, float64)\n";
  s += "import math\n\nimport torch\n\ntorch.set_default_dtype(torch.float64)\n\n";
  s += "STEPS = " + std::to_string(steps) + "\n";
  s += "BATCH_SIZE = " + std::to_string(c.batch_size) + "\n\n";
  s += "# The inputs the network sees, one row per point: the features of model " + c.model + "\n";
  s += "# computed by AdamLab from the " + (c.data == "csv" ? std::string("csv") : "generated") + " points.\n";
  s += "TRAIN_X = torch.tensor(" + rows_literal(task.train_features()) + ").reshape(-1, " +
       std::to_string(task.train_features().rows()) + ")\n";
  s += "TEST_X = torch.tensor(" + rows_literal(task.test_features()) + ").reshape(-1, " +
       std::to_string(task.test_features().rows()) + ")\n";
  if (regression) {
    s += "TRAIN_Y = torch.tensor(" + targets_literal(d.train_y, true) + ").reshape(-1, 1)\n";
    s += "TEST_Y = torch.tensor(" + targets_literal(d.test_y, true) + ").reshape(-1, 1)\n\n";
  } else {
    s += "TRAIN_Y = torch.tensor(" + targets_literal(d.train_y, false) + ", dtype=torch.long)\n";
    s += "TEST_Y = torch.tensor(" + targets_literal(d.test_y, false) + ", dtype=torch.long)\n\n";
  }
  s += "# nn.Linear's default init drawn by AdamLab from seed " + std::to_string(c.seed) +
       ": every parameter, flat, in state_dict order\n";
  s += "INITIAL = " + flat_literal(task.initial_parameters()) + "\n\n\n";
  s += "def make_net():\n    net = " + sequential(task.mlp()) + "\n";
  s += "    with torch.no_grad():\n";
  s += "        torch.nn.utils.vector_to_parameters(torch.tensor(INITIAL), net.parameters())\n";
  s += "    return net\n\n\n";
  s += std::string("loss_fn = ") + (regression ? "torch.nn.MSELoss()" : "torch.nn.CrossEntropyLoss()") + "\n\n";
  s += "# DataLoader(shuffle=True, drop_last=False) with AdamLab's batch order: each epoch a Fisher-Yates\n"
       "# permutation from a counter-based generator seeded by (seed, epoch), ported to Python integers.\n";
  s += "BATCH_SEED = " + std::to_string(derive_seed(c.seed, 3)) + "  # the batch stream of seed " +
       std::to_string(c.seed) + "\n\n\n";
  s += python_splitmix64() + "\n\n";
  s += "def epoch_order(epoch):\n";
  s += "    seed = splitmix64(splitmix64(BATCH_SEED) ^ ((epoch * 0x9E3779B97F4A7C15) & MASK64))\n";
  s += "    order = list(range(len(TRAIN_X)))\n";
  s += "    for i in range(len(order) - 1, 0, -1):\n";
  s += "        j = splitmix64((seed + i) & MASK64) % (i + 1)\n";
  s += "        order[i], order[j] = order[j], order[i]\n";
  s += "    return order\n\n\n";
  s += "def evaluate(net, x, y):\n";
  s += "    if len(x) == 0:\n        return math.nan, math.nan\n";
  s += "    with torch.no_grad():\n        out = net(x)\n";
  s += regression ? "        return loss_fn(out, y).item(), math.nan\n"
                  : "        return loss_fn(out, y).item(), (out.argmax(1) == y).sum().item() / len(y)\n";
  s += "\n\ndef train(make_optimizer, make_scheduler):\n";
  s += "    net = make_net()\n";
  s += "    optimizer = make_optimizer(net.parameters())\n";
  s += "    configured_lr = optimizer.param_groups[0][\"lr\"]\n";
  s += "    # A scheduler's constructor already sets the lr it starts with (LinearLR's start_factor).\n";
  s += "    scheduler = make_scheduler(optimizer)\n";
  s += "    print(\"step,train_loss,test_loss,train_accuracy,test_accuracy,lr\")\n\n";
  s += "    def row(step, lr):\n";
  s += "        train_loss, train_accuracy = evaluate(net, TRAIN_X, TRAIN_Y)\n";
  s += "        test_loss, test_accuracy = evaluate(net, TEST_X, TEST_Y)\n";
  s += "        print(\"%d,%.17g,%.17g,%.17g,%.17g,%.17g\" % (step, train_loss, test_loss, train_accuracy, test_accuracy, lr))\n\n";
  s += "    row(0, configured_lr)\n";
  s += "    per_epoch = (len(TRAIN_X) + BATCH_SIZE - 1) // BATCH_SIZE\n";
  s += "    order, order_epoch = None, -1\n";
  s += "    for step in range(1, STEPS + 1):\n";
  s += "        lr = optimizer.param_groups[0][\"lr\"]\n";
  s += "        epoch, within = divmod(step - 1, per_epoch)\n";
  s += "        if epoch != order_epoch:\n            order, order_epoch = epoch_order(epoch), epoch\n";
  s += "        batch = torch.tensor(order[within * BATCH_SIZE:(within + 1) * BATCH_SIZE])\n";
  s += "        optimizer.zero_grad()\n";
  s += "        loss_fn(net(TRAIN_X[batch]), TRAIN_Y[batch]).backward()\n";
  s += "        optimizer.step()\n";
  s += "        if scheduler is not None:\n            scheduler.step()\n";
  s += "        row(step, lr)\n\n\n";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (several)
      s += "print(\"# " + (runs[i].label.empty() ? "run " + std::to_string(i + 1) : python_string_body(runs[i].label)) + "\")\n";
    s += "train(lambda params: " + optimizers[i] + ",\n      lambda optimizer: " + schedulers[i] + ")\n";
  }
  return s;
}

}  // namespace adamlab::torch_export
