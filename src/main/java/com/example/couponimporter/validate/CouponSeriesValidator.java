package com.example.couponimporter.validate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Decision;
import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.series.FieldType;
import com.example.couponimporter.series.RawRecord;
import tools.jackson.databind.JsonNode;

import static com.example.couponimporter.series.Field.*;

/**
 * Validates and defaults one record as SPEC §4 says, collecting every error of the record. A plain
 * function of the record and the {@link ValidationSettings}: no state, no I/O.
 */
public final class CouponSeriesValidator {


	private static final Set<Field> NO_LIMIT_OR_COUNT = EnumSet.of(MAX_CREATE, MAX_REDEEM, MAX_VOUCHERS_PER_USER,
			MIN_DAYS_BETWEEN_VOUCHERS, MAX_REDEMPTIONS_IN_SERIES_PER_USER, MIN_DAYS_BETWEEN_REDEMPTION);

	/** {@code Field.values()} copies its array on every call. */
	private static final Field[] FIELDS = Field.values();

	private final ValidationSettings settings;

	public CouponSeriesValidator(ValidationSettings settings) {
		this.settings = settings;
	}

	public Decision validate(RawRecord raw) {
		if (raw.isMalformed()) {
			return new Decision.Rejected(raw, List.of(FieldError.malformed(raw.malformed())));
		}
		Check check = new Check();
		parseGivenValues(raw, check);
		applyDefaults(check);
		checkRequired(check);
		checkValues(check);
		checkConsistency(check);
		for (String key : raw.unknownKeys()) {
			check.errors.add(new FieldError(key, ErrorCode.UNKNOWN_FIELD, "The key " + Shown.text(key)
					+ " is not a known field; remove it or rename it (keys starting with _ are ignored)"));
		}
		if (!check.errors.isEmpty()) {
			check.errors.sort(Comparator.comparingInt(CouponSeriesValidator::fieldOrder));
			return new Decision.Rejected(raw, List.copyOf(check.errors));
		}
		long orgId = (Long) check.values.get(ORG_ID);
		String seriesCode = (String) check.values.computeIfAbsent(SERIES_CODE,
				f -> SeriesCodes.derive(orgId, check.given, check.values));
		return new Decision.Accepted(raw, new CouponSeries(raw.line(), orgId, seriesCode, check.values));
	}

	private static int fieldOrder(FieldError error) {
		if (FieldError.WHOLE_RECORD.equals(error.field())) {
			return -1;
		}
		Field field = Field.byName(error.field());
		return (field != null && field.apiName().equals(error.field())) ? field.ordinal() : Integer.MAX_VALUE;
	}

	private void parseGivenValues(RawRecord raw, Check check) {
		boolean mayHoldNul = raw.mayHoldNul();
		for (Field field : FIELDS) {
			Object given = raw.values().get(field);
			if (given == null) {
				continue;
			}
			Object value = ValueParser.parse(field, given);
			if (value instanceof JsonNode json && field.group() == Field.Group.REQUEST) {
				value = JsonShapes.check(field, json);
			}
			if (mayHoldNul && holdsNul(value)) {
				check.error(field, ErrorCode.INVALID_VALUE, "must not contain the NUL character (\\u0000), which "
						+ "PostgreSQL cannot store; remove it");
			}
			else if (value instanceof Problem problem) {
				check.error(field, problem.code(), problem.message());
			}
			else {
				check.given.add(field);
				check.values.put(field, value);
			}
		}
	}

	/** Whether a text, or a text or key anywhere in a JSON value, has the character PostgreSQL refuses. */
	private static boolean holdsNul(Object value) {
		if (value instanceof String text) {
			return text.indexOf('\0') >= 0;
		}
		if (!(value instanceof JsonNode json)) {
			return false;
		}
		if (json.isString()) {
			return holdsNul(json.stringValue());
		}
		for (Map.Entry<String, JsonNode> property : json.properties()) {
			if (holdsNul(property.getKey()) || holdsNul(property.getValue())) {
				return true;
			}
		}
		for (int i = 0; i < (json.isArray() ? json.size() : 0); i++) {
			if (holdsNul(json.get(i))) {
				return true;
			}
		}
		return false;
	}

	private void applyDefaults(Check check) {
		for (Field field : FIELDS) {
			if (field.defaultValue() != null && check.absent(field)) {
				check.values.put(field, field.defaultValue());
			}
		}
		if (check.absent(ORG_ID) && this.settings.defaultOrgId() != null) {
			check.values.put(ORG_ID, this.settings.defaultOrgId());
		}
		if (check.absent(CREATED_BY) && this.settings.defaultCreatedBy() != null) {
			check.values.put(CREATED_BY, this.settings.defaultCreatedBy());
		}
		if (check.absent(CREATED_ON)) {
			check.values.put(CREATED_ON, this.settings.jobStart());
		}
		if (check.absent(EXPIRY_STRATEGY_VALUE) && "SERIES_EXPIRY".equals(check.values.get(EXPIRY_STRATEGY_TYPE))) {
			check.values.put(EXPIRY_STRATEGY_VALUE, 1L);
		}
	}

	private void checkRequired(Check check) {
		for (Field field : List.of(ORG_ID, DESCRIPTION, DISCOUNT_CODE, DISCOUNT_TYPE, DISCOUNT_VALUE,
				VALID_TILL_DATE)) {
			check.required(field, "");
		}
		if (!Boolean.TRUE.equals(check.values.get(IS_SMS_DISABLED))) {
			check.required(SMS_TEMPLATE, " unless isSMSDisabled is true");
		}
		if ("GENERIC".equals(check.values.get(CLIENT_HANDLING_TYPE))) {
			check.required(GENERIC_CODE, " when clientHandlingType is GENERIC");
		}
		Object expiryType = check.values.get(EXPIRY_STRATEGY_TYPE);
		if ("DAYS".equals(expiryType) || "MONTHS_END".equals(expiryType)) {
			check.required(EXPIRY_STRATEGY_VALUE, " when expiryStrategyType is " + expiryType);
		}
	}

	private void checkValues(Check check) {
		check.longAtLeast(ORG_ID, 1);
		check.code(SERIES_CODE, 64);
		check.length(DESCRIPTION, 500);
		check.length(DISCOUNT_CODE, 100);
		if (check.valid(DISCOUNT_CODE) && hasControlCharacter(check.string(DISCOUNT_CODE))) {
			check.error(DISCOUNT_CODE, ErrorCode.INVALID_VALUE, "must not contain control characters such as tabs "
					+ "or line breaks");
		}
		check.decimalRule(DISCOUNT_VALUE, v -> v.signum() > 0, "must be greater than 0");
		check.decimalRule(DISCOUNT_UPTO, v -> v.signum() >= 0, "must be 0 or more");
		if (check.has(VALID_TILL_DATE) && !this.settings.allowPastExpiry()
				&& !((OffsetDateTime) check.values.get(VALID_TILL_DATE)).isAfter(this.settings.jobStart())) {
			check.error(VALID_TILL_DATE, ErrorCode.INVALID_VALUE, "must be in the future (after the job started at "
					+ ValueParser.show(this.settings.jobStart()) + "); found "
					+ ValueParser.show((OffsetDateTime) check.values.get(VALID_TILL_DATE))
					+ ". Set importer.allow-past-expiry=true to import expired series");
		}
		check.length(GENERIC_CODE, 100);
		check.longAtLeast(EXPIRY_STRATEGY_VALUE, 1);
		check.length(SMS_TEMPLATE, 1000);
		check.length(SHORT_SMS_TEMPLATE, 1000);
		check.length(INFO, 1000);
		for (Field field : NO_LIMIT_OR_COUNT) {
			check.longAtLeast(field, -1, "must be -1 (no limit) or 0 or more");
		}
		check.longAtLeast(REDEMPTION_VALID_AFTER_DAYS, 0);
		check.longRule(REDEMPTION_PER_COUPON_MAX_LIMIT, v -> v == -1 || v >= 1, "must be -1 (no limit) or 1 or more");
		check.longAtLeast(NUM_ISSUED, 0);
		check.longAtLeast(NUM_REDEEMED, 0);
		check.longRule(CAMPAIGN_ID, v -> v == -1 || v >= 1, "must be -1 (no campaign) or 1 or more");
		for (Field field : List.of(MIN_BILL_AMOUNT, MAX_BILL_AMOUNT)) {
			check.decimalRule(field, v -> v.signum() >= 0 || v.compareTo(BigDecimal.ONE.negate()) == 0,
					"must be -1 (no limit) or 0 or more");
		}
		check.code(COUPON_PREFIX, 10);
		check.code(COUPON_SUFFIX, 10);
		check.longRule(RANDOM_CODE_LENGTH, v -> v >= 1 && v <= 20, "must be from 1 to 20");
	}

	private static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private void checkConsistency(Check check) {
		Object discountType = check.values.get(DISCOUNT_TYPE);
		if ("PERC".equals(discountType) && check.valid(DISCOUNT_VALUE)
				&& check.decimal(DISCOUNT_VALUE).compareTo(BigDecimal.valueOf(100)) > 0) {
			check.error(DISCOUNT_VALUE, ErrorCode.INCONSISTENT, "must be at most 100 when discountType is PERC; found "
					+ check.decimal(DISCOUNT_VALUE).toPlainString());
		}
		if (check.valid(DISCOUNT_UPTO) && check.decimal(DISCOUNT_UPTO).signum() > 0 && check.has(DISCOUNT_TYPE)
				&& !"PERC".equals(discountType)) {
			check.error(DISCOUNT_UPTO, ErrorCode.INCONSISTENT, "caps percentage discounts only: a value above 0 "
					+ "needs discountType PERC; found discountType " + discountType);
		}
		Object handling = check.values.get(CLIENT_HANDLING_TYPE);
		if (check.given.contains(GENERIC_CODE) && handling != null && !"GENERIC".equals(handling)) {
			check.error(GENERIC_CODE, ErrorCode.INCONSISTENT, "is only allowed when clientHandlingType is GENERIC; "
					+ "found clientHandlingType " + handling);
		}
		if ("SERIES_EXPIRY".equals(check.values.get(EXPIRY_STRATEGY_TYPE)) && check.valid(EXPIRY_STRATEGY_VALUE)
				&& check.integer(EXPIRY_STRATEGY_VALUE) != 1) {
			check.error(EXPIRY_STRATEGY_VALUE, ErrorCode.INCONSISTENT, "must be 1 when expiryStrategyType is "
					+ "SERIES_EXPIRY; found " + check.integer(EXPIRY_STRATEGY_VALUE));
		}
		if (check.valid(REDEMPTION_PER_COUPON_MAX_LIMIT) && check.integer(REDEMPTION_PER_COUPON_MAX_LIMIT) >= 1
				&& check.has(ANY_USER) && handling != null
				&& (!Boolean.TRUE.equals(check.values.get(ANY_USER)) || "GENERIC".equals(handling))) {
			check.error(REDEMPTION_PER_COUPON_MAX_LIMIT, ErrorCode.INCONSISTENT, "of 1 or more needs anyUser true and "
					+ "a clientHandlingType other than GENERIC; found anyUser " + check.values.get(ANY_USER)
					+ " and clientHandlingType " + handling);
		}
		if (check.valid(NUM_REDEEMED) && check.valid(NUM_ISSUED)
				&& check.integer(NUM_REDEEMED) > check.integer(NUM_ISSUED)) {
			check.error(NUM_REDEEMED, ErrorCode.INCONSISTENT, "cannot be more than numIssued; found numRedeemed "
					+ check.integer(NUM_REDEEMED) + " and numIssued " + check.integer(NUM_ISSUED));
		}
		if (check.valid(MIN_BILL_AMOUNT) && check.valid(MAX_BILL_AMOUNT)) {
			BigDecimal min = check.decimal(MIN_BILL_AMOUNT);
			BigDecimal max = check.decimal(MAX_BILL_AMOUNT);
			if (min.signum() >= 0 && max.signum() >= 0 && min.compareTo(max) > 0) {
				check.error(MIN_BILL_AMOUNT, ErrorCode.INCONSISTENT, "cannot be more than maxBillAmount; found "
						+ "minBillAmount " + min.toPlainString() + " and maxBillAmount " + max.toPlainString());
			}
		}
		if (check.valid(REDEMPTION_VALID_FROM) && check.has(VALID_TILL_DATE)) {
			OffsetDateTime from = (OffsetDateTime) check.values.get(REDEMPTION_VALID_FROM);
			OffsetDateTime till = (OffsetDateTime) check.values.get(VALID_TILL_DATE);
			if (from.isAfter(till)) {
				check.error(REDEMPTION_VALID_FROM, ErrorCode.INCONSISTENT, "cannot be after validTillDate; found "
						+ "redemptionValidFrom " + ValueParser.show(from) + " and validTillDate " + ValueParser.show(till));
			}
		}
	}

	/** The state of one record's validation: parsed values, which were given, and the errors so far. */
	private static final class Check {

		final Map<Field, Object> values = new EnumMap<>(Field.class);

		final Set<Field> given = EnumSet.noneOf(Field.class);

		final Set<Field> failed = EnumSet.noneOf(Field.class);

		final List<FieldError> errors = new ArrayList<>();

		void error(Field field, ErrorCode code, String message) {
			this.failed.add(field);
			String sentence = field.apiName() + (message.startsWith(".") || message.startsWith("[") ? "" : " ")
					+ message;
			this.errors.add(new FieldError(field.apiName(), code, sentence));
		}

		boolean absent(Field field) {
			return !this.values.containsKey(field) && !this.failed.contains(field);
		}

		boolean has(Field field) {
			return this.values.containsKey(field);
		}

		/** Has a value that passed every check so far. */
		boolean valid(Field field) {
			return has(field) && !this.failed.contains(field);
		}

		void required(Field field, String condition) {
			if (absent(field)) {
				error(field, ErrorCode.REQUIRED, "is required" + condition + " but was not given");
			}
		}

		String string(Field field) {
			return (String) this.values.get(field);
		}

		long integer(Field field) {
			return (Long) this.values.get(field);
		}

		BigDecimal decimal(Field field) {
			return (BigDecimal) this.values.get(field);
		}

		void length(Field field, int max) {
			if (valid(field) && string(field).length() > max) {
				error(field, ErrorCode.INVALID_VALUE, "must be at most " + max + " characters long; found "
						+ string(field).length() + " characters");
			}
		}

		/** A code: 1 to {@code max} letters, digits, {@code _} or {@code -}. */
		void code(Field field, int max) {
			if (valid(field) && !isCode(string(field), max)) {
				error(field, ErrorCode.INVALID_FORMAT, "must be 1 to " + max + " letters, digits, _ or -; found "
						+ Shown.text(string(field)));
			}
		}

		private static boolean isCode(String text, int max) {
			if (text.isEmpty() || text.length() > max) {
				return false;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
					return false;
				}
			}
			return true;
		}

		void longAtLeast(Field field, long min) {
			if (valid(field) && field.type() == FieldType.INTEGER && integer(field) < min) {
				error(field, ErrorCode.INVALID_VALUE, "must be " + min + " or more; found " + integer(field));
			}
		}

		void longAtLeast(Field field, long min, String expected) {
			longRule(field, v -> v >= min, expected);
		}

		void longRule(Field field, java.util.function.LongPredicate rule, String expected) {
			if (valid(field) && field.type() == FieldType.INTEGER && !rule.test(integer(field))) {
				error(field, ErrorCode.INVALID_VALUE, expected + "; found " + integer(field));
			}
		}

		void decimalRule(Field field, java.util.function.Predicate<BigDecimal> rule, String expected) {
			if (valid(field) && !rule.test(decimal(field))) {
				error(field, ErrorCode.INVALID_VALUE, expected + "; found " + decimal(field).toPlainString());
			}
		}

	}

}
