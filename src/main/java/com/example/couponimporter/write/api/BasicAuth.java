package com.example.couponimporter.write.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Capillary's Basic auth: {@code Basic base64(username ":" md5hex(password))}. */
final class BasicAuth implements ApiAuth {

	private final String value;

	BasicAuth(String username, String password) {
		String credentials = username + ":" + md5Hex(password);
		this.value = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private static String md5Hex(String password) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			return HexFormat.of().formatHex(md5.digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is not available in this JVM", ex);
		}
	}

	@Override
	public String headerName() {
		return "Authorization";
	}

	@Override
	public String headerValue() {
		return this.value;
	}

	@Override
	public boolean renew(String refusedValue) {
		return false;
	}

	@Override
	public String advice() {
		return "check importer.api.username and importer.api.password (the till's credentials) and the till's access";
	}

	@Override
	public String toString() {
		return "Basic auth (credentials hidden)";
	}

}
