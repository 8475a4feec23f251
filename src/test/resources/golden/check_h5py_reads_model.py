#!/usr/bin/env python3
"""Manual interoperability check: does Python's h5py read a model file saved by nndl4j, and can numpy run it from
the raw pixels without knowing any Java?

Usage:  /usr/bin/python3 check_h5py_reads_model.py MODEL.h5 [test_catvnoncat.h5]

Prints the root attributes with the Python type h5py gives each (and its elements' types for arrays), and checks
that every string comes back as `str`, not `bytes` (nndl4j writes variable-length UTF-8 strings), that the
attributes are exactly the documented ones (no library-internal ones such as jhdf's `_jHDF`), and prints every
dataset's name, shape and dtype. Then reads the activations (an array of strings), the expected input shape
(`input_shape`) and, if present, the input preprocessing (`input_shift`, `input_scale`: x' = (x - shift) * scale
per feature), and runs the network's forward pass with the arrays read under the course's names W1, b1, ..., WL,
bL: on 3 random columns, and, if the cat test file is given, on its RAW pixels (flattened per example as numpy's
reshape does), applying the file's own preprocessing, printing the accuracy the way the course's predict does
(the Java example prints `Accuracy: 0.8` for the same model). Exits non-zero if a check fails.
Not run by the test suite (tests never need Python).
"""
import sys

import h5py
import numpy as np


ATTRIBUTES = {"format", "format_version", "layer_dims", "activations", "input_shape"}


def type_names(value):
    """The type h5py returned, with the element types of an array, e.g. `ndarray of str`."""
    if isinstance(value, np.ndarray):
        kinds = sorted({type(e).__name__ for e in value.ravel()})
        return "%s (dtype %s) of %s" % (type(value).__name__, value.dtype, "/".join(kinds))
    return type(value).__name__


def check_attributes(attrs):
    """Every string a str (bytes would need .decode()), and exactly the documented attributes."""
    problems = []
    for key, value in attrs.items():
        elements = value.ravel() if isinstance(value, np.ndarray) else [value]
        for e in elements:
            if isinstance(e, (bytes, np.bytes_)):
                problems.append("attribute %s holds bytes %r, expected str" % (key, e))
            elif not isinstance(e, (str, np.integer)):
                problems.append("attribute %s holds a %s, expected str or integers" % (key, type(e).__name__))
    if set(attrs.keys()) != ATTRIBUTES:
        problems.append("attributes %s, expected exactly %s" % (sorted(attrs.keys()), sorted(ATTRIBUTES)))
    if not isinstance(attrs["format"], str) or attrs["format"] != "nndl4j-network":
        problems.append("attribute format is %r, expected the str 'nndl4j-network'" % (attrs["format"],))
    if problems:
        sys.exit("FAILED:\n  " + "\n  ".join(problems))
    print("every string attribute is a str, and the attributes are exactly %s" % sorted(ATTRIBUTES))


def activation(name, Z):
    if name == "relu":
        return np.maximum(0, Z)
    if name == "leaky_relu":
        return np.where(Z > 0, Z, 0.01 * Z)
    if name == "tanh":
        return np.tanh(Z)
    if name == "sigmoid":
        return 1 / (1 + np.exp(-Z))
    if name == "linear":
        return Z
    if name == "softmax":
        E = np.exp(Z - Z.max(axis=0, keepdims=True))
        return E / E.sum(axis=0, keepdims=True)
    raise ValueError("unknown activation " + name)


def forward(X, params, activations):
    A = X
    for l, g in enumerate(activations, start=1):
        A = activation(g, np.dot(params["W%d" % l], A) + params["b%d" % l])
    return A


def main(path, cat_test=None):
    with h5py.File(path, "r") as f:
        for key, value in f.attrs.items():
            print("attribute %s = %r: %s" % (key, value, type_names(value)))
        check_attributes(f.attrs)
        activations = list(f.attrs["activations"])
        print("activations per layer: %s" % activations)
        names = sorted((n for n in f.keys() if n[0] in "Wb" and n[1:].isdigit()), key=lambda n: (int(n[1:]), n[0] != "W"))
        for name in list(names) + [n for n in f.keys() if n.startswith("input_")]:
            d = f[name]
            print("dataset %s shape=%s dtype=%s" % (name, d.shape, d.dtype))
        params = {name: f[name][...] for name in names}
        shift = f["input_shift"][...] if "input_shift" in f else None
        scale = f["input_scale"][...] if "input_scale" in f else None
        shape = tuple(f.attrs["input_shape"]) if "input_shape" in f.attrs else None
    print("input shape per example: %s; preprocessing: %s" % (shape, "none" if shift is None else
          "(x - shift) * scale, scale[0] = %r" % float(scale[0, 0])))
    AL = forward(np.random.RandomState(0).rand(params["W1"].shape[1], 3), params, activations)
    print("forward on 3 random columns: AL shape %s, values %s" % (AL.shape, AL.ravel()))
    if cat_test:
        with h5py.File(cat_test, "r") as t:
            x = np.array(t["test_set_x"][:])
            y = np.array(t["test_set_y"][:]).reshape(1, -1)
        X = x.reshape(x.shape[0], -1).T.astype(float)          # raw pixels 0..255, one example per column
        if shift is not None:
            X = (X - shift) * scale
        p = (forward(X, params, activations) > 0.5).astype(float)
        print("numpy on the cat test set (raw pixels, the file's preprocessing): Accuracy: "
              + str(np.sum((p == y) / X.shape[1])))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: check_h5py_reads_model.py MODEL.h5 [test_catvnoncat.h5]")
    main(*sys.argv[1:])
