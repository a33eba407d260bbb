#!/usr/bin/env python3
"""Expected figures for jaffle_shop_classic from the raw seed files, standard
library only (independent of kam).

Business reading (SOURCE.md): an order is an invoice (raw_orders: id,
user_id = the customer, order_date, status); its revenue is the sum of its
payments (raw_payments.amount, an integer number of cents); customers are
the accounts, named by first name + last initial. An order whose status says
it was returned is no sale: its payments are kept out of revenue (reported
apart as cancelled/returned); every other status (placed, shipped,
completed, return_pending: the return has not happened) is revenue. No
cost, no reps, no opportunities.

usage: expected.py [DATASET_DIR] > expected.json
"""
import csv
import json
import os
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "real-exports", "jaffle_shop_classic")
PERIOD = "2018-04"  # orders run 2018-01-01 .. 2018-04-09
NOT_A_SALE = {"returned"}


def rows(name):
    with open(os.path.join(DATA, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def month_index(ym):
    return int(ym[:4]) * 12 + int(ym[5:7]) - 1


def money(d):
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


customers = {r["id"]: r for r in rows("raw_customers.csv")}
orders = {r["id"]: r for r in rows("raw_orders.csv")}
payments = rows("raw_payments.csv")

p = month_index(PERIOD)
win = {"month": (p, p), "ytd": (int(PERIOD[:4]) * 12, p), "ltm": (p - 11, p)}

lines = []  # (month, account, amount, is_sale)
for pay in payments:
    o = orders[pay["order_id"]]
    amount = Decimal(pay["amount"]) / 100
    lines.append((month_index(o["order_date"]), o["user_id"], amount, o["status"] not in NOT_A_SALE))

revenue = {}
for name, (a, b) in win.items():
    sel = [l for l in lines if a <= l[0] <= b and l[3]]
    total = sum((l[2] for l in sel), Decimal(0))
    attributed = sum((l[2] for l in sel if l[1] in customers), Decimal(0))
    revenue[name] = {"loaded_revenue": money(total), "attributed_revenue": money(attributed),
                     "unattributed_revenue": money(total - attributed)}

a, b = win["ltm"]
ltm = defaultdict(Decimal)
for m, acc, amt, sale in lines:
    if a <= m <= b and sale and acc in customers:
        ltm[acc] += amt
top = sorted(ltm.items(), key=lambda kv: (-kv[1], kv[0]))[:5]

returned = [l for l in lines if not l[3]]
out = {
    "dataset": "jaffle_shop_classic",
    "period": PERIOD,
    "files": {
        "raw_customers.csv": {"kind": "accounts", "read": len(customers), "loaded": len(customers), "rejected": 0, "duplicate": 0},
        "raw_orders.csv": {"kind": "invoices", "read": len(orders), "loaded": len(orders), "rejected": 0, "duplicate": 0},
        "raw_payments.csv": {"kind": "sales", "read": len(payments), "loaded": len(payments), "rejected": 0, "duplicate": 0},
    },
    "revenue": revenue,
    "top_accounts": [{"account_id": acc, "revenue": money(v), "gross_margin": None} for acc, v in top],
    "kams": [],
    "unavailable": ["sales.cost_amount", "opportunities", "activities", "targets"],
    "messages": [f"{len(returned)} sales line(s) of cancelled or returned orders"],
    "note": f"returned orders: {len(returned)} payments, {money(sum((l[2] for l in returned), Decimal(0)))} kept out of revenue",
}
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
