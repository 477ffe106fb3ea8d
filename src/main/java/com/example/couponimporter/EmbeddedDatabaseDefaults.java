package com.example.couponimporter;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database when none is configured: an H2 file database under {@code ./data/} for the quick
 * start, or, for a dry run, a private in-memory one so that a dry run needs no database at all. Sizes the
 * connection pool for partitions.
 */
public class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor, Ordered {

	/** The embedded quick-start database, in PostgreSQL compatibility mode. */
	public static final String EMBEDDED_URL = "jdbc:h2:file:./data/coupon-series;MODE=PostgreSQL;"
			+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty("spring.datasource.hikari.maximum-pool-size")) {
			// the run's lock takes one; each partition (or the single step) one for its chunk and, with the API
			// target, one for the ledger and one for the thread recording answers in it
			int partitions = environment.getProperty("importer.partitions", Integer.class, 1);
			String poolSize = String.valueOf(Math.max(5, 3 * partitions + 2));
			environment.getPropertySources()
				.addLast(new MapPropertySource("importerConnectionPool",
						Map.of("spring.datasource.hikari.maximum-pool-size", poolSize)));
		}
		if (environment.getProperty("importer.dry-run", Boolean.class, false)) {
			String url = "jdbc:h2:mem:dry-run-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
			environment.getPropertySources()
				.addFirst(new MapPropertySource("importerDryRun", Map.of("spring.datasource.url", url,
						"spring.datasource.username", "sa", "spring.datasource.password", "")));
		}
		else if (!environment.containsProperty("spring.datasource.url")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("importerEmbeddedDatabase",
						Map.of("spring.datasource.url", EMBEDDED_URL, "spring.datasource.username", "sa")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
