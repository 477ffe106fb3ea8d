package com.example.couponimporter.undo;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The columns of {@code coupon_series} as the database has them, so that moving rows never depends on their order. */
final class SeriesTable {

	private SeriesTable() {
	}

	static List<String> columns(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = 'coupon_series'::regclass "
				+ "AND attnum > 0 AND NOT attisdropped ORDER BY attnum", String.class);
	}

}
