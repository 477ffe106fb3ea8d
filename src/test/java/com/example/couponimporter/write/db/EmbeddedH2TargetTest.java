package com.example.couponimporter.write.db;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.example.couponimporter.support.ImportRun;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled CSV sample end to end on the embedded H2 database, as the quick start runs it. */
class EmbeddedH2TargetTest {

	@TempDir
	Path dir;

	@Test
	void theSampleImportsIntoH2WithTheSameOutcomesAsOnPostgres() {
		String url = "jdbc:h2:file:" + this.dir.resolve("db/coupon-series") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

		ImportRun run = ImportRun.run(this.dir.resolve("reports"), "--importer.input=samples/coupon-series.csv",
				"--spring.datasource.url=" + url, "--spring.datasource.username=sa");
		ImportRun update = ImportRun.run(this.dir.resolve("again"), "--importer.input=samples/coupon-series.csv",
				"--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--importer.force=true",
				"--importer.on-existing=update");

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).isEqualTo("42/33/0/0/9");
		assertThat(update.counts()).isEqualTo("42/0/33/0/9");
		JdbcTemplate h2 = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
		assertThat(h2.queryForObject("SELECT count(*) FROM coupon_series", Long.class)).isEqualTo(33);
		List<Map<String, String>> results = run.results();
		assertThat(results).hasSize(33);
		Map<String, String> first = results.get(0);
		Map<String, Object> row = h2.queryForMap("SELECT id, import_line, discount_code, store_ids_json "
				+ "FROM coupon_series WHERE org_id = ? AND series_code = ?", Long.parseLong(first.get("orgId")),
				first.get("seriesCode"));
		assertThat(row.get("id")).hasToString(first.get("id"));
		assertThat(row.get("import_line")).hasToString(first.get("_line"));
		assertThat(new String((byte[]) row.get("store_ids_json"))).isEqualTo("[1201,1202,1350]");
		assertThat(update.results()).extracting(r -> r.get("id")).containsExactlyElementsOf(
				results.stream().map(r -> r.get("id")).toList());
	}

}
