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
# In the same rounds, the per-lead time of this tree WITH SignalsBenchmark's 50 policy signals (and
# their 6 declared fields) against the baseline's packaged rules alone (issue 11: "at most 1.5×
# today's per-lead time"): src/any-commit/PerLeadTime.java, one harness run by the Java source
# launcher against each jar (mode packaged on the baseline's, mode signals on this tree's), the
# same 100 000 leads carrying the 6 attributes on both sides (the baseline ignores them), slices of
# 1 000, 1 thread, 15 s untimed then --signals-seconds timed (default 20), each slice timed in
# thread CPU time (the verdict: it does not run while other processes hold the cores) and in wall
# time. The ratio is the median of the rounds' ratios, as above; --no-signals skips it.
#
#   lead-rules-benchmarks/compare-baseline.sh                  baseline 4e174ee (main before issue 12), 2 rounds
#   lead-rules-benchmarks/compare-baseline.sh --rounds 3 --baseline <commit> --benchmark library2Threads
#   … --rebuild-baseline   build the baseline again instead of reusing target/baseline-<commit>.jar
#   … --no-signals         the throughput comparison alone
#
# About 4 minutes on 2 idle cores with 2 rounds (each round: two JVMs of ~40 s), 2.5 minutes more
# for the signals (each round: two JVMs of ~40 s). Works offline when ~/.m2 holds the dependencies
# of both commits.
set -euo pipefail

baseline=4e174ee
rounds=2
benchmark=library1Thread
rebuild=0
signals=1
signals_seconds=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) baseline="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --benchmark) benchmark="$2"; shift 2 ;;
    --rebuild-baseline) rebuild=1; shift ;;
    --no-signals) signals=0; shift ;;
    --signals-seconds) signals_seconds="$2"; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) echo "unknown option $1; use --baseline COMMIT, --rounds N, --benchmark library1Thread|library2Threads, --no-signals, --signals-seconds S" >&2; exit 2 ;;
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

# One run of PerLeadTime.java: prints "<wall µs/lead> <CPU µs/lead>".
per_lead() {
  local jar="$1" mode="$2" out
  out=$(java -Xms1g -Xmx1g -cp "$jar" "$root/lead-rules-benchmarks/src/any-commit/PerLeadTime.java" \
      "$mode" 15 "$signals_seconds" 2>&1) || { echo "$out" >&2; return 1; }
  echo "$out" | awk '/^PERLEAD / { for (i = 1; i <= NF; i++) { if ($i ~ /^wall=/) w = substr($i, 6); if ($i ~ /^cpu=/) c = substr($i, 5) } }
    END { if (w == "") exit 1; print w, c }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

: > "$work/baseline.txt"
: > "$work/current.txt"
: > "$work/signals-baseline.txt"
: > "$work/signals-current.txt"
for ((r = 1; r <= rounds; r++)); do
  echo "round $r of $rounds: baseline …"
  measure "$work/baseline.jar" | tee -a "$work/baseline.txt"
  echo "round $r of $rounds: this tree …"
  measure "$work/current.jar" | tee -a "$work/current.txt"
  if [[ "$signals" == 1 ]]; then
    echo "round $r of $rounds: per lead, baseline packaged rules (wall, CPU µs/lead) …"
    per_lead "$work/baseline.jar" packaged | tee -a "$work/signals-baseline.txt"
    echo "round $r of $rounds: per lead, this tree + 50 signals (wall, CPU µs/lead) …"
    per_lead "$work/current.jar" signals | tee -a "$work/signals-current.txt"
    echo "  round $r: signals / baseline $(paste -d' ' <(tail -n 1 "$work/signals-current.txt") <(tail -n 1 "$work/signals-baseline.txt") \
      | awk '{ printf "%.2f× CPU, %.2f× wall", $2 / $4, $1 / $3 }')"
  fi
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

if [[ "$signals" == 1 ]]; then
  sig_base_cpu=$(cut -d' ' -f2 "$work/signals-baseline.txt" | median)
  sig_cur_cpu=$(cut -d' ' -f2 "$work/signals-current.txt" | median)
  sig_base_wall=$(cut -d' ' -f1 "$work/signals-baseline.txt" | median)
  sig_cur_wall=$(cut -d' ' -f1 "$work/signals-current.txt" | median)
  # Per-lead TIME, this tree over the baseline: lower is better (wall in column 1, CPU in column 2).
  sig_ratio=$(paste -d' ' "$work/signals-current.txt" "$work/signals-baseline.txt" | awk '{ printf "%.4f\n", $2 / $4 }' | median)
  sig_ratio=$(awk -v r="$sig_ratio" 'BEGIN { printf "%.2f", r }')
  sig_rounds=$(paste -d' ' "$work/signals-current.txt" "$work/signals-baseline.txt" | awk '{ printf "%s%.2f×", (NR > 1 ? ", " : ""), $2 / $4 }')
  sig_wall_ratio=$(paste -d' ' "$work/signals-current.txt" "$work/signals-baseline.txt" | awk '{ printf "%.4f\n", $1 / $3 }' | median)
  sig_wall_ratio=$(awk -v r="$sig_wall_ratio" 'BEGIN { printf "%.2f", r }')
  sig_wall_rounds=$(paste -d' ' "$work/signals-current.txt" "$work/signals-baseline.txt" | awk '{ printf "%s%.2f×", (NR > 1 ? ", " : ""), $1 / $3 }')
  sig_met=$(awk -v r="$sig_ratio" 'BEGIN { print (r <= 1.5 ? "met" : "not met") }')
  echo
  printf 'Per-lead time, 50 policy signals on this tree vs the packaged rules of %s (PerLeadTime.java), median of %d rounds\n' \
    "${base_sha:0:7}" "$rounds"
  printf '  baseline %s, packaged rules : %7.2f µs/lead CPU  %7.2f µs/lead wall\n' "${base_sha:0:7}" "$sig_base_cpu" "$sig_base_wall"
  printf '  this tree + 50 signals       : %7.2f µs/lead CPU  %7.2f µs/lead wall\n' "$sig_cur_cpu" "$sig_cur_wall"
  printf '  rounds: %s CPU; %s wall (median %s×)\n' "$sig_rounds" "$sig_wall_rounds" "$sig_wall_ratio"
  printf '  per-lead time ratio in CPU time (median of the rounds) %s× (target ≤ 1.5×: %s)\n' "$sig_ratio" "$sig_met"
fi

mkdir -p lead-rules-benchmarks/target
{
cat <<EOF
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
if [[ "$signals" == 1 ]]; then
cat <<EOF
signals.seconds=$signals_seconds
signals.baseline.cpuMicrosPerLead=$sig_base_cpu
signals.baseline.wallMicrosPerLead=$sig_base_wall
signals.current.cpuMicrosPerLead=$sig_cur_cpu
signals.current.wallMicrosPerLead=$sig_cur_wall
signals.ratio=$sig_ratio
signals.roundRatios=$sig_rounds
signals.wallRatio=$sig_wall_ratio
signals.wallRoundRatios=$sig_wall_rounds
EOF
fi
} > lead-rules-benchmarks/target/baseline-comparison.properties
