#!/usr/bin/env bash
# Builds the benchmark jar (with the modules it needs) and runs the quick benchmark mode: about
# 2.5 minutes on 2 cores, then one table of library, plain-Java ceiling, ratio and targets.
#   lead-rules-benchmarks/run-quick.sh            quick mode
#   lead-rules-benchmarks/run-quick.sh --full     longer runs, two forks each (about 10 minutes)
# The table is also written to lead-rules-benchmarks/target/benchmark-report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q -pl lead-rules-benchmarks -am package -DskipTests
fi
cd lead-rules-benchmarks
exec java -jar target/benchmarks.jar "$@"
