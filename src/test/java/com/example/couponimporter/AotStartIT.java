package com.example.couponimporter;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.FakeCouponApi;
import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.ImporterProcess;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production command's start, {@code -Dspring.aot.enabled=true}: the bean definitions generated when the jar
 * was built serve every target and mode, and a run whose Spring settings differ from the build's starts the
 * ordinary way instead of ignoring them.
 */
class AotStartIT {

	private static final List<String> AOT = List.of("-Dspring.aot.enabled=true");

	private static final String SAMPLE = "--importer.input=" + Path.of("samples/coupon-series.csv").toAbsolutePath();

	@RegisterExtension
	static final TestDatabase partitioned = new TestDatabase();

	@RegisterExtension
	static final TestDatabase viaApi = new TestDatabase();

	@RegisterExtension
	static final TestDatabase ordinary = new TestDatabase();

	@Test
	void importsInPartitionsFromTheBuildTimeBeanDefinitions(@TempDir Path work) throws Exception {
		int exit = ImporterProcess.run(work, AOT, partitioned.argsWith(SAMPLE, "--importer.partitions=2",
				"--spring.main.log-startup-info=true"));

		assertThat(exit).isZero();
		assertThat(ImporterProcess.output(work)).contains("Starting AOT-processed CouponSeriesImporterApplication")
			.contains("completed: 42 read, 33 created, 0 updated, 0 existing, 9 rejected")
			.doesNotContain("Starting without the build-time");
		assertThat(partitioned.seriesRows()).isEqualTo(33);
		assertThat(new ImportRun(exit, work.resolve("reports")).rejects()).hasSize(9);
	}

	@Test
	void choosesTheApiTargetWhenTheJobRuns(@TempDir Path work) throws Exception {
		try (FakeCouponApi api = new FakeCouponApi()) {
			api.oauth("key", "secret", 3600);

			int exit = ImporterProcess.run(work, AOT, viaApi.argsWith(SAMPLE, "--importer.target=api",
					"--importer.api.base-url=" + api.baseUrl(), "--importer.api.oauth-key=key",
					"--importer.api.oauth-secret=secret", "--spring.main.log-startup-info=true"));

			assertThat(exit).isZero();
			assertThat(ImporterProcess.output(work)).contains("Starting AOT-processed CouponSeriesImporterApplication")
				.contains("completed: 42 read, 33 created, 0 updated, 0 existing, 9 rejected");
			assertThat(api.createdPerCode()).hasSize(33);
			assertThat(viaApi.seriesRows()).isZero();
		}
	}

	@Test
	void startsTheOrdinaryWayWhenASettingTheBuildFixedDiffers(@TempDir Path work) throws Exception {
		int exit = ImporterProcess.run(work, AOT, ordinary.argsWith(SAMPLE, "--spring.jmx.enabled=true",
				"--spring.main.log-startup-info=true"));

		assertThat(exit).isZero();
		assertThat(ImporterProcess.output(work))
			.contains("Starting without the build-time (AOT) bean definitions: spring.jmx.enabled is 'true', "
					+ "the build's not set")
			.contains("Starting CouponSeriesImporterApplication")
			.doesNotContain("AOT-processed")
			.contains("completed: 42 read, 33 created, 0 updated, 0 existing, 9 rejected");
		assertThat(ordinary.seriesRows()).isEqualTo(33);
	}

}
