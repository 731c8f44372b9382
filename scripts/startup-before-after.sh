#!/usr/bin/env bash
# Start-up before and after, side by side in one run (issue 12, item 3 "cheap start-up work").
#
#   scripts/startup-before-after.sh [BEFORE-REF] [RUNS]
#
# Builds the CLI jar and the benchmarks jar of this tree and of BEFORE-REF (default: the merge
# base with main) in a clone under target/ (kept for the next run), then runs each measure RUNS times (default 5), before and
# after alternately so both see the same machine load, and prints the medians:
#   (a) `java -jar lead-rules.jar qualify missing.csv`: wall time until the usage error (target < 0.3 s)
#   (b) JVM start to the first qualification: StartupProbe through StartupHarness (default policy,
#       packaged rules, one lead; plain `java`, no flags)
#   (c) `java -jar lead-rules.jar qualify one-lead.csv`: wall time of a whole one-row run
# No `mvn install`: both trees are built with the reactor into their own target folders.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
before_ref=${1:-$(git -C "$root" merge-base HEAD main)}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The "before" tree is kept (and reused) under target/, so a second run measures at once.
before_dir="$root/target/startup-before-$(git -C "$root" rev-parse --short "$before_ref")"

build() { # tree
  (cd "$1" && mvn -B -o -q -pl lead-rules-cli,lead-rules-benchmarks -am package -DskipTests >"$work/build.log" 2>&1) \
    || { cat "$work/build.log"; exit 1; }
}

echo "building this tree ($(git -C "$root" rev-parse --short HEAD)) and $(git -C "$root" rev-parse --short "$before_ref") (before) ..." >&2
build "$root"
if [ ! -f "$before_dir/lead-rules-benchmarks/target/benchmarks.jar" ]; then
  rm -rf "$before_dir"
  git clone -q --no-checkout "$root" "$before_dir"
  git -C "$before_dir" checkout -q "$before_ref"
  build "$before_dir"
fi

printf 'id,company_name,email,employee_count,inquiry_type\nL-0001,サンプル工業株式会社,taro.yamada@sample-kogyo.co.jp,1200,demo\n' >"$work/one-lead.csv"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# (a) and (c): wall time of one CLI call, in ms
cli_ms() { # tree args...
  local tree=$1; shift
  local s e
  s=$(now_ms)
  java -jar "$tree/lead-rules-cli/target/lead-rules.jar" "$@" >/dev/null 2>&1 || true
  e=$(now_ms)
  echo $(( e - s ))
}

# (b): one fresh probe JVM, timed by the harness from process start to the first qualification
probe_ms() { # tree
  java -cp "$1/lead-rules-benchmarks/target/benchmarks.jar" io.github.leadrules.benchmarks.StartupHarness 1 \
    | sed -n 's/^median JVM start to first qualification: \([0-9]*\) ms.*/\1/p'
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

for tree in before after; do : >"$work/a.$tree"; : >"$work/b.$tree"; : >"$work/c.$tree"; done
dir_of() { [ "$1" = before ] && echo "$before_dir" || echo "$root"; }
for i in $(seq "$runs"); do
  for tree in before after; do
    d=$(dir_of $tree)
    cli_ms "$d" qualify "$work/missing.csv" >>"$work/a.$tree"
    probe_ms "$d" >>"$work/b.$tree"
    cli_ms "$d" qualify "$work/one-lead.csv" --as-of 2026-11-28T00:00:00Z >>"$work/c.$tree"
  done
  echo "round $i of $runs done" >&2
done

row() { # label file target-ms
  local b a met=""
  b=$(median <"$work/$2.before"); a=$(median <"$work/$2.after")
  if [ -n "$3" ]; then met=$(awk -v a="$a" -v t="$3" 'BEGIN {print (a < t ? "yes" : "NO")}'); fi
  printf '| %-58s | %6s | %6s | %9s | %-3s |\n' "$1" "$b" "$a" "${3:+< $3 ms}" "$met"
}
echo
echo "java: $(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); median of $runs"
echo "before: $(git -C "$root" log -1 --format='%h %s' "$before_ref" | cut -c1-80)"
echo "after:  $(git -C "$root" log -1 --format='%h %s' HEAD | cut -c1-80)"
echo
printf '| %-58s | %6s | %6s | %9s | %-3s |\n' "measure (ms, median)" before after target met
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "--------" "--------" "-----------" "-----"
row "(a) qualify missing.csv: usage error, wall" a 300
row "(b) JVM start to first qualification (plain java, library)" b ""
row "(c) qualify of a one-lead file, wall" c ""
