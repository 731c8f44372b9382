#!/usr/bin/env bash
# Runs the quick benchmark mode (about 2.5 minutes on 2 cores) and prints one table: library,
# plain-Java ceiling, their ratio and the targets. Builds the benchmark jar first when it is
# missing or older than the sources of lead-rules-core or of this module.
#   lead-rules-benchmarks/run-quick.sh                      quick mode
#   lead-rules-benchmarks/run-quick.sh --full               two forks, longer iterations (about 13 minutes with --startup-variants)
#   lead-rules-benchmarks/run-quick.sh --startup-only --startup-variants
#                                                           start-up alone, also with C1 only and AppCDS
# The table is also written to lead-rules-benchmarks/target/benchmark-report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=lead-rules-benchmarks/target/benchmarks.jar
if [[ ! -f "$jar" || -n "$(find pom.xml lead-rules-core/pom.xml lead-rules-core/src lead-rules-benchmarks/pom.xml \
      lead-rules-benchmarks/src -newer "$jar" -print -quit)" ]]; then
  echo "building $jar …"
  mvn -B -q -pl lead-rules-benchmarks -am package -DskipTests
fi
cd lead-rules-benchmarks
exec java -jar target/benchmarks.jar "$@"
