"""The tall workload in numpy: the reference of org.nndl4j.examples.TallWorkload (same data, same initial network,
same steps, so the printed costs agree to rounding).

Network [784, 128, 64, 1] (ReLU, ReLU, sigmoid), float64, m examples (default 60,000):
  X = np.random.RandomState(seed).rand(784, m)                      pixels in [0, 1)
  Y = (X[0] + X[1] > 1)                                            (1, m) of 0/1
  W[l] = RandomState(1).randn(n[l], n[l-1]) * sqrt(2 / n[l-1]), b[l] = 0   (He, layer after layer)
--optimizer gd (default): full-batch gradient descent, the first course's iteration (dZL = AL - Y,
  dW = 1/m dZ·A_prevᵀ, db = 1/m Σ dZ, no dA0 for the input layer), learning rate 0.01.
--optimizer adam: Adam (β1 0.9, β2 0.999, ε 1e-8, rate 0.001) on mini-batches (default 256) in an order drawn each
  epoch by RandomState(seed + 1).permutation(m); each batch's columns are gathered with X[:, idx] (no shuffled copy
  of the whole X), the second course's step (dZL = 1/mb (AL - Y), dW = dZ·A_prevᵀ, db = Σ dZ); the epoch's cost is
  the summed loss over m.

Prints one line per iteration (epoch) and a JSON summary: seconds per iteration (median), peak RSS
(ru_maxrss). Threads: set OPENBLAS_NUM_THREADS before starting python.

  OPENBLAS_NUM_THREADS=1 python3 tall_numpy.py [--examples M] [--iterations N] [--optimizer gd|adam]
                                               [--batch-size B] [--learning-rate A] [--seed S]
"""
import argparse
import json
import resource
import statistics
import time

import numpy as np

DIMS = [784, 128, 64, 1]


def data(m, seed):
    X = np.random.RandomState(seed).rand(DIMS[0], m)
    Y = (X[0:1] + X[1:2] > 1.0).astype(np.float64)
    return X, Y


def initialize(dims):
    rs = np.random.RandomState(1)
    W, b = [None], [None]
    for l in range(1, len(dims)):
        W.append(rs.randn(dims[l], dims[l - 1]) * np.sqrt(2.0 / dims[l - 1]))
        b.append(np.zeros((dims[l], 1)))
    return W, b


def forward(X, W, b):
    """Z and A of every layer (index 0 of A is X)."""
    L = len(W) - 1
    A, Z = [X], [None]
    for l in range(1, L + 1):
        z = np.dot(W[l], A[l - 1]) + b[l]
        Z.append(z)
        A.append(1 / (1 + np.exp(-z)) if l == L else np.maximum(0, z))
    return Z, A


def backward(Z, A, W, dZL, scale):
    """dW[l] = scale dZ·A[l-1]ᵀ, db[l] = scale Σ dZ; no dA0."""
    L = len(W) - 1
    dW, db = [None] * (L + 1), [None] * (L + 1)
    dZ = dZL
    for l in range(L, 0, -1):
        dW[l] = scale * np.dot(dZ, A[l - 1].T)
        db[l] = scale * np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            dA = np.dot(W[l].T, dZ)
            dA[Z[l - 1] <= 0] = 0          # relu_backward
            dZ = dA
    return dW, db


def losses(AL, Y):
    return np.multiply(-np.log(AL), Y) + np.multiply(-np.log(1 - AL), 1 - Y)


def gd_iteration(X, Y, W, b, rate):
    m = X.shape[1]
    Z, A = forward(X, W, b)
    cost = 1. / m * np.sum(losses(A[-1], Y))
    dW, db = backward(Z, A, W, A[-1] - Y, 1. / m)
    for l in range(1, len(W)):
        W[l] = W[l] - rate * dW[l]
        b[l] = b[l] - rate * db[l]
    return cost


class Adam:
    """The second course's update_parameters_with_adam, on lists instead of dictionaries."""

    def __init__(self, W, b, beta1=0.9, beta2=0.999, epsilon=1e-8):
        self.beta1, self.beta2, self.epsilon, self.t = beta1, beta2, epsilon, 0
        self.v = {(k, l): np.zeros(P[l].shape) for k, P in (("W", W), ("b", b)) for l in range(1, len(W))}
        self.s = {key: np.zeros(v.shape) for key, v in self.v.items()}

    def step(self, W, b, dW, db, rate):
        self.t += 1
        for k, P, dP in (("W", W, dW), ("b", b, db)):
            for l in range(1, len(W)):
                key = (k, l)
                self.v[key] = self.beta1 * self.v[key] + (1 - self.beta1) * dP[l]
                self.s[key] = self.beta2 * self.s[key] + (1 - self.beta2) * np.power(dP[l], 2)
                v_corrected = self.v[key] / (1 - np.power(self.beta1, self.t))
                s_corrected = self.s[key] / (1 - np.power(self.beta2, self.t))
                P[l] = P[l] - rate * v_corrected / (np.sqrt(s_corrected) + self.epsilon)


def adam_epoch(X, Y, W, b, adam, order, size, rate):
    m = X.shape[1]
    total = 0.0
    for k in range(0, m, size):
        idx = order[k:k + size]
        Xb, Yb = X[:, idx], Y[:, idx]
        Z, A = forward(Xb, W, b)
        total += np.sum(losses(A[-1], Yb))
        dW, db = backward(Z, A, W, 1. / Xb.shape[1] * (A[-1] - Yb), 1.0)
        adam.step(W, b, dW, db, rate)
    return total / m


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--examples", type=int, default=60000)
    p.add_argument("--iterations", type=int, default=5)
    p.add_argument("--optimizer", choices=["gd", "adam"], default="gd")
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--learning-rate", type=float, default=None)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    rate = args.learning_rate if args.learning_rate is not None else (0.01 if args.optimizer == "gd" else 0.001)
    X, Y = data(args.examples, args.seed)
    W, b = initialize(DIMS)
    adam = Adam(W, b) if args.optimizer == "adam" else None
    orders = np.random.RandomState(args.seed + 1)
    seconds, costs = [], []
    for i in range(args.iterations):
        t0 = time.perf_counter()
        if adam is None:
            cost = gd_iteration(X, Y, W, b, rate)
        else:
            cost = adam_epoch(X, Y, W, b, adam, orders.permutation(args.examples), args.batch_size, rate)
        seconds.append(time.perf_counter() - t0)
        costs.append(float(cost))
        print("iteration %d: cost %.17g, %.3f s" % (i, cost, seconds[-1]), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"peer": "numpy", "optimizer": args.optimizer, "examples": args.examples,
                      "seconds_per_iteration": statistics.median(seconds[1:] if len(seconds) > 1 else seconds),
                      "peak_rss_bytes": peak, "costs": costs}))


if __name__ == "__main__":
    main()
