package com.example.couponimporter;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.convert.ConversionFailedException;

/** The exit codes of SPEC §9, and the one sentence a person sees for a failure. */
public final class ExitCodes {

	/** Completed (rejects, if any, are in the report), or already imported. */
	public static final int OK = 0;

	/** Failed or stopped: fix the cause and run the same command again. */
	public static final int FAILED = 1;

	/** Usage error or unusable input; nothing written. */
	public static final int USAGE = 2;

	/** Stopped because rejects exceeded importer.max-rejects. */
	public static final int TOO_MANY_REJECTS = 3;

	/** The same import is already running. */
	public static final int ALREADY_RUNNING = 4;

	private ExitCodes() {
	}

	/** H2's "database may be already in use": another process has the embedded database open. */
	private static final int H2_DATABASE_ALREADY_OPEN = 90020;

	/** The exit code for a failure that stopped the importer before or outside the job. */
	public static int of(Throwable failure) {
		if (find(failure, UsageException.class) != null || find(failure, BindException.class) != null) {
			return USAGE;
		}
		return embeddedDatabaseInUse(failure) ? ALREADY_RUNNING : FAILED;
	}

	private static boolean embeddedDatabaseInUse(Throwable failure) {
		SQLException sql = find(failure, SQLException.class);
		return sql != null && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN;
	}

	/** One sentence saying what went wrong, without a stack trace. */
	public static String describe(Throwable failure) {
		UsageException usage = find(failure, UsageException.class);
		if (usage != null) {
			return usage.getMessage();
		}
		BindException bind = find(failure, BindException.class);
		if (bind != null) {
			return describe(bind);
		}
		if (embeddedDatabaseInUse(failure)) {
			return "The embedded database under ./data is in use by another importer run; wait for it to finish "
					+ "(the embedded database admits one run at a time; use PostgreSQL to run imports side by side)";
		}
		SQLException sql = find(failure, SQLException.class);
		if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
			return "Cannot reach the database (" + sql.getMessage() + "). Check spring.datasource.url, that the "
					+ "database is running, and the credentials";
		}
		java.nio.file.FileSystemException file = find(failure, java.nio.file.FileSystemException.class);
		if (file != null) {
			return "Cannot write or read " + file.getFile() + ((file.getReason() != null) ? ": " + file.getReason() : "")
					+ " (" + file.getClass().getSimpleName() + "); check the path and its permissions";
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return message.lines().findFirst().orElse(message);
	}

	private static String describe(BindException bind) {
		UnboundConfigurationPropertiesException unbound = find(bind, UnboundConfigurationPropertiesException.class);
		if (unbound != null) {
			List<String> names = unbound.getUnboundProperties().stream()
				.map(ConfigurationProperty::getName)
				.map(Object::toString)
				.sorted()
				.toList();
			return "Unknown option" + (names.size() > 1 ? "s " : " ") + String.join(", ", names)
					+ ". See the README for the importer.* options.";
		}
		String property = bind.getName().toString();
		Object value = (bind.getProperty() != null) ? bind.getProperty().getValue() : null;
		ConversionFailedException conversion = find(bind, ConversionFailedException.class);
		if (conversion != null && conversion.getTargetType().getType().isEnum()) {
			String allowed = java.util.Arrays.stream(conversion.getTargetType().getType().getEnumConstants())
				.map(c -> c.toString().toLowerCase().replace('_', '-'))
				.collect(Collectors.joining(", "));
			return "Invalid value '" + value + "' for " + property + ": allowed values are " + allowed + ".";
		}
		return "Invalid value '" + value + "' for " + property + ": "
				+ NestedExceptionUtils.getMostSpecificCause(bind).getMessage();
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
