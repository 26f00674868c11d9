#!/usr/bin/env bash
# Audit log benchmark: appends N entries through the service's real append path into the embedded
# PostgreSQL (batches as the consumer does), then verifies the whole chain.
#   bench/audit.sh [entries=200000] [batch=1000] [threads=2 (like shouwang.audit.consumer.concurrency)]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl services/audit -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test -Dspotless.check.skip=true
CP="services/audit/target/test-classes:services/audit/target/classes:$(cat services/audit/target/bench.classpath)"
mkdir -p services/audit/target/tmp
exec java ${BENCH_JAVA_OPTS:-} -Xmx1g -XX:+UseParallelGC -Djava.io.tmpdir=services/audit/target/tmp \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$CP" org.shouwang.audit.bench.AuditBenchmark "$@"
