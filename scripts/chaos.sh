#!/usr/bin/env bash
# Chaos trials: SIGKILL `./atlas run` at random moments, rerun, and check the lake with `atlas validate` and by
# comparing query results with a clean run of the same corpus.
#   scripts/chaos.sh [TRIALS] [RECORDS]      (defaults: 20 trials, 20000 records per day)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
atlas="$repo/atlas"
trials="${1:-20}"
records="${2:-20000}"
work="$(mktemp -d -t atlas-chaos-XXXXXX)"
trap 'rm -rf "$work"' EXIT

queries=(
  "SELECT log_type, year, month, day, COUNT(*) AS n, COUNT(DISTINCT log_id) AS ids FROM log_analytics_db.logs GROUP BY ALL ORDER BY ALL"
  "SELECT * FROM log_analytics_db.daily_activity ORDER BY date"
  "SELECT reason_code, source_file, record_index FROM log_analytics_db.data_quality_rejects ORDER BY ALL"
)

snapshot() {
  for q in "${queries[@]}"; do "$atlas" --lake "$1" query --format csv "$q"; done
}

echo "Generating the corpus ($records NDJSON records per day) and a clean run..."
"$atlas" --lake "$work/corpus" generate --records "$records" --bad-share 0.03 --seed 11 >/dev/null
cp -r "$work/corpus" "$work/clean"
"$atlas" --lake "$work/clean" ingest -q >/dev/null
days=$("$atlas" --lake "$work/clean" status --format json | grep -o '"date" : "[0-9-]*"' | grep -o '[0-9-]\{10\}')
for d in $days; do "$atlas" --lake "$work/clean" run --date "$d" >/dev/null; done
snapshot "$work/clean" > "$work/clean.csv"

passed=0
killed=0
for trial in $(seq 1 "$trials"); do
  lake="$work/trial-$trial"
  cp -r "$work/corpus" "$lake"
  "$atlas" --lake "$lake" ingest -q >/dev/null
  day=$(echo "$days" | shuf -n 1)
  delay_ms=$(( RANDOM % 4000 ))
  "$atlas" --lake "$lake" run --date "$day" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  for d in $days; do "$atlas" --lake "$lake" run --date "$d" >/dev/null; done
  ok=true
  for d in $days; do "$atlas" --lake "$lake" validate --date "$d" >/dev/null || ok=false; done
  snapshot "$lake" > "$work/trial.csv"
  cmp -s "$work/clean.csv" "$work/trial.csv" || ok=false
  if [ "$ok" = true ]; then passed=$((passed + 1)); result=ok; else result=MISMATCH; fi
  printf 'trial %2d: kill after %4d ms while running %s -> %s\n' "$trial" "$delay_ms" "$day" "$result"
  rm -rf "$lake"
done
echo "$trials trials, $killed killed mid-run, $passed consistent after rerun"
[ "$passed" -eq "$trials" ]
