#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
make_digits_golden.py -- writes digits.golden: the spec's "Many classes: softmax" network
([64, 25, 12, 10], LINEAR->RELU x2, LINEAR->SOFTMAX) trained by plain full-batch gradient
descent on scikit-learn's 8x8 digits, plus a small softmax unit case and a study of how far
the run moves when only rounding errors change (so the Java tests can use an honest tolerance).

It is a self-contained numpy transcription of the course's deep-network code, with the output
layer changed from sigmoid to a column-wise softmax as the spec describes:

    X = data / 16, transposed to (64, 1797);  Y = one-hot (10, 1797) from target
    train = first 1437 columns, test = last 360
    np.random.seed(1); for l = 1..3: W[l] = randn(n[l], n[l-1]) * sqrt(2 / n[l-1]); b[l] = zeros((n[l], 1))
    softmax: Zs = Z - Z.max(axis=0, keepdims=True); E = exp(Zs); A = E / E.sum(axis=0, keepdims=True)
    cost = -sum(Y * log(A3)) / m
    backward: dZ3 = A3 - Y; dW = (1/m) dZ.A_prev^T; db = (1/m) sum(dZ, axis=1); dA_prev = W^T.dZ;
              ReLU: dZ = copy(dA); dZ[Z <= 0] = 0
    update: W = W - lr*dW; b = b - lr*db   (every iteration, whole training set)
    cost recorded when i % 100 == 0, before that iteration's update
    prediction = argmax(A3, axis=0)

How to run (from anywhere; about a minute, the "naive" chaos variant dominates):

    python3 src/test/resources/golden/make_digits_golden.py

with the pyenv python3 (numpy 2.x; the golden values were made with numpy 2.4.6).  The HDF5 input
/work/main/datasets/course2_inputs.h5 (group digits_raw: data (1797, 64) float64, target (1797,) int64)
is read with h5py: directly if the running python has h5py, otherwise by a helper subprocess
`/usr/bin/python3` (Debian: apt-get install -y python3-h5py python3-numpy) that exports the two
arrays to .npy files in a temporary directory.  Overrides: NNDL4J_DIGITS_H5 (input file),
NNDL4J_H5_PYTHON (helper interpreter).  OpenBLAS is pinned to one thread before numpy loads.
The kernel OpenBLAS picks (OPENBLAS_CORETYPE, normally unset = auto-detected) does not change
the golden numbers beyond the chaos tolerances recorded in the file (checked with
OPENBLAS_CORETYPE=Haswell vs the auto-detected SkylakeX kernel when this file was made).

Output: digits.golden next to this script.  Only progress messages go to stderr.
"""

import os

# golden: pin BLAS threading before numpy is imported (determinism).
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

import math
import platform
import re
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = "src/test/resources/golden/make_digits_golden.py"
H5_PATH = os.environ.get("NNDL4J_DIGITS_H5",
                         os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "datasets",
                                                       "course2_inputs.h5")))
H5_PYTHON = os.environ.get("NNDL4J_H5_PYTHON", "/usr/bin/python3")

# The chosen configuration (see the report in the golden header: lr 0.1 / 1000 iterations reaches
# the best test accuracy among the short runs tried, and is far from chaotic).
LAYERS_DIMS = [64, 25, 12, 10]
LEARNING_RATE = 0.1
NUM_ITERATIONS = 1000
N_TRAIN = 1437
FIRST = 5          # first_costs: iterations 0..4; after5.*: parameters after 5 updates


def log(msg):
    print("[make_digits_golden] " + msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Environment description (for the header)
# ---------------------------------------------------------------------------

def blas_description():
    """OpenBLAS version/config and the kernel (core) it actually uses, read from numpy's bundled lib."""
    try:
        import ctypes
        import glob
        libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*.so*"))
        for path in libs:
            lib = ctypes.CDLL(path)
            for prefix, suffix in (("scipy_openblas_", "64_"), ("scipy_openblas_", ""), ("openblas_", "")):
                try:
                    cfg = getattr(lib, prefix + "get_config" + suffix)
                    core = getattr(lib, prefix + "get_corename" + suffix)
                    nth = getattr(lib, prefix + "get_num_threads" + suffix)
                except AttributeError:
                    continue
                cfg.restype = ctypes.c_char_p
                core.restype = ctypes.c_char_p
                return "%s; core %s; %d thread(s); lib %s" % (
                    cfg().decode().strip(), core().decode(), nth(), os.path.basename(path))
    except Exception as e:  # pragma: no cover
        return "unknown (%s)" % e
    try:  # e.g. Debian's numpy, linked to the system OpenBLAS
        from threadpoolctl import threadpool_info
        return "; ".join("%s %s (core %s, %s thread(s))" % (i.get("internal_api"), i.get("version"),
                                                              i.get("architecture"), i.get("num_threads"))
                         for i in threadpool_info() if i.get("user_api") == "blas") or "unknown"
    except Exception:
        return "unknown (no bundled OpenBLAS found, no threadpoolctl)"


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------

_EXPORT = r"""
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "r") as f:
    np.save(sys.argv[2], f["digits_raw/data"][()])
    np.save(sys.argv[3], f["digits_raw/target"][()])
print(h5py.__version__)
"""


def load_digits_raw():
    """(data (1797, 64) float64, target (1797,) int64, h5py version used)."""
    try:
        import h5py
        with h5py.File(H5_PATH, "r") as f:
            return f["digits_raw/data"][()], f["digits_raw/target"][()], h5py.__version__
    except ImportError:
        pass
    with tempfile.TemporaryDirectory(prefix="digits_golden_") as tmp:
        dpath, tpath = os.path.join(tmp, "data.npy"), os.path.join(tmp, "target.npy")
        out = subprocess.run([H5_PYTHON, "-c", _EXPORT, H5_PATH, dpath, tpath],
                             check=True, capture_output=True, text=True)
        data, target = np.load(dpath), np.load(tpath)
    return data, target, out.stdout.strip() + " (via %s)" % H5_PYTHON


# ---------------------------------------------------------------------------
# The course's L-layer network, output layer softmax (transcription)
# ---------------------------------------------------------------------------
# DOT / SUM_ROWS are the two reductions whose summation order a Java port may do differently.
# The golden run uses the course's np.dot / np.sum; the chaos study swaps them (see VARIANTS).

def dot_numpy(A, B):
    return np.dot(A, B)


def sum_rows_numpy(A):
    return np.sum(A, axis=1, keepdims=True)


DOT = dot_numpy
SUM_ROWS = sum_rows_numpy


def initialize_parameters_deep(layer_dims):
    """He initialisation, as the spec defines it for this network (seed set by the caller)."""
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    Z = DOT(W, A) + b
    cache = (A, W, b)
    return Z, cache


def relu(Z):
    A = np.maximum(0, Z)
    return A, Z


def softmax(Z):
    """Column-wise softmax, shifted by each column's max so that exp never overflows."""
    Zs = Z - Z.max(axis=0, keepdims=True)
    E = np.exp(Zs)
    A = E / E.sum(axis=0, keepdims=True)
    return A, Z


def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu":
        A, activation_cache = relu(Z)
    elif activation == "softmax":
        A, activation_cache = softmax(Z)
    else:
        raise ValueError(activation)
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)], parameters['b' + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], "softmax")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    """Cross-entropy of a softmax output: -sum(Y * log(AL)) / m."""
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL)) / m
    return cost


def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (1 / m) * DOT(dZ, A_prev.T)
    db = (1 / m) * SUM_ROWS(dZ)
    dA_prev = DOT(W.T, dZ)
    return dA_prev, dW, db


def relu_backward(dA, cache):
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    # softmax + cross-entropy: dZ_L = A_L - Y
    linear_cache, _ = caches[L - 1]
    dZ = AL - Y
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(dZ, linear_cache)
    for l in reversed(range(L - 1)):
        linear_cache, activation_cache = caches[l]
        dZ = relu_backward(grads["dA" + str(l + 1)], activation_cache)
        dA_prev_temp, dW_temp, db_temp = linear_backward(dZ, linear_cache)
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters


def L_layer_model(X, Y, layers_dims, learning_rate, num_iterations, perturb=None):
    """Full-batch gradient descent.  Returns (parameters, costs every 100 iterations,
    costs of iterations 0..FIRST-1, copy of the parameters after FIRST updates).
    perturb(parameters) -- chaos study only -- edits the initial parameters in place."""
    np.random.seed(1)
    costs = []
    first_costs = []                                     # golden: every iteration for i < FIRST
    after_first = None                                   # golden
    parameters = initialize_parameters_deep(layers_dims)
    if perturb is not None:
        perturb(parameters)
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i < FIRST:                                    # golden
            first_costs.append(float(cost))
        if i + 1 == FIRST:                               # golden
            after_first = {k: v.copy() for k, v in parameters.items()}
        if i % 100 == 0:
            costs.append(float(cost))
    return parameters, costs, first_costs, after_first


def predict(X, parameters):
    AL, _ = L_model_forward(X, parameters)
    return np.argmax(AL, axis=0)


# ---------------------------------------------------------------------------
# Chaos study: same maths, only rounding changes
# ---------------------------------------------------------------------------

def dot_einsum(A, B):
    """numpy's own einsum loops instead of BLAS (another summation order)."""
    return np.einsum('ij,jk->ik', A, B)


def dot_transpose(A, B):
    """(B^T A^T)^T: BLAS walks the operands in the other layout, another kernel/blocking."""
    return np.dot(B.T, A.T).T


def dot_naive(A, B):
    """Plain left-to-right accumulation over the inner index, like a simple Java triple loop."""
    n = A.shape[1]
    if n <= 64:
        C = A[:, 0:1] * B[0:1, :]
        for k in range(1, n):
            C = C + A[:, k:k + 1] * B[k:k + 1, :]
        return C
    # long inner index (the m = 1437 of dW): sequential prefix sum, keep the last
    return np.cumsum(A[:, None, :] * B.T[None, :, :], axis=2)[:, :, -1]


def sum_rows_naive(A):
    return np.cumsum(A, axis=1)[:, -1:]


def _nudge(key, i, j, direction):
    def perturb(parameters):
        parameters[key][i, j] = np.nextafter(parameters[key][i, j], direction)
    return perturb


# name -> (dot, sum_rows, perturb, description)
VARIANTS = [
    ("ulp_W1_up", dot_numpy, sum_rows_numpy, _nudge("W1", 0, 27, np.inf),
     "initial W1[0,27] moved up by 1 ulp (pixel 27 varies; pixels 0, 32, 39 are always 0, so W1[:,0] would be inert)"),
    ("ulp_W1_down", dot_numpy, sum_rows_numpy, _nudge("W1", 24, 36, -np.inf),
     "initial W1[24,36] moved down by 1 ulp"),
    ("ulp_W3_up", dot_numpy, sum_rows_numpy, _nudge("W3", 9, 11, np.inf),
     "initial W3[9,11] moved up by 1 ulp"),
    ("einsum", dot_einsum, sum_rows_numpy, None,
     "every matrix product by np.einsum('ij,jk->ik') (numpy loops, no BLAS)"),
    ("transpose", dot_transpose, sum_rows_numpy, None,
     "every matrix product as np.dot(B.T, A.T).T"),
    ("naive", dot_naive, sum_rows_naive, None,
     "every matrix product and the db row sums accumulated strictly left to right (Java-like loops)"),
]


def rel_diff(a, b):
    """max over elements of |a - b| / |b| (0 where both are 0)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    d = np.abs(a - b)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(d == 0, 0.0, d / np.abs(b))
    return float(np.max(r))


def scaled_diff(a, b):
    """max |a - b| / max |b| (difference relative to the matrix's scale)."""
    return float(np.max(np.abs(np.asarray(a) - np.asarray(b))) / np.max(np.abs(np.asarray(b))))


# ---------------------------------------------------------------------------
# Golden-file writer (same format as make_golden.py's)
# ---------------------------------------------------------------------------

from golden_writer import Golden  # noqa: E402  (the shared writer)


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def softmax_unit_case(g):
    """3x4 case: huge positive and negative logits (exp would overflow without the max shift),
    a column of equal values, and an ordinary column.  Within each column the logits differ
    by at most a few units, so no probability underflows to 0 (the spec's cost formula
    -sum(Y*log(A)) would give 0*log(0) = nan there)."""
    Z = np.array([[1000.0, -1000.0, 7.0, 1.0],
                  [1001.0, -1002.0, 7.0, -2.0],
                  [999.0, -999.5, 7.0, 0.5]])
    Y = np.array([[0.0, 0.0, 1.0, 1.0],
                  [1.0, 0.0, 0.0, 0.0],
                  [0.0, 1.0, 0.0, 0.0]])
    A, _ = softmax(Z)
    cost = compute_cost(A, Y)
    g.matrix("softmax.Z", Z, "3x4 logits: column 0 around +1000, column 1 around -1000, column 2 all equal (7),\n"
                             "column 3 ordinary")
    g.matrix("softmax.A", A, "softmax(Z) column-wise: Zs = Z - Z.max(axis=0); E = exp(Zs); A = E / E.sum(axis=0)")
    g.matrix("softmax.Y", Y, "one-hot labels (3x4), classes 1, 2, 0, 0")
    g.float1("softmax.cost", cost, "-np.sum(Y * np.log(A)) / m with m = 4")


def main():
    t0 = time.time()
    data, target, h5py_version = load_digits_raw()
    assert data.shape == (1797, 64) and target.shape == (1797,), (data.shape, target.shape)
    log("read %s: data %s %s, target %s %s (h5py %s)" % (
        H5_PATH, data.shape, data.dtype, target.shape, target.dtype, h5py_version))

    X = (data / 16).T                                      # (64, 1797)
    m_all = X.shape[1]
    Y = np.zeros((10, m_all))
    Y[target, np.arange(m_all)] = 1.0                      # one-hot (10, 1797)
    train_x, train_y, train_t = X[:, :N_TRAIN], Y[:, :N_TRAIN], target[:N_TRAIN]
    test_x, test_t = X[:, N_TRAIN:], target[N_TRAIN:]

    # init values (same seed and order as the run)
    np.random.seed(1)
    init = initialize_parameters_deep(LAYERS_DIMS)

    log("training lr=%g, %d iterations ..." % (LEARNING_RATE, NUM_ITERATIONS))
    t = time.time()
    params, costs, first_costs, after5 = L_layer_model(train_x, train_y, LAYERS_DIMS, LEARNING_RATE, NUM_ITERATIONS)
    train_seconds = time.time() - t
    pred_train = predict(train_x, params)
    pred_test = predict(test_x, params)
    train_acc = float(np.mean(pred_train == train_t))
    test_acc = float(np.mean(pred_test == test_t))
    final_cost = compute_cost(L_model_forward(train_x, params)[0], train_y)
    confusion = np.zeros((10, 10), dtype=np.int64)
    for true, pred in zip(test_t, pred_test):
        confusion[true, pred] += 1
    log("train acc %.4f, test acc %.4f, last recorded cost %r (%.1fs)" % (train_acc, test_acc, costs[-1], train_seconds))

    # chaos study
    global DOT, SUM_ROWS
    chaos = []
    for name, dot, sum_rows, perturb, desc in VARIANTS:
        t = time.time()
        DOT, SUM_ROWS = dot, sum_rows
        try:
            p, c, fc, a5 = L_layer_model(train_x, train_y, LAYERS_DIMS, LEARNING_RATE, NUM_ITERATIONS, perturb)
        finally:
            DOT, SUM_ROWS = dot_numpy, sum_rows_numpy
        cost_rel = [rel_diff(x, y) for x, y in zip(c, costs)]
        r = {
            "name": name, "desc": desc,
            "cost_rel": cost_rel,
            "max_cost": max(max(cost_rel), rel_diff(fc, first_costs)),
            "first": rel_diff(fc, first_costs),
            "after5_W3": rel_diff(a5["W3"], after5["W3"]),
            "final_W3": rel_diff(p["W3"], params["W3"]),
            "final_W3_scaled": max(scaled_diff(p[k], params[k]) for k in params),
            "final_b3": rel_diff(p["b3"], params["b3"]),
            "final_W1_sum": rel_diff(np.sum(p["W1"]), np.sum(params["W1"])),
            "final_W2_sum": rel_diff(np.sum(p["W2"]), np.sum(params["W2"])),
            "pred_changes": int(np.sum(predict(train_x, p) != pred_train) + np.sum(predict(test_x, p) != pred_test)),
        }
        chaos.append(r)
        log("chaos %-11s max rel cost diff %.3g, final W3 %.3g, b3 %.3g, W1_sum %.3g, W2_sum %.3g, "
            "pred changes %d (%.1fs)" % (name, r["max_cost"], r["final_W3"], r["final_b3"], r["final_W1_sum"],
                                         r["final_W2_sum"], r["pred_changes"], time.time() - t))

    # --- golden file --------------------------------------------------------
    g = Golden("digits.golden", "spec \"Many classes: softmax\": [64,25,12,10] softmax network on the 8x8 digits",
               ["Network: LINEAR->RELU, LINEAR->RELU, LINEAR->SOFTMAX; He init after np.random.seed(1) (W[l] = randn * sqrt(2/n[l-1]),",
                "  b[l] = 0, l = 1..3 in order); plain FULL-BATCH gradient descent on the 1437 training columns;",
                "  cost -sum(Y*log(A3))/m recorded before the update of iterations i % 100 == 0 (0, 100, ..., 900).",
                "Data: datasets/course2_inputs.h5 group digits_raw; X = data/16 transposed (64, 1797), Y one-hot (10, 1797);",
                "  train = columns 0..1436, test = columns 1437..1796.",
                "Choice of learning_rate/iterations (test accuracy of the same run at 1000 / 2000 / 5000 iterations):",
                "  lr 0.05: 0.9028 / 0.9194 / 0.9194;  lr 0.1: 0.9167 / 0.9222 / 0.9167;  lr 0.15: 0.9167 / 0.9167 / 0.9194;",
                "  lr 0.2: 0.8833 / 0.8889 / 0.8944;   lr 0.3: 0.8861 / 0.8889 / 0.8917;  lr 0.5: 0.8944 / 0.8917 / 0.8917.",
                "  lr 0.1 with 1000 iterations (~17 MFLOP per iteration, ~17 GFLOP in all) is within one test image of the",
                "  best of all these runs and costs half of the next better one."])

    g.float1("digits.learning_rate", LEARNING_RATE, "learning rate")
    g.int1("digits.iterations", NUM_ITERATIONS, "number of gradient-descent iterations (full batch)")
    g.ints("digits.layer_dims", LAYERS_DIMS, "layer sizes n[0..3]")
    g.floats("digits.costs", costs, "costs at iterations 0, 100, ..., %d (before that iteration's update)"
             % (NUM_ITERATIONS - 100))
    g.floats("digits.first_costs", first_costs, "costs at iterations 0..%d (every iteration, same run)" % (FIRST - 1))
    g.float1("digits.init.W1_sum", np.sum(init["W1"]), "np.sum(W1) right after initialisation")
    g.matrix("digits.init.W3", init["W3"], "W3 right after initialisation (10x12)")
    g.matrix("digits.init.b3", init["b3"], "b3 right after initialisation (10x1, zeros)")
    g.matrix("digits.after5.W3", after5["W3"], "W3 after %d updates" % FIRST)
    g.matrix("digits.after5.b3", after5["b3"], "b3 after %d updates" % FIRST)
    g.float1("digits.after5.W1_sum", np.sum(after5["W1"]), "np.sum(W1) after %d updates" % FIRST)
    g.matrix("digits.final.W3", params["W3"], "W3 after all %d updates" % NUM_ITERATIONS)
    g.matrix("digits.final.b3", params["b3"], "b3 after all updates")
    g.float1("digits.final.W1_sum", np.sum(params["W1"]), "np.sum(W1) after all updates")
    g.float1("digits.final.W2_sum", np.sum(params["W2"]), "np.sum(W2) after all updates")
    g.float1("digits.final.train_cost", final_cost,
             "cost on the training set with the final parameters (after update %d; not part of digits.costs)"
             % NUM_ITERATIONS)
    g.float1("digits.train_accuracy", train_acc, "mean(argmax(A3, axis=0) == label) on the 1437 training columns")
    g.float1("digits.test_accuracy", test_acc, "same on the 360 test columns")
    g.ints("digits.train_predictions", pred_train, "np.argmax(A3, axis=0) on the training columns (1437 ints)")
    g.ints("digits.test_predictions", pred_test, "np.argmax(A3, axis=0) on the test columns (360 ints)")
    g.matrix("digits.confusion_test", confusion, "10x10 test confusion counts: row = true class, column = predicted",
             as_int=True)

    softmax_unit_case(g)

    # chaos keys
    g.strings("digits.chaos.variants", [r["name"] for r in chaos],
              "reruns of the same training where only rounding changes (see the notes below)")
    g.float1("digits.chaos.max_rel_cost_diff", max(r["max_cost"] for r in chaos),
             "max over variants and over digits.costs + digits.first_costs of |cost - golden| / |golden|")
    g.floats("digits.chaos.rel_cost_diff_by_record",
             [max(r["cost_rel"][k] for r in chaos) for k in range(len(costs))],
             "per entry of digits.costs: max over variants of the relative difference (shows the growth)")
    for r in chaos:
        g.float1("digits.chaos.max_rel_cost_diff.%s" % r["name"], r["max_cost"], "the same, variant %s only" % r["name"])
    g.float1("digits.chaos.max_rel_after5_W3_diff", max(r["after5_W3"] for r in chaos),
             "max over variants and elements of |after5.W3 - golden| / |golden|")
    g.float1("digits.chaos.max_rel_final_W3_diff", max(r["final_W3"] for r in chaos),
             "max over variants and elements of |final.W3 - golden| / |golden| (element-wise)")
    g.float1("digits.chaos.max_scaled_final_param_diff", max(r["final_W3_scaled"] for r in chaos),
             "max over variants and over W1..W3, b1..b3 of max|P - golden| / max|golden| (matrix-scaled)")
    g.float1("digits.chaos.max_rel_final_b3_diff", max(r["final_b3"] for r in chaos),
             "max over variants and elements of |final.b3 - golden| / |golden|")
    g.float1("digits.chaos.max_rel_final_W1_sum_diff", max(r["final_W1_sum"] for r in chaos),
             "max over variants of |final.W1_sum - golden| / |golden|")
    g.float1("digits.chaos.max_rel_final_W2_sum_diff", max(r["final_W2_sum"] for r in chaos),
             "max over variants of |final.W2_sum - golden| / |golden|")
    g.int1("digits.chaos.prediction_changes", sum(r["pred_changes"] for r in chaos),
           "train + test predictions that differ from the golden ones, summed over all variants")

    g.note("Chaos study (digits.chaos.*): the run is repeated with changes that move only rounding errors, the way a")
    g.note("Java port (another summation order in its matrix products and sums) would.  Variants:")
    for r in chaos:
        g.note("  %s: %s" % (r["name"], r["desc"]))
    g.note("The costs stay within a few ulps (digits.chaos.max_rel_cost_diff) and no prediction changes, so this run")
    g.note("is not chaotic: a Java test can compare costs with a relative tolerance of ~1e-12 and predictions exactly.")
    g.note("Element-wise parameter differences are larger only for elements near zero; compare parameters with a")
    g.note("tolerance scaled by the matrix's largest element (digits.chaos.max_scaled_final_param_diff), and the")
    g.note("sums W1_sum/W2_sum relative to sum(|W|) (they mix signs).")
    g.note("Cross-checks done when this file was made (same script): with OPENBLAS_CORETYPE=Haswell instead of the")
    g.note("auto-detected SkylakeX kernel, and with Debian's numpy 1.24.2 / OpenBLAS 0.3.21, every key agrees within")
    g.note("these tolerances (costs <= 1.1e-15 relative, final.W3 <= 2.7e-14 element-wise, predictions identical);")
    g.note("softmax.A / softmax.cost move by 1 ulp between numpy versions (np.exp is not correctly rounded).")
    g.note("Final-parameter sums of |W|: sum|W1| = %r, sum|W2| = %r." % (
        float(np.sum(np.abs(params["W1"]))), float(np.sum(np.abs(params["W2"])))))
    g.note("Smallest softmax probability in the final training forward pass: %r." % float(
        np.min(L_model_forward(train_x, params)[0])))

    header = [
        "Generated by %s. Do not edit by hand." % SCRIPT,
        "Run: python3 %s  (pyenv python3, numpy 2.x; reads the HDF5 via /usr/bin/python3 + python3-h5py" % SCRIPT,
        "  unless the running python has h5py).  About a minute.",
        "numpy %s, python %s, h5py %s" % (np.__version__, platform.python_version(), h5py_version),
        "BLAS: %s (OPENBLAS_NUM_THREADS=%s, OPENBLAS_CORETYPE=%s)" % (
            blas_description(), os.environ.get("OPENBLAS_NUM_THREADS"), os.environ.get("OPENBLAS_CORETYPE", "unset")),
    ]
    path = g.write(header)
    log("wrote %s (%d keys)" % (path, len(g.entries)))
    log("done in %.1fs" % (time.time() - t0))


if __name__ == "__main__":
    main()
