package com.example.couponimporter;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a failure to start (bad option, database unreachable) as one sentence instead of Spring Boot's
 * stack trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupFailureReporter implements SpringBootExceptionReporter {

	private static final Log logger = LogFactory.getLog("importer");

	@Override
	public boolean reportException(Throwable failure) {
		logger.error(ExitCodes.describe(failure));
		return true;
	}

}
