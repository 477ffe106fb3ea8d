package com.example.couponimporter.series;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.example.couponimporter.series.FieldType.BOOLEAN;
import static com.example.couponimporter.series.FieldType.DATE_TIME;
import static com.example.couponimporter.series.FieldType.DECIMAL;
import static com.example.couponimporter.series.FieldType.ENUM;
import static com.example.couponimporter.series.FieldType.INTEGER;
import static com.example.couponimporter.series.FieldType.JSON;
import static com.example.couponimporter.series.FieldType.STRING;

/**
 * Every field of a coupon series definition (SPEC §4), in the order of the SPEC's tables. That order is
 * the order of errors in reject reports and of columns in the {@code coupon_series} table.
 */
public enum Field {
	ORG_ID("orgId", INTEGER, null),
	SERIES_CODE("seriesCode", STRING, null),
	DESCRIPTION("description", STRING, null),
	DISCOUNT_CODE("discountCode", STRING, null),
	DISCOUNT_TYPE("discountType", null, "ABS", "PERC"),
	DISCOUNT_VALUE("discountValue", DECIMAL, null),
	DISCOUNT_UPTO("discountUpto", DECIMAL, BigDecimal.ZERO),
	DISCOUNT_ON("discountOn", "BILL", "BILL"),
	VALID_TILL_DATE("validTillDate", DATE_TIME, null),
	CLIENT_HANDLING_TYPE("clientHandlingType", "DISC_CODE", "DISC_CODE", "GENERIC", "DISC_CODE_PIN"),
	GENERIC_CODE("genericCode", STRING, null),
	EXPIRY_STRATEGY_TYPE("expiryStrategyType", "SERIES_EXPIRY", "SERIES_EXPIRY", "DAYS", "MONTHS_END"),
	EXPIRY_STRATEGY_VALUE("expiryStrategyValue", INTEGER, null),
	ANY_USER("anyUser", BOOLEAN, false),
	IS_TRANSFERRABLE("isTransferrable", BOOLEAN, false),
	SAME_USER_MULTIPLE_REDEEM("sameUserMultipleRedeem", BOOLEAN, false),
	IS_MULTIPLE_USE_ALLOWED("isMultipleUseAllowed", BOOLEAN, false),
	IS_MULTIPLE_VOUCHERS_PER_USER_ALLOWED("isMultipleVouchersPerUserAllowed", BOOLEAN, false),
	DO_NOT_RESEND_EXISTING_VOUCHER("doNotResendExistingVoucher", BOOLEAN, false),
	IS_SMS_DISABLED("isSMSDisabled", BOOLEAN, false),
	IS_DVS_ENABLED("isDvsEnabled", BOOLEAN, false),
	ALPHA_NUMERIC("alphaNumeric", BOOLEAN, false),
	IS_PREFIX_ENABLED("isPrefixEnabled", BOOLEAN, false),
	IS_SUFFIX_ENABLED("isSuffixEnabled", BOOLEAN, false),
	ORG_PREFIX_OVERRIDE("orgPrefixOverride", BOOLEAN, false),
	ORG_SUFFIX_OVERRIDE("orgSuffixOverride", BOOLEAN, false),
	RESEND_MESSAGE_ENABLED("resendMessageEnabled", BOOLEAN, true),
	SMS_TEMPLATE("smsTemplate", STRING, null),
	SHORT_SMS_TEMPLATE("shortSMSTemplate", STRING, null),
	INFO("info", STRING, null),
	MAX_CREATE("maxCreate", INTEGER, -1L),
	MAX_REDEEM("maxRedeem", INTEGER, -1L),
	MAX_VOUCHERS_PER_USER("maxVouchersPerUser", INTEGER, -1L),
	MIN_DAYS_BETWEEN_VOUCHERS("minDaysBetweenVouchers", INTEGER, -1L),
	MAX_REDEMPTIONS_IN_SERIES_PER_USER("maxRedemptionsInSeriesPerUser", INTEGER, -1L),
	MIN_DAYS_BETWEEN_REDEMPTION("minDaysBetweenRedemption", INTEGER, -1L),
	REDEMPTION_VALID_AFTER_DAYS("redemptionValidAfterDays", INTEGER, 0L),
	REDEMPTION_PER_COUPON_MAX_LIMIT("redemptionPerCouponMaxLimit", INTEGER, -1L),
	CREATED_BY("createdBy", INTEGER, null),
	CREATED_ON("createdOn", DATE_TIME, null),
	NUM_ISSUED("numIssued", INTEGER, 0L),
	NUM_REDEEMED("numRedeemed", INTEGER, 0L),
	PRIORITY("priority", INTEGER, 0L),
	CAMPAIGN_ID("campaignId", INTEGER, -1L),
	MIN_BILL_AMOUNT("minBillAmount", DECIMAL, BigDecimal.valueOf(-1)),
	MAX_BILL_AMOUNT("maxBillAmount", DECIMAL, BigDecimal.valueOf(-1)),
	REDEMPTION_RANGE("redemptionRange", JSON, json("{\"dom\":[-1],\"dow\":[-1],\"hours\":[-1]}")),
	REDEMPTION_VALID_FROM("redemptionValidFrom", DATE_TIME, null),
	DVS_EXPIRY_DATE("dvsExpiryDate", DATE_TIME, null),
	REDEEM_STORE_TYPE("redeemStoreType", "redeemable_stores", "redeemable_stores"),
	STORE_IDS_JSON("storeIdsJson", JSON, json("[-1]")),
	MUTUAL_EXCLUSIVE_SERIES_IDS("mutualExclusiveSeriesIds", JSON, json("[-1]")),
	CUSTOM_PROPERTY_MAP("customPropertyMap", JSON, json("{}")),
	PRODUCT_INFO("productInfo", JSON, null),
	REDEMPTION_ORG_ENTITY_DETAILS("redemptionOrgEntityDetails", JSON, null),
	TARGET_USER_DETAILS("targetUserDetails", JSON, null),
	COUPON_PREFIX("couponPrefix", STRING, null),
	COUPON_SUFFIX("couponSuffix", STRING, null),
	RANDOM_CODE_LENGTH("randomCodeLength", INTEGER, null),

	// SPEC §4.2: record-keeping fields, checked for type only, stored by the db target, never sent
	SOURCE_SERIES_ID(Group.RECORD_KEEPING, "id", INTEGER),
	VALID_DAYS_FROM_CREATION(Group.RECORD_KEEPING, "validDaysFromCreation", INTEGER),
	LAST_USED(Group.RECORD_KEEPING, "lastUsed", DATE_TIME),
	NUM_TOTAL(Group.RECORD_KEEPING, "numTotal", INTEGER),
	NUM_UPLOADED_NON_ISSUED(Group.RECORD_KEEPING, "numUploadedNonIssued", INTEGER),
	NUM_UPLOADED_TOTAL(Group.RECORD_KEEPING, "numUploadedTotal", INTEGER),
	LATEST_ISSUAL_TIME(Group.RECORD_KEEPING, "latestIssualTime", INTEGER),
	LATEST_REDEMPTION_TIME(Group.RECORD_KEEPING, "latestRedemptionTime", INTEGER),
	FIXED_EXPIRY_DATE(Group.RECORD_KEEPING, "fixedExpiryDate", INTEGER),
	VALID_TILL_DATE_TIME(Group.RECORD_KEEPING, "validTillDateTime", DATE_TIME),
	SERIES_TYPE(Group.RECORD_KEEPING, "seriesType", STRING),
	OWNED_BY(Group.RECORD_KEEPING, "ownedBy", STRING),
	OWNER_ID(Group.RECORD_KEEPING, "ownerId", INTEGER),
	OWNER_VALIDITY(Group.RECORD_KEEPING, "ownerValidity", INTEGER),
	SOURCE_ORG_ID(Group.RECORD_KEEPING, "sourceOrgId", INTEGER),
	TAG(Group.RECORD_KEEPING, "tag", STRING),
	DVS_ITEMS(Group.RECORD_KEEPING, "dvsItems", JSON),
	REDEEM_AT_STORE(Group.RECORD_KEEPING, "redeemAtStore", JSON),
	ISSUE_TO_LOYALTY(Group.RECORD_KEEPING, "issueToLoyalty", BOOLEAN),
	OFFLINE_REDEEM_TYPE(Group.RECORD_KEEPING, "offlineRedeemType", BOOLEAN),
	IS_OLD_FLOW_ENABLED(Group.RECORD_KEEPING, "isOldFlowEnabled", BOOLEAN),
	IS_PRE_REDEEM_EVENT_REQUIRED(Group.RECORD_KEEPING, "isPreRedeemEventRequired", BOOLEAN),
	TERMS_AND_CONDITIONS(Group.RECORD_KEEPING, "termsAndConditions", STRING),
	SIGNAL_REDEMPTION_EVENT(Group.RECORD_KEEPING, "signalRedemptionEvent", BOOLEAN),
	SYNC_TO_CLIENT(Group.RECORD_KEEPING, "syncToClient", BOOLEAN),
	SHOW_PIN_CODE(Group.RECORD_KEEPING, "showPinCode", BOOLEAN),
	SHORT_CODE_LENGTH(Group.RECORD_KEEPING, "shortCodeLength", INTEGER),
	UPDATE_PRODUCT_DATA(Group.RECORD_KEEPING, "updateProductData", BOOLEAN),
	EXTERNAL_ISSUAL(Group.RECORD_KEEPING, "externalIssual", BOOLEAN),
	IS_REFERRAL_EXISTING_USERS_ALLOWED(Group.RECORD_KEEPING, "isReferralExistingUsersAllowed", BOOLEAN),
	IS_VALIDATION_REQUIRED(Group.RECORD_KEEPING, "isValidationRequired", BOOLEAN),
	IS_VALID_WITH_DISCOUNTED_ITEM(Group.RECORD_KEEPING, "isValidWithDiscountedItem", BOOLEAN),
	MAX_REFERRALS_PER_REFEREE(Group.RECORD_KEEPING, "maxReferralsPerReferee", INTEGER),
	WARNINGS(Group.RECORD_KEEPING, "warnings", JSON);

	/** Whether the API accepts a field (§4.1) or only the database keeps it (§4.2). */
	public enum Group {
		REQUEST, RECORD_KEEPING
	}

	private static final Map<String, Field> BY_NORMALISED_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Field::normalisedName, Function.identity()));

	/** The names as the API spells them, looked up first: normalising every key of every record costs. */
	private static final Map<String, Field> BY_API_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Field::apiName, Function.identity()));

	private final String apiName;

	private final FieldType type;

	private final Group group;

	private final Object defaultValue;

	private final List<String> allowedValues;

	private final String column;

	Field(String apiName, FieldType type, Object defaultValue) {
		this(apiName, type, Group.REQUEST, defaultValue, List.of());
	}

	Field(Group group, String apiName, FieldType type) {
		this(apiName, type, group, null, List.of());
	}

	Field(String apiName, String defaultValue, String... allowedValues) {
		this(apiName, ENUM, Group.REQUEST, defaultValue, List.of(allowedValues));
	}

	Field(String apiName, FieldType type, Group group, Object defaultValue, List<String> allowedValues) {
		this.apiName = apiName;
		this.type = type;
		this.group = group;
		this.defaultValue = defaultValue;
		this.allowedValues = allowedValues;
		this.column = "id".equals(apiName) ? "source_series_id" : snakeCase(apiName);
	}

	/** The field's name in the API and in input files, e.g. {@code isSMSDisabled}. */
	public String apiName() {
		return this.apiName;
	}

	/** The column in {@code coupon_series}, snake_case with acronyms as one word. */
	public String column() {
		return this.column;
	}

	public FieldType type() {
		return this.type;
	}

	public Group group() {
		return this.group;
	}

	/** The value of a field that is not given, or {@code null} when it has none. */
	public Object defaultValue() {
		return this.defaultValue;
	}

	/** The values an {@link FieldType#ENUM} field accepts, in their stored case. */
	public List<String> allowedValues() {
		return this.allowedValues;
	}

	/** The name used to match headers and keys: lower case, letters and digits only. */
	public String normalisedName() {
		return normalise(this.apiName);
	}

	/** The field a CSV header or JSON key names, or {@code null}. */
	public static Field byName(String name) {
		Field field = BY_API_NAME.get(name);
		return (field != null) ? field : BY_NORMALISED_NAME.get(normalise(name));
	}

	public static String normalise(String name) {
		StringBuilder sb = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				sb.append(Character.toLowerCase(c));
			}
		}
		return sb.toString();
	}

	static String snakeCase(String camel) {
		return camel.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
			.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
			.toLowerCase(Locale.ROOT);
	}

	private static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

}
