#!/usr/bin/env bash
# Measures the example service on this machine (issue 14, "Measured"):
#   (a) application start to the first decision over HTTP: `java -jar` until the first
#       POST /leads answers 200, median of RUNS (default 5) fresh JVMs, with the CPU time the JVM
#       used by then (user + system; less sensitive to other processes than wall time);
#   (b) single-lead POST /leads throughput and p99 latency: LeadLoad.java, bounded to COUNT
#       requests (default 20000) or SECONDS (default 60), CONNECTIONS (default 4) in parallel,
#       after a warm-up of 2000 requests; loopback only.
#
#   lead-rules-spring-example/measure/measure.sh [RUNS] [COUNT] [SECONDS] [CONNECTIONS]
#
# Builds the jar with the reactor (no mvn install); starts and stops only its own JVMs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-5}
count=${2:-20000}
seconds=${3:-60}
connections=${4:-4}
jar="$root/lead-rules-spring-example/target/lead-rules-spring-example.jar"

(cd "$root" && mvn -B -o -q -pl lead-rules-spring-example -am package -DskipTests >/dev/null)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
lead='{"id":"L-0001","email":"taro.yamada@sample-kogyo.co.jp","inquiry_type":"demo","company_name":"サンプル工業株式会社","employee_count":1200,"country":"JP"}'

# Every function below runs in this shell (never in $(…)), so that $pid is the JVM to stop.
pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap stop EXIT

cpu_ms() { # pid -> user + system CPU time in ms (Linux /proc)
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"
}

wall_ms=0
used_cpu_ms=0
start_until_first_decision() { # port; sets pid, wall_ms, used_cpu_ms
  local t0 deadline
  t0=$(date +%s%N)
  java -jar "$jar" --server.port="$1" --logging.level.root=WARN >/dev/null 2>&1 &
  pid=$!
  deadline=$(( t0 + 180000000000 ))
  until curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$lead" \
      "http://127.0.0.1:$1/leads" 2>/dev/null | grep -q 200; do
    [ "$(date +%s%N)" -lt "$deadline" ] || { echo "no decision within 180 s" >&2; exit 1; }
    sleep 0.02
  done
  wall_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  used_cpu_ms=$(cpu_ms "$pid")
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
cpus=()
for i in $(seq 1 "$runs"); do
  start_until_first_decision "$(free_port)"
  stop
  times+=("$wall_ms")
  cpus+=("$used_cpu_ms")
  echo "run $i: start to first decision ${wall_ms} ms wall, ${used_cpu_ms} ms CPU"
done
echo "start_to_first_decision_median_ms=$(printf '%s\n' "${times[@]}" | median) (runs: ${times[*]})"
echo "start_to_first_decision_cpu_median_ms=$(printf '%s\n' "${cpus[@]}" | median) (runs: ${cpus[*]})"

port=$(free_port)
start_until_first_decision "$port"
java "$here/LeadLoad.java" "http://127.0.0.1:$port/leads" 2000 30 "$connections" >/dev/null   # warm-up
java "$here/LeadLoad.java" "http://127.0.0.1:$port/leads" "$count" "$seconds" "$connections"
stop
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
