#!/usr/bin/env python3
"""Manual interoperability check: does Python's h5py read a model file saved by nndl4j?

Usage:  /usr/bin/python3 check_h5py_reads_model.py MODEL.h5

Prints the root attributes and every dataset's name, shape and dtype, then runs the course's
L_model_forward predictions shape check ([LINEAR->RELU] x (L-1) -> LINEAR->SIGMOID) on a random
input so the arrays are known to chain under the course's names W1, b1, ..., WL, bL.
Not run by the test suite (tests never need Python).
"""
import sys

import h5py
import numpy as np


def main(path):
    with h5py.File(path, "r") as f:
        for key, value in f.attrs.items():
            print("attribute %s = %r" % (key, value))
        names = sorted(f.keys(), key=lambda n: (int(n[1:]), n[0] != "W"))
        for name in names:
            d = f[name]
            print("dataset %s shape=%s dtype=%s" % (name, d.shape, d.dtype))
        L = len(f.attrs["layer_dims"]) - 1
        params = {name: f[name][...] for name in names}
    A = np.random.RandomState(0).rand(params["W1"].shape[1], 3)
    for l in range(1, L + 1):
        Z = np.dot(params["W%d" % l], A) + params["b%d" % l]
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(0, Z)
    print("L_model_forward on 3 random columns: AL shape %s, values %s" % (A.shape, A.ravel()))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: check_h5py_reads_model.py MODEL.h5")
    main(sys.argv[1])
