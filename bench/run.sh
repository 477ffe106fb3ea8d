#!/usr/bin/env bash
# Times psql \copy and the importer on the same generated file, into the same table of the local
# PostgreSQL, in one run, and prints the throughput ratio (importer / \copy) for the whole process (the
# command a user types, JVM start and exit included: the claim) and for the job alone. It also times the
# floor: binary \copy of the same rows, which is what the importer sends.
#
# usage: bench/run.sh [RECORDS] [BAD_FRACTION] [FORMAT]     e.g. bench/run.sh 1000000 0.05 csv
# env:   PROFILE realistic (default) or simple (bench/generate.py); DUPS fraction repeating an earlier key;
#        GZIP=1 feeds the importer the gzipped file; PGHOST (127.0.0.1) PGUSER (postgres);
#        JAVA (java) JAVA_OPTS (-Xmx256m) IMPORTER_ARGS (extra --importer.* options); JAR (the jar to time,
#        target/coupon-series-importer.jar, e.g. one built from an earlier commit to compare);
#        BENCH_DATA (/tmp/importer-bench-data): generated files are kept there and reused by later runs
#        FORM=container: run the importer as the container image does (bench/container-form.sh: extracted
#        layers, an AOT cache and the launcher bin/importer; JAVA must be a JDK 25+, JAVA_OPTS go to
#        JAVA_TOOL_OPTIONS)
#        REIMPORT=1: then import the same file again (--importer.force=true) into the filled table, where every
#        series exists, and compare that run with the first import
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-1000000}
bad=${2:-0}
format=${3:-csv}
profile=${PROFILE:-realistic}
dups=${DUPS:-0}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
java=${JAVA:-java}
java_opts=${JAVA_OPTS:--Xmx256m}
data=${BENCH_DATA:-/tmp/importer-bench-data}
work=$(mktemp -d /tmp/importer-bench.XXXXXX)
db=importer_bench_$$
trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
mkdir -p "$data"

jar=${JAR:-target/coupon-series-importer.jar}
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
# A copy, so that rebuilding while the benchmark runs does not pull the jar out from under it.
cp "$jar" "$work/importer.jar"
read -ra jvm_options <<< "$java_opts"
importer=("$java" "${jvm_options[@]}" -jar "$work/importer.jar")
if [ "${FORM:-jar}" = "container" ]; then
  JAVA="$java" bench/container-form.sh "$work/importer.jar" "$work/app"
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")
  importer=(env JAVA_HOME="$java_home" JAVA_TOOL_OPTIONS="$java_opts" "$work/app/importer")
fi

now() { date +%s.%N; }
seconds() { echo "$2 - $1" | bc; }
faster() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
# The job's own duration in ms, from the summary the importer wrote into report directory $1.
summary_ms() {
  python3 -c "import json,glob,sys; print(json.load(open(glob.glob(sys.argv[1] + '/*.summary.json')[0]))['durationMs'])" \
    "$1"
}
# generated NAME ARGS...: the path of a file bench/generate.py writes with ARGS, made once and kept in $data
generated() {
  local file=$data/$1; shift
  [ -f "$file" ] || { python3 bench/generate.py "$records" "$file.part" --profile "$profile" "$@" && mv "$file.part" "$file"; }
  echo "$file"
}
# Imports the input once more (a new job instance), its reports into directory $1, its peak RSS into $work/rss.
import_once() {
  # shellcheck disable=SC2086
  /usr/bin/time -f "%M" -o "$work/rss" "${importer[@]}" --importer.input="$input" \
    --importer.report-dir="$1" --importer.force=true --spring.datasource.url="$url" \
    --spring.datasource.username="$PGUSER" ${IMPORTER_ARGS:-} | tail -1
}
# timed_copy SQL: runs psql's \copy twice into the emptied table and prints the faster time, so that a slow
# moment of the host cannot flatter the importer's ratio
timed_copy() {
  local best= start end
  for attempt in 1 2; do
    psql -q -d "$db" -c "TRUNCATE coupon_series; CHECKPOINT"
    start=$(now)
    psql -q -d "$db" -c "$1"
    end=$(now)
    echo "  run $attempt: $(seconds "$start" "$end") s" >&2
    best=$(faster "$best" "$(seconds "$start" "$end")")
  done
  echo "$best"
}

echo "generating $records records (profile $profile, $format, bad fraction $bad, duplicates $dups) ..."
clean=$(generated "$profile-$records.csv")
input=$clean
if [ "$bad" != "0" ] || [ "$dups" != "0" ] || [ "$format" != "csv" ] || [ "${GZIP:-0}" = 1 ]; then
  extra=()
  [ "${GZIP:-0}" = 1 ] && extra=(--gzip)
  input=$(generated "$profile-$records-bad$bad-dups$dups.$format$([ "${GZIP:-0}" = 1 ] && echo .gz)" \
    --bad "$bad" --dups "$dups" --format "$format" "${extra[@]}")
fi
size=$(du -m "$input" | cut -f1)

psql -q -d postgres -c "CREATE DATABASE $db"
url="jdbc:postgresql://$PGHOST:5432/$db"
# Let the importer's Flyway migrations create the table and the job repository.
head -1 "$clean" > "$work/empty.csv"
"$java" -jar "$work/importer.jar" --importer.input="$work/empty.csv" --importer.report-dir="$work/r0" \
  --spring.datasource.url="$url" --spring.datasource.username="$PGUSER" > /dev/null

# \copy skips the header (API names) and takes the table's names for the same columns.
columns=$(head -1 "$clean" | python3 -c "import sys; sys.path.insert(0, 'bench'); import generate; \
print(','.join(generate.snake(c) for c in sys.stdin.read().strip().split(',')))")
psql -q -d "$db" -c "ALTER TABLE coupon_series ALTER import_file DROP NOT NULL, ALTER import_line DROP NOT NULL,
  ALTER import_job_execution_id DROP NOT NULL, ALTER imported_at DROP NOT NULL"
# The generator's writes are flushed first, so that neither tool competes with them.
sync
echo "psql \\copy (CSV):"
copy_s=$(timed_copy "\\copy coupon_series ($columns) FROM '$clean' WITH (FORMAT csv, HEADER true)")
psql -q -d "$db" -c "\\copy coupon_series ($columns) TO '$work/clean.bin' WITH (FORMAT binary)"
echo "psql \\copy (binary, the same rows: the floor):"
binary_s=$(timed_copy "\\copy coupon_series ($columns) FROM '$work/clean.bin' WITH (FORMAT binary)")
rm -f "$work/clean.bin"
psql -q -d "$db" -c "TRUNCATE coupon_series; ALTER TABLE coupon_series ALTER import_file SET NOT NULL,
  ALTER import_line SET NOT NULL, ALTER import_job_execution_id SET NOT NULL, ALTER imported_at SET NOT NULL; CHECKPOINT"

# The importer also runs twice, into the emptied table; each ratio takes its better run, and peak RSS is the
# larger of the two.
importer_s= job_ms= rss_kb=0
for attempt in 1 2; do
  psql -q -d "$db" -c "TRUNCATE coupon_series; CHECKPOINT"
  start=$(now)
  import_once "$work/reports$attempt"
  end=$(now)
  this_s=$(seconds "$start" "$end")
  this_ms=$(summary_ms "$work/reports$attempt")
  echo "importer run $attempt: $this_s s (job alone $(echo "$this_ms / 1000" | bc -l | cut -c1-6) s)"
  importer_s=$(faster "$importer_s" "$this_s")
  if [ -z "$job_ms" ] || [ "$this_ms" -lt "$job_ms" ]; then job_ms=$this_ms; fi
  rss_kb=$(( $(cat "$work/rss") > rss_kb ? $(cat "$work/rss") : rss_kb ))
done
rows=$(psql -qtA -d "$db" -c "SELECT count(*) FROM coupon_series")

printf '\nrecords %s (profile %s, %s MB %s, bad %s, duplicates %s) -> rows %s; importer run as %s with %s\n' \
  "$records" "$profile" "$size" "$format" "$bad" "$dups" "$rows" \
  "$([ "${FORM:-jar}" = container ] && echo "the container image does (bin/importer, AOT cache)" || echo 'java -jar')" \
  "$("$java" -version 2>&1 | head -1)"
printf 'psql \\copy  : %8.2f s  %9.0f rec/s\n' "$copy_s" "$(echo "$records / $copy_s" | bc -l)"
printf 'binary floor: %8.2f s  %9.0f rec/s  (%.2f x \\copy)\n' "$binary_s" "$(echo "$records / $binary_s" | bc -l)" \
  "$(echo "$copy_s / $binary_s" | bc -l)"
printf 'importer    : %8.2f s  %9.0f rec/s  (job alone %.2f s, peak RSS %s MB)\n' "$importer_s" \
  "$(echo "$records / $importer_s" | bc -l)" "$(echo "$job_ms / 1000" | bc -l)" "$(( rss_kb / 1024 ))"
printf 'ratio       : %8.2f x of \\copy throughput (whole process), %.2f x (job alone)\n' \
  "$(echo "$copy_s / $importer_s" | bc -l)" "$(echo "$copy_s * 1000 / $job_ms" | bc -l)"

if [ "${REIMPORT:-0}" = "1" ]; then
  start=$(now)
  import_once "$work/again"
  end=$(now)
  again_s=$(seconds "$start" "$end")
  again_ms=$(summary_ms "$work/again")
  printf 're-import   : %8.2f s  %9.0f rec/s  (job alone %.2f s): %.2f x the first import'"'"'s time (job alone %.2f x)\n' \
    "$again_s" "$(echo "$records / $again_s" | bc -l)" "$(echo "$again_ms / 1000" | bc -l)" \
    "$(echo "$again_s / $importer_s" | bc -l)" "$(echo "$again_ms / $job_ms" | bc -l)"
fi
