#!/bin/bash
# The Spark module's scale benchmark (README, "Training on Apache Spark" / "Scale"): one JVM per library and master,
# so that each run's memory figures are its own. Run from the repository's root after `mvn install` (the core) and
# `mvn -f spark/pom.xml compile`:
#   spark/bench/scale-benchmark.sh                    # all runs, 2.5 million examples (2 million to train)
#   spark/bench/scale-benchmark.sh --examples 100000  # a quick look (extra arguments go to every run)
# Prints one line of results per run (SparkScaleBenchmark's javadoc says what each figure is).
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${HEAP:-12g}
CP_FILE=target/benchmark.classpath
mvn -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=compile
# the flags spark-submit passes on Java 17 (the pom's spark.jvm.flags), and the Vector API for MLlib's fastest
# pure-Java BLAS (dev.ludovic.netlib's VectorBLAS; without it MLlib falls back to its plain Java BLAS)
FLAGS="$(mvn -q -o org.apache.maven.plugins:maven-help-plugin:3.5.2:evaluate -Dexpression=spark.jvm.flags -DforceStdout) --add-modules=jdk.incubator.vector"
run() {
  java -Xmx$HEAP $FLAGS -cp target/classes:$(cat $CP_FILE) org.nndl4j.spark.examples.SparkScaleBenchmark "$@" \
    2>/dev/null | grep '^master='
}
for master in 'local[1]' 'local[2]'; do
  run --master $master --library nndl4j --learning-rate 1.0 "$@"
  run --master $master --library mllib-gd --learning-rate 1.0 "$@"
done
run --master 'local[2]' --library mllib-lbfgs "$@"
