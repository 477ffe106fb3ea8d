#!/usr/bin/env python3
"""Writes N coupon series definitions as CSV or JSON Lines, deterministic by seed.

Profiles:
  realistic (default)  what users feed us: random series codes spread over 200 orgs, text in Latin with
                       accents, Cyrillic, Greek, Devanagari, Arabic, Chinese, Japanese, Korean and emoji,
                       time-zone offsets from -11:00 to +14:00, JSON cells of every kind, every column of the
                       coupon_series table (optional ones given in part of the records, as exports do; the
                       ones it keeps NOT NULL always, so that psql \copy loads the same file),
                       about 750 bytes a CSV record (1,700 as JSON Lines, whose keys repeat)
  simple               the earlier benchmark data: sequential ASCII codes BENCH-000000001..., ASCII text,
                       one offset, ~500 bytes, no optional columns

--bad F: a fraction F of the records carries one defect, every kind in turn: MALFORMED, REQUIRED,
INVALID_TYPE, INVALID_FORMAT (date, JSON, code), INVALID_VALUE, INCONSISTENT, UNKNOWN_FIELD (JSON Lines;
CSV gets another INVALID_VALUE) and DUPLICATE_IN_FILE: the record repeats the key (orgId + seriesCode) of
a record 1-20 lines earlier (within a chunk), 100-5,000 earlier (across chunks) or anywhere earlier.
--dups F: a further fraction F repeats an earlier key, the distance spread the same three ways.
Without --bad and --dups the records are valid and their keys unique, so that psql \\copy loads the same file.

usage: generate.py N OUT [--profile realistic|simple] [--seed S] [--bad F] [--dups F] [--format csv|jsonl]
                         [--copy-header] [--gzip] [--parts P]
"""
import argparse
import csv
import gzip
import hashlib
import json
import os
import random
import re
import sys

REQUEST = ["orgId", "seriesCode", "description", "discountCode", "discountType", "discountValue", "discountUpto",
           "discountOn", "validTillDate", "clientHandlingType", "genericCode", "expiryStrategyType",
           "expiryStrategyValue", "anyUser", "isTransferrable", "sameUserMultipleRedeem", "isMultipleUseAllowed",
           "isMultipleVouchersPerUserAllowed", "doNotResendExistingVoucher", "isSMSDisabled", "isDvsEnabled",
           "alphaNumeric", "isPrefixEnabled", "isSuffixEnabled", "orgPrefixOverride", "orgSuffixOverride",
           "resendMessageEnabled", "smsTemplate", "shortSMSTemplate", "info", "maxCreate", "maxRedeem",
           "maxVouchersPerUser", "minDaysBetweenVouchers", "maxRedemptionsInSeriesPerUser",
           "minDaysBetweenRedemption", "redemptionValidAfterDays", "redemptionPerCouponMaxLimit", "createdBy",
           "createdOn", "numIssued", "numRedeemed", "priority", "campaignId", "minBillAmount", "maxBillAmount",
           "redemptionRange", "redemptionValidFrom", "dvsExpiryDate", "redeemStoreType", "storeIdsJson",
           "mutualExclusiveSeriesIds", "customPropertyMap", "productInfo", "redemptionOrgEntityDetails",
           "targetUserDetails", "couponPrefix", "couponSuffix", "randomCodeLength"]
RECORD_KEEPING = ["id", "validDaysFromCreation", "lastUsed", "numTotal", "numUploadedNonIssued", "numUploadedTotal",
                  "latestIssualTime", "latestRedemptionTime", "fixedExpiryDate", "validTillDateTime", "seriesType",
                  "ownedBy", "ownerId", "ownerValidity", "sourceOrgId", "tag", "dvsItems", "redeemAtStore",
                  "issueToLoyalty", "offlineRedeemType", "isOldFlowEnabled", "isPreRedeemEventRequired",
                  "termsAndConditions", "signalRedemptionEvent", "syncToClient", "showPinCode", "shortCodeLength",
                  "updateProductData", "externalIssual", "isReferralExistingUsersAllowed", "isValidationRequired",
                  "isValidWithDiscountedItem", "maxReferralsPerReferee", "warnings"]
SIMPLE = ["orgId", "seriesCode", "description", "discountCode", "discountType", "discountValue", "discountUpto",
          "discountOn", "validTillDate", "clientHandlingType", "expiryStrategyType", "expiryStrategyValue", "anyUser",
          "isTransferrable", "sameUserMultipleRedeem", "isMultipleUseAllowed", "isMultipleVouchersPerUserAllowed",
          "doNotResendExistingVoucher", "isSMSDisabled", "isDvsEnabled", "alphaNumeric", "isPrefixEnabled",
          "isSuffixEnabled", "orgPrefixOverride", "orgSuffixOverride", "resendMessageEnabled", "smsTemplate",
          "maxCreate", "maxRedeem", "maxVouchersPerUser", "minDaysBetweenVouchers", "maxRedemptionsInSeriesPerUser",
          "minDaysBetweenRedemption", "redemptionValidAfterDays", "redemptionPerCouponMaxLimit", "createdOn",
          "numIssued", "numRedeemed", "priority", "campaignId", "minBillAmount", "maxBillAmount", "redemptionRange",
          "redeemStoreType", "storeIdsJson", "mutualExclusiveSeriesIds", "customPropertyMap"]
FLAGS = ["isTransferrable", "sameUserMultipleRedeem", "isMultipleUseAllowed", "isMultipleVouchersPerUserAllowed",
         "doNotResendExistingVoucher", "isSMSDisabled", "isDvsEnabled", "alphaNumeric", "isPrefixEnabled",
         "isSuffixEnabled", "orgPrefixOverride", "orgSuffixOverride"]
COLUMN = {"id": "source_series_id"}

THEMES = ["Spring sale", "Summer splash", "Monsoon treats", "Festive season", "Winter warmers", "New year",
          "Birthday gift", "Welcome aboard", "We miss you", "VIP lounge", "Student saver", "Weekend brunch"]
# (description, SMS template) pairs in the scripts and languages of the platform's markets; {v} is the value,
# {{...}} the platform's own placeholders.
TEXTS = [
    ("Soldes d'été — {v} % de réduction dès 50 €", "Bonjour {{first_name}}, profitez de {v} % avec le code {{voucher}} ✨"),
    ("Rebajas de otoño: {v} % en tu próxima compra", "¡Hola {{first_name}}! {v} % con {{voucher}}, válido {{valid_days_from_create}} días"),
    ("Größer sparen: {v} € Rabatt auf Ihren Einkauf", "Hallo {{first_name}}, Ihr Gutschein {{voucher}} über {v} € wartet 🎁"),
    ("Скидка {v}% на весь ассортимент", "Привет, {{first_name}}! Ваш код {{voucher}} даёт скидку {v}%"),
    ("Έκπτωση {v}% για τα μέλη μας", "Γεια σου {{first_name}}, ο κωδικός {{voucher}} ισχύει {{valid_days_from_create}} ημέρες"),
    ("दिवाली धमाका: {v}% की छूट 🪔", "नमस्ते {{first_name}}, कोड {{voucher}} से {v}% बचाएँ"),
    ("عرض رمضان: خصم {v}٪ على كل الطلبات 🌙", "مرحبا {{first_name}}، استخدم الرمز {{voucher}} للحصول على خصم {v}٪"),
    ("双十一特惠：全场{v}折起 🧧", "{{first_name}}您好，优惠码{{voucher}}，{{valid_days_from_create}}天内有效"),
    ("週末限定 {v}%オフ クーポン 🍣", "{{first_name}}様、クーポン{{voucher}}で{v}%オフ"),
    ("회원 전용 {v}% 할인 🎉", "{{first_name}}님, 쿠폰 {{voucher}}로 {v}% 할인 받으세요"),
    ("Çılgın Cuma: {v}% indirim", "Merhaba {{first_name}}, {{voucher}} kodu ile {v}% indirim"),
    ("Weekend brunch: {v}% off over ₹999 🥞☕", "Hi {{first_name}}, enjoy {v}% off with code {{voucher}}. Valid {{valid_days_from_create}} days."),
    ("Spring sale: {v}% off on bills over 1,000", "Hi {{first_name}}, {{voucher}} gets you {v}% off 🌸👍🏽"),
]
TERMS = ["Valid once per customer. Not valid with other offers.",
         "Gültig bis zum Ablaufdatum; keine Barauszahlung.",
         "Действует только в розничных магазинах сети.",
         "仅限门店使用，不可与其他优惠同时使用。",
         "لا يمكن استبدالها نقدا. تطبق الشروط والأحكام.",
         "एक ग्राहक एक बार। अन्य ऑफ़र के साथ मान्य नहीं।"]
OFFSETS = ["Z", "+00:00", "+01:00", "+02:00", "+03:00", "+03:30", "+04:00", "+05:30", "+05:45", "+07:00",
           "+08:00", "+09:00", "+10:00", "+12:45", "+14:00", "-03:00", "-03:30", "-05:00", "-06:00", "-08:00", "-11:00"]
CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
PREFIXES = ["SUMMER", "DIWALI", "RAMADAN", "XMAS", "WELCOME", "VIP", "BDAY", "winback", "Promo_", "S11", "NY27", ""]


def snake(name):
    if name in COLUMN:
        return COLUMN[name]
    out = []
    for i, c in enumerate(name):
        if c.isupper() and i > 0 and (name[i - 1].islower() or (i + 1 < len(name) and name[i + 1].islower())):
            out.append("_")
        out.append(c.lower())
    return "".join(out)


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class Keys:
    """The key (orgId, seriesCode) of record i, computed again from i alone, so that a duplicate of any
    earlier record costs no memory however long the file."""

    def __init__(self, seed, profile):
        self.seed = seed.to_bytes(8, "little", signed=True)
        self.profile = profile

    def of(self, i):
        if self.profile == "simple":
            return str(100000 + i % 50), f"BENCH-{i:09d}"
        digest = hashlib.blake2b(i.to_bytes(8, "little") + self.seed, digest_size=16).digest()
        org = 100001 + (digest[0] * 256 + digest[1]) % 200 if digest[2] < 192 else 100001 + digest[3] % 8
        prefix = PREFIXES[digest[4] % len(PREFIXES)]
        code = "".join(CODE_CHARS[b % 62] for b in digest[5:5 + 8 + digest[15] % 5])
        return str(org), (prefix + "-" if prefix and digest[13] % 2 else prefix) + code


def date_time(rnd, first_year, last_year):
    return (f"{rnd.randint(first_year, last_year)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            f"T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}{rnd.choice(OFFSETS)}")


def maybe(rnd, p, value):
    return value() if rnd.random() < p else ""


def simple_record(i, rnd, keys):
    perc = rnd.random() < 0.6
    value = rnd.choice([5, 10, 15, 20, 25, 30, 40]) if perc else rnd.choice([50, 100, 150, 200, 250, 500, 1000])
    theme = THEMES[i % len(THEMES)]
    days = rnd.random() < 0.2
    any_user = rnd.random() < 0.3
    dow = sorted(rnd.sample(range(1, 8), rnd.randint(1, 3))) if rnd.random() < 0.3 else [-1]
    org, code = keys.of(i)
    return {
        "orgId": org, "seriesCode": code,
        "description": f"{theme}: {value}{'%' if perc else ' off'} on bills over {rnd.randint(1, 20) * 100}",
        "discountCode": f"{theme.split()[0].upper()}{value}", "discountType": "PERC" if perc else "ABS",
        "discountValue": str(value), "discountUpto": str(rnd.choice([0, 100, 200, 500])) if perc else "0",
        "discountOn": "BILL", "validTillDate": f"20{rnd.randint(28, 35)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}T23:59:59+05:30",
        "clientHandlingType": "DISC_CODE_PIN" if rnd.random() < 0.1 else "DISC_CODE",
        "expiryStrategyType": "DAYS" if days else "SERIES_EXPIRY", "expiryStrategyValue": str(rnd.randint(7, 90)) if days else "1",
        "anyUser": str(any_user).lower(),
        **{f: str(rnd.random() < 0.2).lower() for f in FLAGS},
        "resendMessageEnabled": "true",
        "smsTemplate": f"Hi {{{{first_name}}}}, enjoy {value}{'%' if perc else ''} off with code {{{{voucher}}}}. Valid till {{{{valid_days_from_create}}}} days.",
        "maxCreate": str(rnd.choice([-1, 1000, 10000, 100000])), "maxRedeem": str(rnd.choice([-1, 500, 5000])),
        "maxVouchersPerUser": str(rnd.choice([-1, 1, 2, 5])), "minDaysBetweenVouchers": str(rnd.choice([-1, 0, 7, 30])),
        "maxRedemptionsInSeriesPerUser": str(rnd.choice([-1, 1, 3])), "minDaysBetweenRedemption": str(rnd.choice([-1, 0, 1])),
        "redemptionValidAfterDays": str(rnd.choice([0, 0, 1, 3])),
        "redemptionPerCouponMaxLimit": str(rnd.choice([2, 5])) if any_user else "-1",
        "createdOn": f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}T10:00:00Z",
        "numIssued": "0", "numRedeemed": "0", "priority": str(rnd.randint(0, 10)), "campaignId": str(rnd.choice([-1, rnd.randint(1, 99999)])),
        "minBillAmount": str(rnd.choice([-1, 100, 499.5, 1000])), "maxBillAmount": "-1",
        "redemptionRange": compact({"dom": [-1], "dow": dow, "hours": [-1]}),
        "redeemStoreType": "redeemable_stores",
        "storeIdsJson": compact(sorted(rnd.sample(range(1000, 9999), rnd.randint(1, 4))) if rnd.random() < 0.4 else [-1]),
        "mutualExclusiveSeriesIds": "[-1]",
        "customPropertyMap": compact({"channel": rnd.choice(["sms", "email", "app"]), "batch": f"B{i // 1000:05d}"}),
    }


def realistic_record(i, rnd, keys):
    perc = rnd.random() < 0.6
    value = rnd.choice([5, 10, 12.5, 15, 20, 25, 30, 40, 50]) if perc else rnd.choice([50, 99.99, 100, 150, 250, 500, 1000])
    description, sms = rnd.choice(TEXTS)
    handling = rnd.choices(["DISC_CODE", "GENERIC", "DISC_CODE_PIN"], [8, 1, 1])[0]
    expiry = rnd.choices(["SERIES_EXPIRY", "DAYS", "MONTHS_END"], [6, 3, 1])[0]
    any_user = rnd.random() < 0.3
    sms_disabled = rnd.random() < 0.1
    issued = rnd.choice([0, 0, rnd.randint(1, 100000)])
    min_bill = rnd.choice([-1, 100, 499.5, 1000])
    exported = rnd.random() < 0.3
    org, code = keys.of(i)
    r = {
        "orgId": org, "seriesCode": code,
        "description": description.replace("{v}", str(value)) + maybe(rnd, 0.3, lambda: " · " + rnd.choice(THEMES)),
        "discountCode": f"{rnd.choice(THEMES).split()[0].upper()}{int(value)}",
        "discountType": rnd.choice(["PERC", "perc", "Perc"]) if perc else rnd.choice(["ABS", "abs"]),
        "discountValue": str(value), "discountUpto": str(rnd.choice([0, 100, 200, 500.5])) if perc else "0",
        "discountOn": rnd.choice(["BILL", "bill"]),
        "validTillDate": date_time(rnd, 2028, 2035), "clientHandlingType": handling,
        "genericCode": f"{code[-6:].upper()}{rnd.randint(10, 99)}" if handling == "GENERIC" else "",
        "expiryStrategyType": expiry,
        "expiryStrategyValue": "1" if expiry == "SERIES_EXPIRY" else str(rnd.randint(1, 365)),
        "anyUser": str(any_user).lower(),
        **{f: rnd.choice(["true", "false", "FALSE", "False", "false"]) for f in FLAGS},
        "resendMessageEnabled": rnd.choice(["true", "false", "TRUE"]),
        "smsTemplate": "" if sms_disabled and rnd.random() < 0.5 else sms.replace("{v}", str(value)),
        "isSMSDisabled": str(sms_disabled).lower(),
        "shortSMSTemplate": maybe(rnd, 0.3, lambda: f"{int(value)}% off: {{{{voucher}}}}"),
        "info": maybe(rnd, 0.2, lambda: compact({"note": rnd.choice(TERMS)})),
        "maxCreate": str(rnd.choice([-1, 1000, 10000, 100000, 2500000])), "maxRedeem": str(rnd.choice([-1, 500, 5000])),
        "maxVouchersPerUser": str(rnd.choice([-1, 1, 2, 5])), "minDaysBetweenVouchers": str(rnd.choice([-1, 0, 7, 30])),
        "maxRedemptionsInSeriesPerUser": str(rnd.choice([-1, 1, 3])), "minDaysBetweenRedemption": str(rnd.choice([-1, 0, 1])),
        "redemptionValidAfterDays": str(rnd.choice([0, 0, 1, 3])),
        "redemptionPerCouponMaxLimit": str(rnd.choice([2, 5])) if any_user and handling != "GENERIC" else "-1",
        "createdBy": maybe(rnd, 0.5, lambda: str(rnd.randint(1, 2 ** 40))),
        "createdOn": date_time(rnd, 2024, 2026),
        "numIssued": str(issued), "numRedeemed": str(issued // rnd.randint(2, 10)),
        "priority": str(rnd.randint(-5, 100)), "campaignId": str(rnd.choice([-1, rnd.randint(1, 9999999)])),
        "minBillAmount": str(min_bill), "maxBillAmount": str(rnd.choice([-1, 5000, 99999.99])),
        "redemptionRange": rnd.choice([compact({"dom": [-1], "dow": [-1], "hours": [-1]}),
                                       compact({"dow": sorted(rnd.sample(range(1, 8), rnd.randint(1, 3)))}),
                                       compact({"dom": ["1", "15"], "hours": list(range(rnd.randint(6, 12), 22))})]),
        "redemptionValidFrom": maybe(rnd, 0.3, lambda: date_time(rnd, 2026, 2027)),
        "dvsExpiryDate": maybe(rnd, 0.1, lambda: date_time(rnd, 2028, 2036)),
        "redeemStoreType": rnd.choice(["redeemable_stores", "REDEEMABLE_STORES"]),
        "storeIdsJson": compact(rnd.sample(range(1000, 99999), rnd.randint(1, 12)) if rnd.random() < 0.4 else [-1]),
        "mutualExclusiveSeriesIds": rnd.choice(["[-1]", compact([str(rnd.randint(1, 10 ** 6)) for _ in range(3)])]),
        "customPropertyMap": compact({"channel": rnd.choice(["sms", "email", "app", "whatsapp"]),
                                      "région": rnd.choice(["Île-de-France", "Bayern", "Москва", "Maharashtra", "東京"]),
                                      "batch": f"B{i // 1000:05d}"}),
        "productInfo": maybe(rnd, 0.25, lambda: compact(
            [{"productType": "SKU", "productIds": rnd.sample(range(10 ** 5, 10 ** 7), rnd.randint(1, 8))},
             {"productType": "BRAND", "productCodes": rnd.sample(["nike", "adidas", "puma", "lévis", "ユニクロ"], 2)}])),
        "redemptionOrgEntityDetails": maybe(rnd, 0.15, lambda: compact(
            [{"redemptionOrgEntityType": rnd.choice(["STORE", "TILL", "ZONE", "CONCEPT"]),
              "orgEntityId": rnd.randint(1, 10 ** 6)} for _ in range(rnd.randint(1, 3))])),
        "targetUserDetails": maybe(rnd, 0.1, lambda: compact({"validMaxUserTransactionLimit": rnd.randint(0, 9),
                                                              "segment": rnd.choice(["gold", "silver", "nouveau"])})),
        "couponPrefix": maybe(rnd, 0.2, lambda: rnd.choice(["SUM", "FEST", "vip_", "X-"])),
        "couponSuffix": maybe(rnd, 0.1, lambda: rnd.choice(["26", "A", "-end"])),
        "randomCodeLength": maybe(rnd, 0.3, lambda: str(rnd.randint(6, 12))),
    }
    for f in RECORD_KEEPING:
        r[f] = ""
    if exported:
        r.update({
            "id": str(rnd.randint(1, 10 ** 9)), "validDaysFromCreation": str(rnd.randint(0, 400)),
            "lastUsed": maybe(rnd, 0.5, lambda: date_time(rnd, 2025, 2026)), "numTotal": str(issued),
            "numUploadedNonIssued": "0", "numUploadedTotal": str(rnd.randint(0, 10)),
            "latestIssualTime": str(rnd.randint(1_600_000_000_000, 1_800_000_000_000)), "latestRedemptionTime": maybe(rnd, 0.5, lambda: str(rnd.randint(1_600_000_000_000, 1_800_000_000_000))),
            "fixedExpiryDate": str(rnd.randint(1_800_000_000_000, 2_000_000_000_000)), "validTillDateTime": r["validTillDate"],
            "seriesType": rnd.choice(["CAMPAIGN", "LOYALTY", "OUTBOUND"]), "ownedBy": rnd.choice(["LOYALTY", "CAMPAIGN", "NONE"]),
            "ownerId": str(rnd.randint(-1, 99999)), "ownerValidity": "0", "sourceOrgId": org,
            "tag": rnd.choice(["", "migrated", "été-2026", "春节"]), "dvsItems": "[]",
            "redeemAtStore": compact([rnd.randint(1, 9999)]), "issueToLoyalty": rnd.choice(["true", "false"]),
            "offlineRedeemType": "false", "isOldFlowEnabled": "false", "isPreRedeemEventRequired": "false",
            "termsAndConditions": rnd.choice(TERMS), "signalRedemptionEvent": "false", "syncToClient": "true",
            "showPinCode": str(handling == "DISC_CODE_PIN").lower(), "shortCodeLength": "0",
            "updateProductData": "false", "externalIssual": "false", "isReferralExistingUsersAllowed": "false",
            "isValidationRequired": "false", "isValidWithDiscountedItem": "true", "maxReferralsPerReferee": "-1",
            "warnings": "[]",
        })
    return r


# Every reject code that a file alone can cause, each in a way users get it; DUPLICATE_IN_FILE is made apart.
DEFECTS = [
    ("REQUIRED", lambda r: r.update(description="   ")),
    ("INVALID_TYPE", lambda r: r.update(anyUser="yes")),
    ("INVALID_TYPE", lambda r: r.update(maxCreate="10k")),
    ("INVALID_FORMAT", lambda r: r.update(validTillDate="2027-02-30T23:59:59+05:30")),
    ("INVALID_FORMAT", lambda r: r.update(validTillDate="31/12/2029")),
    ("INVALID_FORMAT", lambda r: r.update(customPropertyMap='{"channel": sms}')),
    ("INVALID_FORMAT", lambda r: r.update(seriesCode=r["seriesCode"] + " été")),
    ("INVALID_VALUE", lambda r: r.update(discountType="PERCENT")),
    ("INVALID_VALUE", lambda r: r.update(validTillDate="2019-06-30T23:59:59+05:30")),
    ("INVALID_VALUE", lambda r: r.update(redemptionRange='{"dom":[0,32]}')),
    ("INCONSISTENT", lambda r: r.update(discountType="PERC", discountValue="150")),
    ("INCONSISTENT", lambda r: r.update(numIssued="5", numRedeemed="9")),
    ("UNKNOWN_FIELD", lambda r: r.update(discountPercent="10")),
    ("MALFORMED", None),
]


JSON_FIELDS = {"redemptionRange", "storeIdsJson", "mutualExclusiveSeriesIds", "customPropertyMap", "productInfo",
               "redemptionOrgEntityDetails", "targetUserDetails", "dvsItems", "redeemAtStore", "warnings"}
TEXT_FIELDS = {"seriesCode", "description", "discountCode", "genericCode", "smsTemplate", "shortSMSTemplate", "info",
               "couponPrefix", "couponSuffix", "seriesType", "ownedBy", "tag", "termsAndConditions"}


def typed(r, profile):
    """The record as an API body: numbers, booleans and JSON as such (the simple profile keeps strings)."""
    if profile == "simple":
        return r
    out = {}
    for k, v in r.items():
        if v == "":
            continue
        if k in JSON_FIELDS:
            try:
                v = json.loads(v)
            except ValueError:
                pass
        elif k not in TEXT_FIELDS:
            if v in ("true", "false"):
                v = v == "true"
            elif re.fullmatch(r"-?[0-9]+", v):
                v = int(v)
            elif re.fullmatch(r"-?[0-9]+\.[0-9]+", v):
                v = float(v)
        out[k] = v
    return out


def duplicate_of(i, rnd, keys):
    """The key of an earlier record: within a chunk, across chunks, or from anywhere earlier in the file."""
    kind = rnd.randrange(3)
    distance = rnd.randint(1, 20) if kind == 0 else rnd.randint(100, 5000) if kind == 1 else rnd.randint(1, i)
    return keys.of(max(0, i - distance))


def write(a, n, out, seed, header):
    """Writes n records of the options a to out."""
    rnd = random.Random(seed)
    # A second generator draws the defects, so that the clean file and a defective one have the same records.
    defects = random.Random(seed + 1)
    keys = Keys(seed, a.profile)
    fields = SIMPLE if a.profile == "simple" else REQUEST + RECORD_KEEPING
    make = simple_record if a.profile == "simple" else realistic_record
    # surrogateescape writes the lone byte of a MALFORMED record's invalid UTF-8 as it is.
    opener = (lambda: gzip.open(out, "wt", newline="", encoding="utf-8", errors="surrogateescape", compresslevel=6)) \
        if a.gzip else (lambda: open(out, "w", newline="", encoding="utf-8", errors="surrogateescape"))
    with opener() as f:
        w = csv.writer(f, lineterminator="\n")
        if a.format == "csv" and header:
            w.writerow([snake(x) for x in fields] if a.copy_header else fields)
        nth_defect = 0
        for i in range(n):
            r = make(i, rnd, keys)
            draw = defects.random()
            malformed = None
            if draw < a.dups + (a.bad / (len(DEFECTS) + 1)):
                if i > 0:  # the first record of a file (or of a part) has nothing before it to repeat
                    r["orgId"], r["seriesCode"] = duplicate_of(i, defects, keys)
            elif draw < a.dups + a.bad:
                code, defect = DEFECTS[nth_defect % len(DEFECTS)]
                nth_defect += 1
                if defect is None:
                    malformed = ["short", "bytes"][(nth_defect // len(DEFECTS)) % 2]
                elif code == "UNKNOWN_FIELD" and a.format == "csv":
                    r["redemptionValidAfterDays"] = "-3"
                else:
                    defect(r)
            if malformed == "bytes":
                r["description"] = r["description"][:8] + "\udcff" + r["description"][8:]
            if a.format == "csv":
                row = [r.get(x, "") for x in fields]
                w.writerow(row[:-3] if malformed == "short" else row)
            else:
                line = json.dumps(typed(r, a.profile), separators=(",", ":"), ensure_ascii=False)
                f.write((line[:len(line) // 2] if malformed == "short" else line) + "\n")


def write_part(job):
    a, k, n = job
    write(a, n, f"{a.out}.{k}", a.seed + 1000 * k, k == 0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--profile", choices=["realistic", "simple"], default="realistic")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--bad", type=float, default=0.0)
    p.add_argument("--dups", type=float, default=0.0)
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.add_argument("--copy-header", action="store_true", help="write table column names (for psql \\copy)")
    p.add_argument("--gzip", action="store_true")
    p.add_argument("--parts", type=int, default=1,
                   help="write the file as this many parts at once (each its own seed, so keys and repeats stay "
                        "within a part), then join them: for files of 10M records")
    a = p.parse_args()
    if a.parts <= 1:
        write(a, a.n, a.out, a.seed, True)
        return
    import multiprocessing
    import shutil
    sizes = [a.n // a.parts + (1 if k < a.n % a.parts else 0) for k in range(a.parts)]
    with multiprocessing.Pool() as pool:
        pool.map(write_part, [(a, k, n) for k, n in enumerate(sizes)])
    with open(a.out, "wb") as out:
        for k in range(a.parts):
            with open(f"{a.out}.{k}", "rb") as part:
                shutil.copyfileobj(part, out, 1 << 20)
            os.remove(f"{a.out}.{k}")

if __name__ == "__main__":
    sys.exit(main())
