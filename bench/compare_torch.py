#!/usr/bin/python3
"""ns/param of one optimizer step on a float32 vector: ours (bench JSON) beside torch 1.13's CPU
optimizers (foreach=False and True) on the same n, and the bandwidth kernel of the same run.

    build/h-bench/bench/adamlab_bench --benchmark_filter='BM_Vec|BM_Bandwidth' \
        --benchmark_format=json > ours.json
    /usr/bin/python3 bench/compare_torch.py ours.json        # Debian's python3-torch
    /usr/bin/python3 bench/compare_torch.py ours.json --threads 1 --n 10000000
--threads sets torch.set_num_threads (default: torch's own choice); --n keeps one vector size;
--cpu times torch by process CPU time (as Google Benchmark's items_per_second does for ours):
on a loaded machine wall time counts other processes' slices, and with one thread CPU time does not.
Also prints ns/run-step of the batched-engine benchmarks found in the JSON.
"""
import json
import sys
import time

import torch

OPTIMIZERS = {
    "adadelta": lambda p, fe: torch.optim.Adadelta([p], foreach=fe),
    "adagrad": lambda p, fe: torch.optim.Adagrad([p], foreach=fe),
    "adam": lambda p, fe: torch.optim.Adam([p], foreach=fe),
    "adamax": lambda p, fe: torch.optim.Adamax([p], foreach=fe),
    "adamw": lambda p, fe: torch.optim.AdamW([p], foreach=fe),
    "nadam": lambda p, fe: torch.optim.NAdam([p], foreach=fe),
    "radam": lambda p, fe: torch.optim.RAdam([p], foreach=fe),
    "rmsprop": lambda p, fe: torch.optim.RMSprop([p], foreach=fe),
    "sgd": lambda p, fe: torch.optim.SGD([p], lr=1e-3, momentum=0.9, foreach=fe),
}


CLOCK = time.perf_counter


def torch_ns_per_param(name, n, foreach, min_time=0.2):
    p = torch.nn.Parameter(torch.rand(n, dtype=torch.float32) * 2 - 1)
    p.grad = torch.rand(n, dtype=torch.float32) * 0.2 - 0.1
    opt = OPTIMIZERS[name](p, foreach)
    opt.step()  # creates the state
    best = float("inf")
    total, reps = 0.0, 0
    while total < min_time or reps < 3:
        t0 = CLOCK()
        opt.step()
        dt = CLOCK() - t0
        best = min(best, dt)
        total += dt
        reps += 1
    return best * 1e9 / n


def ours(path):
    with open(path) as f:
        data = json.load(f)
    out = {}
    for b in data["benchmarks"]:
        if b.get("run_type") == "aggregate" or "items_per_second" not in b:
            continue
        out[b["name"]] = 1e9 / b["items_per_second"]  # ns per item (CPU time)
    return out


def main():
    args = sys.argv[1:]
    threads = only_n = None
    if "--threads" in args:
        threads = int(args[args.index("--threads") + 1])
        torch.set_num_threads(threads)
    if "--cpu" in args:
        global CLOCK
        CLOCK = time.process_time
    if "--n" in args:
        only_n = int(args[args.index("--n") + 1])
    mine = ours(args[0])
    ns = sorted({int(k.rsplit("/", 1)[1]) for k in mine if k.startswith("BM_VecBlocked/")})
    if only_n is not None:
        ns = [n for n in ns if n == only_n]
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; ns/param, lower is better")
    print(f"{'optimizer':10} {'n':>9} {'bandwidth':>10} {'ours blocked':>13} {'ours core':>10} "
          f"{'torch':>8} {'torch foreach':>14} {'torch/ours':>11}")
    for name in OPTIMIZERS:
        for n in ns:
            blocked = mine.get(f"BM_VecBlocked/{name}/{n}")
            core = mine.get(f"BM_VecCore/{name}/{n}")
            bw = mine.get(f"BM_Bandwidth/{n}")
            t0 = torch_ns_per_param(name, n, False)
            t1 = torch_ns_per_param(name, n, True)
            print(f"{name:10} {n:>9} {bw:>10.3f} {blocked:>13.3f} {core:>10.3f} {t0:>8.3f} {t1:>14.3f} "
                  f"{min(t0, t1) / blocked:>10.1f}x  blocked/bandwidth {blocked / bw:.2f}")
    batched = {k: v for k, v in mine.items() if k.startswith(("BM_Batch", "BM_Scalar"))}
    if batched:
        print("\nns per run-step (2D problems)")
        for k, v in sorted(batched.items()):
            print(f"  {k:45} {v:8.2f}")


if __name__ == "__main__":
    main()
