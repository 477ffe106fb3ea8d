#!/usr/bin/env bash
# Lays the importer out as the container image runs it (see the Dockerfile): Spring Boot's extracted layers
# in one directory, and an AppCDS archive trained by a dry run of the bundled sample.
#
# usage: bench/container-form.sh JAR DIR    then: java -XX:SharedArchiveFile=DIR/application.jsa -Xlog:cds=off \
#                                                   -jar DIR/coupon-series-importer.jar ...
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$1
dir=$2
layers=$(mktemp -d /tmp/importer-layers.XXXXXX)
trap 'rm -rf "$layers"' EXIT

java -Djarmode=tools -jar "$jar" extract --layers --destination "$layers" > /dev/null
mkdir -p "$dir"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
  cp -r "$layers/$layer/." "$dir/"
done
java -XX:ArchiveClassesAtExit="$dir/application.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$dir/$(basename "$jar")" --importer.input=samples/coupon-series.csv --importer.dry-run=true \
  --importer.report-dir="$layers/training" > /dev/null
