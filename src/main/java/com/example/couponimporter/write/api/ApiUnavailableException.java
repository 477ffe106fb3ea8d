package com.example.couponimporter.write.api;

/**
 * The API kept failing with transient faults until the attempts ran out: the job fails so that a restart
 * continues; a transient fault never turns a good record into a reject.
 */
public class ApiUnavailableException extends RuntimeException {

	ApiUnavailableException(String message) {
		super(message);
	}

}
