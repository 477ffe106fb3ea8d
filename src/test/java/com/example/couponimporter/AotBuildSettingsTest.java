package com.example.couponimporter;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build-time (AOT) processing fixes every bean a condition chose; {@link AotBuildSettings#NAMES} must hold every
 * property those conditions read, or a run could silently start with beans its settings do not ask for.
 */
class AotBuildSettingsTest {

	/** Read only for whether it is set, and EmbeddedDatabaseDefaults sets it in every run. */
	private static final Set<String> ALWAYS_SET = Set.of("spring.datasource.url");

	private static final Pattern PROPERTY = Pattern.compile("\\b(?:spring|management|importer)\\.[a-z0-9.\\-]*[a-z0-9]");

	@Test
	void everyPropertyAConditionReadsIsKeptAtBuildTime() {
		SpringApplication application = new SpringApplication(CouponSeriesImporterApplication.class);
		try (ConfigurableApplicationContext context = application.run("--importer.dry-run=true",
				"--importer.input=" + Path.of("samples/coupon-series.csv").toAbsolutePath())) {
			Set<String> read = new TreeSet<>();
			ConditionEvaluationReport.get(context.getBeanFactory())
				.getConditionAndOutcomesBySource()
				.values()
				.forEach((outcomes) -> outcomes.forEach((outcome) -> {
					Matcher names = PROPERTY.matcher(outcome.getOutcome().getMessage());
					while (names.find()) {
						read.add(names.group());
					}
				}));

			assertThat(read).contains("management.prometheus.metrics.export.pushgateway.enabled", "spring.jmx.enabled")
				.noneMatch((name) -> name.startsWith("importer."))
				.allMatch((name) -> AotBuildSettings.NAMES.contains(name) || ALWAYS_SET.contains(name));
		}
	}

}
