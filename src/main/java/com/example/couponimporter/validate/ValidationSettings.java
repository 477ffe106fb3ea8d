package com.example.couponimporter.validate;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * What validation depends on besides the record.
 *
 * @param defaultOrgId {@code importer.org-id}, for records without {@code orgId}
 * @param defaultCreatedBy {@code importer.created-by}, for records without {@code createdBy}
 * @param jobStart when the job instance first started: expiry dates must be after it, and it is the
 * default {@code createdOn}
 * @param allowPastExpiry {@code importer.allow-past-expiry}
 */
public record ValidationSettings(@Nullable Long defaultOrgId, @Nullable Long defaultCreatedBy,
		OffsetDateTime jobStart, boolean allowPastExpiry) {
}
