#!/usr/bin/env bash
# Risk engine benchmark: throughput against a plain Kafka Streams JSON aggregate (same input, same
# run), state bytes per household, and p99 latency from produce to alert at 2,000 events/s.
# Runs on the shared embedded broker in the benchmark's own JVM. Flags are passed through:
#   bench/risk-engine.sh                  200k records, then the latency run
#   bench/risk-engine.sh --1m             1,000,000 records
#   bench/risk-engine.sh --skip-latency   --records 500000 --households 50000 --partitions 6
set -euo pipefail
cd "$(dirname "$0")/.."
module=services/risk-engine
./mvnw -B -ntp -q -pl "$module" -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
tmp="$module/target/bench-tmp"
rm -rf "$tmp" && mkdir -p "$tmp"
echo "load before: $(uptime)"
java ${BENCH_JAVA_OPTS:-} -Xmx2g -XX:+UseParallelGC -Djava.io.tmpdir="$tmp" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
  org.shouwang.riskengine.bench.RiskEngineBenchmark "$@"
echo "load after: $(uptime)"
