package com.example.couponimporter;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database when none is configured: an H2 file database under {@code ./data/} for the quick
 * start, or, for a dry run, a private in-memory one so that a dry run needs no database at all. A plan also
 * keeps its job repository there, and reads the configured database through a connection of its own. Sizes
 * the connection pool for partitions.
 */
public class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor, Ordered {

	/** The embedded quick-start database, in PostgreSQL compatibility mode. */
	public static final String EMBEDDED_URL = "jdbc:h2:file:./data/coupon-series;MODE=PostgreSQL;"
			+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	/** Where a plan finds the settings of the database it plans for. */
	public static final String PLAN_DATASOURCE = "importer-plan.datasource.";

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
		boolean plan = environment.getProperty("importer.plan", Boolean.class, false);
		boolean undo = environment.containsProperty("importer.undo");
		if (plan || (environment.getProperty("importer.dry-run", Boolean.class, false) && !undo)) {
			String url = "jdbc:h2:mem:dry-run-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
			Map<String, Object> dryRun = new HashMap<>(Map.of("spring.datasource.url", url, "spring.datasource.username",
					"sa", "spring.datasource.password", ""));
			if (plan) {
				// the plan reads the database it plans for through a connection of its own (PlanDatabase)
				dryRun.put("importer.dry-run", "true");
				copy(environment, dryRun, "url", "username", "password");
			}
			environment.getPropertySources().addFirst(new MapPropertySource("importerDryRun", dryRun));
		}
		else if (!environment.containsProperty("spring.datasource.url")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("importerEmbeddedDatabase",
						Map.of("spring.datasource.url", EMBEDDED_URL, "spring.datasource.username", "sa")));
		}
	}

	/** Keeps the configured database's settings as {@code importer-plan.datasource.*}. */
	private static void copy(ConfigurableEnvironment environment, Map<String, Object> to, String... settings) {
		for (String setting : settings) {
			String value = environment.getProperty("spring.datasource." + setting);
			if (value != null) {
				to.put(PLAN_DATASOURCE + setting, value);
			}
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
