#!/usr/bin/env python3
"""Makes libm_log.golden: inputs and what the C library's log() returns for them.

Used by LibmLogTest to check that org.nndl4j.random.LibmLog.log is bit for bit glibc's log
(numpy's legacy_gauss, i.e. np.random.randn, calls it). Run on x86_64 Linux with glibc >= 2.28 on a
CPU with FMA and AVX2 (glibc then uses __log_fma), from this directory:

    python3 make_libm_log.py > libm_log.golden

Needs numpy (only for the legacy RandomState r2 values and nextafter). Values are written as
float.hex() strings, which Java's Double.parseDouble reads exactly (except inf, -inf and nan, which
the test maps to the Java spellings). Takes about half a minute (the decimal ln in section 9).
"""
import ctypes
import decimal
import platform
import random
import struct
import sys

import numpy as np

libm = ctypes.CDLL('libm.so.6')
c_log = libm.log
c_log.restype = ctypes.c_double
c_log.argtypes = [ctypes.c_double]


def d(bits):
    return struct.unpack('<d', struct.pack('<Q', bits))[0]


def nextafter(x, toward):
    return float(np.nextafter(x, toward))


rnd = random.Random(20240601)
sections = []  # (description, [inputs])

# 1. special values and boundaries of the code paths
LO, HI = d(0x3fee000000000000), d(0x3ff1090000000000)  # the near-1 path is LO <= x < HI
special = [1.0, nextafter(1.0, 2.0), nextafter(1.0, 0.0), LO, nextafter(LO, 0.0), nextafter(LO, 2.0),
           HI, nextafter(HI, 0.0), nextafter(HI, 2.0),
           0.0, -0.0, float('inf'), float('-inf'), float('nan'), -1.0, -0.5, -5e-324, -1e300,
           5e-324, 1e-323, d(0x000fffffffffffff), d(0x0010000000000000), d(0x0010000000000001),
           sys.float_info.max, 0.5, 2.0, 10.0, 3.0, 0.1, 1e-300, 1e300, float(np.e),
           d(0x3fe6000000000000), nextafter(d(0x3fe6000000000000), 0.0)]
sections.append(('special values and code-path boundaries', special))

# 2. powers of two and their predecessors (every exponent step of 7, incl. subnormals)
p2 = []
for k in range(-1074, 1024, 7):
    p2.append(2.0 ** k)
    if k > -1074:
        p2.append(nextafter(2.0 ** k, 0.0))
sections.append(('powers of two 2^k (k = -1074, -1067, ..., 1020) and the double below each', p2))

# 3. near 1.0 (the special polynomial path, |x - 1| small)
near = []
for k in range(3, 11):
    near += [1 + 10.0 ** -k, 1 - 10.0 ** -k]
for k in range(4, 54):
    near += [1 + 2.0 ** -k, 1 - 2.0 ** -k]
near += [1 + j * 2.0 ** -52 for j in range(-16, 17) if j != 0]
near += [rnd.uniform(LO, HI) for _ in range(200)]
near += [1 + s * 10.0 ** rnd.uniform(-10, -3) for s in (1, -1) for _ in range(100)]
sections.append(('near 1.0: 1 +- 10^-k, 1 +- 2^-k, 1 + j ulp, random in [1-2^-4, 1+0x1.09p-4) and 1 +- 10^U(-10,-3)', near))

# 4. uniform in (0, 1), 53-bit
uni = [(rnd.getrandbits(53) + 1) * 2.0 ** -53 for _ in range(500)]
sections.append(('uniform in (0, 1]', uni))

# 5. the r2 = x1*x1 + x2*x2 values numpy's legacy_gauss takes log of (np.random.seed(0); randn)
rs = np.random.RandomState(0)
u = rs.random_sample(1200)
x1, x2 = 2.0 * u[0::2] - 1.0, 2.0 * u[1::2] - 1.0
r2 = x1 * x1 + x2 * x2
sections.append(('legacy_gauss r2 values, np.random.seed(0), in order', [float(v) for v in r2[(r2 < 1.0) & (r2 != 0.0)]]))

# 6. r2 values (seeds 0..3, first 20,000 randn each) where Java 17's Math.log (HotSpot x86_64)
#    differs from glibc; found with a throwaway harness, listed here so the test exercises them.
hotspot_diffs = '''
0x1.cbf81fd17b1a6p-1 0x1.41b950410c91bp-1 0x1.d95a989a7fac6p-1 0x1.37e4d4bae9833p-1 0x1.33eb5f406c059p-2
0x1.c15188e422ffdp-1 0x1.8361ad3cf2b3ap-2 0x1.6204c12bd2f96p-1 0x1.9fcc9477ef9bcp-1 0x1.5c83bbe7ec6eep-1
0x1.5b69ec0a5e5a2p-1 0x1.a1d649579e5f3p-1 0x1.db74b23b012a5p-1 0x1.6cb87adc6aaa9p-1 0x1.3e3120712c262p-2
0x1.77df5a92d1a86p-1 0x1.f1768d3360882p-1 0x1.8e7620a47a19ep-3 0x1.b44091d6c756ep-2 0x1.51f5f15df63c6p-1
0x1.8833999e93984p-3 0x1.61fb2cf7d009cp-1 0x1.a9a03b6061339p-1 0x1.c96dfe942fb22p-1 0x1.69e19436c99bbp-1
0x1.2fa3754f8c38fp-1
'''.split()
sections.append(('legacy_gauss r2 values (seeds 0-3) where HotSpot x86_64 Math.log rounds differently',
                 [float.fromhex(h) for h in hotspot_diffs]))

# 6b. inputs where evaluating e_log.c with only its explicit fma (r = fma(z, invc, -1)) and no other
#     a*b+c contracted into FMA gives a different last bit than glibc's __log_fma; found with the same
#     harness. They pin down which operations the port must fuse.
contraction_diffs = '''
0x1.e97595ddd6263p-1 0x1.0444ccc8d19dfp-1 0x1.e4965ed2954d5p-1 0x1.e1bbab4313231p-1 0x1.e3bf45e8363ebp-1
0x1.e754eb0ce284p-1 0x1.e113ebdee54efp-1 0x1.f09b0fdd41accp-1 0x1.e2691d7fb80a6p-1 0x1.e1f8181e52f89p-1
0x1.e2f62466d2f23p-1 0x1.0f0aa9615ce1p0 0x1.0ca274de242f9p0 0x1.099b6902c06aep0 0x1.0d0096d3cd7bbp0
0x1.0e739e65ba4bap0 0x1.e508988242f04p-1 0x1.07b62604d7fbdp0 0x1.e48c7a568be2dp-1 0x1.05877f83601fep0
0x1.e63f7df870b8bp-1 0x1.e2f83c1e5fca9p-1 0x1.1008d72a58798p0 0x1.e84f99f41f7fcp-1 0x1.0abc086bf33b8p0
0x1.0ff615b99a17p0 0x1.f2a37470bec08p-1 0x1.f3676329199cap-1 0x1.0fdf4fd7bc3a2p0 0x1.eb0b804b127afp-1
0x1.08387d09de8ep0 0x1.ebe32bdbab9ep-1 0x1.e4c3011eea408p-1 0x1.eb1854d21c2aap-1 0x1.ee663b5aef1d1p-1
0x1.e2ee45521f25ap-1 0x1.e6c49051b86dbp-1 0x1.121eee2bb737cp-1 0x1.e0f447abd8edep-1
'''.split()
sections.append(('inputs where e_log.c without FMA contraction (only its explicit fma) rounds differently',
                 [float.fromhex(h) for h in contraction_diffs]))

# 7. subnormals and tiny normals (random bit patterns)
sub = [d(rnd.randrange(1, 1 << 52)) for _ in range(150)]
sub += [d(rnd.randrange(1 << 52, 0x0360000000000000)) for _ in range(50)]
sections.append(('subnormals (random bits) and tiny normals below 2^-969', sub))

# 8. any positive finite double (random bit patterns), and large values
anyp = [d(rnd.randrange(1, 0x7ff0000000000000)) for _ in range(300)]
anyp += [d(rnd.randrange(0x4000000000000000, 0x7ff0000000000000)) for _ in range(100)]
sections.append(('positive finite doubles (random bits), and >= 2', anyp))

# 9. inputs where glibc's log is not correctly rounded (vs. a 40-digit decimal ln): hard for any
#    other implementation to agree on by accident.
ctx = decimal.Context(prec=40)


def correctly_rounded_log(x):
    return float(str(ctx.ln(decimal.Decimal(x))))


hard = []
while len(hard) < 150:
    x = (rnd.getrandbits(53) + 1) * 2.0 ** -53
    if c_log(x) != correctly_rounded_log(x):
        hard.append(x)
hard_near, tries = [], 0
while len(hard_near) < 20 and tries < 400_000:
    tries += 1
    x = rnd.uniform(LO, HI)
    if x != 1.0 and c_log(x) != correctly_rounded_log(x):
        hard_near.append(x)
sections.append(('uniform (0, 1] inputs where glibc log is not correctly rounded', hard))
sections.append(('near-1 inputs where glibc log is not correctly rounded', hard_near))

inputs = [x for _, xs in sections for x in xs]
outputs = [c_log(x) for x in inputs]

gnu_libc = platform.libc_ver()
print('# libm_log.golden -- inputs x and glibc log(x), for LibmLogTest (bit-for-bit check of LibmLog.log)')
print('# Generated by src/test/resources/golden/make_libm_log.py (python3 make_libm_log.py > libm_log.golden).')
print('# Do not edit by hand.')
print(f'# log from ctypes.CDLL("libm.so.6").log: {gnu_libc[0]} {gnu_libc[1]}, {platform.machine()}; '
      f'python {platform.python_version()}, numpy {np.__version__}')
print('# Format: `inputs = x1 x2 ...` and `outputs = log(x1) log(x2) ...`, values as Python float.hex()')
print('# (Double.parseDouble reads those, except float.hex\'s inf, -inf and nan, which the test maps).')
print(f'# {len(inputs)} pairs, in this order:')
for desc, xs in sections:
    print(f'#   {len(xs):4d}  {desc}')
print('inputs = ' + ' '.join(float.hex(x) for x in inputs))
print('outputs = ' + ' '.join(float.hex(y) for y in outputs))
