#!/usr/bin/python3
"""One training step of the network mode (forward + backward on a minibatch + optimizer step),
ours against torch 1.13 on the CPU, in the same run: this script starts our benchmark binary,
then times torch on the same network shape, dtype (float64) and batch size, and prints the ratio.

    /usr/bin/python3 bench/compare_torch_nn.py build/h-bench/bench/adamlab_nn_bench [--cpu]

The network is the page's default task: 2 inputs (x, y), hidden 8x8 tanh (or the width of the
benchmark's second argument), 2 outputs, CrossEntropyLoss, batch 10. --cpu times torch by process
CPU time, as Google Benchmark's items_per_second does for ours (fairer on a loaded machine).
"""
import json
import subprocess
import sys
import time

import torch

torch.set_default_dtype(torch.float64)

OPTIMIZERS = {
    "sgd:lr=0.1": lambda p: torch.optim.SGD(p, lr=0.1),
    "sgd:lr=0.1,momentum=0.9": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "adam:lr=0.01": lambda p: torch.optim.Adam(p, lr=0.01),
    "rmsprop:lr=0.01": lambda p: torch.optim.RMSprop(p, lr=0.01),
}


def torch_us_per_step(spec, width, clock, batch=10, min_time=0.5):
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(2, width), torch.nn.Tanh(), torch.nn.Linear(width, width),
                              torch.nn.Tanh(), torch.nn.Linear(width, 2))
    opt = OPTIMIZERS[spec](net.parameters())
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.rand(batch, 2) * 2 - 1
    y = torch.randint(0, 2, (batch,))

    def step():
        opt.zero_grad()
        loss = loss_fn(net(x), y)
        loss.backward()
        opt.step()
        return loss

    for _ in range(20):
        step()
    best, total, reps = float("inf"), 0.0, 0
    while total < min_time or reps < 200:
        t0 = clock()
        for _ in range(10):
            step()
        dt = (clock() - t0) / 10
        best, total, reps = min(best, dt), total + dt * 10, reps + 10
    return best * 1e6


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    clock = time.process_time if "--cpu" in sys.argv else time.perf_counter
    out = subprocess.run([sys.argv[1], "--benchmark_filter=BM_Net", "--benchmark_format=json"],
                         check=True, capture_output=True, text=True).stdout
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), "
          f"{'CPU' if clock is time.process_time else 'wall'} time, float64")
    print(f"{'benchmark':40} {'ours us/step':>12} {'torch us/step':>13} {'torch/ours':>10}")
    for b in json.loads(out)["benchmarks"]:
        if not b["name"].startswith("BM_NetStep"):
            if b["name"].startswith("BM_NetRow"):
                print(f"{b['name']:40} {1e6 / b['items_per_second']:12.2f}   (whole train + test sets)")
            continue
        spec = b["label"].split(" ")[0]
        width = int(b["name"].split("/")[2])
        ours = 1e6 / b["items_per_second"]
        theirs = torch_us_per_step(spec, width, clock)
        print(f"{b['name'] + ' ' + spec:40} {ours:12.2f} {theirs:13.1f} {theirs / ours:9.1f}x")


if __name__ == "__main__":
    main()
