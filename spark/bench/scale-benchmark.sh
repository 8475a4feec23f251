#!/bin/bash
# The Spark module's scale benchmark (README, "Training on Apache Spark" / "Scale"): one JVM per library and master,
# so that each run's memory figures are its own. Run from the repository's root after `mvn install` (the core) and
# `mvn -f spark/pom.xml compile`:
#   spark/bench/scale-benchmark.sh                    # all runs, 2.5 million examples (2 million to train)
#   spark/bench/scale-benchmark.sh --examples 100000  # a quick look (extra arguments go to every run)
# Prints one line of results per run (SparkScaleBenchmark's javadoc says what each figure is).
set -euo pipefail
cd "$(dirname "$0")/.."
# nndl4j computes each block in chunks of 4096 examples (engine buffers of one chunk per partition, not about 7 KB
# an example): 2 million examples run in an 8 GB heap (the cached blocks are 1.6 GB); MLlib's runs were measured at 12 GB
HEAP_NNDL4J=${HEAP_NNDL4J:-8g}
HEAP_MLLIB=${HEAP_MLLIB:-12g}
CP_FILE=target/benchmark.classpath
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=compile
# the flags spark-submit passes on Java 17 (the pom's spark.jvm.flags), and the Vector API for MLlib's fastest
# pure-Java BLAS (dev.ludovic.netlib's VectorBLAS; without it MLlib falls back to its plain Java BLAS)
FLAGS="$(mvn -q org.apache.maven.plugins:maven-help-plugin:3.5.2:evaluate -Dexpression=spark.jvm.flags -DforceStdout) --add-modules=jdk.incubator.vector"
run() {
  local heap=$1; shift
  java -Xmx$heap $FLAGS -cp target/classes:$(cat $CP_FILE) org.nndl4j.spark.examples.SparkScaleBenchmark "$@" \
    2>/dev/null | grep '^master='
}
for master in 'local[1]' 'local[2]'; do
  run $HEAP_NNDL4J --master $master --library nndl4j --iterations 11 --learning-rate 1.0 "$@"
  run $HEAP_MLLIB --master $master --library mllib-gd --iterations 11 --learning-rate 1.0 "$@"
done
run $HEAP_MLLIB --master 'local[2]' --library mllib-lbfgs --iterations 11 "$@"
