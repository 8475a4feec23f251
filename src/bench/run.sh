#!/usr/bin/env bash
# nndl4j against numpy, PyTorch and DL4J on the same workloads in one run: the README's speed tables.
#
#   src/bench/run.sh              # the full run: median of 3, 1 and 2 threads
#   src/bench/run.sh --quick      # one run, one thread, fewer iterations: to try it
#   src/bench/run.sh --help       # every flag (passed on to src/bench/bench.py)
#
# How long: the set-up (both builds, the data) about 1 min once the peers are installed. Measured on the shared
# 2-core machine (load average ~12): --quick 9 min; the full run had done two thirds of its processes after 33 min.
# On a quiet machine (2026-11-30 08:30 UTC) the full run took 20.0 min, with nndl4j's float32 column and the warm-ups
# of bench.py's iteration_flags (cat 50 + 50 iterations, tall 6 + 5, Adam 2 + 1 epochs); 16.1 min with shorter ones.
# Since 2026-12-01 the cat's runs are first repeated for 5 s (--warmup-seconds 5): 23.2, 25.5 and 24.4 min at 08:38, 09:16
# and 11:45 UTC.
#
# It installs the peers itself, never through the core build (the root pom knows nothing of this folder):
#   numpy    pyenv's (or PATH's) python3 with numpy, as found (NUMPY_PYTHON to choose another)
#   PyTorch  Debian's python3-torch and libopenblas0-pthread via apt-get (once; its interpreter is /usr/bin/python3,
#            TORCH_PYTHON to choose another); without OpenBLAS, Debian's torch runs on the reference BLAS, 5-6x slower
#   DL4J     src/bench/dl4j, a separate Maven project: deeplearning4j-core and nd4j-native 1.0.0-M2.1 with its
#            linux-x86_64 classifier from Maven Central (about 0.9 GB into ~/.m2, once)
# A peer that cannot be installed is skipped with the reason in the output (--strict: stop instead). The tables go
# to target/bench/peers.md and standard output; every process's result to target/bench/peers.jsonl.
# Variables: NNDL4J_JVM_FLAGS (default "--add-modules jdk.incubator.vector -XX:+UseTransparentHugePages": the Vector
# API flag, and transparent huge pages for the heap, which numpy has by default: it asks Linux for them for every array
# of 4 MB or more, madvise(MADV_HUGEPAGE), so its tall X sits in 2 MB pages; without the flag the JVM's heap does
# not, and reading X misses the TLB), NNDL4J_EXAMPLE_JVM_FLAGS (default none: the whole
# CatDeepNetwork example runs as a user starts it, `java -cp ...`; neither flag above helps it, the README says why and
# what it measured), NO_INSTALL=1
# (never run apt-get or download), NUMPY_PYTHON, TORCH_PYTHON.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=$ROOT/src/bench
OUT=$ROOT/target/bench
NNDL4J_JVM_FLAGS=${NNDL4J_JVM_FLAGS:---add-modules jdk.incubator.vector -XX:+UseTransparentHugePages}
NNDL4J_EXAMPLE_JVM_FLAGS=${NNDL4J_EXAMPLE_JVM_FLAGS-}
NUMPY_PYTHON=${NUMPY_PYTHON:-python3}
TORCH_PYTHON=${TORCH_PYTHON:-/usr/bin/python3}
NO_INSTALL=${NO_INSTALL:-0}
STRICT=0
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --strict) STRICT=1 ;;
    -h|--help)
      sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
      echo
      exec "$NUMPY_PYTHON" "$BENCH/bench.py" --help ;;
    *) ARGS+=("$arg") ;;
  esac
done

SKIP=()
say() { echo "run.sh: $*" >&2; }
skip() {  # skip PEER REASON
  if [[ $STRICT == 1 ]]; then say "$1: $2 (--strict: stopping)"; exit 1; fi
  say "$1 skipped: $2"
  SKIP+=(--skip "$1=$2")
}
need() { command -v "$1" >/dev/null 2>&1; }

mkdir -p "$OUT"
START=$(date +%s)

# --- tools every measurement needs: taskset (util-linux) and GNU time
if ! need taskset || [[ ! -x /usr/bin/time ]]; then
  [[ $NO_INSTALL == 1 ]] && { say "taskset and /usr/bin/time are needed (apt-get install util-linux time)"; exit 1; }
  say "installing taskset and /usr/bin/time (apt-get install util-linux time)"
  if ! { apt-get update -q >"$OUT/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q util-linux time >>"$OUT/apt.log" 2>&1; }; then
    say "apt-get failed: Debian's archive unreachable? see $OUT/apt.log"; exit 1
  fi
fi

# --- nndl4j: the core build, as usual, and its run-time class path
say "building nndl4j (mvn -q compile)"
if ! (cd "$ROOT" && mvn -q -DskipTests compile >"$OUT/build.log" 2>&1 \
      && mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
           -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=compile >>"$OUT/build.log" 2>&1); then
  say "the nndl4j build failed (Maven Central unreachable for a first build?); see $OUT/build.log"; exit 1
fi
CP="$ROOT/target/classes:$(cat "$OUT/classpath.txt")"

# --- numpy
if ! "$NUMPY_PYTHON" -c 'import numpy' 2>/dev/null; then
  say "no numpy in $NUMPY_PYTHON; cannot run the benchmark's driver without Python 3"
  need "$NUMPY_PYTHON" || exit 1
  skip numpy "no numpy in $NUMPY_PYTHON"
fi

# --- PyTorch: Debian's python3-torch, on OpenBLAS
torch_ready() { "$TORCH_PYTHON" -c 'import torch' 2>/dev/null; }
openblas_ready() { dpkg -s libopenblas0-pthread >/dev/null 2>&1 || dpkg -s libopenblas0-openmp >/dev/null 2>&1; }
if ! torch_ready || ! openblas_ready; then
  if [[ $NO_INSTALL == 1 ]]; then
    skip torch "python3-torch or libopenblas0-pthread not installed (NO_INSTALL=1)"
  else
    say "installing PyTorch: apt-get install python3-torch libopenblas0-pthread (about 1 GB, once)"
    if apt-get update -q >"$OUT/apt.log" 2>&1 \
       && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch libopenblas0-pthread >>"$OUT/apt.log" 2>&1 \
       && torch_ready; then
      say "PyTorch installed"
    else
      skip torch "apt-get install python3-torch failed (Debian's archive unreachable?), see $OUT/apt.log"
    fi
  fi
fi

# --- DL4J: the separate Maven project under src/bench/dl4j
DL4J_CP=""
say "building the DL4J side (mvn -q -f src/bench/dl4j/pom.xml compile; the first time downloads ~0.9 GB)"
DL4J_OFFLINE=()
[[ $NO_INSTALL == 1 ]] && DL4J_OFFLINE=(-o)
if (cd "$BENCH/dl4j" && mvn -q "${DL4J_OFFLINE[@]}" compile >"$OUT/dl4j-build.log" 2>&1 \
    && mvn -q "${DL4J_OFFLINE[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
         -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >>"$OUT/dl4j-build.log" 2>&1); then
  DL4J_CP="$BENCH/dl4j/target/classes:$(cat "$BENCH/dl4j/target/classpath.txt")"
else
  if grep -qiE 'could not transfer|unknown host|connect|resolve' "$OUT/dl4j-build.log"; then
    skip dl4j "Maven Central unreachable: DL4J could not be downloaded, see $OUT/dl4j-build.log"
  else
    skip dl4j "the DL4J side did not build, see $OUT/dl4j-build.log"
  fi
fi

# --- the data every peer reads (about 0.8 GB of .npy files; rewritten each run, about 10 s)
say "writing the workloads' data and initial parameters to $OUT/data"
java -cp "$CP" org.nndl4j.examples.PeerWorkloads prepare "$OUT/data" >/dev/null

say "set up in $(( $(date +%s) - START )) s; measuring"
"$NUMPY_PYTHON" "$BENCH/bench.py" --data "$OUT/data" --classpath "$CP" --dl4j-classpath "$DL4J_CP" \
  --jvm-flags "$NNDL4J_JVM_FLAGS" --example-jvm-flags "$NNDL4J_EXAMPLE_JVM_FLAGS" \
  --numpy-python "$NUMPY_PYTHON" --torch-python "$TORCH_PYTHON" \
  --course-numpy "$ROOT/src/main/resources/org/nndl4j/examples/course_numpy.py" \
  --out "$OUT/peers.md" --log "$OUT/peers.jsonl" ${SKIP[@]+"${SKIP[@]}"} ${ARGS[@]+"${ARGS[@]}"}
