#!/usr/bin/env bash
# Which compiler suits which input size: runs `qualify` (-Xmx256m, 2 threads) on generated exports
# of several sizes with the client compiler only, the JVM's default tiered compilation and the
# server compiler only, alternately, and prints wall and CPU seconds (user + sys) of each run and
# their medians. The launcher (lead-rules-dist, bin/lead-rules) picks its compiler from these figures.
#   lead-rules-benchmarks/jit-modes.sh                     100 000, 300 000 and 1 000 000 rows, 2 runs each
#   lead-rules-benchmarks/jit-modes.sh 3 50000 2000000     3 runs each of 50 000 and 2 000 000 rows
# Needs lead-rules-cli/target/lead-rules.jar (built when missing); work files go to
# lead-rules-benchmarks/target/jit-modes (an export of 1 000 000 rows is 336 MB, its decisions 650 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
shift || true
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(100000 300000 1000000); fi
jar=lead-rules-cli/target/lead-rules.jar
if [ ! -f "$jar" ]; then
  mvn -B -q -pl lead-rules-cli -am package -DskipTests
fi
work=lead-rules-benchmarks/target/jit-modes
mkdir -p "$work"
modes=(client-only tiered server-only)
flags() {
  case $1 in
    client-only) echo "-XX:TieredStopAtLevel=1" ;;
    tiered) echo "" ;;
    server-only) echo "-XX:-TieredCompilation" ;;
  esac
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%10s  %-12s  %s\n' rows compiler "wall s (median; runs) / CPU s (median)"
for n in "${sizes[@]}"; do
  leads=$work/leads-$n.csv
  if [ ! -f "$leads" ]; then
    java -jar "$jar" sample -n "$n" --seed 42 --malformed-share 0.005 -o "$leads" >/dev/null 2>&1
  fi
  declare -A walls=() cpus=()
  for r in $(seq "$runs"); do
    for m in "${modes[@]}"; do
      TIMEFORMAT='%R %U %S'
      # shellcheck disable=SC2046
      # Exit 2 (some rows INVALID: the export holds malformed rows on purpose) is a finished run.
      status=0
      { time java -Xmx256m $(flags "$m") -jar "$jar" qualify "$leads" --as-of 2026-11-28T00:00:00Z --threads 2 \
          --no-progress --out "$work/decisions.csv" >/dev/null 2>"$work/err.txt" || status=$?; } 2>"$work/time.txt"
      if [ "$status" -gt 3 ] || [ "$status" -eq 1 ]; then cat "$work/err.txt" >&2; exit 1; fi
      read -r wall user sys <"$work/time.txt"
      walls[$m]="${walls[$m]:-} $wall"
      cpus[$m]="${cpus[$m]:-} $(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')"
    done
  done
  for m in "${modes[@]}"; do
    w=$(tr ' ' '\n' <<<"${walls[$m]}" | grep . | median)
    c=$(tr ' ' '\n' <<<"${cpus[$m]}" | grep . | median)
    printf '%10s  %-12s  %6.2f (%s) / %6.2f\n' "$n" "$m" "$w" "${walls[$m]# }" "$c"
  done
  unset walls cpus
done
rm -f "$work/decisions.csv"
