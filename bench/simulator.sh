#!/usr/bin/env bash
# Measures the simulator on this machine: planning the seed's county (15,000 households by default)
# and the command mode writing its whole year to a real single-node broker (the shared test broker).
# Usage: bench/simulator.sh [households]
set -euo pipefail
cd "$(dirname "$0")/.."
households="${1:-15000}"
./mvnw -B -ntp -pl services/simulator -am verify \
  -Dtest=CommandModeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.households="$households" >/dev/null
grep -h "BENCH\|command finished\|planned" \
  services/simulator/target/surefire-reports/org.shouwang.simulator.CommandModeBenchmark-output.txt \
  | sed -E 's/^[0-9:.]+ INFO +\[[^]]+\] [^ ]+ - //'
