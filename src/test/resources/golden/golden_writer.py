"""The golden-file writer the make_*_golden.py scripts share: `key = v1 v2 ...` lines under a `#` header, floats as
repr(float) (exact doubles; non-finite ones spelled as Java's Double.parseDouble reads them), matrices row-major
with a `<key>.shape` line. org.nndl4j.testing.Golden reads these files.
"""
import math
import os
import re

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class Golden:
    def __init__(self, name, title, extra_header=()):
        self.name = name
        self.title = title
        self.extra_header = list(extra_header)
        self.entries = []
        self.docs = []
        self.keys = set()
        self.notes = []

    def _check_key(self, key):
        assert re.fullmatch(r"[A-Za-z0-9_.]+", key), key
        assert key not in self.keys, "duplicate key " + key
        self.keys.add(key)

    def _add(self, key, values_text, doc):
        self._check_key(key)
        self.entries.append((key, values_text))
        if doc is not None:
            self.docs.append((key, doc))

    def note(self, text):
        self.notes.extend(str(text).splitlines())

    @staticmethod
    def _fmt_float(x):
        """repr(float); non-finite values spelled as Java's Double.parseDouble reads them."""
        x = float(x)
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return repr(x)

    def floats(self, key, values, doc=None):
        a = np.asarray(values, dtype=np.float64).ravel(order="C")
        self._add(key, " ".join(self._fmt_float(v) for v in a), doc)

    def float1(self, key, value, doc=None):
        self.floats(key, [float(value)], doc)

    def ints(self, key, values, doc=None):
        a = np.asarray(values).ravel(order="C")
        assert a.dtype.kind in "iub", a.dtype
        self._add(key, " ".join(str(int(v)) for v in a), doc)

    def int1(self, key, value, doc=None):
        self.ints(key, [int(value)], doc)

    def matrix(self, key, arr, doc=None, as_int=False):
        a = np.asarray(arr)
        assert a.ndim == 2, (key, a.shape)
        if as_int:
            self.ints(key, a, doc)
        else:
            self.floats(key, a, doc)
        self._check_key(key + ".shape")
        self.entries.append((key + ".shape", " ".join(str(d) for d in a.shape)))

    def strings(self, key, values, doc=None):
        vals = [str(v) for v in values]
        for v in vals:
            assert v and not any(c.isspace() for c in v), v
        self._add(key, " ".join(vals), doc)

    def write(self, header_lines):
        path = os.path.join(HERE, self.name)
        out = ["# %s -- %s" % (self.name, self.title)]
        out.extend("# " + line for line in header_lines)
        out.append("# Format: `key = v1 v2 ...`; floats are repr(float) (exact doubles); integers plain;")
        out.append("#   matrices are row-major, with their shape in `<key>.shape = rows cols`.")
        out.extend("# " + line for line in self.extra_header)
        out.append("#")
        out.append("# Keys:")
        for key, doc in self.docs:
            first = True
            for dline in doc.splitlines():
                out.append("#   %s %s" % ((key + ":") if first else " " * (len(key) + 1), dline))
                first = False
        if self.notes:
            out.append("#")
            out.extend("# " + line for line in self.notes)
        out.append("")
        for key, text in self.entries:
            out.append("%s = %s" % (key, text))
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(out) + "\n")
        return path
