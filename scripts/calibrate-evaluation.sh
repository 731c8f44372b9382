#!/usr/bin/env bash
# The calibrate measurement (issue 11): on generated foreign exports with planted propensities (two
# schemas, some fields pure noise), calibrate on 70 % and score the other 30 %; prints the top tier's
# lift against an oracle that knows the true propensities, the out-of-sample lift of signals from
# noise-only fields and the bottom tier's rate against the base rate, each with met / not met.
#
#   scripts/calibrate-evaluation.sh                     20 000 rows per schema, seed 20261130 (about a minute)
#   ROWS=50000 SEED=7 scripts/calibrate-evaluation.sh   other sizes and seeds
#   SAMPLES=samples/foreign scripts/calibrate-evaluation.sh   also (re)writes the sample foreign export
#
# Runs inside the Maven reactor (nothing is installed into ~/.m2); the report is also written to
# lead-rules-cli/target/calibrate-evaluation.txt, the generated files under
# lead-rules-cli/target/calibrate-evaluation/.
set -euo pipefail
cd "$(dirname "$0")/.."
samples=""
if [[ -n "${SAMPLES:-}" ]]; then
  samples="-Dcalibrate.samples=$(cd "$(dirname "$SAMPLES")" && pwd)/$(basename "$SAMPLES")"
fi
mvn -B -q ${MVN_OFFLINE:--o} -pl lead-rules-cli -am verify -Dmaven.javadoc.skip=true \
    -Dtest=CalibrateEvaluation -Dsurefire.failIfNoSpecifiedTests=false -Dcalibrate.evaluation=true \
    -Dcalibrate.rows="${ROWS:-20000}" -Dcalibrate.seed="${SEED:-20261130}" $samples >/dev/null
cat lead-rules-cli/target/calibrate-evaluation.txt
