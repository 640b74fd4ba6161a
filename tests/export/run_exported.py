#!/usr/bin/python3
"""The exported PyTorch scripts against the CLI: for every optimizer (with its notable options),
every scheduler, every problem, typed functions (expr:, byte for byte), gradient noise and the network datasets and model variants,
`adamlab trace|train ... --format pytorch` prints a script; this test runs it under real torch
(Debian's python3-torch, 1.13) and compares its csv with `adamlab trace|train ...` at 1e-10
relative (the headers and step columns exactly). Run by CTest (export.pytorch_scripts):

    /usr/bin/python3 tests/export/run_exported.py build/debug/adamlab

Each script is exec'd in a fresh namespace of this one process (torch is imported once), with
its stdout captured: the same code `python3 script.py` runs.
"""
import contextlib
import ctypes
import ctypes.util
import io
import math
import re
import subprocess
import sys
import time

import torch  # noqa: F401  (fails here, clearly, when python3-torch is missing)

REL_TOL = 1e-10
STEPS = 200

OPTIMIZERS = [
    "sgd:lr=0.002",
    "sgd:lr=0.001,momentum=0.9,nesterov=true",
    "sgd:lr=0.001,momentum=0.8,dampening=0.3,weight_decay=0.01",
    "sgd:lr=0.001,maximize=true",
    "adam:lr=0.05,beta1=0.8",
    "adam:lr=0.02,amsgrad=true,weight_decay=0.01,eps=1e-6",
    "adam:lr=0.01,beta2=0.99,maximize=true",
    "adamw:lr=0.02,weight_decay=0.1,amsgrad=true",
    "adamw:lr=0.03,beta1=0.7,beta2=0.99,eps=1e-5,maximize=true",
    "rmsprop:lr=0.01,alpha=0.9,centered=true,momentum=0.5,weight_decay=0.001",
    "rmsprop:lr=0.005,maximize=true,eps=1e-4",
    "adagrad:lr=0.1,lr_decay=0.01,initial_accumulator_value=0.1,eps=1e-8,weight_decay=0.01",
    "adagrad:lr=0.05,maximize=true",
    "adadelta:lr=1,rho=0.95,eps=1e-5,weight_decay=0.01",
    "adadelta:maximize=true",
    "adamax:lr=0.01,beta1=0.85,beta2=0.99,weight_decay=0.01",
    "adamax:lr=0.01,eps=1e-4,maximize=true",
    "nadam:lr=0.01,beta1=0.8,beta2=0.99,eps=1e-6,momentum_decay=0.005,weight_decay=0.01",
    "radam:lr=0.01,beta1=0.85,beta2=0.99,eps=1e-6,weight_decay=0.01",
]
SCHEDULERS = [
    "step:step_size=30,gamma=0.5",
    "exponential:gamma=0.98",
    "cosine:T_max=50,eta_min=0.001",
    "linear:start_factor=0.2,end_factor=0.9,total_iters=40",
    "cosine_warm_restarts:T_0=20,T_mult=2,eta_min=0.0005",
]
PROBLEMS = [  # every problem, with a non-default key where it has keys
    ("rosenbrock:b=10", "-1.5,2"), ("beale", "1,1.5"), ("himmelblau", "-0.3,-0.9"), ("booth", "-8,8"),
    ("rastrigin:A=5", "-3.3,2.7"), ("ackley:a=15", "2.5,-1.5"), ("quadratic:a=0.1,b=2", "-8,3"),
    ("saddle", "-2,0.001"), ("styblinski_tang", "0.5,-1"), ("goldstein_price", "-0.5,1"),
    ("matyas", "-8,6"), ("three_hump_camel", "-1.8,1.5"),
]

# Typed functions (expr:FUNCTION): the script runs the compiled program line for line, so its csv
# must be byte-identical to the CLI's. Every function the help lists appears in some case, and the
# last cases walk into nan/inf regions (log(0), 1/0, pow(-x, 1/3), cosh overflow) where Python's
# math module would raise and C does not.
EXPR_CASES = [
    ("expr:sin(x)*cos(y)+0.1*(x^2+y^2)", "1,1", "adam:lr=0.05"),  # the newcomer's landscape
    ("expr:(a-x)^2 + b*(y-x^2)^2; a=1; b=100", "-1.5,2", "adam:lr=0.02"),  # Rosenbrock typed out
    ("expr:sin(x)+cos(y)+tan(0.3*x)+asin(0.2*tanh(y))+acos(0.1*tanh(x))+atan(x*y)+atan2(y, x+3)"
     "+sinh(0.3*x)+cosh(0.2*y)+tanh(x-y)+exp(-x^2)+log(2+x^2)+log10(3+y^2)+sqrt(1+x^2+y^2)+abs(x-y)"
     "+min(x, y)+max(x^2, y)+pow(1.5+sin(y), x)+floor(x)+ceil(y)+x^3-y/(2+x^2)+2^-x+e^(y/4)-pi",
     "0.7,-0.4", "rmsprop:lr=0.01,momentum=0.5"),
    ("expr:max(x, y) + min(x, -y) + abs(x) + abs(y-1)", "1,1", "sgd:lr=0.1,momentum=0.9"),  # ties and kinks
    ("expr:c*(x^2 + 10*y^2)^0.75; c=2; view=-4,4,-4,4; start=-3,2; minimum=0,0", "-3,2", "adamw:lr=0.1"),
    ("expr:sqrt(x) + log(y)", "1,1", "sgd:lr=1"),  # steps to y = 0 and x < 0: -inf, then nan
    ("expr:pow(x, 1/3) + cosh(10*y) + 1/x", "0.3,2", "sgd:lr=0.5"),  # overflow, 0 and negative base
    ("expr:exp(x*y) + log10(x) + asin(y) + sinh(5*x)/(y-1)", "0.5,0.5", "adam:lr=0.5"),
]


def landscape_cases():
    cases = []
    for i, opt in enumerate(OPTIMIZERS):  # each optimizer on a problem of its own
        problem, start = PROBLEMS[i % len(PROBLEMS)]
        cases.append(["--problem", problem, "--start", start, "--optimizer", opt])
    for i, sched in enumerate(SCHEDULERS):
        cases.append(["--problem", "rosenbrock", "--start", "-1.5,2", "--optimizer",
                      OPTIMIZERS[(3 * i + 4) % len(OPTIMIZERS)], "--scheduler", sched])
    for problem, start in PROBLEMS:
        cases.append(["--problem", problem, "--start", start, "--optimizer", "adam:lr=0.03"])
    for problem, start, opt in EXPR_CASES:
        cases.append(["--problem", problem, "--start", start, "--optimizer", opt])
    cases += [
        ["--problem", "rosenbrock", "--start", "-1,1", "--optimizer", "adam:lr=0.02",
         "--noise", "gaussian:std=0.5", "--seed", "7"],
        ["--problem", "rastrigin", "--start", "-3.3,2.7", "--optimizer", "sgd:lr=0.002,momentum=0.9",
         "--noise", "gaussian:std=0.3,relative=true", "--seed", "12345678901", "--scheduler", SCHEDULERS[2]],
        ["--problem", "ackley", "--start", "1,1", "--optimizer", "rmsprop:lr=0.01",
         "--noise", "gaussian:std=2"],
        # diverges to inf and nan: the script must keep stepping and print them as the CLI does
        ["--problem", "rosenbrock", "--start", "-1.5,2", "--optimizer", "sgd:lr=0.01"],
        ["--problem", "rastrigin", "--start", "-3.3,2.7", "--optimizer", "sgd:lr=5"],
    ]
    return [["trace", *c, "--steps", str(STEPS)] for c in cases]


def network_cases():
    nets = [
        ("moons", "mlp:hidden=8,activation=tanh", "adam:lr=0.02", None, 16, 1),
        ("circles:n=120", "mlp:hidden=6x6,activation=relu,features=x+y+x2+y2", "sgd:lr=0.1,momentum=0.9",
         "step:step_size=20,gamma=0.5", 10, 2),
        ("xor:n=100", "mlp:hidden=none,features=x+y+xy", "rmsprop:lr=0.01,centered=true", None, 7, 3),
        ("spirals:classes=3,n=150", "mlp:hidden=12x12,activation=tanh,features=x+y+sinx+siny",
         "adamw:lr=0.01,weight_decay=0.05", "cosine:T_max=60", 20, 4),
        ("blobs:classes=4,n=120,test_fraction=0", "mlp:hidden=5,activation=sigmoid", "nadam:lr=0.02", None, 11, 5),
        ("sine:n=80", "mlp:hidden=10,activation=tanh,features=x+sinx", "adam:lr=0.01,amsgrad=true",
         "linear:start_factor=0.5,total_iters=20", 8, 6),
        ("sparse:n=120,features=16,active=0.2", "mlp:hidden=4,activation=linear", "adagrad:lr=0.1",
         "exponential:gamma=0.99", 9, 7),
        ("moons:n=90", "mlp:hidden=4x4x4,activation=relu,features=x+y+x2+y2+xy+sinx+siny", "radam:lr=0.01",
         "cosine_warm_restarts:T_0=15,T_mult=2", 13, 8),
    ]
    return [["train", "--data", d, "--model", m, "--optimizer", o, *(["--scheduler", s] if s else []),
             "--batch-size", str(b), "--seed", str(seed), "--steps", "60"] for d, m, o, s, b, seed in nets]


def coverage_gaps(cli):
    """Names and options `adamlab trace --help` lists that no case exercises: a new optimizer,
    option, scheduler or problem must get a case here."""
    help_text = subprocess.run([cli, "trace", "--help"], check=True, capture_output=True, text=True).stdout
    section, gaps = None, []
    used_opts = {}
    for spec in OPTIMIZERS:
        name, _, rest = spec.partition(":")
        used_opts.setdefault(name, set()).update(kv.split("=")[0] for kv in rest.split(",") if kv)
    used_scheds = {s.split(":")[0] for s in SCHEDULERS}
    used_problems = {p.split(":")[0] for p, _ in PROBLEMS} | {p.split(":")[0] for p, _, _ in EXPR_CASES}
    expr_text = " ".join(p for p, _, _ in EXPR_CASES)
    seen = {"optimizer": 0, "scheduler": 0, "problem": 0, "function": 0}
    for line in help_text.splitlines():
        for header, kind in (("Optimizers,", "optimizer"), ("Schedulers", "scheduler"), ("Problems,", "problem"),
                             ("  gradient is taken by convention:", "function")):
            if line.startswith(header):
                section = kind
        if section and not line.strip() and seen[section]:
            section = None  # a section ends at the blank line after its entries
        if not section or not line.startswith("    "):
            continue
        seen[section] += 1
        name, _, rest = line.split()[0].partition(":")
        keys = [kv.split("=")[0] for kv in rest.split(",") if kv]
        if section == "optimizer":
            gaps += [f"optimizer {name} option {k}" for k in keys if k not in used_opts.get(name, set())]
        elif section == "scheduler" and name not in used_scheds:
            gaps.append(f"scheduler {name}")
        elif section == "problem" and name not in used_problems:
            gaps.append(f"problem {name}")
        elif section == "function" and not re.search(r"\b" + name.split("(")[0] + r"\(", expr_text):
            gaps.append(f"typed-function function {name.split('(')[0]}")
    if min(seen.values()) == 0:
        gaps.append(f"the help's lists (read {seen})")
    return gaps


def expr_helper_gaps(cli):
    """The helpers an exported typed function calls where Python's math module raises (log(-1),
    1/0, exp(1000), pow(-8, 1/3), sin(inf), floor(nan)...) against C: libm through ctypes (what
    std::pow and friends call) and torch's IEEE division and minimum/maximum, on special values
    where a trace rarely lands, bit for bit (the sign of zero included)."""
    ops = "x/y+pow(x,y)+tan(x)+asin(x)+acos(y)+sinh(x)+cosh(y)+log(x)+log10(y)+floor(x)+ceil(y)" \
          "+min(x,y)+max(x,y)+abs(x)+sin(x)+cos(y)+exp(x)+sqrt(y)"
    script = subprocess.run([cli, "trace", "--problem", "expr:" + ops, "--start", "1,1", "--optimizer", "sgd:lr=0.1",
                             "--steps", "0", "--format", "pytorch"], check=True, capture_output=True, text=True).stdout
    ns = {"__name__": "helpers"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(script, "<exported>", "exec"), ns)
    libm = ctypes.CDLL(ctypes.util.find_library("m"))

    def c_fn(name, arity):
        f = getattr(libm, name)
        f.restype, f.argtypes = ctypes.c_double, [ctypes.c_double] * arity
        return f

    def t2(op):
        return lambda a, b: op(torch.tensor(a, dtype=torch.float64), torch.tensor(b, dtype=torch.float64)).item()

    unary = {"sin": "sin", "cos": "cos", "exp": "exp", "sqrt": "sqrt", "tan": "tan", "asin": "asin",
             "acos": "acos", "sinh": "sinh", "cosh": "cosh", "log": "log", "log10": "log10", "floor": "floor",
             "ceil": "ceil"}
    binary = {"power": c_fn("pow", 2), "divide": t2(torch.div), "minimum": t2(torch.minimum),
              "maximum": t2(torch.maximum)}
    specials = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 1 / 3, -8.0, 710.0, -710.0, 1000.0,
                -1000.0, 1e308, -1e308, 5e-324, math.inf, -math.inf, math.nan]

    def same(u, v):
        return (math.isnan(u) and math.isnan(v)) or (u == v and math.copysign(1, u) == math.copysign(1, v))

    gaps = []
    # A typed function's constants are written as repr() writes them, so they read back exactly.
    consts = "x*0.1 + y*1e-300 + x*123456789.123 + y*5e-324 + x*1e22 + 2.5e-7*y + 1/3*x + 1e16*y - 0.3*x"
    script = subprocess.run([cli, "trace", "--problem", "expr:" + consts, "--start", "1,1", "--optimizer", "sgd:lr=0.1",
                             "--steps", "0", "--format", "pytorch"], check=True, capture_output=True, text=True).stdout
    body = script[script.index("def value(x, y):"):script.index("def gradient(x, y):")]
    literals = re.findall(r"(?<![\w.])\d[\d.]*(?:e[-+]?\d+)?", body)
    if len(literals) < 9:
        gaps.append(f"expected 9 constants in {body!r}")
    gaps += [f"literal {t} is not repr {float(t)!r}" for t in literals if repr(float(t)) != t]
    for name, c_name in unary.items():
        ref = c_fn(c_name, 1)
        for a in specials:
            try:
                ours = ns[name](a)
            except Exception as e:  # noqa: BLE001  (any exception is the failure this checks for)
                ours = f"raised {type(e).__name__}"
            if isinstance(ours, str) or not same(ours, ref(a)):
                gaps.append(f"helper {name}({a!r}) = {ours!r}, C gives {ref(a)!r}")
    for name, ref in binary.items():
        for a in specials:
            for b in specials:
                try:
                    ours = ns[name](a, b)
                except Exception as e:  # noqa: BLE001
                    ours = f"raised {type(e).__name__}"
                if isinstance(ours, str) or not same(ours, ref(a, b)):
                    gaps.append(f"helper {name}({a!r}, {b!r}) = {ours!r}, C gives {ref(a, b)!r}")
    return gaps


def rel_diff(a, b):
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y):
        return 0.0 if math.isnan(x) and math.isnan(y) else math.inf
    if x == y:
        return 0.0
    if math.isinf(x) or math.isinf(y):
        return math.inf
    return abs(x - y) / max(abs(x), abs(y))


def compare(ours, theirs):
    """Max relative difference, or a string saying what differs in shape."""
    a, b = ours.splitlines(), theirs.splitlines()
    if len(a) != len(b):
        return f"{len(a)} lines from the script, {len(b)} from the CLI"
    if a[0] != b[0]:
        return f"headers differ: {a[0]!r} vs {b[0]!r}"
    worst = 0.0
    for line_a, line_b in zip(a[1:], b[1:]):
        fa, fb = line_a.split(","), line_b.split(",")
        if len(fa) != len(fb) or fa[0] != fb[0]:
            return f"rows differ: {line_a!r} vs {line_b!r}"
        for u, v in zip(fa[1:], fb[1:]):
            worst = max(worst, rel_diff(u, v))
    return worst


def run_script(source):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<exported>", "exec"), {"__name__": "__main__"})
    return out.getvalue()


def main():
    cli = sys.argv[1]
    passed, failed, worst_by_kind = 0, 0, {}
    started = time.time()
    gaps = coverage_gaps(cli)
    for gap in gaps:
        failed += 1
        print(f"FAIL no case covers {gap}")
    for gap in expr_helper_gaps(cli):
        failed += 1
        print(f"FAIL {gap}")
    for args in landscape_cases() + network_cases():
        script = subprocess.run([cli, *args, "--format", "pytorch"], check=True, capture_output=True, text=True).stdout
        reference = subprocess.run([cli, *args], check=True, capture_output=True, text=True).stdout
        ours = run_script(script)
        result = compare(ours, reference)
        kind = args[0] + " " + args[args.index("--optimizer") + 1].split(":")[0]
        if "--problem" in args and args[args.index("--problem") + 1].startswith("expr:"):
            kind = "trace expr"
            if not isinstance(result, str) and ours != reference:  # typed functions: byte for byte
                first = next(i for i, (a, b) in enumerate(zip(ours.splitlines(), reference.splitlines())) if a != b)
                result = f"not byte-identical from line {first + 1}"
        if isinstance(result, str) or not result <= REL_TOL:
            failed += 1
            print(f"FAIL ({result}): adamlab {' '.join(args)}")
            continue
        passed += 1
        worst_by_kind[kind] = max(worst_by_kind.get(kind, 0.0), result)
    for kind in sorted(worst_by_kind):
        print(f"{kind:15s} max relative difference {worst_by_kind[kind]:.3g}")
    print(f"overall max relative difference {max(worst_by_kind.values(), default=0):.3g} "
          f"({time.time() - started:.1f} s, torch {torch.__version__})")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
