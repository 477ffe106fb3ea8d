#!/usr/bin/env python3
"""Writes N realistic coupon series definitions (~500 bytes each) as CSV or JSON Lines.

Deterministic by seed. Every field that the coupon_series table keeps NOT NULL is given explicitly, so
that psql \\copy can load the same CSV for comparison. With --bad F, a fraction F of the records carries
one realistic defect (each a different error code).

usage: generate.py N OUT [--seed S] [--bad F] [--format csv|jsonl]
"""
import argparse
import csv
import json
import random
import sys

FIELDS = ["orgId", "seriesCode", "description", "discountCode", "discountType", "discountValue", "discountUpto",
          "discountOn", "validTillDate", "clientHandlingType", "expiryStrategyType", "expiryStrategyValue", "anyUser",
          "isTransferrable", "sameUserMultipleRedeem", "isMultipleUseAllowed", "isMultipleVouchersPerUserAllowed",
          "doNotResendExistingVoucher", "isSMSDisabled", "isDvsEnabled", "alphaNumeric", "isPrefixEnabled",
          "isSuffixEnabled", "orgPrefixOverride", "orgSuffixOverride", "resendMessageEnabled", "smsTemplate",
          "maxCreate", "maxRedeem", "maxVouchersPerUser", "minDaysBetweenVouchers", "maxRedemptionsInSeriesPerUser",
          "minDaysBetweenRedemption", "redemptionValidAfterDays", "redemptionPerCouponMaxLimit", "createdOn",
          "numIssued", "numRedeemed", "priority", "campaignId", "minBillAmount", "maxBillAmount", "redemptionRange",
          "redeemStoreType", "storeIdsJson", "mutualExclusiveSeriesIds", "customPropertyMap"]

THEMES = ["Spring sale", "Summer splash", "Monsoon treats", "Festive season", "Winter warmers", "New year",
          "Birthday gift", "Welcome aboard", "We miss you", "VIP lounge", "Student saver", "Weekend brunch"]


def snake(name):
    out = []
    for i, c in enumerate(name):
        if c.isupper() and i > 0 and (name[i - 1].islower() or (i + 1 < len(name) and name[i + 1].islower())):
            out.append("_")
        out.append(c.lower())
    return "".join(out)


def record(i, rnd):
    perc = rnd.random() < 0.6
    value = rnd.choice([5, 10, 15, 20, 25, 30, 40]) if perc else rnd.choice([50, 100, 150, 200, 250, 500, 1000])
    theme = THEMES[i % len(THEMES)]
    days = rnd.random() < 0.2
    any_user = rnd.random() < 0.3
    dow = sorted(rnd.sample(range(1, 8), rnd.randint(1, 3))) if rnd.random() < 0.3 else [-1]
    return {
        "orgId": str(100000 + i % 50), "seriesCode": f"BENCH-{i:09d}",
        "description": f"{theme}: {value}{'%' if perc else ' off'} on bills over {rnd.randint(1, 20) * 100}",
        "discountCode": f"{theme.split()[0].upper()}{value}", "discountType": "PERC" if perc else "ABS",
        "discountValue": str(value), "discountUpto": str(rnd.choice([0, 100, 200, 500])) if perc else "0",
        "discountOn": "BILL", "validTillDate": f"20{rnd.randint(28, 35)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}T23:59:59+05:30",
        "clientHandlingType": "DISC_CODE_PIN" if rnd.random() < 0.1 else "DISC_CODE",
        "expiryStrategyType": "DAYS" if days else "SERIES_EXPIRY", "expiryStrategyValue": str(rnd.randint(7, 90)) if days else "1",
        "anyUser": str(any_user).lower(),
        **{f: str(rnd.random() < 0.2).lower() for f in ["isTransferrable", "sameUserMultipleRedeem", "isMultipleUseAllowed",
                                                         "isMultipleVouchersPerUserAllowed", "doNotResendExistingVoucher",
                                                         "isSMSDisabled", "isDvsEnabled", "alphaNumeric", "isPrefixEnabled",
                                                         "isSuffixEnabled", "orgPrefixOverride", "orgSuffixOverride"]},
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
        "redemptionRange": json.dumps({"dom": [-1], "dow": dow, "hours": [-1]}, separators=(",", ":")),
        "redeemStoreType": "redeemable_stores",
        "storeIdsJson": json.dumps(sorted(rnd.sample(range(1000, 9999), rnd.randint(1, 4))) if rnd.random() < 0.4 else [-1], separators=(",", ":")),
        "mutualExclusiveSeriesIds": "[-1]",
        "customPropertyMap": json.dumps({"channel": rnd.choice(["sms", "email", "app"]), "batch": f"B{i // 1000:05d}"}, separators=(",", ":")),
    }


DEFECTS = [
    ("validTillDate", lambda r: "2027-02-30T23:59:59+05:30"),    # INVALID_FORMAT: not a real date
    ("discountValue", lambda r: "150" if r["discountType"] == "PERC" else "-5"),  # INCONSISTENT / INVALID_VALUE
    ("description", lambda r: ""),                                # REQUIRED
    ("anyUser", lambda r: "yes"),                                 # INVALID_TYPE
    ("redemptionRange", lambda r: '{"dom":[0,32]}'),              # INVALID_VALUE
    ("customPropertyMap", lambda r: '{"channel": sms}'),          # INVALID_FORMAT
]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--bad", type=float, default=0.0)
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.add_argument("--copy-header", action="store_true", help="write table column names (for psql \\copy)")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    with open(a.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        if a.format == "csv":
            w.writerow([snake(x) for x in FIELDS] if a.copy_header else FIELDS)
        for i in range(a.n):
            r = record(i, rnd)
            if a.bad and rnd.random() < a.bad:
                field, defect = DEFECTS[i % len(DEFECTS)]
                r[field] = defect(r)
            if a.format == "csv":
                w.writerow([r[x] for x in FIELDS])
            else:
                f.write(json.dumps(r, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    sys.exit(main())
