#!/usr/bin/python3
"""Golden learning-rate sequences from torch.optim.lr_scheduler (torch 1.13) for AdamLab's
schedulers (tests/sched_golden_test.cpp).

Regenerate (needs Debian's python3-torch; plain `python3` on these machines lacks torch):
    /usr/bin/python3 tests/golden/generate_sched_golden.py
which rewrites tests/golden/sched_golden.json next to this script.

Each case: an AdamLab scheduler spec, the optimizer's base lr, and param_groups[0]['lr'] right
after the scheduler is constructed followed by its value after each of STEPS
(optimizer.step(); scheduler.step()) pairs.
"""
import json
import math
import os
import warnings

import torch

STEPS = 60
BASE_LRS = [0.1, 1.0, 3e-4, 0.7]


def fmt(v):
    """A spec value as AdamLab writes it: ints plainly, floats by shortest round trip."""
    return str(v) if isinstance(v, int) else repr(float(v))


def spec(name, **kw):
    return name + (":" + ",".join(f"{k}={fmt(v)}" for k, v in kw.items()) if kw else "")


CONFIGS = []  # (spec string, torch constructor)


def add(name, cls, **kw):
    CONFIGS.append((spec(name, **kw), lambda opt, kw=kw: cls(opt, **kw)))


S = torch.optim.lr_scheduler
for step_size in [1, 2, 7, 30, 100]:
    for gamma in [0.1, 0.5, 0.9, 1.0, 0.0, 1.5]:
        add("step", S.StepLR, step_size=step_size, gamma=gamma)
add("step", S.StepLR, step_size=3)  # default gamma
for gamma in [0.9, 0.5, 0.99, 1.0, 0.0, 1.05, 0.123456789]:
    add("exponential", S.ExponentialLR, gamma=gamma)
for t_max in [1, 2, 3, 5, 10, 17, 25, 59, 60, 100]:
    for eta_min in [0.0, 1e-3, 0.05, 0.5]:
        add("cosine", S.CosineAnnealingLR, T_max=t_max, eta_min=eta_min)
add("cosine", S.CosineAnnealingLR, T_max=8)  # default eta_min
add("linear", S.LinearLR)  # all defaults
for start_factor, end_factor in [(1 / 3, 1.0), (0.5, 0.1), (1.0, 0.0), (0.1, 1.0), (1.0, 1.0),
                                 (0.25, 0.75), (0.999, 0.001), (0.0, 1.0), (1e-3, 1.0)]:
    for total_iters in [0, 1, 2, 5, 13, 59, 60, 100]:
        if start_factor == 0.0 and total_iters > 0:
            continue  # torch: ZeroDivisionError on the first step; AdamLab rejects it
        add("linear", S.LinearLR, start_factor=start_factor, end_factor=end_factor,
            total_iters=total_iters)
for t_0 in [1, 2, 3, 7, 10, 50]:
    for t_mult in [1, 2, 3]:
        for eta_min in [0.0, 1e-3, 0.2]:
            add("cosine_warm_restarts", S.CosineAnnealingWarmRestarts, T_0=t_0, T_mult=t_mult,
                eta_min=eta_min)
add("cosine_warm_restarts", S.CosineAnnealingWarmRestarts, T_0=4)  # defaults


def run(make, base_lr):
    param = torch.nn.Parameter(torch.zeros(2))
    opt = torch.optim.SGD([param], lr=base_lr)
    sched = make(opt)
    lrs = [opt.param_groups[0]["lr"]]
    for _ in range(STEPS):
        param.grad = torch.ones_like(param)
        opt.step()
        sched.step()
        lrs.append(opt.param_groups[0]["lr"])
    return [float(v) for v in lrs]


def main():
    torch.set_default_dtype(torch.float64)
    warnings.simplefilter("ignore")
    cases = []
    for spec_text, make in CONFIGS:
        for base_lr in BASE_LRS:
            lrs = run(make, base_lr)
            assert all(math.isfinite(v) for v in lrs), spec_text
            cases.append({"spec": spec_text, "base_lr": base_lr, "lrs": lrs})
    out = {
        "generator": "tests/golden/generate_sched_golden.py",
        "torch_version": torch.__version__,
        "steps": STEPS,
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sched_golden.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases ({len(CONFIGS)} configurations x {len(BASE_LRS)} base lrs) to {path}")


if __name__ == "__main__":
    main()
