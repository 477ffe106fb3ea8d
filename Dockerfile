# Multi-stage build of the importer image: build the jar, lay it out in Spring Boot's layers (dependencies
# change less often than the application), and train a class data sharing archive, which takes about a
# fifth off the start-up time (docs/benchmarks.md). Runs as a non-root user.
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

FROM eclipse-temurin:17-jre
RUN useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin importer
WORKDIR /application
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# Training run: a dry run of the bundled sample records the classes a real import loads.
COPY samples/coupon-series.csv /tmp/training.csv
RUN java -XX:ArchiveClassesAtExit=application.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar coupon-series-importer.jar \
      --importer.input=/tmp/training.csv --importer.dry-run=true --importer.report-dir=/tmp/training-reports \
 && rm -rf /tmp/training.csv /tmp/training-reports
USER 10001
WORKDIR /work
# Heap sized from the container's memory limit; the rest is metaspace, code cache and buffers.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60"
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/application/application.jsa", "-Xlog:cds=off", "-jar", "/application/coupon-series-importer.jar"]
