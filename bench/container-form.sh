#!/usr/bin/env bash
# Lays the importer out as the container image runs it (see the Dockerfile): Spring Boot's extracted layers
# in one directory, started from the bean definitions generated at build time (-Dspring.aot.enabled=true),
# and a cache of the classes a run loads, trained by importing the bundled sample into a scratch H2 database.
# With a JDK 25 or newer ($JAVA) the cache is the JDK's AOT cache (classes loaded and linked, method profiles; JEP 483, 515), else an AppCDS archive (classes parsed).
#
# usage: bench/container-form.sh JAR DIR     then: java $(cat DIR/java-options) -jar DIR/coupon-series-importer.jar ...
# env:   JAVA (java); TRAIN=postgresql trains on a scratch database of the local PostgreSQL (PGHOST, PGUSER)
#        instead, as the README's production command can on the host: the cache then holds the driver's
#        classes too (0.3 s less start-up, docs/benchmarks.md "Start-up")
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$1
dir=$2
java=${JAVA:-java}
layers=$(mktemp -d /tmp/importer-layers.XXXXXX)
trap 'rm -rf "$layers"' EXIT

"$java" -Djarmode=tools -jar "$jar" extract --layers --destination "$layers" > /dev/null
mkdir -p "$dir"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
  cp -r "$layers/$layer/." "$dir/"
done
database="--spring.datasource.url=jdbc:h2:file:$layers/training;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
if [ "${TRAIN:-h2}" = postgresql ]; then
  export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
  scratch=importer_training_$$
  psql -q -d postgres -c "CREATE DATABASE $scratch"
  trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)"; rm -rf "$layers"' EXIT
  database="--spring.datasource.url=jdbc:postgresql://$PGHOST:5432/$scratch --spring.datasource.username=$PGUSER"
fi
# shellcheck disable=SC2206
training=(-Dspring.aot.enabled=true -jar "$dir/$(basename "$jar")" --importer.input=samples/coupon-series.csv --importer.report-dir="$layers/reports"
  $database)
if [ "$("$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -c ' AOTCache ')" = 1 ]; then
  "$java" -XX:AOTCacheOutput="$dir/application.aot" -Xlog:aot=off -Xlog:cds=off "${training[@]}" > /dev/null 2>&1
  echo "-XX:AOTCache=$dir/application.aot -Xlog:aot=off -Xlog:cds=off -Dspring.aot.enabled=true" > "$dir/java-options"
else
  "$java" -XX:ArchiveClassesAtExit="$dir/application.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "${training[@]}" > /dev/null
  echo "-XX:SharedArchiveFile=$dir/application.jsa -Xlog:cds=off -Dspring.aot.enabled=true" > "$dir/java-options"
fi
