package com.example.couponimporter.support;

import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A PostgreSQL database of its own for one test class, on the local server (127.0.0.1:5432, trust
 * auth); created before the class and dropped after it.
 */
public class TestDatabase implements BeforeAllCallback, AfterAllCallback {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private final String name = "importer_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private JdbcTemplate jdbc;

	@Override
	public void beforeAll(ExtensionContext context) {
		admin().execute("CREATE DATABASE " + this.name);
		this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url(), "postgres", ""));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		admin().execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	public String url() {
		return SERVER + this.name;
	}

	/** The arguments that point the importer at this database. */
	public String[] args() {
		return new String[] { "--spring.datasource.url=" + url(), "--spring.datasource.username=postgres" };
	}

	/** {@link #args()} followed by {@code options}. */
	public String[] argsWith(String... options) {
		String[] all = java.util.Arrays.copyOf(args(), args().length + options.length);
		System.arraycopy(options, 0, all, args().length, options.length);
		return all;
	}

	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	/** Empties the series table (the job repository is kept). */
	public void clearSeries() {
		this.jdbc.execute("TRUNCATE coupon_series");
	}

	/** Columns compared between runs of the same file: everything but ids, execution lineage and the job-start default. */
	public static final String CONTENT = "SELECT org_id, series_code, description, discount_code, discount_value, "
			+ "custom_property_map::text, store_ids_json::text, import_line, import_file FROM coupon_series "
			+ "ORDER BY org_id, series_code";

	/** The rows of {@code coupon_series} as {@link #CONTENT} compares them. */
	public java.util.List<java.util.Map<String, Object>> seriesContent() {
		return this.jdbc.queryForList(CONTENT);
	}

	/** Rows in {@code coupon_series}. */
	public long seriesRows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM coupon_series", Long.class);
	}

	/** Waits (at most two minutes) until an importer running elsewhere has stored {@code rows} series. */
	public void awaitSeriesRows(long rows) throws InterruptedException {
		long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (seriesRows() >= rows) {
					return;
				}
			}
			catch (RuntimeException notYetMigrated) {
				// the table does not exist until the importer's migrations ran
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the importer did not reach " + rows + " rows in time");
	}

	public static JdbcTemplate admin() {
		return new JdbcTemplate(new DriverManagerDataSource(SERVER + "postgres", "postgres", ""));
	}

}
