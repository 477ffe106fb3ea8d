#!/usr/bin/env bash
# Start-up (SPEC §11: a 1,000-record file end to end in at most 2 s with the production command): seconds
# from launching the importer to the job's start (the summary's startedAt, just before the first record is
# read) and to the process's end, importing realistic records into a scratch database of the local
# PostgreSQL, alternating the forms: `java -jar` on the default JDK 17 (the quick start); the container
# image's form on JDK 25 (extracted layers, AOT cache trained on H2, the launcher bin/importer: see
# bench/container-form.sh); the README's production command on a host (the same, the cache trained on a
# scratch PostgreSQL database); and that command's `java` line run directly with each JIT the launcher
# chooses from (the JDK's default tiered one, and C1 alone, its choice for inputs under 50 MB), so that a
# RECORDS argument can show where one overtakes the other.
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

JAVA=$java25 bench/container-form.sh "$work/coupon-series-importer.jar" "$work/image"
JAVA=$java25 TRAIN=postgresql bench/container-form.sh "$work/coupon-series-importer.jar" "$work/host"
jdk25=$(dirname "$(dirname "$java25")")
# the launcher's java line without its choice of JIT
host_java=("$java25" -XX:AOTCache="$work/host/application.aot" -Xlog:aot=off -Xlog:cds=off -Dspring.aot.enabled=true
  -jar "$work/host/coupon-series-importer.jar")

# measure LABEL COMMAND...: one import, printed as seconds to the job's start and to the process's end
measure() {
  local label=$1; shift
  rm -rf "$work/reports"
  psql -q -d "$db" -c "TRUNCATE coupon_series" 2>/dev/null || true
  local start end
  start=$(date +%s.%N)
  "$@" --importer.input="$work/series.csv" --importer.force=true --importer.report-dir="$work/reports" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$db" --spring.datasource.username="$PGUSER" > /dev/null
  end=$(date +%s.%N)
  python3 - "$start" "$end" "$label" "$work/reports" <<'PY'
import datetime, glob, json, sys
start, end, label = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
summary = json.load(open(glob.glob(sys.argv[4] + "/*.summary.json")[0]))
at = datetime.datetime.fromisoformat(summary["startedAt"].rstrip("Z")[:26]).replace(tzinfo=datetime.timezone.utc)
print(f"{label:>40}: to the job's start {at.timestamp() - start:5.2f} s, whole process {end - start:5.2f} s "
      f"({summary['counts']['created']} created)")
PY
}

echo "start-up, $records records, $(nproc) cores, $(date -u +%F)"
for _ in $(seq "$rounds"); do
  measure "java -jar, JDK 17" java -jar "$work/coupon-series-importer.jar"
  measure "image: bin/importer, JDK 25" env JAVA_HOME="$jdk25" "$work/image/importer"
  measure "host: bin/importer, cache on PostgreSQL" env JAVA_HOME="$jdk25" "$work/host/importer"
  measure "host, default tiered JIT" "${host_java[@]}"
  measure "host, C1 alone" "${host_java[@]:0:1}" -XX:TieredStopAtLevel=1 "${host_java[@]:1}"
done
