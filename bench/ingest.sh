#!/usr/bin/env bash
# Ingest throughput: a plain KafkaProducer and the batch endpoint side by side on one local broker.
# Usage: bench/ingest.sh [--records 1000000] [--clients 4] [--batch 10000] [--warmup 300000] [--rounds 2]
#        bench/ingest.sh --records 300000      # quicker, noisier
# Prints both rates, their ratio, the JVM CPU per record of each path and whether the goal of
# issue #3 (endpoint >= 100,000 events/s and >= 1/3 of the raw producer) is met.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=services/ingest/target/bench.classpath
./mvnw -B -ntp -q -pl services/ingest -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
tmp=services/ingest/target/tmp
mkdir -p "$tmp"
exec java -Xms4g -Xmx4g -XX:+UseParallelGC -Djava.io.tmpdir="$tmp" \
  -cp "services/ingest/target/test-classes:services/ingest/target/classes:$(cat "$classpath_file")" \
  org.shouwang.ingest.bench.IngestBenchmark "$@"
