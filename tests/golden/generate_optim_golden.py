#!/usr/bin/python3
"""Golden optimizer trajectories from real PyTorch 1.13, for tests/optim_golden_test.cpp.

Regenerate (Debian's python3-torch; the `python3` first on PATH is another build without torch):

    /usr/bin/python3 tests/golden/generate_optim_golden.py > tests/golden/optim_golden.json

Deterministic: no randomness, float64 throughout (torch.set_default_dtype(torch.float64)), the
single-tensor (foreach=False) kernels torch 1.13 uses by default on CPU.

JSON layout
  torch_version
  defaults:    {optimizer: {key: torch's constructor default}}  (SGD's required lr is null)
  validation:  [{spec, message}]  torch's ValueError text for each spec, built by passing the
               spec's values to the torch constructor as the Python literals they spell
               (so "-1" is the int -1 and "1.0" the float 1.0, as a user would type them)
  cases:       [{optimizer, problem, start, steps, rows, state}]
      optimizer, problem: specs in AdamLab's grammar (name:key=value,...); betas are beta1, beta2
      rows[k] = [x, y, loss] after k steps (row 0 is the start)
      state:    torch's final per-parameter state: {step, buffers: {name: [x, y]},
                scalars: {name: value}}; no step for SGD, which keeps none
  Non-finite numbers are the strings "nan", "inf" and "-inf" (JSON has no NaN).
"""
import ast
import inspect
import json
import math
import sys

import torch

torch.set_default_dtype(torch.float64)

# --- problems: the same expressions as src/problems/functions.h, gradients by autograd ---


def rosenbrock(x, y, a=1.0, b=100.0):
    d, e = a - x, y - x * x
    return d * d + b * (e * e)


def quadratic(x, y, a=0.05, b=1.0):
    return a * (x * x) + b * (y * y)


def beale(x, y):
    y2 = y * y
    y3 = y2 * y
    t1, t2, t3 = 1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y3
    return t1 * t1 + t2 * t2 + t3 * t3


def himmelblau(x, y):
    p, q = x * x + y - 11.0, x + y * y - 7.0
    return p * p + q * q


def booth(x, y):
    p, q = x + 2.0 * y - 7.0, 2.0 * x + y - 5.0
    return p * p + q * q


PROBLEMS = {  # name -> (function, start)
    "quadratic": (quadratic, [-9.0, 4.0]),
    "rosenbrock": (rosenbrock, [-1.5, 2.0]),
    "beale": (beale, [1.0, 1.5]),
    "himmelblau": (himmelblau, [1.0, 1.0]),
    "booth": (booth, [-8.0, 8.0]),
}

CLASSES = {
    "adadelta": torch.optim.Adadelta, "adagrad": torch.optim.Adagrad, "adam": torch.optim.Adam,
    "adamax": torch.optim.Adamax, "adamw": torch.optim.AdamW, "nadam": torch.optim.NAdam,
    "radam": torch.optim.RAdam, "rmsprop": torch.optim.RMSprop, "sgd": torch.optim.SGD,
}
# Only the options with math in them; foreach/capturable/differentiable/fused are left out.
KEYS = {
    "sgd": ["lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize"],
    "adam": ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"],
    "adamw": ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"],
    "rmsprop": ["lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"],
    "adagrad": ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"],
    "adadelta": ["lr", "rho", "eps", "weight_decay", "maximize"],
    "adamax": ["lr", "betas", "eps", "weight_decay", "maximize"],
    "nadam": ["lr", "betas", "eps", "weight_decay", "momentum_decay"],
    "radam": ["lr", "betas", "eps", "weight_decay"],
}


def parse_spec(text):
    name, _, rest = text.partition(":")
    params = dict(item.split("=", 1) for item in rest.split(",")) if rest else {}
    return name, params


def torch_kwargs(name, params):
    """Our spec values as the Python literals a torch user would write."""
    kwargs = {}
    for key, text in params.items():
        value = {"true": True, "false": False}.get(text)
        if value is None:
            value = ast.literal_eval(text)
        kwargs[key] = value
    if "beta1" in kwargs or "beta2" in kwargs:
        default = inspect.signature(CLASSES[name].__init__).parameters["betas"].default
        kwargs["betas"] = (kwargs.pop("beta1", default[0]), kwargs.pop("beta2", default[1]))
    return kwargs


def number(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def run_case(opt_spec, problem, steps):
    fn, start = PROBLEMS[problem]
    name, params = parse_spec(opt_spec)
    p = torch.tensor(start, requires_grad=True)
    opt = CLASSES[name]([p], **torch_kwargs(name, params))

    def row():
        with torch.no_grad():
            return [number(p[0]), number(p[1]), number(fn(p[0], p[1]))]

    rows = [row()]
    for _ in range(steps):
        opt.zero_grad()
        fn(p[0], p[1]).backward()
        opt.step()
        rows.append(row())
    state = {"buffers": {}, "scalars": {}}
    for key, value in opt.state[p].items():
        if value is None:
            continue
        if key == "step":
            state["step"] = int(float(value))
        elif torch.is_tensor(value) and value.numel() == 2:
            state["buffers"][key] = [number(v) for v in value.tolist()]
        else:
            state["scalars"][key] = number(value)
    return {"optimizer": opt_spec, "problem": problem, "start": start, "steps": steps,
            "rows": rows, "state": state}


# lr per (optimizer, problem): big enough to move, small enough to stay finite.
LR = {
    "sgd": {"quadratic": 0.1, "rosenbrock": 0.0005, "beale": 0.002, "himmelblau": 0.005, "booth": 0.01},
    "adam": dict.fromkeys(PROBLEMS, 0.05),
    "adamw": dict.fromkeys(PROBLEMS, 0.05),
    "adamax": dict.fromkeys(PROBLEMS, 0.05),
    "nadam": dict.fromkeys(PROBLEMS, 0.05),
    "radam": {**dict.fromkeys(PROBLEMS, 0.05), "rosenbrock": 0.0001, "beale": 0.001},
    "rmsprop": dict.fromkeys(PROBLEMS, 0.01),
    "adagrad": dict.fromkeys(PROBLEMS, 0.5),
    "adadelta": dict.fromkeys(PROBLEMS, 2.0),
}
ADAM_VARIANTS = ["", "beta1=0.5,beta2=0.9", "eps=0.1", "weight_decay=0.1", "amsgrad=true",
                 "maximize=true", "amsgrad=true,weight_decay=0.1,maximize=true",
                 "beta1=0,beta2=0.5,amsgrad=true"]
VARIANTS = {
    "sgd": ["", "momentum=0.9", "momentum=0.9,dampening=0.5", "momentum=0.9,nesterov=true",
            "weight_decay=0.1", "maximize=true",
            "momentum=0.5,weight_decay=0.05,nesterov=true,maximize=true",
            "momentum=0.8,dampening=0.3,weight_decay=0.02"],
    "adam": ADAM_VARIANTS,
    "adamw": ADAM_VARIANTS + ["weight_decay=0"],
    "rmsprop": ["", "alpha=0.9", "eps=0.01", "weight_decay=0.1", "momentum=0.9", "centered=true",
                "centered=true,momentum=0.5",
                "maximize=true,weight_decay=0.05,centered=true,momentum=0.3"],
    "adagrad": ["", "lr_decay=0.1", "weight_decay=0.1", "initial_accumulator_value=0.5", "eps=0.1",
                "maximize=true",
                "lr_decay=0.05,weight_decay=0.02,initial_accumulator_value=0.1,eps=1e-5,maximize=true"],
    "adadelta": ["", "rho=0.5", "eps=0.001", "weight_decay=0.1", "maximize=true",
                 "rho=0.95,eps=1e-4,weight_decay=0.05,maximize=true"],
    "adamax": ["", "beta1=0.5,beta2=0.9", "eps=0.1", "weight_decay=0.1", "maximize=true",
               "beta1=0.95,beta2=0.5,weight_decay=0.01,maximize=true"],
    "nadam": ["", "beta1=0.5,beta2=0.9", "eps=0.1", "weight_decay=0.1", "momentum_decay=0.1",
              "momentum_decay=0", "beta1=0.8,weight_decay=0.05,momentum_decay=0.02"],
    "radam": ["", "beta1=0.5,beta2=0.9", "beta2=0.5", "eps=0.1", "weight_decay=0.1",
              "beta1=0.7,beta2=0.99,eps=1e-6,weight_decay=0.02"],
}
PROBLEM_ORDER = list(PROBLEMS)
STEPS = 40


def cases():
    out = []
    for name in CLASSES:
        # torch's defaults alone (SGD must be given lr)
        out.append(("sgd:lr=0.05" if name == "sgd" else name, "quadratic", 60))
        for i, variant in enumerate(VARIANTS[name]):
            for j in range(3):  # each variant on three problems, rotating
                problem = PROBLEM_ORDER[(i + j) % len(PROBLEM_ORDER)]
                if name == "sgd" and "maximize=true" in variant and problem == "beale":
                    # SGD climbing Beale overflows the gradient itself, where autograd gives nan
                    # and an analytic gradient inf: a property of the problem, not the optimizer.
                    problem = "booth"
                spec = f"{name}:lr={LR[name][problem]}" + (f",{variant}" if variant else "")
                out.append((spec, problem, STEPS))
    # Divergent on purpose: NaN/inf must propagate exactly as in torch.
    out.append(("sgd:lr=0.01", "rosenbrock", 30))
    out.append(("sgd:lr=0.01,momentum=0.9,maximize=true", "himmelblau", 30))
    out.append(("rmsprop:lr=10,eps=0", "booth", 30))
    return out


VALIDATION = [
    "sgd", "sgd:lr=-1", "sgd:lr=-0.5", "sgd:lr=0.1,momentum=-1.0", "sgd:lr=0.1,weight_decay=-0.1",
    "sgd:lr=0.1,nesterov=true", "sgd:lr=0.1,momentum=0.9,dampening=0.1,nesterov=true",
    "sgd:lr=0.1,momentum=0,nesterov=1",
]
for _name in ["adam", "adamw", "adamax", "nadam", "radam"]:
    VALIDATION += [f"{_name}:lr=-1", f"{_name}:lr=-1.0", f"{_name}:eps=-1e-08",
                   f"{_name}:beta1=1.0", f"{_name}:beta1=-0.1", f"{_name}:beta2=1",
                   f"{_name}:beta2=1.5", f"{_name}:weight_decay=-0.01"]
VALIDATION += ["nadam:momentum_decay=-0.004",
               "rmsprop:lr=-0.01", "rmsprop:eps=-1.0", "rmsprop:momentum=-0.9",
               "rmsprop:weight_decay=-1", "rmsprop:alpha=-0.99",
               "adagrad:lr=-0.01", "adagrad:lr_decay=-0.1", "adagrad:weight_decay=-2",
               "adagrad:initial_accumulator_value=-0.5", "adagrad:eps=-1e-10",
               "adadelta:lr=-1.0", "adadelta:rho=1.5", "adadelta:rho=-0.5", "adadelta:eps=-1e-06",
               "adadelta:weight_decay=-0.1",
               # several bad values: torch reports the first it checks
               "adam:weight_decay=-1,lr=-2,eps=-3", "rmsprop:alpha=-1,momentum=-2"]


def validation():
    out = []
    dummy = torch.zeros(2, requires_grad=True)
    for spec in VALIDATION:
        name, params = parse_spec(spec)
        try:
            CLASSES[name]([dummy], **torch_kwargs(name, params))
        except ValueError as e:
            out.append({"spec": spec, "message": str(e)})
        else:
            raise SystemExit(f"torch accepted {spec}")
    return out


def defaults():
    out = {}
    for name, cls in CLASSES.items():
        sig = inspect.signature(cls.__init__).parameters
        d = {}
        for key in KEYS[name]:
            value = sig[key].default
            if key == "betas":
                d["beta1"], d["beta2"] = float(value[0]), float(value[1])
            elif isinstance(value, bool):
                d[key] = value
            elif isinstance(value, (int, float)):
                d[key] = float(value)
            else:
                d[key] = None  # torch.optim.optimizer.required
        out[name] = d
    return out


def main():
    data = {"torch_version": torch.__version__, "defaults": defaults(), "validation": validation(),
            "cases": [run_case(*c) for c in cases()]}
    json.dump(data, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
