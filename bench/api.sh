#!/usr/bin/env bash
# The API target against a fake answering every call in 50 ms (bench/FakeApi.java): records/s at
# concurrency 1, 4 and 16 as a fraction of the ideal concurrency / latency, then a run with max-rate set,
# checked at the fake; also the rate at the fake after the importer's first 5 s (its JIT warm-up). The fake
# is warmed with uncounted calls before each run. The job repository and ledger live in a scratch database
# of the local PostgreSQL.
#
# usage: bench/api.sh [SECONDS_PER_RUN]      (default 20: each run sends about that long at the ideal rate)
# env:   PGHOST (127.0.0.1) PGUSER (postgres) JAVA_OPTS (-Xmx256m) LATENCY_MS (50) MAX_RATE (100)
#        CONCURRENCIES ("1 4 16") IMPORTER_ARGS (extra --importer.* options)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
latency_ms=${LATENCY_MS:-50}
max_rate=${MAX_RATE:-100}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
java_opts=${JAVA_OPTS:--Xmx256m}
work=$(mktemp -d /tmp/importer-api-bench.XXXXXX)
db=importer_api_bench_$$
port=$((20000 + $$ % 20000))
fake=
trap '[ -n "$fake" ] && kill "$fake" 2>/dev/null; psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT

[ -f target/coupon-series-importer.jar ] || ./mvnw -B -q package -DskipTests
cp target/coupon-series-importer.jar "$work/importer.jar"

# run LABEL RECORDS CONCURRENCY [extra options]: one import with a fresh fake and job database; prints a result
run() {
  local label=$1 records=$2 concurrency=$3; shift 3
  python3 bench/generate.py "$records" "$work/$label.csv" > /dev/null
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  java -Xmx128m -Dsun.net.httpserver.nodelay=true bench/FakeApi.java "$port" "$latency_ms" "$work/$label.stats" & fake=$!
  sleep 3
  # warm the fake's JIT with uncounted calls: it is not what is measured, and a real API does not share our CPUs
  java bench/HttpCeiling.java "http://127.0.0.1:$port/warm-up" 16 2 > /dev/null
  # shellcheck disable=SC2086
  java $java_opts -jar "$work/importer.jar" --importer.input="$work/$label.csv" --importer.target=api \
    --importer.report-dir="$work/$label" --importer.api.base-url="http://127.0.0.1:$port" \
    --importer.api.username=bench --importer.api.password=bench --importer.api.concurrency="$concurrency" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$db" --spring.datasource.username="$PGUSER" ${IMPORTER_ARGS:-} "$@" \
    > "$work/$label.log" || { tail -3 "$work/$label.log"; exit 1; }
  kill "$fake"; wait "$fake" || true; fake=
  python3 - "$work/$label" "$work/$label.stats" "$concurrency" "$latency_ms" "$label" <<'PY'
import glob, json, sys
summary = json.load(open(glob.glob(sys.argv[1] + "/*.summary.json")[0]))
stats = json.load(open(sys.argv[2]))
concurrency, latency = int(sys.argv[3]), float(sys.argv[4]) / 1000
ideal = concurrency / latency
c = summary["counts"]
sent = c["created"] + c["existing"] + sum(v for k, v in summary["rejectsByCode"].items() if k.startswith("API"))
rate = sent / (summary["durationMs"] / 1000)
print(f"{sys.argv[5]:>22}: {c['read']:>6} read, {c['created']:>6} created, {rate:8.1f} series/s, "
      f"ideal {ideal:6.1f}/s, ratio {rate / ideal:.3f}, most calls in any 1 s at the fake: {stats['mostCallsInOneSecond']}")
per_second = stats["callsPerSecond"]
steady = per_second[5:-1]
if steady:
    mean = sum(steady) / len(steady)
    print(f"{'':>22}  after the first 5 s: {mean:.1f} calls/s, ratio {mean / ideal:.3f}")
print(f"{'':>22}  calls per second at the fake: {per_second}")
PY
}

echo "API target, fake latency ${latency_ms} ms, ~${seconds} s per run; $(nproc) cores, $(date -u +%F)"
for c in ${CONCURRENCIES:-1 4 16}; do
  records=$(( seconds * c * 1000 / latency_ms ))
  run "concurrency-$c" "$records" "$c"
done
records=$(( seconds * max_rate ))
run "concurrency-16-rate-$max_rate" "$records" 16 --importer.api.max-rate="$max_rate"
