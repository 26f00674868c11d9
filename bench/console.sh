#!/usr/bin/env bash
# Page loads of the console's case list with many open cases, on the shared test broker and
# database with the real alerting, audit and console services: p50/p95/p99 over many loads of a
# logged-in session, warm-up excluded. Goal: p95 < 300 ms with 10,000 open cases.
# Usage: bench/console.sh [open-cases] [loads]
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-10000}"
LOADS="${2:-500}"
./mvnw -B -ntp -q -pl services/console -am verify \
  -Dtest=ConsoleListBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true \
  -DargLine="-Dbench.cases=${CASES} -Dbench.loads=${LOADS}" >/dev/null
grep -h "BENCH" services/console/target/surefire-reports/*ConsoleListBenchmark-output.txt
