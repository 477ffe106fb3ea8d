package com.example.couponimporter.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.ImportRun;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §10 metrics: counters by outcome and reject code and Spring Batch's own, pushed when the run ends. */
class MetricsTest {

	@TempDir
	Path dir;

	@Test
	void countersAndBatchMetricsArePushedToThePushgatewayWhenTheRunEnds() throws Exception {
		Path input = Files.writeString(this.dir.resolve("series.csv"), "orgId,seriesCode,description,discountCode,"
				+ "discountType,discountValue,validTillDate,smsTemplate\n"
				+ "100737,A-1,One,D1,ABS,10,2099-01-01T00:00:00Z,Hi\n"
				+ "100737,A-2,Two,D2,PERC,150,2099-01-01T00:00:00Z,Hi\n"
				+ "100737,A-3,Three,D3,ABS,10,2099-01-01T00:00:00Z,Hi\n"
				+ "100737,A-1,Again,D4,ABS,10,2099-01-01T00:00:00Z,Hi\n"
				+ "100737,A-5,,D5,ABS,10,not-a-date,Hi\n");
		try (MockWebServer pushgateway = new MockWebServer()) {
			pushgateway.enqueue(new MockResponse.Builder().code(200).build());
			pushgateway.enqueue(new MockResponse.Builder().code(200).build());
			pushgateway.start();

			ImportRun run = ImportRun.run(this.dir.resolve("reports"), "--importer.input=" + input,
					"--importer.dry-run=true", "--management.prometheus.metrics.export.pushgateway.enabled=true",
					"--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:" + pushgateway.getPort());

			assertThat(run.exitCode()).isZero();
			// a periodic push (POST) may come first, depending on timing; the run's end pushes with PUT
			RecordedRequest push = pushgateway.takeRequest(10, TimeUnit.SECONDS);
			if (!push.getMethod().equals("PUT")) {
				push = pushgateway.takeRequest(10, TimeUnit.SECONDS);
			}
			assertThat(push.getMethod()).as("the push when the run ends").isEqualTo("PUT");
			assertThat(push.getTarget()).isEqualTo("/metrics/job/coupon-series-importer");
			String metrics = push.getBody().utf8();
			assertThat(metrics).contains("importer_records_total{outcome=\"created\"} 2.0")
				.contains("importer_records_total{outcome=\"rejected\"} 3.0")
				.contains("importer_rejects_total{code=\"inconsistent\"} 1.0")
				.contains("importer_rejects_total{code=\"duplicate_in_file\"} 1.0")
				.contains("importer_rejects_total{code=\"required\"} 1.0")
				.contains("importer_rejects_total{code=\"invalid_format\"} 1.0")
				.contains("importer_rejects_total{code=\"api_rejected\"} 0.0")
				.contains("spring_batch_job_seconds_count{error=\"none\",spring_batch_job_name=\"importCouponSeriesJob\","
						+ "spring_batch_job_status=\"COMPLETED\"} 1")
				.containsPattern("spring_batch_chunk_write_seconds_count\\{[^}]*\\} 1\n")
				.as("no timer per record").doesNotContain("spring_batch_item_");
		}
	}

}
