"""numpy's figures for GemmBenchmark's products: median GFLOP/s of the runs.

Usage: OPENBLAS_NUM_THREADS=1 python3 gemm_numpy.py [runs]   (and again with 2)
"""
import os
import sys
import time

import numpy as np

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
rng = np.random.default_rng(1)
X = rng.uniform(-1, 1, (784, 60000))
W1 = rng.uniform(-1, 1, (128, 784))
dZ1 = rng.uniform(-1, 1, (128, 60000))
W2 = rng.uniform(-1, 1, (64, 128))
A1 = rng.uniform(-1, 1, (128, 60000))
dZ2 = rng.uniform(-1, 1, (64, 60000))
Xc = rng.uniform(-1, 1, (12288, 209))
Wc = rng.uniform(-1, 1, (20, 12288))
dZc = rng.uniform(-1, 1, (20, 209))
products = [
    ("tall  Z1 = W1·X", 128 * 784 * 60000, lambda: np.dot(W1, X)),
    ("tall  dW1 = dZ1·Xᵀ", 128 * 784 * 60000, lambda: np.dot(dZ1, X.T) / 60000),
    ("tall  Z2 = W2·A1", 64 * 128 * 60000, lambda: np.dot(W2, A1)),
    ("tall  dA1 = W2ᵀ·dZ2", 64 * 128 * 60000, lambda: np.dot(W2.T, dZ2)),
    ("cat   Z1 = W1·X", 20 * 12288 * 209, lambda: np.dot(Wc, Xc)),
    ("cat   dW1 = dZ1·Xᵀ", 20 * 12288 * 209, lambda: np.dot(dZc, Xc.T) / 209),
]
for name, madds, f in products:
    repeat = max(1, 2_000_000_000 // madds)
    times = []
    cpu = []
    for r in range(runs + 2):
        c0 = time.process_time()
        t0 = time.perf_counter()
        for _ in range(repeat):
            f()
        t = (time.perf_counter() - t0) / repeat
        if r >= 2:
            times.append(t)
            cpu.append((time.process_time() - c0) / repeat)
    times.sort()
    cpu.sort()
    med = times[len(times) // 2]
    flop = 2 * madds
    print("%-30s numpy  %s thread(s): %8.2f ms  %6.1f GFLOP/s wall (best %.1f)  %6.1f GFLOP/s per CPU-s" % (
        name, os.environ.get("OPENBLAS_NUM_THREADS", "?"), med * 1e3, flop / med / 1e9, flop / times[0] / 1e9,
        flop / cpu[len(cpu) // 2] / 1e9))
