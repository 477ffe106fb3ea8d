#!/usr/bin/env bash
# Lays the importer out as the container image has it (see the Dockerfile): Spring Boot's extracted layers in
# one directory, the launcher bin/importer beside the jar, and the JDK's AOT cache (application.aot: classes
# loaded and linked, method profiles; JEP 483, 515) trained by importing the bundled sample into a scratch H2
# database, from the bean definitions generated at build time (-Dspring.aot.enabled=true). Needs a JDK 25+.
#
# usage: bench/container-form.sh JAR DIR     then: JAVA_HOME=<that JDK> DIR/importer --importer.input=...
# env:   JAVA (java); TRAIN=postgresql trains on a scratch database of the local PostgreSQL (PGHOST, PGUSER)
#        instead, as the README's production command can on the host: the cache then holds the driver's
#        classes too (0.3 s less start-up on a loaded host, docs/benchmarks.md "Start-up")
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$1
dir=$2
java=${JAVA:-java}
layers=$(mktemp -d /tmp/importer-layers.XXXXXX)
trap 'rm -rf "$layers"' EXIT

if [ "$("$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -c ' AOTCache ')" != 1 ]; then
  echo "$java has no AOT cache (-XX:AOTCache): the image's form needs a JDK 25 or newer" >&2
  exit 2
fi
cp "$jar" "$layers/coupon-series-importer.jar"
"$java" -Djarmode=tools -jar "$layers/coupon-series-importer.jar" extract --layers --destination "$layers/out" > /dev/null
mkdir -p "$dir"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
  cp -r "$layers/out/$layer/." "$dir/"
done
cp bin/importer "$dir/importer"
database="--spring.datasource.url=jdbc:h2:file:$layers/training;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
if [ "${TRAIN:-h2}" = postgresql ]; then
  export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
  scratch=importer_training_$$
  psql -q -d postgres -c "CREATE DATABASE $scratch"
  trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)"; rm -rf "$layers"' EXIT
  database="--spring.datasource.url=jdbc:postgresql://$PGHOST:5432/$scratch --spring.datasource.username=$PGUSER"
fi
# shellcheck disable=SC2086
"$java" -XX:AOTCacheOutput="$dir/application.aot" -Xlog:aot=off -Xlog:cds=off -Dspring.aot.enabled=true \
  -jar "$dir/coupon-series-importer.jar" --importer.input=samples/coupon-series.csv \
  --importer.report-dir="$layers/reports" $database > /dev/null 2>&1
