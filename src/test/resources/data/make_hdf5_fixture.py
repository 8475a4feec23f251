#!/usr/bin/python3
"""Writes h5py_fixture.h5, a small HDF5 file made by h5py (the C HDF5 library) for Hdf5ReaderTest:
layouts and types that jhdf's own writer does not produce (chunked + gzip/shuffle, compact, uint8, uint64,
float32, variable-length strings, a compound type, soft and external links, attributes in groups).
Every value follows a formula that the test recomputes. Run: /usr/bin/python3 make_hdf5_fixture.py"""
import os

import h5py
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "h5py_fixture.h5")
with h5py.File(path, "w", libver="earliest") as f:
    i, j = np.meshgrid(np.arange(21), np.arange(37), indexing="ij")
    # W[i, j] = i * 37 + j + 0.25, chunked (5, 10), gzip
    f.create_dataset("W", data=i * 37 + j + 0.25, chunks=(5, 10), compression="gzip")
    # v[k] = k - 50, int16, chunked with shuffle + gzip
    f.create_dataset("v", data=(np.arange(100) - 50).astype(np.int16), chunks=(16,), shuffle=True,
                     compression="gzip")
    # u8[r, c] = 244 + r * 4 + c (up to 255), contiguous uint8
    f.create_dataset("u8", data=(244 + np.arange(12).reshape(3, 4)).astype(np.uint8))
    # f32 = [[0.5, 1.5, 2.5], [3.5, 4.5, 5.5]], float32
    f.create_dataset("f32", data=(np.arange(6).reshape(2, 3) + 0.5).astype(np.float32))
    # u64 = [2**63 + 2048, 7], uint64
    f.create_dataset("u64", data=np.array([2 ** 63 + 2048, 7], dtype=np.uint64))
    f.create_dataset("scalar", data=2.5)
    f.create_dataset("names", data=["alpha", "b\u00e9ta"], dtype=h5py.string_dtype("utf-8"))
    f.create_dataset("fixed", data=np.array([b"non-cat", b"cat"], dtype="S7"))
    f.create_dataset("pairs", data=np.array([(1, 2.0), (3, 4.0)], dtype=[("a", "i4"), ("b", "f8")]))
    # a compact dataset: [1.5, 2.5, 3.5]
    space = h5py.h5s.create_simple((3,))
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_layout(h5py.h5d.COMPACT)
    dset = h5py.h5d.create(f.id, b"compact", h5py.h5t.IEEE_F64LE, space, dcpl=dcpl)
    dset.write(h5py.h5s.ALL, h5py.h5s.ALL, np.array([1.5, 2.5, 3.5]))
    layers = f.create_group("layers")
    layers.create_group("1").create_dataset("W", data=np.array([[1.0, -1.0], [0.5, 2.0]]))
    layers.attrs["count"] = np.int64(2)
    f["soft"] = h5py.SoftLink("/W")
    f["external"] = h5py.ExternalLink("other.h5", "/x")
    f.attrs["version"] = "1.0"
    f.attrs["dims"] = np.array([12288, 20, 7, 5, 1], dtype=np.int32)
    f.attrs["lr"] = 0.0075
    f.attrs["bad"] = 2.5
print("wrote", path, os.path.getsize(path), "bytes")
