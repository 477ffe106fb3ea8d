#!/usr/bin/env bash
# Start-up to the first record (SPEC §11: under 5 s): seconds from launching the JVM to the job's start
# (the summary's startedAt) and to the process's end, for a one-record CSV against a scratch database of
# the local PostgreSQL, alternating `java -jar` and the container's form (extracted layers with an AppCDS
# archive trained by a dry run of the sample, as the Dockerfile builds it).
#
# usage: bench/startup.sh [ROUNDS]      (default 3)
# env:   PGHOST (127.0.0.1) PGUSER (postgres)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
work=$(mktemp -d /tmp/importer-startup.XXXXXX)
db=importer_startup_$$
trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT

[ -f target/coupon-series-importer.jar ] || ./mvnw -B -q package -DskipTests
cp target/coupon-series-importer.jar "$work/coupon-series-importer.jar"
head -2 samples/coupon-series.csv > "$work/one.csv"
psql -q -d postgres -c "CREATE DATABASE $db"

bench/container-form.sh "$work/coupon-series-importer.jar" "$work/app"

# measure LABEL JAVA_ARGS...: one run, printed as seconds to the job's start and to the process's end
measure() {
  local label=$1; shift
  rm -rf "$work/reports"
  local start end
  start=$(date +%s.%N)
  java "$@" --importer.input="$work/one.csv" --importer.force=true --importer.report-dir="$work/reports" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$db" --spring.datasource.username="$PGUSER" > /dev/null
  end=$(date +%s.%N)
  python3 - "$start" "$end" "$label" "$work/reports" <<'PY'
import datetime, glob, json, sys
start, end, label = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
summary = json.load(open(glob.glob(sys.argv[4] + "/*.summary.json")[0]))
at = datetime.datetime.fromisoformat(summary["startedAt"].rstrip("Z")[:26]).replace(tzinfo=datetime.timezone.utc)
print(f"{label:>28}: to the job's start {at.timestamp() - start:5.2f} s, whole process {end - start:5.2f} s")
PY
}

echo "start-up, $(nproc) cores, $(date -u +%F)"
for _ in $(seq "$rounds"); do
  measure "java -jar" -jar "$work/coupon-series-importer.jar"
  measure "extracted layers + AppCDS" -XX:SharedArchiveFile="$work/app/application.jsa" -Xlog:cds=off \
    -jar "$work/app/coupon-series-importer.jar"
done
