#!/usr/bin/env python3
"""Expected figures for adventureworks_pl300 from the raw UTF-16 files,
standard library only (independent of kam).

Business reading (SOURCE.md): each line of ResellerSales_202006.csv is a
sale to a reseller (ResellerKey: the account) by a salesperson (EmployeeKey:
the KAM), worth SalesAmount, costing TotalProductCost. There is no accounts
file: each reseller belongs to the rep on its lines (no reseller has two).
The company's fiscal year starts in July. ResellerSalesTargets.csv holds
monthly targets per salesperson (one column per month, `-` = no target, in
thousands) keyed by an HR EmployeeID that the sales lines do not carry (they
use the EmployeeKey surrogate): every target is loaded, none can be compared
with the sales, and kam must say so (the plan stays unknown).

usage: expected.py [DATASET_DIR] > expected.json
"""
import csv
import io
import json
import os
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "real-exports", "adventureworks_pl300")
PERIOD = "2020-06"
FISCAL_YEAR_START = 7


def rows(name):
    with io.open(os.path.join(DATA, name), encoding="utf-16", newline="") as f:
        return list(csv.DictReader(f))


def month_index(ym):
    return int(ym[:4]) * 12 + int(ym[5:7]) - 1


def money(d):
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


sales = rows("ResellerSales_202006.csv")
targets = rows("ResellerSalesTargets.csv")
target_reps = {t["EmployeeID"] for t in targets}
MONTHS = [f"M{m:02d}" for m in range(1, 13)]
target_months = sum(1 for t in targets for m in MONTHS if t[m].strip() not in ("", "-"))
assert not target_reps & {s["EmployeeKey"] for s in sales}, "targets and sales share rep ids"

reps = defaultdict(set)
for s in sales:
    reps[s["ResellerKey"]].add(s["EmployeeKey"])
assert all(len(v) == 1 for v in reps.values())
rep_of = {acc: next(iter(v)) for acc, v in reps.items()}

p = month_index(PERIOD)
y = int(PERIOD[:4]) - (1 if int(PERIOD[5:7]) < FISCAL_YEAR_START else 0)
win = {"month": (p, p), "ytd": (y * 12 + FISCAL_YEAR_START - 1, p), "ltm": (p - 11, p)}

revenue = {}
for name, (a, b) in win.items():
    total = sum((Decimal(s["SalesAmount"]) for s in sales if a <= month_index(s["OrderDate"]) <= b), Decimal(0))
    revenue[name] = {"loaded_revenue": money(total), "attributed_revenue": money(total), "unattributed_revenue": "0.00"}

a, b = win["ltm"]
acc_rev, acc_cost = defaultdict(Decimal), defaultdict(Decimal)
for s in sales:
    if a <= month_index(s["OrderDate"]) <= b:
        acc_rev[s["ResellerKey"]] += Decimal(s["SalesAmount"])
        acc_cost[s["ResellerKey"]] += Decimal(s["TotalProductCost"])
top = sorted(acc_rev.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
per_rep = defaultdict(Decimal)
for acc, v in acc_rev.items():
    per_rep[rep_of[acc]] += v
rev, cost = sum(acc_rev.values(), Decimal(0)), sum(acc_cost.values(), Decimal(0))

out = {
    "dataset": "adventureworks_pl300",
    "period": PERIOD,
    "files": {
        "ResellerSales_202006.csv": {"kind": "sales", "read": len(sales), "loaded": len(sales), "rejected": 0, "duplicate": 0},
        "ResellerSalesTargets.csv": {"kind": "targets", "read": len(targets), "loaded": len(targets), "rejected": 0, "duplicate": 0},
    },
    "revenue": revenue,
    "top_accounts": [{"account_id": acc, "revenue": money(v), "gross_margin": money(v - acc_cost[acc])} for acc, v in top],
    "kams": [{"kam_id": k, "revenue": money(v)} for k, v in sorted(per_rep.items())],
    "margin": {"ltm": {"revenue": money(rev), "cogs": money(cost), "gross_margin": money(rev - cost),
                       "revenue_without_cost": "0.00"}},
    "unavailable": ["opportunities", "activities"],
    "messages": [f"ResellerSalesTargets.csv: {target_months} target(s) name {len(target_reps)} KAMs that kam does not know"],
    "note": f"the targets name {len(target_reps)} salespeople by HR id; the sales lines name theirs by EmployeeKey",
}
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
