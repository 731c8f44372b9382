#!/usr/bin/env bash
# Replays the attacks of the hardening review against the command line and prints the README's
# reliability table (Markdown): what was tried, what came out, wall time, peak memory, rows in and out.
#
#   scripts/reliability.sh            # everything, 1 000 000 rows for the -Xmx256m runs (~10 min on 2 cores)
#   ROWS=100000 scripts/reliability.sh   # quicker
#
# Needs JDK 17, Maven (only to build the jar when it is missing), awk and GNU time (/usr/bin/time) for
# peak memory; without GNU time the memory column says n/a.
set -uo pipefail
cd "$(dirname "$0")/.."

JAR=lead-rules-cli/target/lead-rules.jar
ROWS=${ROWS:-1000000}
if [[ ! -f "$JAR" ]]; then
  mvn -B -q package -DskipTests >&2 || exit 1
fi
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
GNU_TIME=""
if /usr/bin/time -f '%e' true >/dev/null 2>&1; then GNU_TIME=/usr/bin/time; fi

# run LABEL -- java args...   sets EXIT, SECS, PEAK_MB, ERR_BYTES
run() {
  local t0 t1
  t0=$(date +%s.%N)
  if [[ -n "$GNU_TIME" ]]; then
    "$GNU_TIME" -f '%M' -o "$W/time" java -Xmx256m -XX:TieredStopAtLevel=1 -jar "$JAR" "$@" >"$W/stdout" 2>"$W/stderr"
    EXIT=$?
    PEAK_MB=$(awk 'END { printf "%d", $1 / 1024 }' "$W/time")
  else
    java -Xmx256m -XX:TieredStopAtLevel=1 -jar "$JAR" "$@" >"$W/stdout" 2>"$W/stderr"
    EXIT=$?
    PEAK_MB="n/a"
  fi
  t1=$(date +%s.%N)
  SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  ERR_BYTES=$(wc -c <"$W/stderr")
}

lines() { if [[ -f "$1" ]]; then wc -l <"$1" | tr -d ' '; else echo 0; fi; }
row() { printf '| %s | %s | %s | %s s | %s MB | %s |\n' "$1" "$2" "$3" "$SECS" "$PEAK_MB" "$4"; }

echo "Reliability run on $(nproc) cores, $(java -version 2>&1 | head -1), every run at -Xmx256m, $ROWS rows for the large inputs."
echo
echo '| attack | input | what happened | wall | peak RSS | rows in → out |'
echo '| --- | --- | --- | --- | --- | --- |'

# 1. --out equal to the input: refused before anything is read; the input stays byte-identical.
cp samples/leads-2000.csv "$W/x.csv"
before=$(cksum <"$W/x.csv")
run qualify "$W/x.csv" --out "$W/x.csv"
after=$(cksum <"$W/x.csv")
row "\`qualify x.csv --out x.csv\`" "2 000 rows" "exit $EXIT, input $([[ "$before" == "$after" ]] && echo unchanged || echo CHANGED)" "2 000 → 2 000 kept"
ln -s "$W/x.csv" "$W/link.csv"
run qualify "$W/x.csv" --report "$W/link.csv"
after=$(cksum <"$W/x.csv")
row "\`--report\` through a symbolic link to the input" "2 000 rows" "exit $EXIT, input $([[ "$before" == "$after" ]] && echo unchanged || echo CHANGED)" "2 000 → 2 000 kept"

# 2. A 159-byte JSON Lines file with a billion-digit number.
printf '{"id":"L-1","email":"a@b.example","company_name":"Acme","employee_count":1e999999999}\n' >"$W/big-number.jsonl"
run qualify "$W/big-number.jsonl" --input-format jsonl --format jsonl --out "$W/big-number.out.jsonl"
row "number \`1e999999999\` in JSON Lines" "$(wc -c <"$W/big-number.jsonl" | tr -d ' ') bytes" "exit $EXIT, $(grep -o '"decision_outcome":"[A-Z]*"' "$W/big-number.out.jsonl" | head -1 | cut -d'"' -f4)" "1 → $(lines "$W/big-number.out.jsonl")"

# 3. Stray quotes: 20 000 lines like L-1,x"," and 1 MB of them.
for n in 20000 100000; do
  awk -v n="$n" 'BEGIN { print "id,company_name"; for (i = 1; i <= n; i++) printf "L-%d,x\",\"\n", i }' >"$W/quotes-$n.csv"
  run qualify "$W/quotes-$n.csv" --format jsonl --out "$W/quotes-$n.out.jsonl"
  mb=$(awk -v b="$(wc -c <"$W/quotes-$n.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
  per=$(awk -v s="$SECS" -v m="$mb" 'BEGIN { printf "%.1f", s / m }')
  row "stray quotes \`L-1,x\",\"\`" "$n lines, $mb MB" "exit $EXIT, ${per} s per MB" "$n → $(lines "$W/quotes-$n.out.jsonl")"
done

# 4. One unquoted 50 MB line between two ordinary rows.
awk 'BEGIN { print "id,company_name"; print "L-1,Acme";
             printf "L-2,"; s = "abcdefghij"; for (i = 0; i < 22; i++) s = s s; for (i = 0; i < 12; i++) printf "%s", s; print "";
             print "L-3,株式会社サンプル" }' >"$W/long-line.csv"
run qualify "$W/long-line.csv" --format jsonl --out "$W/long-line.out.jsonl"
row "one unquoted 50 MB line" "3 rows, $(( $(wc -c <"$W/long-line.csv") / 1048576 )) MB" "exit $EXIT, $(grep -c TOO_LONG "$W/long-line.out.jsonl") row TOO_LONG" "3 → $(lines "$W/long-line.out.jsonl")"

# 5. Policy files: an anchored string reused through aliases, a 19 MB line, an overflowing duration.
awk 'BEGIN { s = "x"; for (i = 0; i < 10; i++) s = s s s; print "ownDomains:"; print "  - &a \"" s "\"";
             for (i = 0; i < 10000; i++) print "  - *a" }' >"$W/alias.yaml"
run validate --policy "$W/alias.yaml"
row "policy: one string reused through 10 000 aliases" "$(( $(wc -c <"$W/alias.yaml") / 1024 )) KB" "exit $EXIT, $ERR_BYTES bytes of messages" "—"
awk 'BEGIN { printf "ownDomains: \""; s = "abcdefghij"; for (i = 0; i < 21; i++) s = s s; printf "%s", s; print "\"" }' >"$W/long-scalar.yaml"
run validate --policy "$W/long-scalar.yaml"
row "policy: one $(( $(wc -c <"$W/long-scalar.yaml") / 1048576 )) MB line" "$(( $(wc -c <"$W/long-scalar.yaml") / 1048576 )) MB" "exit $EXIT, $ERR_BYTES bytes of messages" "—"
printf 'duplicateWindow: 999999999999999d\n' >"$W/overflow.yaml"
run validate --policy "$W/overflow.yaml"
row "policy: \`duplicateWindow: 999999999999999d\`" "1 line" "exit $EXIT: $(head -c 120 "$W/stderr" | tr '\n' ' ' | sed 's/|/\\|/g')" "—"

# 6. A host rule that loops inside its action.
mkdir -p "$W/rules/acme"
cat >"$W/rules/acme/loop.drl" <<'DRL'
package acme;
import io.github.leadrules.rules.LeadContext;
// A careless host rule: loops forever for one company.
rule "Loop forever for Acme"
    @id("ACME-LOOP") ruleflow-group "urgency"
when
    $lead : LeadContext( emailDomain == "acme-loop.example" )
then
    while (true) { }
end
DRL
{ head -1 samples/leads-2000.csv; sed -n 2,100p samples/leads-2000.csv;
  echo 'L-LOOP,2026-11-20T00:00:00Z,,loop@acme-loop.example,,CTO,Acme Loop,acme-loop.example,Manufacturing,500,,US,Web,demo,within_1_month,,,new,,,false';
  sed -n 101,200p samples/leads-2000.csv; } >"$W/loop.csv"
run qualify "$W/loop.csv" --rules "$W/rules" --as-of 2026-11-28 --format jsonl --out "$W/loop.out.jsonl"
row "host rule with \`while (true)\` in its action" "200 rows" "exit $EXIT, $(grep -c '"decision_outcome":"ERROR"' "$W/loop.out.jsonl") row ERROR" "201 → $(lines "$W/loop.out.jsonl")"

# 7. Formula cells, personal data in errors.
{ head -1 samples/leads-2000.csv; echo 'L-F1,2026-11-20T00:00:00Z,"=HYPERLINK(""http://x.example"")",f@acme.example,+81-3-1234-5678,CTO,+cmd|calc,acme.example,Manufacturing,500,,JP,Web,demo,within_1_month,,,new,,,false'; } >"$W/formula.csv"
run qualify "$W/formula.csv" --as-of 2026-11-28 --out "$W/formula.out.csv"
raw=$(grep -c -e ',"=HYPERLINK' -e ',=HYPERLINK' -e ',+cmd' "$W/formula.out.csv")
row "formula cells \`=HYPERLINK(…)\`, \`+cmd\|…\`" "1 row" "exit $EXIT, $raw raw formula cells, phone $(grep -q ',+81-3-1234-5678,' "$W/formula.out.csv" && echo readable || echo changed)" "1 → $(( $(lines "$W/formula.out.csv") - 1 ))"
run backtest samples/leads-2000.csv --outcome-column contact_name --as-of 2026-11-28
row "\`backtest --outcome-column contact_name\`" "2 000 rows" "exit $EXIT, names quoted: $(grep -c -e '伊藤' -e 'Sarah' "$W/stderr")" "—"

# 8. Large inputs at -Xmx256m: qualify, diff and backtest.
java -jar "$JAR" sample --count "$ROWS" --out "$W/large.csv" >/dev/null 2>&1
run qualify "$W/large.csv" --as-of 2026-11-28 --format jsonl --out "$W/large.out.jsonl"
row "\`qualify\`, $ROWS rows" "$(( $(wc -c <"$W/large.csv") / 1048576 )) MB" "exit $EXIT" "$ROWS → $(lines "$W/large.out.jsonl")"
printf 'minimumEmployees: 50\n' >"$W/candidate.yaml"
run diff "$W/large.csv" --policy "$W/candidate.yaml" --as-of 2026-11-28 --out "$W/large.diff.csv"
row "\`diff\`, $ROWS rows" "$(( $(wc -c <"$W/large.csv") / 1048576 )) MB" "exit $EXIT, $(( $(lines "$W/large.diff.csv") - 1 )) changed rows written" "$ROWS compared"
run backtest "$W/large.csv" --outcome-column converted --as-of 2026-11-28
row "\`backtest\`, $ROWS rows" "$(( $(wc -c <"$W/large.csv") / 1048576 )) MB" "exit $EXIT" "$ROWS compared"
