#!/usr/bin/python3
"""Golden network trainings from real PyTorch 1.13, for tests/network_golden_test.cpp.

Regenerate (Debian's python3-torch; the `python3` first on PATH is another build without torch):

    /usr/bin/python3 tests/golden/generate_network_golden.py

which rewrites tests/golden/network_golden.json next to this script.

Each case is the loop a PyTorch user writes, in float64 (torch.set_default_dtype(torch.float64)):
an nn.Sequential of nn.Linear layers and one activation, initialised by torch's own nn.Linear
init after torch.manual_seed(seed); a DataLoader(TensorDataset, batch_size, shuffle=True,
drop_last=False) with a seeded generator, restarted at the end of every epoch; then STEPS times
    opt.zero_grad(); loss_fn(net(xb), yb).backward(); opt.step(); sched.step()
with nn.CrossEntropyLoss (classification, one output per class, even for two classes) or
nn.MSELoss (regression, one output). The data need not match AdamLab's generators: the C++ test
reads the points from this file.

JSON layout
  generator, torch_version, steps
  datasets: {name: {input_dim, classes (0 = regression), x: [[point]...], y: [target...]}}
  cases:    [{name, data, sizes: [inputs, hidden..., outputs], activation, optimizer, scheduler
             (spec or null), batch_size, seed, initial, batches, lr, batch_loss, train_loss, final}]
      optimizer, scheduler: specs in AdamLab's grammar (name:key=value,...); betas are beta1, beta2
      initial, final: every parameter, flat in state_dict order (per nn.Linear: weight row-major,
                out x in, then bias), the layout of adamlab::Mlp (src/nn/mlp.h)
      batches[k]:    the training-point indices of step k+1, in the order the DataLoader gave them
      lr[k]:         param_groups[0]['lr'] when step k+1 ran
      batch_loss[k]: the minibatch loss step k+1 differentiated
      train_loss[k]: the mean loss over the whole training set after k steps (k = 0..steps)
"""
import ast
import json
import os
import sys
import warnings

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_optim_golden import CLASSES, parse_spec, torch_kwargs  # noqa: E402  (one spec reader)

torch.set_default_dtype(torch.float64)

STEPS = 200

# --- datasets: seeded numpy draws, shaped like AdamLab's tasks (sizes chosen so no batch size
# below divides them: the last batch of every epoch is short) ---


def moons(rng, n=90, noise=0.15):
    t = rng.uniform(0, np.pi, n)
    label = rng.integers(0, 2, n)
    x = np.where(label == 0, np.cos(t), 1 - np.cos(t))
    y = np.where(label == 0, np.sin(t), 0.5 - np.sin(t))
    pts = np.stack([x, y], 1) + noise * rng.standard_normal((n, 2))
    return pts, label


def xor(rng, n=70, noise=0.1):
    pts = rng.uniform(-1, 1, (n, 2))
    label = ((pts[:, 0] > 0) != (pts[:, 1] > 0)).astype(int)
    return pts + noise * rng.standard_normal((n, 2)), label


def blobs3(rng, n=75, spread=0.6):
    centers = np.array([[-1.5, -1.0], [1.5, -1.0], [0.0, 1.5]])
    label = rng.integers(0, 3, n)
    return centers[label] + spread * rng.standard_normal((n, 2)), label


def spirals3(rng, n=81, noise=0.08):
    label = np.arange(n) % 3
    r = rng.uniform(0.1, 1.0, n)
    angle = 3.5 * r + label * (2 * np.pi / 3)
    pts = np.stack([r * np.cos(angle), r * np.sin(angle)], 1)
    return pts + noise * rng.standard_normal((n, 2)), label


def sine(rng, n=50, noise=0.1):
    x = rng.uniform(-3, 3, n)
    return x[:, None], np.sin(x) + noise * rng.standard_normal(n)


DATASETS = {  # name -> (generator, numpy seed, classes; 0 = regression)
    "moons": (moons, 11, 2),
    "xor": (xor, 12, 2),
    "blobs3": (blobs3, 13, 3),
    "spirals3": (spirals3, 14, 3),
    "sine": (sine, 15, 0),
}


def make_datasets():
    out = {}
    for name, (gen, seed, classes) in DATASETS.items():
        pts, target = gen(np.random.default_rng(seed))
        out[name] = {"input_dim": int(pts.shape[1]), "classes": classes,
                     "x": pts.tolist(),
                     "y": [int(v) for v in target] if classes else [float(v) for v in target]}
    return out


# --- cases: every optimizer with its notable options, every activation, 0-2 hidden layers ---

SCHEDULERS = {
    "step": torch.optim.lr_scheduler.StepLR,
    "exponential": torch.optim.lr_scheduler.ExponentialLR,
    "cosine": torch.optim.lr_scheduler.CosineAnnealingLR,
    "linear": torch.optim.lr_scheduler.LinearLR,
    "cosine_warm_restarts": torch.optim.lr_scheduler.CosineAnnealingWarmRestarts,
}

# (name, data, hidden, activation, batch size, optimizer spec, scheduler spec or None, seed)
CASES = [
    ("sgd", "moons", [8], "tanh", 16, "sgd:lr=0.1", None, 1),
    ("sgd_momentum_dampening_wd", "blobs3", [8, 8], "relu", 12,
     "sgd:lr=0.05,momentum=0.9,dampening=0.1,weight_decay=0.001", None, 2),
    ("sgd_nesterov", "sine", [16], "tanh", 7, "sgd:lr=0.02,momentum=0.8,nesterov=true", None, 3),
    ("sgd_maximize_linear_model", "blobs3", [], "linear", 11,
     "sgd:lr=0.01,momentum=0.5,maximize=true", None, 4),
    ("adam", "spirals3", [16, 16], "tanh", 10, "adam:lr=0.01", None, 5),
    ("adam_amsgrad_wd", "blobs3", [4], "sigmoid", 9,
     "adam:lr=0.02,amsgrad=true,weight_decay=0.01", None, 6),
    ("adam_maximize", "sine", [4, 4], "tanh", 8, "adam:lr=0.002,beta1=0.8,maximize=true", None, 7),
    ("adamw_linear_model", "moons", [], "linear", 32, "adamw:lr=0.01,weight_decay=0.1", None, 8),
    ("adamw_amsgrad", "xor", [12], "relu", 13, "adamw:lr=0.01,amsgrad=true,weight_decay=0.05",
     None, 9),
    ("rmsprop_centered_momentum", "moons", [12, 6], "relu", 17,
     "rmsprop:lr=0.001,alpha=0.95,centered=true,momentum=0.9", None, 10),
    ("rmsprop_wd_maximize", "xor", [6], "tanh", 15,
     "rmsprop:lr=0.001,weight_decay=0.01,maximize=true", None, 11),
    ("adagrad", "sine", [8], "sigmoid", 6,
     "adagrad:lr=0.1,lr_decay=0.01,initial_accumulator_value=0.1", None, 12),
    ("adadelta_wd", "blobs3", [8], "linear", 16, "adadelta:lr=1.0,rho=0.9,weight_decay=0.001",
     None, 13),
    ("adamax", "moons", [6], "relu", 14, "adamax:lr=0.02,beta1=0.8,beta2=0.99", None, 14),
    ("nadam_wd", "xor", [8, 8], "tanh", 12, "nadam:lr=0.01,weight_decay=0.01", None, 15),
    ("radam", "spirals3", [16], "relu", 19, "radam:lr=0.01", None, 16),
    ("sgd_momentum_steplr", "moons", [8], "tanh", 16, "sgd:lr=0.2,momentum=0.9",
     "step:step_size=50,gamma=0.5", 17),
    ("adam_cosine", "sine", [16, 16], "tanh", 9, "adam:lr=0.02",
     "cosine:T_max=200,eta_min=0.0001", 18),
    ("rmsprop_linearlr", "spirals3", [10, 10], "sigmoid", 20, "rmsprop:lr=0.01",
     "linear:start_factor=0.1,total_iters=50", 19),
]

ACTIVATIONS = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid}


def build_net(sizes, activation):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2 and activation != "linear":
            layers.append(ACTIVATIONS[activation]())
    return torch.nn.Sequential(*layers)


def flat_parameters(net):
    # state_dict order: per Linear weight (out x in; .flatten() is row-major) then bias.
    return [float(v) for t in net.state_dict().values() for v in t.flatten().tolist()]


def make_scheduler(opt, text):
    name, params = parse_spec(text)
    return SCHEDULERS[name](opt, **{k: ast.literal_eval(v) for k, v in params.items()})


def run_case(case, datasets):
    name, data, hidden, activation, batch_size, opt_spec, sched_spec, seed = case
    d = datasets[data]
    x = torch.tensor(d["x"])
    classes = d["classes"]
    y = torch.tensor(d["y"]) if classes else torch.tensor(d["y"])[:, None]
    n = x.shape[0]
    assert n % batch_size != 0, f"{name}: batch size {batch_size} divides n={n}"
    sizes = [d["input_dim"], *hidden, classes if classes else 1]

    torch.manual_seed(seed)
    net = build_net(sizes, activation)
    loss_fn = torch.nn.CrossEntropyLoss() if classes else torch.nn.MSELoss()
    opt_name, params = parse_spec(opt_spec)
    opt = CLASSES[opt_name](net.parameters(), **torch_kwargs(opt_name, params))
    sched = make_scheduler(opt, sched_spec) if sched_spec else None
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(torch.arange(n), x, y), batch_size=batch_size,
        shuffle=True, drop_last=False, generator=torch.Generator().manual_seed(1000 + seed))

    def train_loss():
        with torch.no_grad():
            return float(loss_fn(net(x), y))

    initial = flat_parameters(net)
    batches, lrs, batch_losses, train_losses = [], [], [], [train_loss()]
    epoch = iter(loader)
    for _ in range(STEPS):
        try:
            idx, xb, yb = next(epoch)
        except StopIteration:  # a new epoch: the loader draws a new permutation
            epoch = iter(loader)
            idx, xb, yb = next(epoch)
        batches.append(idx.tolist())
        lrs.append(float(opt.param_groups[0]["lr"]))
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        if sched:
            sched.step()
        batch_losses.append(float(loss))
        train_losses.append(train_loss())
    assert all(np.isfinite(train_losses)), name
    return {"name": name, "data": data, "sizes": sizes, "activation": activation,
            "optimizer": opt_spec, "scheduler": sched_spec, "batch_size": batch_size, "seed": seed,
            "initial": initial, "batches": batches, "lr": lrs, "batch_loss": batch_losses,
            "train_loss": train_losses, "final": flat_parameters(net)}


def main():
    warnings.simplefilter("ignore")
    datasets = make_datasets()
    cases = [run_case(c, datasets) for c in CASES]
    out = {"generator": "tests/golden/generate_network_golden.py",
           "torch_version": torch.__version__, "steps": STEPS, "datasets": datasets,
           "cases": cases}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "network_golden.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {path}")
    for c in cases:
        print(f"  {c['name']:28} {c['optimizer']:58} train loss {c['train_loss'][0]:.4f} -> "
              f"{c['train_loss'][-1]:.4f}")


if __name__ == "__main__":
    main()
