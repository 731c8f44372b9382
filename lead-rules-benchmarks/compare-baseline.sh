#!/usr/bin/env bash
# Library batch throughput and allocation per lead of this tree against a baseline commit, built
# and measured in the same run: the baseline is checked out into a temporary git worktree, both
# benchmark jars are built (package only, nothing installed), and the same JMH benchmark
# (ThroughputBenchmark.library1Thread, qualifyAll over slices of 1 000 of the 100 000 benchmark
# leads, with the GC profiler) runs on each, alternating baseline and this tree for --rounds rounds
# so that a busy spell of the machine hurts both alike. Prints the medians and the ratio, and writes
# them to lead-rules-benchmarks/target/baseline-comparison.properties, which the benchmark report
# (run-quick.sh) reads for its "vs baseline" rows. The ratio is the median of the rounds' ratios
# (each round's two runs are neighbours in time); the ratio of the two medians is printed too.
#
#   lead-rules-benchmarks/compare-baseline.sh                  baseline 4e174ee (main before issue 12), 2 rounds
#   lead-rules-benchmarks/compare-baseline.sh --rounds 3 --baseline <commit> --benchmark library2Threads
#   … --rebuild-baseline   build the baseline again instead of reusing target/baseline-<commit>.jar
#
# About 4 minutes on 2 idle cores with 2 rounds (each round: two JVMs of ~40 s). Works offline
# when ~/.m2 holds the dependencies of both commits.
set -euo pipefail

baseline=4e174ee
rounds=2
benchmark=library1Thread
rebuild=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) baseline="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --benchmark) benchmark="$2"; shift 2 ;;
    --rebuild-baseline) rebuild=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $1; use --baseline COMMIT, --rounds N, --benchmark library1Thread|library2Threads" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
base_sha="$(git rev-parse --verify "$baseline^{commit}")"
work="$(mktemp -d "${TMPDIR:-/tmp}/lead-rules-baseline.XXXXXX")"
cleanup() {
  git -C "$root" worktree remove --force "$work/tree" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mvn_flags=(-B -q -pl lead-rules-benchmarks -am package -DskipTests)
if [[ "${OFFLINE:-1}" == 1 ]]; then mvn_flags=(-o "${mvn_flags[@]}"); fi

echo "building this tree …"
mvn "${mvn_flags[@]}"
cp lead-rules-benchmarks/target/benchmarks.jar "$work/current.jar"

# The baseline's jar is kept in target/ (a commit does not change); --rebuild-baseline builds it again.
cached="lead-rules-benchmarks/target/baseline-${base_sha:0:12}.jar"
if [[ -f "$cached" && "$rebuild" == 0 ]]; then
  echo "baseline ${base_sha:0:7}: reusing $cached"
else
  echo "building baseline ${base_sha:0:7} in a temporary worktree …"
  git worktree add --detach "$work/tree" "$base_sha" >/dev/null
  (cd "$work/tree" && mvn "${mvn_flags[@]}")
  cp "$work/tree/lead-rules-benchmarks/target/benchmarks.jar" "$cached"
fi
cp "$cached" "$work/baseline.jar"

# One JMH run: prints "<leads/s> <bytes per lead>".
measure() {
  local jar="$1" csv="$work/result-$RANDOM.csv" log="$work/jmh.log" tries=0
  # JMH runs one benchmark at a time on a machine (its lock, /tmp/jmh.lock): wait for another's end.
  until (cd "$work" && java -cp "$jar" org.openjdk.jmh.Main "ThroughputBenchmark\\.$benchmark\$" \
      -f 1 -wi 5 -w 3s -i 5 -r 3s -prof gc -jvmArgsAppend "-Xms1g -Xmx1g" -rf csv -rff "$csv" >"$log" 2>&1); do
    if grep -q "Unable to acquire the JMH lock" "$log" && ((tries++ < 120)); then
      sleep 10
    else
      cat "$log" >&2
      return 1
    fi
  done
  awk -F, -v b="$benchmark" '
    { gsub(/"/, "") }
    $1 ~ "\\." b "$" { score = $5 }
    $1 ~ "\\." b ":gc.alloc.rate.norm$" || $1 ~ "\\." b ":·gc.alloc.rate.norm$" { alloc = $5 }
    END { printf "%.0f %.0f\n", score, alloc }' "$csv"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

: > "$work/baseline.txt"
: > "$work/current.txt"
for ((r = 1; r <= rounds; r++)); do
  echo "round $r of $rounds: baseline …"
  measure "$work/baseline.jar" | tee -a "$work/baseline.txt"
  echo "round $r of $rounds: this tree …"
  measure "$work/current.jar" | tee -a "$work/current.txt"
done

base_tp=$(cut -d' ' -f1 "$work/baseline.txt" | median)
cur_tp=$(cut -d' ' -f1 "$work/current.txt" | median)
base_alloc=$(cut -d' ' -f2 "$work/baseline.txt" | median)
cur_alloc=$(cut -d' ' -f2 "$work/current.txt" | median)
# Each round's two runs are neighbours in time and share the machine's load: the ratio is the
# median of the rounds' ratios; the ratio of the two medians is printed beside it.
ratio=$(paste -d' ' "$work/current.txt" "$work/baseline.txt" | awk '{ printf "%.4f\n", $1 / $3 }' | median)
ratio=$(awk -v r="$ratio" 'BEGIN { printf "%.2f", r }')
round_ratios=$(paste -d' ' "$work/current.txt" "$work/baseline.txt" | awk '{ printf "%s%.2f×", (NR > 1 ? ", " : ""), $1 / $3 }')
ratio_of_medians=$(awk -v c="$cur_tp" -v b="$base_tp" 'BEGIN { printf "%.2f", c / b }')
met=$(awk -v r="$ratio" 'BEGIN { print (r >= 1.5 ? "met" : "not met") }')
alloc_met=$(awk -v a="$cur_alloc" 'BEGIN { print (a <= 8192 ? "met" : "not met") }')

echo
printf 'ThroughputBenchmark.%s, median of %d rounds, same machine, same run\n' "$benchmark" "$rounds"
printf '  baseline %s : %8.0f leads/s  %6.0f B/lead\n' "${base_sha:0:7}" "$base_tp" "$base_alloc"
printf '  this tree      : %8.0f leads/s  %6.0f B/lead\n' "$cur_tp" "$cur_alloc"
printf '  rounds: %s; ratio of the medians %s×\n' "$round_ratios" "$ratio_of_medians"
printf '  throughput ratio (median of the rounds) %s× (target ≥ 1.5×: %s); allocation %.0f B/lead (target ≤ 8 KB: %s)\n' \
  "$ratio" "$met" "$cur_alloc" "$alloc_met"

mkdir -p lead-rules-benchmarks/target
cat > lead-rules-benchmarks/target/baseline-comparison.properties <<EOF
# written by compare-baseline.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ)
benchmark=$benchmark
rounds=$rounds
baseline.commit=${base_sha:0:7}
baseline.leadsPerSecond=$base_tp
baseline.bytesPerLead=$base_alloc
current.leadsPerSecond=$cur_tp
current.bytesPerLead=$cur_alloc
ratio=$ratio
roundRatios=$round_ratios
ratioOfMedians=$ratio_of_medians
EOF
