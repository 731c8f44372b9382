#!/usr/bin/env bash
# Runs the quick benchmark mode (about 2.5 minutes on 2 cores) and prints one table: library,
# plain-Java ceiling, their ratio and the targets. Builds the benchmark jar first when it is
# missing or older than the sources of lead-rules-core or of this module.
#   lead-rules-benchmarks/run-quick.sh                      quick mode
#   lead-rules-benchmarks/run-quick.sh --full               two forks, longer iterations (about 13 minutes with --startup-variants)
#   lead-rules-benchmarks/run-quick.sh --startup-only --startup-variants
#                                                           start-up alone, also with C1 only and AppCDS
#   lead-rules-benchmarks/run-quick.sh --cli-only           the command line alone: launcher, main job, missing
#                                                           input, qualify of 1 000 000 rows vs qualifyAll (CliReport)
#   lead-rules-benchmarks/run-quick.sh --cli                everything, the command line's rows included
# The table is also written to lead-rules-benchmarks/target/benchmark-report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=lead-rules-benchmarks/target/benchmarks.jar
modules=lead-rules-benchmarks
launcher=
if [[ " $* " == *" --cli"* ]]; then
  # CliReport also runs the distribution's launcher.
  modules=lead-rules-benchmarks,lead-rules-dist
  launcher=lead-rules-dist/target/lead-rules/bin/lead-rules
fi
if [[ ! -f "$jar" || ( -n "$launcher" && ! -f "$launcher" ) || -n "$(find pom.xml lead-rules-core/pom.xml lead-rules-core/src \
      lead-rules-cli/src lead-rules-dist/src lead-rules-benchmarks/pom.xml lead-rules-benchmarks/src -newer "$jar" -print -quit)" ]]; then
  echo "building $jar …"
  mvn -B -q -pl "$modules" -am package -DskipTests
fi
cd lead-rules-benchmarks
exec java -jar target/benchmarks.jar "$@"
