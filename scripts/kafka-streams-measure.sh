#!/usr/bin/env bash
# Measures lead-rules-kafka-streams on an in-process KRaft broker (Kafka's own test kit):
#
#   scripts/kafka-streams-measure.sh throughput [N [P [T [W]]]]
#                                                      leads/s end to end with exactly_once_v2 on P partitions (1)
#                                                      and T stream threads (1): the application is started and W
#                                                      warm-up leads (20 000) decided, then the clock runs from
#                                                      the first of N leads (40 000) produced to the last decision
#                                                      read by a read_committed consumer; prints CPU per lead and
#                                                      per stream thread (broker, streams and reader share one JVM)
#   scripts/kafka-streams-measure.sh scaling [N]       throughput with 1 partition and 1 thread, then 2 and 2
#   scripts/kafka-streams-measure.sh kill [N]          N leads (default 100 000); the streams application runs as
#                                                      its own JVM and gets kill -9 when half the decisions are
#                                                      committed, then restarts; a read_committed reader counts
#                                                      lost and duplicated decisions and compares each with the
#                                                      single-process library's (qualifyAll, same leads and instant)
#   scripts/kafka-streams-measure.sh demo              the runnable example: 2 000 sample leads, the funnel
#
# Needs JDK 17 and Maven (offline is fine once ~/.m2 holds the dependencies). Builds nothing into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."

WHAT=${1:-throughput}
M=lead-rules-kafka-streams
CP_FILE=$PWD/$M/target/measure-classpath.txt
mvn -B -o -q -pl lead-rules-core,lead-rules-json,$M test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >&2
CP="$M/target/test-classes:$M/target/classes:lead-rules-json/target/classes:lead-rules-core/target/classes:$(cat "$CP_FILE")"
# MEASURE_JAVA_OPTS: more JVM options, e.g. -Dstreams.commit.interval.ms=500 (any streams, consumer.… or producer.… setting)
run() { java -Xmx1g ${MEASURE_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" io.github.leadrules.kafka.ScalingOut "$@"; }
# in the background: exec, so that $! is the JVM itself and kill -9 reaches it
bg_run() { exec java -Xmx1g ${MEASURE_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" io.github.leadrules.kafka.ScalingOut "$@"; }

case "$WHAT" in
  demo) run demo ;;
  throughput) run measure "${2:-40000}" "${3:-1}" "${4:-1}" "${5:-20000}" ;;
  scaling)
    run measure "${2:-40000}" 1 1 20000
    run measure "${2:-40000}" 2 2 20000 ;;
  kill)
    N=${2:-100000}
    W=$(mktemp -d)
    BROKER=""; STREAM=""
    cleanup() { [[ -n "$STREAM" ]] && kill -9 "$STREAM" 2>/dev/null; [[ -n "$BROKER" ]] && kill "$BROKER" 2>/dev/null; wait 2>/dev/null; rm -rf "$W"; }
    trap cleanup EXIT
    bg_run broker "$W/broker" "$W/bootstrap" >"$W/broker.log" 2>&1 & BROKER=$!
    for _ in $(seq 1 120); do [[ -s "$W/bootstrap" ]] && break; sleep 1; done
    B=$(cat "$W/bootstrap")
    echo "broker at $B" >&2
    run produce "$B" "$N" >&2
    t0=$(date +%s.%N)
    bg_run stream "$B" "$W/state" >"$W/stream1.log" 2>&1 & STREAM=$!
    run kill-at "$B" $((N / 2)) "$STREAM" >&2
    wait "$STREAM" 2>/dev/null || true
    bg_run stream "$B" "$W/state" >"$W/stream2.log" 2>&1 & STREAM=$!
    if run verify "$B" "$N"; then ok=0; else ok=1; fi
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v n="$N" 'BEGIN { printf "wall time from first start to verified: %.1f s (%.0f leads/s including the restart and the 2 s settle)\n", b - a, n / (b - a - 2) }'
    exit $ok ;;
  *) echo "usage: $0 throughput [N [PARTITIONS [THREADS [WARMUP]]]] | scaling [N] | kill [N] | demo" >&2; exit 2 ;;
esac
