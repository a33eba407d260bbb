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
- The rep of an order is its creator (HISTORY.CREATEDBY.EMPLOYEEID, mapped in
  kam.yaml). Partners have no owner, so a partner's KAM is the rep of its
  newest order that is not cancelled (kam's documented rule, queries/README:
  newest line by date, then order id, then item), and a KAM's revenue is the
  LTM revenue of the partners that are theirs; every employee is listed.

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
        tcurr = list(csv.reader(f))
    # SAP currency keys that are no ISO code (USDN: dollars with 5
    # decimals) cannot be read as currencies: those rows are rejects.
    tcurr_rejected = sum(1 for r in tcurr if not (len(r[2]) == 3 and len(r[3]) == 3))
    with open(src / "employees.csv", newline="", encoding="utf-8") as f:
        employees = [e["EMPLOYEEID"] for e in csv.DictReader(f)]

    py, pm = map(int, PERIOD.split("-"))
    p = month_index((py, pm))
    windows = {"month": (p, p), "ytd": (month_index((py, 1)), p), "ltm": (p - 11, p)}
    revenue = {w: {"loaded": Decimal(0), "attributed": Decimal(0), "unattributed": Decimal(0)} for w in windows}
    by_account = defaultdict(Decimal)
    for it in items:
        o = orders[it["SALESORDERID"]]
        if o["LIFECYCLESTATUS"] == "X":
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

    newest = {}  # partner -> (date, order id, item) of its newest live line, creator
    for it in items:
        o = orders[it["SALESORDERID"]]
        if o["LIFECYCLESTATUS"] == "X":
            continue
        key = (o["HISTORY.CREATEDAT"], o["SALESORDERID"], it["SALESORDERITEM"])
        p = o["PARTNER.PARTNERID"]
        if p not in newest or key > newest[p][0]:
            newest[p] = (key, o["HISTORY.CREATEDBY.EMPLOYEEID"])
    kam_revenue = {e: Decimal(0) for e in employees}
    for p, (_, rep) in newest.items():
        kam_revenue[rep] += by_account.get(p, Decimal(0))
    cancelled_lines = sum(1 for it in items if orders[it["SALESORDERID"]]["LIFECYCLESTATUS"] == "X")

    top = sorted(by_account.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    out = {
        "dataset": NAME,
        "period": PERIOD,
        "currency": CUR,
        "files": {
            "salesOrderItem.csv": {"kind": "sales", "read": len(items), "loaded": len(items), "rejected": 0, "duplicate": 0},
            "salesOrder.csv": {"kind": "invoices", "read": len(order_rows), "loaded": len(order_rows), "rejected": 0, "duplicate": 0},
            "businessPartner.csv": {"kind": "accounts", "read": len(partners), "loaded": len(partners), "rejected": 0, "duplicate": 0},
            "employees.csv": {"kind": "kams", "read": len(employees), "loaded": len(employees), "rejected": 0, "duplicate": 0},
            "addresses.csv": {"kind": "skipped"},
            "texts.csv": {"kind": "skipped"},
            "TCURR.csv": {"kind": "fx_rates", "read": len(tcurr), "rejected": tcurr_rejected},
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
        "kams": [{"kam_id": e, "revenue": cents(kam_revenue[e])} for e in sorted(employees)],
        "unavailable": ["sales.cost_amount", "opportunities"],
        "messages": [f"salesOrderItem.csv: {cancelled_lines} sales line(s) of cancelled or returned orders"],
        "exit_code": 0,
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
