package com.example.couponimporter.write.api;

import java.io.IOException;

/** The credentials sent with each call: Basic auth or an OAuth token. */
interface ApiAuth {

	/** The header name, e.g. {@code Authorization}. */
	String headerName();

	/** The header value for the next call; for OAuth a token that is not about to expire. */
	String headerValue() throws IOException, InterruptedException;

	/**
	 * Called when a call with {@code refusedValue} got 401 or 403.
	 * @return whether new credentials were obtained, so the call is worth one more attempt
	 */
	boolean renew(String refusedValue);

	/** What to check when the API refuses the credentials, naming the options but not their values. */
	String advice();

}
