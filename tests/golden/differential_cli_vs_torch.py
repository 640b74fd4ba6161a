#!/usr/bin/python3
"""Random differential test: `adamlab trace` against real torch.optim 1.13 on random
configurations (every optimizer, random options, random scheduler, all twelve problems).
A development tool, not part of CTest (it needs torch):

    /usr/bin/python3 tests/golden/differential_cli_vs_torch.py build/debug/adamlab [cases] [seed]

Prints the worst relative error per optimizer over the finite rows that both agree are finite,
and every case whose rows disagree by more than 1e-12 relative in the first STEPS_STRICT steps
(later rows of chaotic runs can amplify 1-ulp gradient differences between autograd and the
analytic gradients). Exits 1 if any case breaks that bound or disagrees on where it diverges.
"""
import json
import math
import random
import subprocess
import sys
import warnings

import torch

sys.path.insert(0, __import__("os").path.dirname(__file__))
from generate_optim_golden import CLASSES, PROBLEMS, parse_spec, torch_kwargs  # noqa: E402

torch.set_default_dtype(torch.float64)
warnings.filterwarnings("ignore")
STEPS, STEPS_STRICT = 150, 50


def rastrigin(x, y, A=10.0):
    return 2 * A + x * x - A * torch.cos(2 * math.pi * x) + y * y - A * torch.cos(2 * math.pi * y)


def matyas(x, y):
    return 0.26 * (x * x + y * y) - 0.48 * x * y


def three_hump_camel(x, y):
    x2 = x * x
    return 2 * x2 - 1.05 * x2 * x2 + x2 * x2 * x2 / 6 + x * y + y * y


def styblinski_tang(x, y):
    return 0.5 * (x ** 4 - 16 * x * x + 5 * x + y ** 4 - 16 * y * y + 5 * y)


ALL = {name: fn for name, (fn, _) in PROBLEMS.items()}
ALL.update(rastrigin=rastrigin, matyas=matyas, three_hump_camel=three_hump_camel, styblinski_tang=styblinski_tang)
BOUNDS = {"rosenbrock": (-2, 2), "beale": (-2, 2), "booth": (-8, 8), "himmelblau": (-4, 4), "quadratic": (-9, 9),
          "rastrigin": (-4, 4), "matyas": (-8, 8), "three_hump_camel": (-2, 2), "styblinski_tang": (-4, 4)}

OPTIONS = {
    "sgd": {"momentum": [0, 0.5, 0.9], "dampening": [0, 0.3], "weight_decay": [0, 0.01], "nesterov": [False, True],
            "maximize": [False, True]},
    "adam": {"beta1": [0.5, 0.9, 0.99], "beta2": [0.9, 0.999], "eps": [1e-8, 1e-3], "weight_decay": [0, 0.05],
             "amsgrad": [False, True], "maximize": [False, True]},
    "rmsprop": {"alpha": [0.9, 0.99], "eps": [1e-8, 1e-3], "weight_decay": [0, 0.05], "momentum": [0, 0.7],
                "centered": [False, True], "maximize": [False, True]},
    "adagrad": {"lr_decay": [0, 0.01], "weight_decay": [0, 0.05], "initial_accumulator_value": [0, 0.2],
                "eps": [1e-10, 1e-4], "maximize": [False, True]},
    "adadelta": {"rho": [0.5, 0.9], "eps": [1e-6, 1e-3], "weight_decay": [0, 0.05], "maximize": [False, True]},
    "adamax": {"beta1": [0.5, 0.9], "beta2": [0.9, 0.999], "eps": [1e-8, 1e-3], "weight_decay": [0, 0.05],
               "maximize": [False, True]},
    "nadam": {"beta1": [0.5, 0.9], "beta2": [0.9, 0.999], "eps": [1e-8, 1e-3], "weight_decay": [0, 0.05],
              "momentum_decay": [0.004, 0.05]},
    "radam": {"beta1": [0.5, 0.9], "beta2": [0.9, 0.999], "eps": [1e-8, 1e-3], "weight_decay": [0, 0.05]},
}
OPTIONS["adamw"] = dict(OPTIONS["adam"], weight_decay=[0, 0.01, 0.1])
SCHEDULERS = [None, ("step", "step_size=7,gamma=0.5"), ("exponential", "gamma=0.97"), ("cosine", "T_max=40"),
              ("cosine", "T_max=25,eta_min=0.0001"), ("linear", "start_factor=0.25,total_iters=20"),
              ("cosine_warm_restarts", "T_0=10,T_mult=2")]
SCHED_CLASSES = {"step": torch.optim.lr_scheduler.StepLR, "exponential": torch.optim.lr_scheduler.ExponentialLR,
                 "cosine": torch.optim.lr_scheduler.CosineAnnealingLR, "linear": torch.optim.lr_scheduler.LinearLR,
                 "cosine_warm_restarts": torch.optim.lr_scheduler.CosineAnnealingWarmRestarts}


def fmt(v):
    return ("true" if v else "false") if isinstance(v, bool) else repr(v)


def random_case(rng):
    name = rng.choice(sorted(OPTIONS))
    opts = {k: rng.choice(v) for k, v in OPTIONS[name].items() if rng.random() < 0.6}
    if name == "sgd" and opts.get("nesterov") and (opts.get("momentum", 0) == 0 or opts.get("dampening", 0) != 0):
        opts["nesterov"] = False
    opts["lr"] = 10 ** rng.uniform(-4, -0.5) if name != "adadelta" else rng.choice([0.5, 1.0])
    spec = name + ":" + ",".join(f"{k}={fmt(v)}" for k, v in opts.items())
    problem = rng.choice(sorted(BOUNDS))
    lo, hi = BOUNDS[problem]
    start = [round(rng.uniform(lo, hi), 3), round(rng.uniform(lo, hi), 3)]
    return spec, problem, start, rng.choice(SCHEDULERS)


def torch_rows(spec, problem, start, sched):
    name, params = parse_spec(spec)
    p = torch.tensor(start, requires_grad=True)
    opt = CLASSES[name]([p], **torch_kwargs(name, params))
    s = None
    if sched:
        s = SCHED_CLASSES[sched[0]](opt, **torch_kwargs("sgd", dict(kv.split("=") for kv in sched[1].split(","))))
    fn = ALL[problem]
    rows = []
    with torch.no_grad():
        rows.append([float(p[0]), float(p[1]), float(fn(p[0], p[1]))])
    for _ in range(STEPS):
        opt.zero_grad()
        fn(p[0], p[1]).backward()
        opt.step()
        if s:
            s.step()
        with torch.no_grad():
            rows.append([float(p[0]), float(p[1]), float(fn(p[0], p[1]))])
    return rows


def cli_rows(cli, spec, problem, start, sched):
    args = [cli, "trace", "--problem", problem, "--start", f"{start[0]},{start[1]}", "--optimizer", spec,
            "--steps", str(STEPS), "--format", "json"]
    if sched:
        args += ["--scheduler", f"{sched[0]}:{sched[1]}"]
    out = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    nan = float("nan")
    return [[nan if v is None else v for v in (out["x"][k], out["y"][k], out["loss"][k])] for k in range(STEPS + 1)]


def main():
    cli = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    worst, bad = {}, 0
    for _ in range(count):
        spec, problem, start, sched = random_case(rng)
        a, b = torch_rows(spec, problem, start, sched), cli_rows(cli, spec, problem, start, sched)
        case_worst = 0.0
        for k in range(STEPS_STRICT + 1):
            for u, v in zip(a[k], b[k]):
                if not (math.isfinite(u) and math.isfinite(v)):
                    continue  # torch's autograd may give nan where the analytic gradient gives inf
                case_worst = max(case_worst, abs(u - v) / max(abs(u), abs(v), 1e-300) if u != v else 0.0)
        name = spec.split(":")[0]
        worst[name] = max(worst.get(name, 0.0), case_worst)
        if case_worst > 1e-12:
            bad += 1
            print(f"MISMATCH {case_worst:.3g}: --problem {problem} --start {start[0]},{start[1]} --optimizer {spec}"
                  + (f" --scheduler {sched[0]}:{sched[1]}" if sched else ""))
    for name in sorted(worst):
        print(f"{name:9s} worst relative error over the first {STEPS_STRICT} steps: {worst[name]:.3g}")
    print(f"{count} random cases, {bad} over 1e-12")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
