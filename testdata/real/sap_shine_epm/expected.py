#!/usr/bin/env python3
"""Expected figures for sap_shine_epm, computed from the raw SHINE files with
the standard library only (independent of kam).

Business definitions (SOURCE.md of the dataset):
- A sale is a sales order item (salesOrderItem.csv); its order (salesOrder.csv)
  gives the date (HISTORY.CREATEDAT) and the customer (PARTNER.PARTNERID).
- Orders with LIFECYCLESTATUS X are cancelled: their items are not revenue.
- Revenue is the item NETAMOUNT (before tax), in the item's own CURRENCY,
  converted to EUR with SAP's euro rate type EURX from TCURR.csv: the row
  FCURR -> EUR valid from GDATU (an inverted date, 99999999 - yyyymmdd) that
  is the latest on or before the order date; a negative UKURS is an indirect
  quotation (1 EUR = |UKURS| FCURR), so the rate is 1 / |UKURS|.
- Every partner of the orders is in businessPartner.csv (attributed).

Usage: expected.py [DATASET_DIR]  (default ../shared/real-exports/sap_shine_epm
beside the repository) — prints expected.json.
"""
import csv
import datetime
import json
import sys
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP, getcontext
from pathlib import Path

getcontext().prec = 50
NAME = "sap_shine_epm"
PERIOD = "2015-12"
CUR = "EUR"


def cents(d):
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def month_index(ym):
    y, m = ym
    return y * 12 + m - 1


def main():
    if len(sys.argv) > 1:
        src = Path(sys.argv[1])
    else:  # ../shared/real-exports beside the repository
        src = Path(__file__).resolve().parents[3].parent / "shared" / "real-exports" / NAME

    # TCURR: MANDT,KURST,FCURR,TCURR,GDATU,UKURS,FFACT,TFACT (no header).
    rates = defaultdict(list)  # currency -> [(valid_from, rate)]
    with open(src / "TCURR.csv", newline="", encoding="utf-8") as f:
        for mandt, kurst, fcurr, tcurr, gdatu, ukurs, _ff, _tf in csv.reader(f):
            if kurst != "EURX" or tcurr != CUR or mandt != "000":
                continue
            d = str(99999999 - int(gdatu))
            valid = datetime.date(int(d[:4]), int(d[4:6]), int(d[6:]))
            u = Decimal(ukurs)
            rate = (1 / -u) if u < 0 else u
            rates[fcurr].append((valid, rate))

    def rate(cur, day):
        if cur == CUR:
            return Decimal(1)
        best = [r for v, r in sorted(rates[cur]) if v <= day]
        if not best:
            raise SystemExit(f"no EURX rate for {cur} on {day}")
        return best[-1]

    with open(src / "businessPartner.csv", newline="", encoding="utf-8-sig") as f:
        partners = {r["PARTNERID"] for r in csv.DictReader(f)}
    orders = {}
    with open(src / "salesOrder.csv", newline="", encoding="utf-8") as f:
        order_rows = list(csv.DictReader(f))
    for o in order_rows:
        orders[o["SALESORDERID"]] = o
    with open(src / "salesOrderItem.csv", newline="", encoding="utf-8") as f:
        items = list(csv.DictReader(f))
    with open(src / "TCURR.csv", newline="", encoding="utf-8") as f:
        tcurr_rows = sum(1 for _ in csv.reader(f))

    py, pm = map(int, PERIOD.split("-"))
    p = month_index((py, pm))
    windows = {"month": (p, p), "ytd": (month_index((py, 1)), p), "ltm": (p - 11, p)}
    revenue = {w: {"loaded": Decimal(0), "attributed": Decimal(0), "unattributed": Decimal(0)} for w in windows}
    by_account = defaultdict(Decimal)
    cancelled_orders = set()
    for it in items:
        o = orders[it["SALESORDERID"]]
        if o["LIFECYCLESTATUS"] == "X":
            cancelled_orders.add(o["SALESORDERID"])
            continue
        day = datetime.date.fromisoformat(o["HISTORY.CREATEDAT"])
        amount = Decimal(it["NETAMOUNT"]) * rate(it["CURRENCY"], day)
        m = month_index((day.year, day.month))
        account = o["PARTNER.PARTNERID"]
        for w, (lo, hi) in windows.items():
            if lo <= m <= hi:
                revenue[w]["loaded"] += amount
                revenue[w]["attributed" if account in partners else "unattributed"] += amount
        lo, hi = windows["ltm"]
        if lo <= m <= hi and account in partners:
            by_account[account] += amount

    top = sorted(by_account.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    out = {
        "dataset": NAME,
        "period": PERIOD,
        "currency": CUR,
        "files": {
            "salesOrderItem.csv": {"kind": "sales", "read": len(items), "loaded": len(items), "rejected": 0, "duplicate": 0},
            "salesOrder.csv": {"kind": "invoices", "read": len(order_rows), "loaded": len(order_rows), "rejected": 0, "duplicate": 0},
            "businessPartner.csv": {"kind": "accounts", "read": len(partners), "loaded": len(partners), "rejected": 0, "duplicate": 0},
            "TCURR.csv": {"kind": "fx_rates", "read": tcurr_rows},
        },
        "revenue": {
            w: {
                "loaded_revenue": cents(v["loaded"]),
                "attributed_revenue": cents(v["attributed"]),
                "unattributed_revenue": cents(v["unattributed"]),
            }
            for w, v in revenue.items()
        },
        "top_accounts": [{"account_id": a, "revenue": cents(r)} for a, r in top],
        "unavailable": ["sales.cost_amount", "opportunities"],
        "messages": [f"{len(cancelled_orders)} cancelled"],
        "exit_code": 0,
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
