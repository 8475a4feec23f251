"""PyTorch's side of the peer benchmark, as a PyTorch user writes it: examples as rows, F.linear (what nn.Linear
runs), autograd, the cross-entropy on the logits, torch.optim.SGD / torch.optim.Adam.

    /usr/bin/python3 torch_peer.py cat-gd|tall-gd|tall-adam --data DIR [--threads T] [--precision f64|f32] ...

Runs with Debian's python3-torch (its /usr/bin/python3, not pyenv's). The inputs need no gradient, so autograd
computes no dA0. Mini-batches: the same shuffled orders as the other peers (numpy's RandomState(0).permutation per
epoch), gathered with X[idx].
"""
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

import common


def main():
    args = common.parse("torch_peer")
    torch.set_num_threads(args.threads)
    dtype = np.float64 if args.precision == "f64" else np.float32
    # examples as rows: X (m, n_x), Y (m, 1); the files' Y (1, m) has the same order
    X = torch.from_numpy(common.load(os.path.join(args.data, f"{args.set_name}_xt.npy"), dtype))
    Y = torch.from_numpy(common.load(os.path.join(args.data, f"{args.set_name}_y.npy"), dtype).reshape(-1, 1))
    initial = common.parameters(args, dtype)
    L = len(initial)

    def cost_of(params, A, Yb):
        for l in range(L):
            A = F.linear(A, params[2 * l], params[2 * l + 1])
            if l < L - 1:
                A = torch.relu(A)
        return F.binary_cross_entropy_with_logits(A, Yb)

    def step(params, optimizer, Xb, Yb):
        optimizer.zero_grad(set_to_none=True)
        cost = cost_of(params, Xb, Yb)
        cost.backward()
        optimizer.step()
        return cost.item()

    def run():
        """The workload from the initial parameters (copied: the optimizers update them in place)."""
        params = []
        for W, b in initial:
            params += [torch.tensor(W).requires_grad_(), torch.tensor(b.reshape(-1)).requires_grad_()]
        first = None
        if args.workload == "tall-adam":
            beta1, beta2, eps = common.ADAM
            optimizer = torch.optim.Adam(params, lr=args.learning_rate, betas=(beta1, beta2), eps=eps)
            rng = np.random.RandomState(0)
            m = X.shape[0]
            for epoch in range(args.epochs):
                start = time.perf_counter()
                order = torch.from_numpy(rng.permutation(m))
                for k in range(0, m, common.BATCH):
                    idx = order[k:k + common.BATCH]
                    cost = step(params, optimizer, X[idx], Y[idx])
                    first = cost if first is None else first
            return first, time.perf_counter() - start
        optimizer = torch.optim.SGD(params, lr=args.learning_rate)
        for i in range(args.warmup + args.iterations):
            if i == args.warmup:
                t0 = time.perf_counter()
            cost = step(params, optimizer, X, Y)
            first = cost if first is None else first
        return first, time.perf_counter() - t0

    first, seconds = common.warmed(args, run)
    common.report("torch", args, first, seconds, f"PyTorch {torch.__version__} (numpy {np.__version__})")


if __name__ == "__main__":
    main()
