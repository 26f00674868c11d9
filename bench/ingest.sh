#!/usr/bin/env bash
# Ingest throughput: a plain KafkaProducer and the batch endpoint side by side on one local broker.
# Usage: bench/ingest.sh [--records 300000] [--clients 2] [--batch 10000] [--warmup 100000]
#        bench/ingest.sh --records 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=services/ingest/target/bench.classpath
./mvnw -B -ntp -q -pl services/ingest -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
tmp=services/ingest/target/tmp
mkdir -p "$tmp"
exec java -Xms1g -Xmx2g -XX:+UseParallelGC -Djava.io.tmpdir="$tmp" \
  -cp "services/ingest/target/test-classes:services/ingest/target/classes:$(cat "$classpath_file")" \
  org.shouwang.ingest.bench.IngestBenchmark "$@"
