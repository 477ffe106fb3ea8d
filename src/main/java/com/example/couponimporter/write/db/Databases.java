package com.example.couponimporter.write.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** What kind of database the job runs on: PostgreSQL in production, H2 for the embedded quick start. */
public final class Databases {

	private Databases() {
	}

	public static boolean isPostgres(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return isPostgres(connection);
		}
	}

	public static boolean isPostgres(Connection connection) throws SQLException {
		return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
	}

}
