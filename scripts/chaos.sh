#!/usr/bin/env bash
# Chaos trials against a generated corpus, each checked with `atlas validate` and by comparing query results with a
# clean run of the same corpus:
#   run         SIGKILL `atlas run` at a random moment, then rerun every day
#   ingest      SIGKILL `atlas ingest` at a random moment, then ingest again and run every day
#   watch       SIGKILL `atlas watch` at a random moment, then ingest the rest and run every day
#   concurrent  every day's `atlas run` at once, in parallel processes
#   full-disk   ingest and run on a small tmpfs (root only) filled to a random level, then copy the lake to a normal
#               disk and rerun: the failure must name the cause and the rerun must give the clean lake
# After each trial, no run may be left RUNNING and no dead process's file may be left in .atlas-staging/.
#   scripts/chaos.sh [TRIALS_PER_SCENARIO] [RECORDS] [SCENARIOS...]   (defaults: 4, 5000, all five)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
atlas="$repo/atlas"
trials="${1:-4}"
records="${2:-5000}"
shift 2 || true
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(run ingest watch concurrent full-disk)
work="$(mktemp -d -t atlas-chaos-XXXXXX)"
disk="$work/disk"
cleanup() { mountpoint -q "$disk" 2>/dev/null && umount "$disk"; rm -rf "$work"; }
trap cleanup EXIT

queries=(
  "SELECT log_type, year, month, day, COUNT(*) AS n, COUNT(DISTINCT log_id) AS ids FROM log_analytics_db.logs GROUP BY ALL ORDER BY ALL"
  "SELECT * FROM log_analytics_db.daily_activity ORDER BY date"
  "SELECT reason_code, source_file, record_index FROM log_analytics_db.data_quality_rejects ORDER BY ALL"
)

snapshot() {
  for q in "${queries[@]}"; do "$atlas" --lake "$1" query --format csv "$q"; done
}

sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

run_all() { for d in $days; do "$atlas" --lake "$1" run --date "$d" >/dev/null 2>&1 || return 1; done; }

# A lake is consistent when every day validates, the queries equal the clean run's, no run is RUNNING and
# .atlas-staging/ holds no file of a dead process.
consistent() {
  local lake="$1" d
  for d in $days; do "$atlas" --lake "$lake" validate --date "$d" >/dev/null 2>&1 || { echo "validate $d"; return 1; }; done
  snapshot "$lake" > "$work/trial.csv"
  cmp -s "$work/clean.csv" "$work/trial.csv" || { echo "query results differ"; return 1; }
  if "$atlas" --lake "$lake" runs --limit 1000 | grep -q RUNNING; then echo "a run left RUNNING"; return 1; fi
  local staged
  staged=$(find "$lake/.atlas-staging" -type f 2>/dev/null | wc -l)
  [ "$staged" -eq 0 ] || { echo "$staged staging files left"; return 1; }
}

echo "Generating the corpus ($records NDJSON records per day) and a clean run..."
"$atlas" --lake "$work/corpus" generate --records "$records" --bad-share 0.03 --seed 11 >/dev/null
cp -r "$work/corpus" "$work/clean"
"$atlas" --lake "$work/clean" ingest -q >/dev/null
days=$("$atlas" --lake "$work/clean" status --format json | grep -o '"date" : "[0-9-]*"' | grep -o '[0-9-]\{10\}')
run_all "$work/clean"
snapshot "$work/clean" > "$work/clean.csv"

declare -A total struck good
trial_run() {
  local lake="$1" delay_ms=$(( RANDOM % 3000 )) day pid
  "$atlas" --lake "$lake" ingest -q >/dev/null
  day=$(echo "$days" | shuf -n 1)
  "$atlas" --lake "$lake" run --date "$day" >/dev/null 2>&1 & pid=$!
  sleep_ms "$delay_ms"
  if kill -9 "$pid" 2>/dev/null; then detail="killed run $day after $delay_ms ms"; hit=1; else detail="run $day ended before $delay_ms ms"; fi
  wait "$pid" 2>/dev/null || true
  run_all "$lake"
}
trial_ingest() {
  local lake="$1" delay_ms=$(( RANDOM % 1500 )) pid
  "$atlas" --lake "$lake" ingest -q >/dev/null 2>&1 & pid=$!
  sleep_ms "$delay_ms"
  if kill -9 "$pid" 2>/dev/null; then detail="killed ingest after $delay_ms ms"; hit=1; else detail="ingest ended before $delay_ms ms"; fi
  wait "$pid" 2>/dev/null || true
  "$atlas" --lake "$lake" ingest -q >/dev/null
  run_all "$lake"
}
trial_watch() {
  local lake="$1" delay_ms=$(( 500 + RANDOM % 2500 )) pid
  "$atlas" --lake "$lake" watch --quiet-period 0ms --interval-ms 100 >/dev/null 2>&1 & pid=$!
  sleep_ms "$delay_ms"
  kill -9 "$pid" 2>/dev/null && hit=1
  wait "$pid" 2>/dev/null || true
  detail="killed watch after $delay_ms ms, $(find "$lake/raw" -type f | wc -l) files left in raw/"
  "$atlas" --lake "$lake" ingest -q >/dev/null
  run_all "$lake"
}
trial_concurrent() {
  local lake="$1" pids=() d failed=0
  "$atlas" --lake "$lake" ingest -q >/dev/null
  for d in $days; do "$atlas" --lake "$lake" run --date "$d" >/dev/null 2>&1 & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
  detail="$(echo "$days" | wc -w) runs at once, $failed failed"
  [ "$failed" -eq 0 ] && hit=1
  return 0
}
trial_full_disk() {
  local lake="$1" free_kb=$(( 100 + RANDOM % 2500 )) out rc=0
  mkdir -p "$disk"
  mount -t tmpfs -o size=20m tmpfs "$disk"
  cp -r "$lake" "$disk/lake"
  local avail_kb
  avail_kb=$(df -k --output=avail "$disk" | tail -1)
  [ "$avail_kb" -gt "$free_kb" ] && dd if=/dev/zero of="$disk/filler" bs=1k count=$((avail_kb - free_kb)) status=none 2>/dev/null || true
  out=$({ "$atlas" --lake "$disk/lake" ingest -q && for d in $days; do "$atlas" --lake "$disk/lake" run --date "$d" || exit 1; done; } 2>&1) || rc=$?
  if [ "$rc" -ne 0 ]; then
    hit=1
    if echo "$out" | grep -qi "no space left\|disk quota\|Cannot"; then detail="full with $free_kb KB free: failed naming the cause"; else detail="full with $free_kb KB free: failed WITHOUT a clear message"; fi
  else
    detail="$free_kb KB free was enough"
  fi
  rm -rf "$lake" && cp -r "$disk/lake" "$lake"
  umount "$disk"
  "$atlas" --lake "$lake" ingest -q >/dev/null
  run_all "$lake"
  echo "$detail" | grep -q WITHOUT && return 1
  return 0
}

for scenario in "${scenarios[@]}"; do
  total[$scenario]=0; struck[$scenario]=0; good[$scenario]=0
  for trial in $(seq 1 "$trials"); do
    lake="$work/trial"
    rm -rf "$lake" && cp -r "$work/corpus" "$lake"
    hit=0; detail=""
    if "trial_${scenario//-/_}" "$lake" && why=$(consistent "$lake"); then result=ok; good[$scenario]=$((good[$scenario] + 1))
    else result="MISMATCH ${why:-}"; fi
    total[$scenario]=$((total[$scenario] + 1)); struck[$scenario]=$((struck[$scenario] + hit))
    printf '%-10s trial %2d: %-60s -> %s\n' "$scenario" "$trial" "$detail" "$result"
    why=""
  done
done

echo
printf '%-10s %7s %9s %11s\n' scenario trials "struck" consistent
all_ok=true
for scenario in "${scenarios[@]}"; do
  printf '%-10s %7d %9d %11d\n' "$scenario" "${total[$scenario]}" "${struck[$scenario]}" "${good[$scenario]}"
  [ "${good[$scenario]}" -eq "${total[$scenario]}" ] || all_ok=false
done
[ "$all_ok" = true ]
