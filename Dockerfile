# Multi-stage build of the importer image: build the jar (compiled for Java 17, with the bean definitions Spring
# generates at build time), lay it out in Spring Boot's layers (dependencies change less often than the
# application), and train a JDK AOT cache on a Java 25 runtime: the classes a run loads, already parsed and
# linked, and method profiles. The launcher (bin/importer) starts from both and chooses the JIT for the
# input's size: a small file is imported end to end in about 1.5 s (docs/benchmarks.md, "Start-up").
# Runs as a non-root user.
#
#   docker build -t coupon-series-importer .
#   docker run --rm -v "$PWD/inbox:/work" coupon-series-importer --importer.input=/work/series.csv \
#     --importer.report-dir=/work/reports --spring.datasource.url=jdbc:postgresql://db:5432/coupons

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/coupon-series-importer.jar extract --layers --destination /extracted

FROM eclipse-temurin:25-jre
RUN useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin importer
WORKDIR /application
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY bin/importer ./
# Training run: an import of the bundled sample into a scratch H2 database records what a real import
# loads and links (reading, validation, reports, JDBC, Flyway, the job repository).
COPY samples/coupon-series.csv /tmp/training.csv
RUN java -XX:AOTCacheOutput=application.aot -Xlog:aot=off -Xlog:cds=off -Dspring.aot.enabled=true \
      -jar coupon-series-importer.jar \
      --importer.input=/tmp/training.csv --importer.report-dir=/tmp/training-reports \
      "--spring.datasource.url=jdbc:h2:file:/tmp/training;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
 && rm -rf /tmp/training*
USER 10001
WORKDIR /work
# Heap sized from the container's memory limit; the rest is metaspace, code cache and buffers.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60"
ENTRYPOINT ["/application/importer"]
