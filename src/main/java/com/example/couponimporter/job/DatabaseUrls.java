package com.example.couponimporter.job;

/** Database URLs as they may be shown: without user names, passwords or other secrets. */
public final class DatabaseUrls {

	private DatabaseUrls() {
	}

	public static String withoutCredentials(String url) {
		return url.replaceAll("//[^/@]*@", "//")
			.replaceAll("(?i)([?&;](user|username|password|pwd|sslpassword|sslkey)=)[^&;]*", "$1***");
	}

}
