package com.example.couponimporter.write.api;

/** The API refused the credentials (401 or 403 after a renewal): the job fails at once, nothing more is sent. */
public class ApiRefusedException extends RuntimeException {

	ApiRefusedException(String message) {
		super(message);
	}

}
