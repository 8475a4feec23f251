#!/usr/bin/env python3
"""Manual interoperability check: does Python's h5py read a model file saved by nndl4j?

Usage:  /usr/bin/python3 check_h5py_reads_model.py MODEL.h5 [test_catvnoncat.h5]

Prints the root attributes and every dataset's name, shape and dtype, then runs the course's
L_model_forward ([LINEAR->RELU] x (L-1) -> LINEAR->SIGMOID) with the arrays read under the course's
names W1, b1, ..., WL, bL: on 3 random columns, and, if the cat test file is given, on the test set,
printing the accuracy the way the course's predict does.
Not run by the test suite (tests never need Python).
"""
import sys

import h5py
import numpy as np


def L_model_forward(X, params, L):
    A = X
    for l in range(1, L + 1):
        Z = np.dot(params["W%d" % l], A) + params["b%d" % l]
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(0, Z)
    return A


def main(path, cat_test=None):
    with h5py.File(path, "r") as f:
        for key, value in f.attrs.items():
            print("attribute %s = %r" % (key, value))
        activations = f.attrs["activations"]
        activations = activations.decode() if isinstance(activations, bytes) else str(activations)
        print("activations per layer: %s" % activations.split(","))
        names = sorted(f.keys(), key=lambda n: (int(n[1:]), n[0] != "W"))
        for name in names:
            d = f[name]
            print("dataset %s shape=%s dtype=%s" % (name, d.shape, d.dtype))
        L = len(f.attrs["layer_dims"]) - 1
        params = {name: f[name][...] for name in names}
    AL = L_model_forward(np.random.RandomState(0).rand(params["W1"].shape[1], 3), params, L)
    print("L_model_forward on 3 random columns: AL shape %s, values %s" % (AL.shape, AL.ravel()))
    if cat_test:
        with h5py.File(cat_test, "r") as t:
            x = np.array(t["test_set_x"][:])
            y = np.array(t["test_set_y"][:]).reshape(1, -1)
        X = x.reshape(x.shape[0], -1).T / 255.
        p = (L_model_forward(X, params, L) > 0.5).astype(float)
        print("numpy on the cat test set: Accuracy: " + str(np.sum((p == y) / X.shape[1])))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: check_h5py_reads_model.py MODEL.h5 [test_catvnoncat.h5]")
    main(*sys.argv[1:])
