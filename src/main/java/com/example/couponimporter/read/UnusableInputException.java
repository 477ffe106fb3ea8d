package com.example.couponimporter.read;

import com.example.couponimporter.UsageException;

/**
 * The input cannot be imported at all (missing file, bad CSV header, empty CSV file): a usage error that
 * stops the job before anything is written (exit code 2). The message says what is wrong and what to do.
 */
public class UnusableInputException extends UsageException {

	public UnusableInputException(String message) {
		super(message);
	}

	public UnusableInputException(String message, Throwable cause) {
		super(message, cause);
	}

}
