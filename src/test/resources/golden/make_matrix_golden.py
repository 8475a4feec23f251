#!/usr/bin/env python3
"""Golden values for MatrixTest: numpy's broadcasting, dot, reductions and reshape, case by case.

Run with any python3 that has numpy:  python3 make_matrix_golden.py  (writes matrix.golden next to it).
Inputs are deterministic (np.random.seed(0) then randn per operand) and are written too, so the Java
test recomputes from exactly the same operands.
"""
import os
import numpy as np

CASES = [  # (name, shape a, shape b)
    ("same", (3, 4), (3, 4)),
    ("column", (3, 4), (3, 1)),
    ("row", (3, 4), (1, 4)),
    ("one", (3, 4), (1, 1)),
    ("column_first", (3, 1), (3, 4)),
    ("row_first", (1, 4), (3, 4)),
    ("outer_col_row", (3, 1), (1, 4)),
    ("outer_row_col", (1, 4), (3, 1)),
    ("scalar_both", (1, 1), (1, 1)),
    ("empty_rows", (0, 3), (1, 3)),
    ("err_cols", (3, 4), (3, 2)),
    ("err_rows", (3, 4), (2, 4)),
    ("err_transposed", (3, 4), (4, 3)),
    ("err_col_vs_row_len", (4, 1), (3, 4)),
]
OPS = {"plus": np.add, "minus": np.subtract, "times": np.multiply, "div": np.divide, "maximum": np.maximum}


def fmt(a):
    return " ".join(repr(float(v)) for v in np.asarray(a, dtype=float).ravel())


def main():
    np.random.seed(0)
    out = ["# made by make_matrix_golden.py with numpy " + np.__version__,
           "# case.<name>.a / .b: operands (row-major, with .shape); case.<name>.<op>: numpy's result",
           "# or the word error when numpy raises 'operands could not be broadcast together'."]
    for name, sa, sb in CASES:
        a = np.random.randn(*sa)
        b = np.random.randn(*sb) + 3.0  # keep divisors away from 0
        out.append(f"case.{name}.a.shape = {sa[0]} {sa[1]}")
        out.append(f"case.{name}.a = {fmt(a)}")
        out.append(f"case.{name}.b.shape = {sb[0]} {sb[1]}")
        out.append(f"case.{name}.b = {fmt(b)}")
        for op, f in OPS.items():
            try:
                r = f(a, b)
                out.append(f"case.{name}.{op}.shape = {r.shape[0]} {r.shape[1]}")
                out.append(f"case.{name}.{op} = {fmt(r)}")
            except ValueError:
                out.append(f"case.{name}.{op} = error")
    # dot, transposed products, reductions, reshape
    a = np.random.randn(4, 3)
    b = np.random.randn(3, 5)
    c = np.random.randn(4, 5)
    for key, v in [("dot.a", a), ("dot.b", b), ("dot.c", c), ("dot.ab", a @ b), ("dot.aTc", a.T @ c),
                   ("dot.bcT", None)]:
        if v is None:
            continue
        out.append(f"{key}.shape = {v.shape[0]} {v.shape[1]}")
        out.append(f"{key} = {fmt(v)}")
    x = np.random.randn(5, 7) * 10
    out.append(f"reduce.x.shape = 5 7")
    out.append(f"reduce.x = {fmt(x)}")
    out.append(f"reduce.sum = {repr(float(np.sum(x)))}")
    out.append(f"reduce.sum0 = {fmt(np.sum(x, axis=0, keepdims=True))}")
    out.append(f"reduce.sum1 = {fmt(np.sum(x, axis=1, keepdims=True))}")
    out.append(f"reduce.mean = {repr(float(np.mean(x)))}")
    out.append(f"reduce.max1 = {fmt(np.max(x, axis=1, keepdims=True))}")
    out.append(f"reduce.reshape_3_m1 = {fmt(x[:3, :4].reshape(3, -1))}")
    out.append(f"reduce.reshape_2_6 = {fmt(x[:3, :4].reshape(2, 6))}")
    out.append(f"reduce.round = {fmt(np.round(np.array([0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994])))}")
    # numpy's pairwise summation on a long vector (differs from naive left-to-right summation)
    v = np.random.randn(5003) * np.logspace(0, 8, 5003)
    out.append(f"reduce.long = {fmt(v)}")
    out.append(f"reduce.long_sum = {repr(float(np.sum(v)))}")
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "matrix.golden"), "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
