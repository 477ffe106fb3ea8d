#!/usr/bin/env bash
# Start-up (SPEC §11: a 1,000-record file end to end in at most 2 s with the production command): seconds
# from launching the JVM to the job's start (the summary's startedAt, just before the first record is read)
# and to the process's end, importing 1,000 realistic records into a scratch database of the local
# PostgreSQL, alternating three forms: `java -jar` on the default JDK 17 (the quick start), the container's
# form on JDK 17 (extracted layers, AppCDS archive) and on JDK 25 (extracted layers, AOT cache), the caches
# trained as the Dockerfile trains them (bench/container-form.sh), and the JDK 25 form with its cache trained
# on a scratch PostgreSQL database, as the README's production command does on a host.
#
# usage: bench/startup.sh [ROUNDS] [RECORDS]      (default 5 1000)
# env:   PGHOST (127.0.0.1) PGUSER (postgres) JAVA25 (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-5}
records=${2:-1000}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
work=$(mktemp -d /tmp/importer-startup.XXXXXX)
db=importer_startup_$$
trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT

[ -f target/coupon-series-importer.jar ] || ./mvnw -B -q package -DskipTests
cp target/coupon-series-importer.jar "$work/coupon-series-importer.jar"
python3 bench/generate.py "$records" "$work/series.csv"
psql -q -d postgres -c "CREATE DATABASE $db"

JAVA=java bench/container-form.sh "$work/coupon-series-importer.jar" "$work/app17"
JAVA=$java25 bench/container-form.sh "$work/coupon-series-importer.jar" "$work/app25"
JAVA=$java25 TRAIN=postgresql bench/container-form.sh "$work/coupon-series-importer.jar" "$work/app25pg"

# measure LABEL JAVA JAVA_ARGS...: one import, printed as seconds to the job's start and to the process's end
measure() {
  local label=$1 java=$2; shift 2
  rm -rf "$work/reports"
  psql -q -d "$db" -c "TRUNCATE coupon_series" 2>/dev/null || true
  local start end
  start=$(date +%s.%N)
  "$java" "$@" --importer.input="$work/series.csv" --importer.force=true --importer.report-dir="$work/reports" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$db" --spring.datasource.username="$PGUSER" > /dev/null
  end=$(date +%s.%N)
  python3 - "$start" "$end" "$label" "$work/reports" <<'PY'
import datetime, glob, json, sys
start, end, label = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
summary = json.load(open(glob.glob(sys.argv[4] + "/*.summary.json")[0]))
at = datetime.datetime.fromisoformat(summary["startedAt"].rstrip("Z")[:26]).replace(tzinfo=datetime.timezone.utc)
print(f"{label:>34}: to the job's start {at.timestamp() - start:5.2f} s, whole process {end - start:5.2f} s "
      f"({summary['counts']['created']} created)")
PY
}

echo "start-up, $records records, $(nproc) cores, $(date -u +%F)"
read -ra options17 < "$work/app17/java-options"
read -ra options25 < "$work/app25/java-options"
read -ra options25pg < "$work/app25pg/java-options"
for _ in $(seq "$rounds"); do
  measure "java -jar, JDK 17" java -jar "$work/coupon-series-importer.jar"
  measure "layers + AppCDS, JDK 17" java "${options17[@]}" -jar "$work/app17/coupon-series-importer.jar"
  measure "layers + AOT cache, JDK 25" "$java25" "${options25[@]}" -jar "$work/app25/coupon-series-importer.jar"
  measure "same, cache trained on PostgreSQL" "$java25" "${options25pg[@]}" -jar "$work/app25pg/coupon-series-importer.jar"
done
