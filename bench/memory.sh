#!/usr/bin/env bash
# Flat memory (issues 21 and 22): imports one large file at -Xmx256m as a dry run, into H2 and into the local
# PostgreSQL, and prints for each the time, the counts and the peak resident memory of the whole process.
#
# usage: bench/memory.sh [RECORDS] [FORMAT] [TARGETS]         (10000000 csv "dry-run h2 postgresql")
# env:   PROFILE (realistic) DUPS (0.01) BAD (0) PGHOST PGUSER JAVA JAVA_OPTS (-Xmx256m) BENCH_DATA, as bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-10000000}
format=${2:-csv}
targets=${3:-dry-run h2 postgresql}
profile=${PROFILE:-realistic}
dups=${DUPS:-0.01}
bad=${BAD:-0}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
java=${JAVA:-java}
java_opts=${JAVA_OPTS:--Xmx256m}
data=${BENCH_DATA:-/tmp/importer-bench-data}
work=$(mktemp -d /tmp/importer-memory.XXXXXX)
db=importer_memory_$$
trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
mkdir -p "$data"

[ -f target/coupon-series-importer.jar ] || ./mvnw -B -q package -DskipTests
cp target/coupon-series-importer.jar "$work/importer.jar"
input=$data/$profile-$records-bad$bad-dups$dups.$format
# More than a million records are written in parts of a million side by side (bench/generate.py --parts).
[ -f "$input" ] || { python3 bench/generate.py "$records" "$input.part" --profile "$profile" --bad "$bad" \
  --dups "$dups" --format "$format" --parts $(( (records + 999999) / 1000000 )) && mv "$input.part" "$input"; }

echo "$records records ($(du -m "$input" | cut -f1) MB $format, profile $profile, bad $bad, duplicates $dups)," \
  "$java_opts; $("$java" -version 2>&1 | head -1)"
for target in $targets; do
  case $target in
    dry-run) database=(--importer.dry-run=true) ;;
    h2) database=(--spring.datasource.url="jdbc:h2:file:$work/h2/coupon-series;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH") ;;
    postgresql)
      psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
      database=(--spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$db" --spring.datasource.username="$PGUSER") ;;
  esac
  rm -rf "$work/reports"
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  /usr/bin/time -f "%M" -o "$work/rss" "$java" $java_opts -jar "$work/importer.jar" --importer.input="$input" \
    --importer.report-dir="$work/reports" "${database[@]}" > "$work/log" 2>&1 || { tail -20 "$work/log"; exit 1; }
  end=$(date +%s.%N)
  python3 - "$target" "$start" "$end" "$work/reports" "$(cat "$work/rss")" <<'PY'
import glob, json, sys
s = json.load(open(glob.glob(sys.argv[4] + "/*.summary.json")[0]))
c = s["counts"]
print(f"{sys.argv[1]:>10}: {float(sys.argv[3]) - float(sys.argv[2]):8.1f} s whole process, job {s['durationMs'] / 1000:.1f} s, "
      f"{s['status']}, read {c['read']}, created {c['created']}, rejected {c['rejected']} "
      f"(DUPLICATE_IN_FILE {s['rejectsByCode'].get('DUPLICATE_IN_FILE', 0)}), peak RSS {int(sys.argv[5]) // 1024} MB")
PY
  rm -rf "$work/h2"
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
done
