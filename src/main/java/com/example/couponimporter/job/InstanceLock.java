package com.example.couponimporter.job;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Tells a live run of a job instance from a dead one. A run holds a PostgreSQL session-level advisory lock
 * on its instance's identity for as long as its process lives; the lock goes away with the process (crash,
 * {@code kill -9}, lost node), so an execution left "running" whose lock is free is dead and can be
 * recovered. On H2 the database file itself admits one process at a time, so the lock is always free.
 * Workers hold the same kind of lock on the partition they run.
 */
@Component
public class InstanceLock {

	private final DataSource dataSource;

	InstanceLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Tries to take the lock of {@code identity}; the lease holds it until closed. */
	public Lease tryAcquire(String identity) throws SQLException {
		Connection connection = this.dataSource.getConnection();
		try {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				connection.close();
				return new Lease(null, true);
			}
			try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
				statement.setLong(1, key(identity));
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					boolean acquired = result.getBoolean(1);
					if (!acquired) {
						connection.close();
						return new Lease(null, false);
					}
					return new Lease(connection, true);
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private static long key(String identity) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A held (or refused) lock; closing it releases the lock. */
	public static final class Lease implements AutoCloseable {

		private final Connection connection;

		private final boolean acquired;

		private Lease(Connection connection, boolean acquired) {
			this.connection = connection;
			this.acquired = acquired;
		}

		public boolean acquired() {
			return this.acquired;
		}

		@Override
		public void close() throws SQLException {
			if (this.connection != null) {
				// Closing returns the connection to the pool, so the lock is released explicitly. If the
				// connection is gone (database restarted), so is the lock.
				try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
					statement.execute();
				}
				catch (SQLException gone) {
					// nothing to release
				}
				finally {
					this.connection.close();
				}
			}
		}

	}

}
