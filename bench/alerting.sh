#!/usr/bin/env bash
# Throughput of the alerting service on the shared test broker and database:
# alerts -> cases (one DB transaction each) -> grouped notifications -> case events.
# Usage: bench/alerting.sh [alerts] [households]
set -euo pipefail
cd "$(dirname "$0")/.."
ALERTS="${1:-2000}"
HOUSEHOLDS="${2:-500}"
./mvnw -B -ntp -q -pl services/alerting -am verify \
  -Dtest=AlertingThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true \
  -DargLine="-Dbench.alerts=${ALERTS} -Dbench.households=${HOUSEHOLDS}" >/dev/null
grep -h "BENCH" services/alerting/target/surefire-reports/*AlertingThroughputBenchmark-output.txt
