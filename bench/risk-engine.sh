#!/usr/bin/env bash
# Risk engine benchmark: throughput against a plain Kafka Streams JSON aggregate (same input, same
# run), state bytes per household, and p99 latency from produce to alert at 2,000 events/s.
# The broker runs in the benchmark's own JVM, or with BENCH_BROKER=process in a JVM of its own on
# this machine (co-located, but its heap, GC pauses and JIT apart, as in compose). Flags are passed
# through:
#   bench/risk-engine.sh                  200k records, then the latency run
#   bench/risk-engine.sh --1m             1,000,000 records
#   bench/risk-engine.sh --1m --rounds 3  the same three times in one JVM; the first is warm-up
#   bench/risk-engine.sh --skip-latency   --records 500000 --households 50000 --partitions 6
#   BENCH_BROKER=process bench/risk-engine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
module=services/risk-engine
./mvnw -B -ntp -q -pl "$module" -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
tmp="$module/target/bench-tmp"
rm -rf "$tmp" && mkdir -p "$tmp"
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
extra=()
if [ "${BENCH_BROKER:-}" = "process" ]; then
  mkdir -p "$tmp/broker"
  java -Xmx1g -Djava.io.tmpdir="$tmp/broker" -cp "$classpath" org.shouwang.testsupport.BrokerMain \
    "$tmp/bootstrap" > "$tmp/broker.log" 2>&1 &
  broker=$!
  trap 'kill "$broker" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    [ -s "$tmp/bootstrap" ] && break
    kill -0 "$broker" 2>/dev/null || { cat "$tmp/broker.log"; exit 1; }
    sleep 1
  done
  [ -s "$tmp/bootstrap" ] || { echo "the broker did not start: $tmp/broker.log"; exit 1; }
  bootstrap=$(cat "$tmp/bootstrap")
  echo "broker in its own process (pid $broker) at $bootstrap"
  extra=(--bootstrap "$bootstrap")
fi
echo "load before: $(uptime)"
java ${BENCH_JAVA_OPTS:-} -Xmx2g ${BENCH_GC:--XX:+UseParallelGC} -Djava.io.tmpdir="$tmp" \
  -cp "$classpath" org.shouwang.riskengine.bench.RiskEngineBenchmark "${extra[@]}" "$@"
echo "load after: $(uptime)"
