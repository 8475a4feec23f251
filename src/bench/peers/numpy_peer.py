"""numpy's side of the peer benchmark: the course's L-layer computation, vectorised, examples as columns.

    python3 numpy_peer.py cat-gd|tall-gd|tall-adam --data DIR [--threads T] ...

Forward Z = W·A + b, ReLU hidden layers, sigmoid output, the course's cross-entropy cost; backward without dA0
(nothing needs the gradient of the input). Adam as the course writes it, on shuffled mini-batches of 256 gathered
with X[:, idx]. numpy's threads are OpenBLAS's: the benchmark sets OPENBLAS_NUM_THREADS / OMP_NUM_THREADS.
"""
import os
import time

import numpy as np

import common


def forward_backward(params, X, Y):
    """The cost at `params` and the gradients [(dW1, db1), ...]; no dA0."""
    m = X.shape[1]
    L = len(params)
    A, As, Zs = X, [X], []
    for l, (W, b) in enumerate(params):
        Z = W @ A
        Z += b
        A = np.maximum(Z, 0) if l < L - 1 else 1 / (1 + np.exp(-Z))
        Zs.append(Z)
        As.append(A)
    AL = As[-1]
    # the course's compute_cost
    cost = np.squeeze((1. / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T)))
    dZ = AL - Y                                   # sigmoid_backward(dAL) with dAL = -(Y/AL - (1-Y)/(1-AL))
    grads = [None] * L
    for l in reversed(range(L)):
        grads[l] = (dZ @ As[l].T / m, np.sum(dZ, axis=1, keepdims=True) / m)
        if l > 0:
            dA = params[l][0].T @ dZ
            dA[Zs[l - 1] <= 0] = 0                # relu_backward
            dZ = dA
    return cost, grads


def gradient_descent(args, params, X, Y):
    first = None
    t0 = None
    for i in range(args.warmup + args.iterations):
        if i == args.warmup:
            t0 = time.perf_counter()
        cost, grads = forward_backward(params, X, Y)
        first = cost if first is None else first
        params = [(W - args.learning_rate * dW, b - args.learning_rate * db) for (W, b), (dW, db) in zip(params, grads)]
    return first, time.perf_counter() - t0


def adam(args, params, X, Y):
    beta1, beta2, eps = common.ADAM
    v = [(np.zeros_like(W), np.zeros_like(b)) for W, b in params]
    s = [(np.zeros_like(W), np.zeros_like(b)) for W, b in params]
    rng = np.random.RandomState(0)
    m = X.shape[1]
    t = 0
    first = None
    start = None
    for epoch in range(args.epochs):
        start = time.perf_counter()
        order = rng.permutation(m)
        for k in range(0, m, common.BATCH):
            idx = order[k:k + common.BATCH]
            cost, grads = forward_backward(params, X[:, idx], Y[:, idx])
            first = cost if first is None else first
            t += 1
            new = []
            for l, ((W, b), (dW, db)) in enumerate(zip(params, grads)):
                vW, vb = v[l]
                sW, sb = s[l]
                vW = beta1 * vW + (1 - beta1) * dW
                vb = beta1 * vb + (1 - beta1) * db
                sW = beta2 * sW + (1 - beta2) * dW ** 2
                sb = beta2 * sb + (1 - beta2) * db ** 2
                v[l], s[l] = (vW, vb), (sW, sb)
                c1, c2 = 1 - beta1 ** t, 1 - beta2 ** t
                W = W - args.learning_rate * (vW / c1) / (np.sqrt(sW / c2) + eps)
                b = b - args.learning_rate * (vb / c1) / (np.sqrt(sb / c2) + eps)
                new.append((W, b))
            params = new
    return first, time.perf_counter() - start


def blas():
    try:
        info = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{info.get('name', '?')} {info.get('version', '')}".strip()
    except Exception:  # numpy < 2 has no mode="dicts"
        return "BLAS unknown"


def main():
    args = common.parse("numpy_peer")
    if args.precision != "f64":
        raise SystemExit("numpy_peer: float64 only (the course's numpy code)")
    X = common.load(os.path.join(args.data, f"{args.set_name}_x.npy"))
    Y = common.load(os.path.join(args.data, f"{args.set_name}_y.npy"))
    params = common.parameters(args)
    run = adam if args.workload == "tall-adam" else gradient_descent
    first, seconds = common.warmed(args, lambda: run(args, params, X, Y))
    common.report("numpy", args, first, seconds, f"numpy {np.__version__} ({blas()})")


if __name__ == "__main__":
    main()
