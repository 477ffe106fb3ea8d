package com.example.couponimporter.write.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.UsageException;

/** Checks the {@code importer.api.*} options before anything is sent; each problem is a usage error (exit 2). */
public final class ApiSettings {

	private ApiSettings() {
	}

	/** Checks the options; a dry run needs neither a URL nor credentials, but what is set must be valid. */
	public static void check(ImporterProperties.Api api, boolean dryRun) {
		if (api.getBaseUrl() != null || !dryRun) {
			checkBaseUrl(api.getBaseUrl());
		}
		boolean basic = api.getUsername() != null || api.getPassword() != null;
		boolean oauth = api.getOauthKey() != null || api.getOauthSecret() != null;
		if (basic && oauth) {
			throw new UsageException("Both Basic auth (importer.api.username/password) and OAuth "
					+ "(importer.api.oauth-key/oauth-secret) are set; configure exactly one.");
		}
		if (basic && (api.getUsername() == null || api.getPassword() == null)) {
			throw new UsageException("Basic auth needs both importer.api.username and importer.api.password.");
		}
		if (oauth && (api.getOauthKey() == null || api.getOauthSecret() == null)) {
			throw new UsageException("OAuth needs both importer.api.oauth-key and importer.api.oauth-secret.");
		}
		if (!basic && !oauth && !dryRun) {
			throw new UsageException("importer.target=api needs credentials: importer.api.username and "
					+ "importer.api.password (Basic auth), or importer.api.oauth-key and importer.api.oauth-secret "
					+ "(OAuth); best passed as environment variables (IMPORTER_API_PASSWORD, ...).");
		}
		range("importer.api.concurrency", api.getConcurrency(), 1, 256);
		range("importer.api.max-attempts", api.getMaxAttempts(), 1, 100);
		if (api.getMaxRate() != null) {
			range("importer.api.max-rate", api.getMaxRate(), 1, 100_000);
		}
		positive("importer.api.timeout", api.getTimeout());
		positive("importer.api.initial-backoff", api.getInitialBackoff());
		positive("importer.api.max-backoff", api.getMaxBackoff());
		if (api.getLookupParam() == null || !api.getLookupParam().matches("[A-Za-z0-9_.-]{1,100}")) {
			throw new UsageException("Invalid importer.api.lookup-param '" + api.getLookupParam()
					+ "': expected a query parameter name such as seriesCode.");
		}
	}

	/** The base URL without a trailing slash; empty for a dry run without one. */
	static String baseUrl(ImporterProperties.Api api) {
		String url = (api.getBaseUrl() != null) ? api.getBaseUrl().strip() : "";
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static void checkBaseUrl(String url) {
		String problem = null;
		if (url == null || url.isBlank()) {
			problem = "it is required with importer.target=api";
		}
		else {
			try {
				URI uri = new URI(url.strip());
				if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
						|| uri.getHost() == null || uri.getQuery() != null || uri.getUserInfo() != null) {
					problem = "expected http(s)://host[:port] without user, query or fragment";
				}
			}
			catch (URISyntaxException ex) {
				problem = ex.getReason();
			}
		}
		if (problem != null) {
			throw new UsageException("Invalid importer.api.base-url" + ((url != null) ? " '" + url + "'" : "") + ": "
					+ problem + ", e.g. https://eu.api.capillarytech.com");
		}
	}

	private static void range(String property, int value, int min, int max) {
		if (value < min || value > max) {
			throw new UsageException("Invalid " + property + " " + value + ": expected " + min + " to " + max + ".");
		}
	}

	private static void positive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new UsageException("Invalid " + property + " " + value + ": expected a positive duration, e.g. 30s.");
		}
	}

}
