package com.example.couponimporter;

/**
 * A usage error: bad options or unusable input. Nothing is written, the message is shown alone (never a
 * stack trace) and the exit code is 2. The message says what was wrong and what to do.
 */
public class UsageException extends RuntimeException {

	public UsageException(String message) {
		super(message);
	}

	public UsageException(String message, Throwable cause) {
		super(message, cause);
	}

}
