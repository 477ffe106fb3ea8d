#!/usr/bin/env bash
# The cost of repeated keys (issue 21): imports a file with no repeated keys and the same file with a
# fraction of its records repeating an earlier key (1-20 lines back, 100-5,000 back or anywhere earlier),
# alternately, into the same emptied table of the local PostgreSQL, and prints each run and the ratio of
# throughputs (records read per second, whole process and job alone).
#
# usage: bench/duplicates.sh [RECORDS] [ROUNDS] [DUPS]        (1000000 3 0.01)
# env:   PROFILE (realistic) PGHOST PGUSER JAVA JAVA_OPTS (-Xmx256m) IMPORTER_ARGS BENCH_DATA, as bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-1000000}
rounds=${2:-3}
dups=${3:-0.01}
profile=${PROFILE:-realistic}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
java=${JAVA:-java}
java_opts=${JAVA_OPTS:--Xmx256m}
data=${BENCH_DATA:-/tmp/importer-bench-data}
work=$(mktemp -d /tmp/importer-dups.XXXXXX)
db=importer_dups_$$
trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
mkdir -p "$data"

[ -f target/coupon-series-importer.jar ] || ./mvnw -B -q package -DskipTests
cp target/coupon-series-importer.jar "$work/importer.jar"
generated() {
  local file=$data/$1; shift
  [ -f "$file" ] || { python3 bench/generate.py "$records" "$file.part" --profile "$profile" "$@" && mv "$file.part" "$file"; }
  echo "$file"
}
unique=$(generated "$profile-$records.csv")
repeated=$(generated "$profile-$records-bad0-dups$dups.csv" --dups "$dups")
psql -q -d postgres -c "CREATE DATABASE $db"
url="jdbc:postgresql://$PGHOST:5432/$db"

# run LABEL FILE: one import into the emptied table; prints "LABEL whole_s job_s rejected rss_mb"
run() {
  psql -q -d "$db" -c "TRUNCATE coupon_series; CHECKPOINT" 2>/dev/null || true
  rm -rf "$work/reports"
  local start end
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  /usr/bin/time -f "%M" -o "$work/rss" "$java" $java_opts -jar "$work/importer.jar" --importer.input="$2" \
    --importer.report-dir="$work/reports" --importer.force=true --spring.datasource.url="$url" \
    --spring.datasource.username="$PGUSER" ${IMPORTER_ARGS:-} > /dev/null
  end=$(date +%s.%N)
  python3 - "$1" "$start" "$end" "$work/reports" "$(cat "$work/rss")" <<'PY'
import glob, json, sys
s = json.load(open(glob.glob(sys.argv[4] + "/*.summary.json")[0]))
print(sys.argv[1], round(float(sys.argv[3]) - float(sys.argv[2]), 2), s["durationMs"] / 1000, s["counts"]["rejected"],
      s["rejectsByCode"].get("DUPLICATE_IN_FILE", 0), int(sys.argv[5]) // 1024)
PY
}

echo "$records records, profile $profile, $dups repeating an earlier key; $("$java" -version 2>&1 | head -1)"
echo "file whole_s job_s rejected duplicates rss_mb"
for round in $(seq "$rounds"); do
  run unique "$unique"
  run repeated "$repeated"
done | tee "$work/runs"
python3 - "$work/runs" <<'PY'
import sys
runs = [l.split() for l in open(sys.argv[1])]
best = lambda label, col: min(float(r[col]) for r in runs if r[0] == label)
print(f"throughput with repeats / without: {best('unique', 1) / best('repeated', 1):.3f} x whole process, "
      f"{best('unique', 2) / best('repeated', 2):.3f} x job alone (the faster run of each)")
PY
