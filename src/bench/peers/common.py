"""What the Python peers share: the workloads' constants, reading the prepared .npy files, the command line and
the JSON line every peer prints. Keep in step with org.nndl4j.examples.PeerData (which writes the files)."""
import argparse
import json
import os
import sys
import time

import numpy as np

CAT_DIMS = (12288, 20, 7, 5, 1)
TALL_DIMS = (784, 128, 64, 1)
LEARNING_RATE = {"cat-gd": 0.0075, "tall-gd": 0.1, "tall-adam": 0.001}
BATCH = 256
ADAM = (0.9, 0.999, 1e-8)
WORKLOADS = ("cat-gd", "tall-gd", "tall-adam")


def parse(peer):
    p = argparse.ArgumentParser(prog=peer, description="one peer-benchmark workload; prints one JSON line")
    p.add_argument("workload", choices=WORKLOADS)
    p.add_argument("--data", required=True, help="the directory PeerWorkloads prepare wrote")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--precision", choices=("f64", "f32"), default="f64")
    p.add_argument("--warmup", type=int, default=None, help="untimed iterations (gd; default 50 cat, 1 tall)")
    p.add_argument("--iterations", type=int, default=None, help="timed iterations (gd; default 50 cat, 3 tall)")
    p.add_argument("--epochs", type=int, default=3, help="tall-adam epochs; the last one is timed")
    p.add_argument("--warmup-seconds", type=float, default=0.0,
                   help="first repeat the whole run, untimed, until this many seconds have passed (default 0)")
    a = p.parse_args()
    if not 0 <= a.warmup_seconds < float("inf"):
        p.error(f"--warmup-seconds must be a finite number >= 0, got {a.warmup_seconds}")
    a.warmup_runs = 0
    cat = a.workload == "cat-gd"
    a.warmup = (50 if cat else 1) if a.warmup is None else a.warmup
    a.iterations = (50 if cat else 3) if a.iterations is None else a.iterations
    a.set_name = "cat" if cat else "tall"
    a.dims = CAT_DIMS if cat else TALL_DIMS
    a.learning_rate = LEARNING_RATE[a.workload]
    return a


def load(path, dtype=np.float64):
    """A float64 .npy file as an array of `dtype`, converted chunk by chunk: one full-size array in memory."""
    with open(path, "rb") as f:
        if np.lib.format.read_magic(f) != (1, 0):
            sys.exit(f"{path}: expected a version 1.0 .npy file (PeerWorkloads prepare writes them)")
        shape, fortran, stored = np.lib.format.read_array_header_1_0(f)
        if fortran or stored != np.dtype("<f8"):
            sys.exit(f"{path}: expected C-order little-endian float64, got {stored} fortran={fortran}")
        out = np.empty(shape, dtype=dtype)
        flat = out.reshape(-1)
        chunk = 1 << 21
        for start in range(0, flat.size, chunk):
            n = min(chunk, flat.size - start)
            flat[start:start + n] = np.frombuffer(f.read(8 * n), dtype="<f8", count=n)
    return out


def parameters(args, dtype=np.float64):
    """[(W1, b1), ..., (WL, bL)] of the workload's network, W as (n[l], n[l-1]) and b as (n[l], 1)."""
    d = args.data
    return [(load(os.path.join(d, f"{args.set_name}_W{l}.npy"), dtype),
             load(os.path.join(d, f"{args.set_name}_b{l}.npy"), dtype)) for l in range(1, len(args.dims))]


def warmed(args, run):
    """run() repeated, untimed, until --warmup-seconds have passed (counted in args.warmup_runs), then once more:
    its (first cost, seconds) are reported. Every peer does the same with the same flag."""
    deadline = time.perf_counter() + args.warmup_seconds
    while time.perf_counter() < deadline:
        run()
        args.warmup_runs += 1
    return run()


def report(peer, args, first_cost, seconds, version):
    gd = args.workload != "tall-adam"
    print(json.dumps({"peer": peer, "workload": args.workload, "precision": args.precision, "threads": args.threads,
                      "first_cost": float(first_cost),
                      "seconds": seconds / args.iterations if gd else seconds,
                      "per": "iteration" if gd else "epoch", "timed": args.iterations if gd else 1,
                      "warmup": args.warmup if gd else args.epochs - 1, "warmup_runs": args.warmup_runs,
                      "version": version}), flush=True)
