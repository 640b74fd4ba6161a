#!/usr/bin/python3
"""Golden data for "PyTorch in" (src/export/torch_parse.h, tests/torch_parse_test.cpp): each
paste below is run by real torch 1.13, which records what it constructs.

Regenerate (needs Debian's python3-torch; plain `python3` on these machines lacks torch):
    /usr/bin/python3 tests/golden/generate_torch_parse_golden.py
which rewrites tests/golden/torch_parse_golden.json next to this script.

- "signatures": inspect.signature of every torch class the parser maps (name, order, required,
  keyword-only), compared with src/export/torch_signatures.cpp.
- "accepted": pastes torch runs; for each, the optimizer's class and param_groups[0] (without
  'params'), and the scheduler's class, its attributes and the group's lr after it is built.
  The test parses the same text and compares every option AdamLab's optimizer and scheduler
  end up with to torch's value.
- "refused": pastes torch itself refuses, with torch's message; the test checks the parser
  refuses each with a message holding `expect`: a part of torch's message (checked here), or,
  where the parser words it differently, the part given as the case's third element.
"""
import ast
import inspect
import json
import os
import warnings

import torch
import torch.optim as optim
from torch.optim import lr_scheduler

OPTIMIZERS = ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Adadelta", "Adamax", "NAdam", "RAdam"]
SCHEDULERS = ["StepLR", "ExponentialLR", "CosineAnnealingLR", "LinearLR", "CosineAnnealingWarmRestarts"]
SCHED_ATTRS = ["step_size", "gamma", "T_max", "eta_min", "start_factor", "end_factor", "total_iters", "T_0", "T_mult"]

ACCEPTED = [
    # every optimizer, keywords
    "torch.optim.SGD(model.parameters(), lr=0.1)",
    "torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, dampening=0.1, weight_decay=1e-4, maximize=True)",
    "torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, foreach=False)",
    "torch.optim.Adam(model.parameters(), lr=3e-4, betas=(0.9, 0.98), eps=1e-9, weight_decay=0.01, amsgrad=True)",
    "torch.optim.Adam(model.parameters(), maximize=True, foreach=None, capturable=False, differentiable=False, fused=False)",
    "optim.AdamW(model.parameters(), lr=1e-3, betas=[0.8, 0.99], weight_decay=0.1, amsgrad=True, maximize=True)",
    "AdamW(params)",
    "torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.001, momentum=0.5, centered=True, maximize=True)",
    "torch.optim.Adagrad(model.parameters(), lr=0.1, lr_decay=0.01, weight_decay=0.001, initial_accumulator_value=0.1, eps=1e-8, maximize=True)",
    "torch.optim.Adadelta(model.parameters(), lr=0.5, rho=0.95, eps=1e-5, weight_decay=0.01, maximize=True)",
    "torch.optim.Adamax(model.parameters(), lr=0.003, betas=(0.85, 0.995), eps=1e-7, weight_decay=0.02, maximize=True)",
    "torch.optim.NAdam(model.parameters(), lr=0.001, betas=(0.95, 0.9999), eps=1e-7, weight_decay=0.01, momentum_decay=0.005)",
    "torch.optim.RAdam(model.parameters(), lr=0.002, betas=(0.8, 0.9), eps=1e-6, weight_decay=0.03)",
    # positional, in torch's order
    "torch.optim.SGD(params, 0.1, 0.9, 0, 5e-4, True)",
    "torch.optim.Adam(params, 0.01, (0.5, 0.6), 1e-6, 0.2, True)",
    "torch.optim.AdamW(params, 0.01, (0.5, 0.6), 1e-6, 0.2, True)",
    "torch.optim.RMSprop(params, 0.02, 0.95, 1e-7, 0.1, 0.3, True, None, True)",
    "torch.optim.Adagrad(params, 0.2, 0.1, 0.01, 0.5, 1e-9, None)",
    "torch.optim.Adadelta(params, 2, 0.8, 1e-4, 0.1)",
    "torch.optim.Adamax(params, 0.01, (0.7, 0.8), 1e-5, 0.1)",
    "torch.optim.NAdam(params, 0.01, (0.7, 0.8), 1e-5, 0.1, 0.01)",
    "torch.optim.RAdam(params, 0.01, (0.7, 0.8), 1e-5, 0.1)",
    # Python's literal forms: ints, signs, underscores, exponents, trailing commas, constants
    "Adam(params, lr=1, eps=1E-3, weight_decay=+0.5,)",
    "Adam(params, lr=.5e-1, betas=(0.9, 0.999,), weight_decay=1_0e-3)",
    "base_lr = 3e-4\nwd = 0.01  # weight decay\nopt = torch.optim.AdamW(model.parameters(), lr=base_lr, weight_decay=wd)",
    "import torch\nfrom torch import optim\n\noptimizer = optim.SGD(\n    model.parameters(),  # all of them\n    lr=0.1,\n    momentum=0.9,\n)\n",
    "optimizer = torch.optim.Adam(model.parameters(), \\\n    lr=0.002); x = 1",
    # every scheduler
    "opt = torch.optim.SGD(model.parameters(), lr=0.1)\nsched = torch.optim.lr_scheduler.StepLR(opt, step_size=30, gamma=0.5)",
    "opt = torch.optim.SGD(model.parameters(), lr=0.1)\nsched = lr_scheduler.StepLR(opt, 7)",
    "opt = torch.optim.Adam(model.parameters(), lr=0.01)\nsched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.99)",
    "opt = torch.optim.Adam(model.parameters())\nsched = ExponentialLR(opt, 0.9, -1, False)",
    "optimizer = torch.optim.Adam(model.parameters(), lr=0.01)\nscheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=100)",
    "optimizer = torch.optim.Adam(model.parameters(), lr=0.01)\nscheduler = CosineAnnealingLR(optimizer, 50, 1e-4)",
    "optimizer = torch.optim.SGD(model.parameters(), lr=0.3)\nscheduler = torch.optim.lr_scheduler.LinearLR(optimizer)",
    "optimizer = torch.optim.SGD(model.parameters(), lr=0.3)\nscheduler = LinearLR(optimizer, start_factor=0.5, end_factor=0.9, total_iters=20)",
    "optimizer = torch.optim.SGD(model.parameters(), lr=0.3)\nscheduler = LinearLR(optimizer, 0.25, 1.0, 10)",
    "optimizer = torch.optim.AdamW(model.parameters(), lr=0.001)\nscheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=10, T_mult=2, eta_min=1e-6)",
    "optimizer = torch.optim.AdamW(model.parameters(), lr=0.001)\nscheduler = CosineAnnealingWarmRestarts(optimizer, 5)",
    # the constructor line AdamLab's "PyTorch code" writes (issue 12, PyTorch out)
    "torch.optim.Adam(params, lr=0.05, betas=(0.8, 0.999))",
]

# (paste, part of torch's own message that the parser's message must hold too)
REFUSED = [
    ("torch.optim.Adam(params, lr=-1)", "Invalid learning rate: -1"),
    ("torch.optim.Adam(params, lr=-0.5)", "Invalid learning rate: -0.5"),
    ("torch.optim.Adam(params, eps=-1e-8)", "Invalid epsilon value: -1e-08"),
    ("torch.optim.Adam(params, betas=(1.5, 0.9))", "Invalid beta parameter at index 0: 1.5"),
    ("torch.optim.AdamW(params, betas=(0.9, 1.0))", "Invalid beta parameter at index 1: 1.0"),
    ("torch.optim.Adam(params, weight_decay=-0.1)", "Invalid weight_decay value: -0.1"),
    ("torch.optim.SGD(params, lr=0.1, momentum=-0.5)", "Invalid momentum value: -0.5"),
    ("torch.optim.SGD(params, lr=0.1, nesterov=True)", "Nesterov momentum requires a momentum and zero dampening"),
    ("torch.optim.RMSprop(params, alpha=-0.1)", "Invalid alpha value: -0.1"),
    ("torch.optim.Adagrad(params, lr_decay=-1)", "Invalid lr_decay value: -1"),
    ("torch.optim.Adadelta(params, rho=1.5)", "Invalid rho value: 1.5"),
    ("torch.optim.NAdam(params, momentum_decay=-1.0)", "Invalid momentum_decay value: -1.0"),
    ("torch.optim.Adam(params, capturable=True)", "If capturable=True, params and state_steps must be CUDA tensors."),
    ("torch.optim.Adam(params, fused=True)", "FusedAdam requires all the params to be CUDA, floating point"),
    ("torch.optim.Adam(params, momentum=0.9)", "got an unexpected keyword argument 'momentum'"),
    ("torch.optim.Adam(params, 0.1, lr=0.2)", "got multiple values for argument 'lr'"),
    ("opt = torch.optim.SGD(params, lr=0.1)\nsched = StepLR(opt)", "missing 1 required positional argument: 'step_size'"),
    ("opt = torch.optim.SGD(params, lr=0.1)\nsched = CosineAnnealingWarmRestarts(opt, T_0=10.0)",
     "Expected positive integer T_0, but got 10.0"),
    ("opt = torch.optim.SGD(params, lr=0.1)\nsched = CosineAnnealingWarmRestarts(opt, T_0=0)",
     "Expected positive integer T_0, but got 0"),
    ("opt = torch.optim.SGD(params, lr=0.1)\nsched = CosineAnnealingWarmRestarts(opt, 10, T_mult=2.0)",
     "Expected integer T_mult >= 1, but got 2.0"),
    ("opt = torch.optim.SGD(params, lr=0.1)\nsched = LinearLR(opt, start_factor=1.5)",
     "Starting multiplicative factor expected to be between 0 and 1."),
    ("opt = torch.optim.SGD(params, lr=0.1)\nsched = LinearLR(opt, end_factor=-0.5)",
     "Ending multiplicative factor expected to be between 0 and 1."),
    ("torch.optim.SGD(params)", "parameter group didn't specify a value of required optimization parameter lr"),
    ("torch.optim.Adam(params, 0.1, (0.9, 0.9), 1e-8, 0, False, None)",
     "takes from 2 to 7 positional arguments but 8 were given"),
    # torch's wording differs here: the third element is what the parser's message holds instead
    ("torch.optim.Adan(params)", "has no attribute 'Adan'", "(did you mean 'Adam'?)"),
    ("torch.optim.Adam(params, lr=base_lr)", "name 'base_lr' is not defined", "cannot resolve 'base_lr'"),
]


def plain(v):
    if isinstance(v, (tuple, list)):
        return [plain(x) for x in v]
    if isinstance(v, torch.Tensor):
        return v.item()
    return v


def namespace():
    torch.manual_seed(0)
    model = torch.nn.Linear(2, 1).double()
    ns = {"torch": torch, "optim": optim, "lr_scheduler": lr_scheduler, "model": model,
          "params": list(model.parameters())}
    for name in OPTIMIZERS:
        ns[name] = getattr(optim, name)
    for name in SCHEDULERS:
        ns[name] = getattr(lr_scheduler, name)
    return ns


def run(text):
    """Executes a paste as Python would, a bare constructor call kept as a variable."""
    tree = ast.parse(text)
    for i, node in enumerate(tree.body):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            tree.body[i] = ast.Assign(targets=[ast.Name(id=f"_bare{i}", ctx=ast.Store())], value=node.value)
    ast.fix_missing_locations(tree)
    ns = namespace()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(tree, "<paste>", "exec"), ns)
        # capturable / fused are refused by the first step on the CPU, not by the constructor.
        for v in list(ns.values()):
            if isinstance(v, torch.optim.Optimizer):
                for p in ns["params"]:
                    p.grad = torch.ones_like(p)
                v.step()
    return ns


def accepted(text):
    ns = run(text)
    opts = [v for v in ns.values() if isinstance(v, torch.optim.Optimizer)]
    scheds = [v for v in ns.values() if isinstance(v, lr_scheduler._LRScheduler)]
    assert len(opts) == 1 and len(scheds) <= 1, text
    group = {k: plain(v) for k, v in opts[0].param_groups[0].items() if k != "params"}
    case = {"paste": text, "optimizer": type(opts[0]).__name__, "group": group}
    if scheds:
        s = scheds[0]
        case["scheduler"] = type(s).__name__
        case["attributes"] = {a: getattr(s, a) for a in SCHED_ATTRS if hasattr(s, a)}
    return case


def refused(text, expect, ours=None):
    try:
        run(text)
    except Exception as e:  # noqa: BLE001 - any refusal torch makes
        message = str(e)
        assert expect in message, (text, message)
        return {"paste": text, "torch_error": type(e).__name__ + ": " + message, "expect": ours or expect}
    raise AssertionError("torch accepted " + text)


def signature(cls):
    params = []
    for name, p in list(inspect.signature(cls.__init__).parameters.items())[1:]:
        params.append({"name": name, "required": p.default is inspect.Parameter.empty or
                       repr(p.default) == "<required parameter>",
                       "keyword_only": p.kind == inspect.Parameter.KEYWORD_ONLY})
    return params


def main():
    out = {
        "torch_version": torch.__version__,
        "signatures": {n: signature(getattr(optim, n)) for n in OPTIMIZERS} |
                      {n: signature(getattr(lr_scheduler, n)) for n in SCHEDULERS},
        "accepted": [accepted(t) for t in ACCEPTED],
        "refused": [refused(*case) for case in REFUSED],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_parse_golden.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {path}: {len(out['accepted'])} accepted, {len(out['refused'])} refused")


if __name__ == "__main__":
    main()
