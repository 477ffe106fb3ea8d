#!/usr/bin/env bash
# What partitions buy (issue 22): one file imported into the same emptied table of the local PostgreSQL
# without partitions, with 2 and 4 local partitions (threads), and by a manager handing 4 partitions to 2
# worker processes over the local RabbitMQ; each run against the faster of two psql \copy of the same file,
# whole process (the manager's command) and job alone.
#
# usage: bench/partitions.sh [RECORDS]                      (1000000)
# env:   PROFILE (realistic) PGHOST PGUSER JAVA JAVA_OPTS (-Xmx256m) BENCH_DATA, as bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-1000000}
profile=${PROFILE:-realistic}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
java=${JAVA:-java}
java_opts=${JAVA_OPTS:--Xmx256m}
data=${BENCH_DATA:-/tmp/importer-bench-data}
work=$(mktemp -d /tmp/importer-partitions.XXXXXX)
db=importer_partitions_$$
queue=importer-bench-$$
workers=()
cleanup() {
  for pid in "${workers[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$data"

[ -f target/coupon-series-importer.jar ] || ./mvnw -B -q package -DskipTests
cp target/coupon-series-importer.jar "$work/importer.jar"
input=$data/$profile-$records.csv
[ -f "$input" ] || { python3 bench/generate.py "$records" "$input.part" --profile "$profile" && mv "$input.part" "$input"; }
psql -q -d postgres -c "CREATE DATABASE $db"
url="jdbc:postgresql://$PGHOST:5432/$db"
database=(--spring.datasource.url="$url" --spring.datasource.username="$PGUSER")
head -1 "$input" > "$work/empty.csv"
"$java" -jar "$work/importer.jar" --importer.input="$work/empty.csv" --importer.report-dir="$work/r0" "${database[@]}" > /dev/null

columns=$(head -1 "$input" | python3 -c "import sys; sys.path.insert(0, 'bench'); import generate; \
print(','.join(generate.snake(c) for c in sys.stdin.read().strip().split(',')))")
psql -q -d "$db" -c "ALTER TABLE coupon_series ALTER import_file DROP NOT NULL, ALTER import_line DROP NOT NULL,
  ALTER import_job_execution_id DROP NOT NULL, ALTER imported_at DROP NOT NULL"
sync
copy_s=
for attempt in 1 2; do
  psql -q -d "$db" -c "TRUNCATE coupon_series; CHECKPOINT"
  start=$(date +%s.%N)
  psql -q -d "$db" -c "\\copy coupon_series ($columns) FROM '$input' WITH (FORMAT csv, HEADER true)"
  this_s=$(echo "$(date +%s.%N) - $start" | bc)
  if [ -z "$copy_s" ] || [ "$(echo "$this_s < $copy_s" | bc)" = 1 ]; then copy_s=$this_s; fi
done
psql -q -d "$db" -c "TRUNCATE coupon_series; ALTER TABLE coupon_series ALTER import_file SET NOT NULL,
  ALTER import_line SET NOT NULL, ALTER import_job_execution_id SET NOT NULL, ALTER imported_at SET NOT NULL"
echo "$records records (profile $profile, $(du -m "$input" | cut -f1) MB), $(nproc) cores; psql \\copy: $copy_s s"

# run LABEL ARGS...: one import into the emptied table, printed with both ratios
run() {
  local label=$1; shift
  psql -q -d "$db" -c "TRUNCATE coupon_series; CHECKPOINT"
  rm -rf "$work/reports"
  local start end
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  /usr/bin/time -f "%M" -o "$work/rss" "$java" $java_opts -jar "$work/importer.jar" --importer.input="$input" \
    --importer.report-dir="$work/reports" --importer.force=true "${database[@]}" "$@" > "$work/log" 2>&1 \
    || { tail -5 "$work/log"; exit 1; }
  end=$(date +%s.%N)
  python3 - "$label" "$start" "$end" "$work/reports" "$copy_s" "$(cat "$work/rss")" <<'PY'
import glob, json, sys
label, start, end, reports, copy_s, rss = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], float(sys.argv[5]), int(sys.argv[6])
s = json.load(open(glob.glob(reports + "/*.summary.json")[0]))
whole, job = end - start, s["durationMs"] / 1000
print(f"{label:>28}: whole {whole:6.2f} s ({copy_s / whole:.2f} x \\copy), job {job:6.2f} s ({copy_s / job:.2f} x), "
      f"created {s['counts']['created']}, peak RSS {rss // 1024} MB (manager)")
PY
}

run "1 partition"
run "2 local partitions" --importer.partitions=2
run "4 local partitions" --importer.partitions=4
for n in 1 2; do
  # shellcheck disable=SC2086
  "$java" $java_opts -jar "$work/importer.jar" --importer.mode=worker --importer.partition-queue="$queue" \
    --importer.report-dir="$work/reports" "${database[@]}" > "$work/worker-$n.log" 2>&1 &
  workers+=($!)
done
sleep 8
run "manager + 2 workers, 4 parts" --importer.mode=manager --importer.partitions=4 --importer.partition-queue="$queue"
